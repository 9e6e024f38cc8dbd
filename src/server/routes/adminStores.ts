import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { authenticate } from '../auth/principal'
import type { Principal } from '../auth/principal'
import { HttpError, parseOrThrow } from '../http/errors'
import {
  CreateStoreBody,
  CreateTenantBody,
  createStore,
  createTenant,
  listStores,
  listTenants,
} from '../tenancy/stores'
import type { RouteContext } from './context'

type Admin = Extract<Principal, { kind: 'admin' }>

const StoreListQuery = z.strictObject({ tenantId: z.uuid().optional() })

const forbidden = (message: string) => new HttpError(403, 'FORBIDDEN', message)

/**
 * Provisioning: tenants (super admin) and stores (super admin, or a tenant admin for their own
 * tenant). The role comes from the admin's row (authenticate reads it), never from the token.
 */
export function registerAdminStoreRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config } = context
  const rateLimit = { max: config.authRateLimit.max, timeWindow: config.authRateLimit.windowMs }

  async function admin(request: FastifyRequest): Promise<Admin> {
    const principal = await authenticate(db, signer, request)
    if (principal.kind !== 'admin') throw forbidden('admin token required')
    return principal
  }

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

  app.get('/api/admin/stores', { config: { rateLimit } }, async (request) => {
    const caller = await admin(request)
    const { tenantId } = parseOrThrow(StoreListQuery, request.query, 'query')
    switch (caller.role) {
      case 'super_admin':
        return { stores: await listStores(db, tenantId ? { tenantId } : {}) }
      case 'tenant_admin':
        if (!caller.tenantId || (tenantId && tenantId !== caller.tenantId))
          throw forbidden('tenant outside this admin scope')
        return { stores: await listStores(db, { tenantId: caller.tenantId }) }
      case 'store_manager':
        if (tenantId) throw forbidden('a store manager sees only their store')
        return { stores: caller.storeId ? await listStores(db, { storeId: caller.storeId }) : [] }
    }
  })

  app.post('/api/admin/stores', { config: { rateLimit } }, async (request) => {
    const caller = await admin(request)
    if (caller.role === 'store_manager') throw forbidden('a store manager cannot create stores')
    const body = parseOrThrow(CreateStoreBody, request.body, 'store')
    const tenantId = body.tenantId ?? caller.tenantId
    if (!tenantId)
      throw new HttpError(400, 'TENANT_REQUIRED', 'tenantId is required for a super admin')
    if (caller.role === 'tenant_admin' && tenantId !== caller.tenantId)
      throw forbidden('tenant outside this admin scope')
    const outcome = await createStore(db, { code: body.code, name: body.name, tenantId })
    switch (outcome.kind) {
      case 'no-tenant':
        throw new HttpError(404, 'NOT_FOUND', 'tenant not found')
      case 'code-taken':
        throw new HttpError(409, 'STORE_CODE_TAKEN', `store code ${body.code} is taken`)
      case 'created':
        return { store: outcome.store }
    }
  })
}
