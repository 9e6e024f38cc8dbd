import { z } from 'zod'
import type { TransferDestinations } from '../../shared/ipc/stockSchemas'
import type { TenantStoresResponse } from '../../shared/sync/stores'
import type { RegisterStore, StandaloneRepositories } from '../store/repositories'
import { SyncRequestError } from '../sync/syncClient'

/*
 * The stores a register can send stock to: the other stores of its tenant, asked of the server
 * when it answers and kept on the register (local_values), so a register offline still sends
 * to the stores it knew.
 */

const cacheKey = 'transferDestinations'

const Kept = z.object({
  stores: z.array(z.object({ storeId: z.uuid(), name: z.string() })),
  fetchedAt: z.string(),
})
type Kept = z.infer<typeof Kept>

/** The list kept from the last time the server answered, or null if it never did. */
export function keptDestinations(
  repositories: Pick<StandaloneRepositories, 'stockDocuments'>,
): Kept | null {
  const parsed = Kept.safeParse(repositories.stockDocuments.localValue(cacheKey))
  return parsed.success ? parsed.data : null
}

/**
 * Asks the server (through `fetchStores`) and keeps its answer; when it cannot be asked (offline,
 * not enrolled, refused), the kept list marked isCached, or none (fetchedAt null).
 */
export async function transferDestinations(
  store: RegisterStore,
  fetchStores: () => Promise<TenantStoresResponse>,
  now: () => Date,
): Promise<TransferDestinations> {
  try {
    const reply = await fetchStores()
    const kept: Kept = {
      stores: reply.stores
        .flatMap((found) => {
          const storeId = z.uuid().safeParse(found.storeId)
          return storeId.success ? [{ storeId: storeId.data, name: found.name }] : []
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
      fetchedAt: now().toISOString(),
    }
    store.stockDocuments.setLocalValue(cacheKey, kept, kept.fetchedAt)
    return { ...kept, isCached: false }
  } catch (error) {
    if (!(error instanceof SyncRequestError)) throw error
    const kept = keptDestinations(store)
    return kept ? { ...kept, isCached: true } : { stores: [], isCached: false, fetchedAt: null }
  }
}
