import type { FastifyInstance } from 'fastify'
import type { TenantStoresResponse } from '../../shared/sync/stores'
import { authenticate, requireDevice } from '../auth/principal'
import { selectStores } from '../db/tenancyRepository'
import type { RouteContext } from './context'

/**
 * GET /api/sync/stores: the other stores of the calling register's tenant, which it can send
 * stock to. A device token only (the tenant comes from the device's row, read on every request);
 * another tenant's stores are never listed.
 */
export function registerSyncStoreRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer } = context
  app.get('/api/sync/stores', async (request): Promise<TenantStoresResponse> => {
    const device = requireDevice(await authenticate(db, signer, request))
    const stores = await selectStores(db, { tenantId: device.tenantId })
    return {
      stores: stores
        .filter((store) => store.id !== device.storeId)
        .map((store) => ({ storeId: store.id, code: store.code, name: store.name })),
    }
  })
}
