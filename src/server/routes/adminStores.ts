import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { CreateStoreBody, StoreListQuery, UpdateStoreBody } from '../../shared/backoffice/api'
import type { StoreListReply, StoreReply } from '../../shared/backoffice/api'
import type { Executor } from '../db/connection'
import {
  countStoreDependents,
  deleteUnusedStore,
  lockStore,
  selectStoreDetails,
  updateStoreDetails,
} from '../db/backofficeRepository'
import { findTenantById, insertStoreUnlessCodeTaken } from '../db/tenancyRepository'
import { HttpError, parseOrThrow } from '../http/errors'
import { CreateTenantBody, createTenant, listTenants } from '../tenancy/stores'
import { storeDetail } from '../tenancy/views'
import {
  forbidden,
  notFound,
  requireAdmin,
  requireOwner,
  requireStoreInScope,
  scopeFilterFor,
} from './adminScope'
import type { RouteContext } from './context'

const StoreParams = z.strictObject({ storeId: z.uuid() })

async function storeReply(db: Executor, storeId: string): Promise<StoreReply> {
  const [row] = await selectStoreDetails(db, { storeId })
  if (!row) throw notFound('store')
  return { store: storeDetail(row) }
}

/**
 * Provisioning: tenants (super admin) and stores (super admin for any tenant, a tenant admin for
 * their own; a store manager reads their stores). The role comes from the admin's row
 * (authenticate reads it), never from the token.
 */
export function registerAdminStoreRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config } = context
  const rateLimit = { max: config.authRateLimit.max, timeWindow: config.authRateLimit.windowMs }
  const storeLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }
  const admin = (request: Parameters<typeof requireAdmin>[2]) => requireAdmin(db, signer, request)

  app.get('/api/admin/tenants', { config: { rateLimit } }, async (request) => {
    const caller = await admin(request)
    if (caller.role === 'super_admin') return { tenants: await listTenants(db) }
    if (caller.role === 'tenant_admin' && caller.tenantId)
      return { tenants: await listTenants(db, caller.tenantId) }
    throw forbidden('tenants are listed for super and tenant admins')
  })

  app.post('/api/admin/tenants', { config: { rateLimit } }, async (request) => {
    const caller = await admin(request)
    if (caller.role !== 'super_admin') throw forbidden('only a super admin creates tenants')
    const body = parseOrThrow(CreateTenantBody, request.body, 'tenant')
    return { tenant: await createTenant(db, body.name) }
  })

  app.get('/api/admin/stores', { config: { rateLimit: storeLimit } }, async (request) => {
    const caller = await admin(request)
    const { tenantId } = parseOrThrow(StoreListQuery, request.query, 'query')
    const filter = scopeFilterFor(caller, tenantId)
    const reply: StoreListReply = {
      stores: (await selectStoreDetails(db, filter)).map(storeDetail),
    }
    return reply
  })

  app.post('/api/admin/stores', { config: { rateLimit } }, async (request) => {
    const caller = await admin(request)
    requireOwner(caller, 'create stores')
    const body = parseOrThrow(CreateStoreBody, request.body, 'store')
    const tenantId = body.tenantId ?? caller.tenantId
    if (!tenantId)
      throw new HttpError(400, 'TENANT_REQUIRED', 'tenantId is required for a super admin', [
        { path: 'tenantId', message: 'required for a super admin' },
      ])
    if (caller.role === 'tenant_admin' && tenantId !== caller.tenantId)
      throw forbidden('tenant outside this admin scope')
    if (!(await findTenantById(db, tenantId))) throw notFound('tenant')
    const { tenantId: _tenant, ...fields } = body
    const row = await insertStoreUnlessCodeTaken(db, { ...fields, tenantId })
    if (!row)
      throw new HttpError(409, 'STORE_CODE_TAKEN', `store code ${body.code} is taken`, [
        { path: 'code', message: 'taken by another store on this server' },
      ])
    return storeReply(db, row.id)
  })

  app.get('/api/admin/stores/:storeId', { config: { rateLimit: storeLimit } }, async (request) => {
    const caller = await admin(request)
    const { storeId } = parseOrThrow(StoreParams, request.params, 'path')
    await requireStoreInScope(db, caller, storeId)
    return storeReply(db, storeId)
  })

  app.patch(
    '/api/admin/stores/:storeId',
    { config: { rateLimit: storeLimit } },
    async (request) => {
      const caller = await admin(request)
      const { storeId } = parseOrThrow(StoreParams, request.params, 'path')
      await requireStoreInScope(db, caller, storeId)
      requireOwner(caller, "change a store's details")
      const body = parseOrThrow(UpdateStoreBody, request.body ?? {}, 'store')
      await updateStoreDetails(db, storeId, body)
      return storeReply(db, storeId)
    },
  )

  app.delete(
    '/api/admin/stores/:storeId',
    { config: { rateLimit: storeLimit } },
    async (request, reply) => {
      const caller = await admin(request)
      const { storeId } = parseOrThrow(StoreParams, request.params, 'path')
      await requireStoreInScope(db, caller, storeId)
      requireOwner(caller, 'delete stores')
      await db.transaction(async (tx) => {
        if (!(await lockStore(tx, storeId))) throw notFound('store')
        const used = await countStoreDependents(tx, storeId)
        if (used.registers > 0)
          throw new HttpError(
            409,
            'STORE_IN_USE',
            `the store has ${used.registers} register(s): revoke and remove them first`,
          )
        if (used.records > 0 || used.conflicts > 0)
          throw new HttpError(
            409,
            'STORE_IN_USE',
            `the store holds ${used.records} synced record(s) (sales, catalog): it cannot be deleted`,
          )
        await deleteUnusedStore(tx, storeId)
      })
      return reply.status(204).send()
    },
  )
}
