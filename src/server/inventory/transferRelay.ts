import type { Database } from '../db/connection'
import { selectPendingTransferCopies, selectStoreIds } from '../db/transferRelayRepository'
import type { RealtimeBus } from '../realtime/bus'
import { writeServerChanges } from '../sync/serverWrite'

/*
 * Sync records are per store, so a stock transfer a register of store A pushes (its fromStoreId)
 * would never reach store B's registers. The relay copies each such record into store B
 * (toStoreId) with the same id and data, as a server write registers pull like any other change.
 *
 * - Only A's own record is relayed (storeId = data.fromStoreId): B's copy never goes back.
 * - Idempotent: the same data is an unchanged write; a copy already equal is not even written.
 * - The newer of the two wins: A's record is relayed again only when it changed after B's copy
 *   (a back-office edit of A's record); a later edit of B's copy is left alone.
 * - Both stores must belong to one tenant; otherwise the record stays where it is, logged once.
 * - The back office may write both copies itself; an equal copy is simply left as it is.
 *
 * Woken by the bus after each push (a debounce gathers a burst) and by a periodic sweep, like the
 * stock projector; one store's failure ends its turn only, the next wake or sweep retries it.
 */

export const RELAY_WRITER = 'relay:transfer'

export interface TransferRelayOptions {
  sweepMs?: number
  wakeDelayMs?: number
  onError?: (error: unknown) => void
  /** Told once per record it will not relay (no such store, or another tenant's). */
  onRefused?: (refusal: { storeId: string; id: string; toStoreId: string; reason: string }) => void
}

export interface TransferRelay {
  wake(storeId: string): void
  /** Relays this store's pending transfers now; resolves with how many copies were written. */
  relayStore(storeId: string): Promise<number>
  close(): Promise<void>
}

export function createTransferRelay(
  db: Database,
  bus: RealtimeBus | null,
  options: TransferRelayOptions = {},
): TransferRelay {
  const onError = options.onError ?? (() => undefined)
  const refusedOnce = new Set<string>()
  const dirty = new Set<string>()
  let isSweepDue = false
  let isClosed = false
  let running: Promise<void> | null = null
  let scheduled: NodeJS.Timeout | null = null

  async function relayStore(storeId: string): Promise<number> {
    let written = 0
    for (const copy of await selectPendingTransferCopies(db, storeId)) {
      if (!copy.isKnownStore || !copy.isSameTenant) {
        const key = `${storeId}/${copy.id}`
        if (!refusedOnce.has(key)) {
          refusedOnce.add(key)
          options.onRefused?.({
            storeId,
            id: copy.id,
            toStoreId: copy.toStoreId,
            reason: copy.isKnownStore ? 'another tenant’s store' : 'no such store',
          })
        }
        continue
      }
      // One write per transfer: a refused copy never holds back the others.
      const outcome = await writeServerChanges(db, [
        {
          storeId: copy.toStoreId,
          writerId: RELAY_WRITER,
          entity: 'stockTransfer',
          id: copy.id,
          data: copy.data,
        },
      ])
      const [result] = outcome.kind === 'written' ? outcome.outcomes : [outcome.outcome]
      if (result?.kind === 'applied') {
        written++
        bus?.publish({ type: 'poke', storeId: copy.toStoreId, headSeq: result.headSeq })
      } else if (result && result.kind !== 'unchanged')
        onError(
          new Error(`transfer ${copy.id} was not relayed to ${copy.toStoreId}: ${result.kind}`),
        )
    }
    return written
  }

  async function work(): Promise<void> {
    while (!isClosed && (dirty.size > 0 || isSweepDue)) {
      const stores = isSweepDue ? await selectStoreIds(db) : []
      isSweepDue = false
      for (const id of dirty) stores.push(id)
      dirty.clear()
      for (const storeId of new Set(stores)) await relayStore(storeId).catch(onError)
    }
  }

  function kick(): void {
    if (running || scheduled || isClosed) return
    scheduled = setTimeout(() => {
      scheduled = null
      running = work()
        .catch(onError)
        .finally(() => {
          running = null
          if (dirty.size > 0 || isSweepDue) kick()
        })
    }, options.wakeDelayMs ?? 250)
  }

  function wake(storeId: string): void {
    dirty.add(storeId)
    kick()
  }

  const unsubscribe = bus?.subscribe((message) => {
    if (message.type === 'poke') wake(message.storeId)
  })
  const sweep = setInterval(() => {
    isSweepDue = true
    kick()
  }, options.sweepMs ?? 30_000)
  sweep.unref()

  return {
    wake,
    relayStore,
    async close() {
      isClosed = true
      clearInterval(sweep)
      if (scheduled) clearTimeout(scheduled)
      unsubscribe?.()
      await running
    },
  }
}
