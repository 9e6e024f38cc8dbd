import { z } from 'zod'

/*
 * GET /api/sync/stores: the other stores of the calling device's tenant, which its register can
 * send stock to. The tenant comes from the device's token only; a register reads the reply
 * leniently about extra fields, so a newer server may add some.
 */

export const TenantStore = z.object({ storeId: z.string(), code: z.string(), name: z.string() })
export type TenantStore = z.infer<typeof TenantStore>

export const TenantStoresResponse = z.object({ stores: z.array(TenantStore) })
export type TenantStoresResponse = z.infer<typeof TenantStoresResponse>
