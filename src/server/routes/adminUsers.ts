import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { CreateAdminBody, UpdateAdminBody, UserListQuery } from '../../shared/backoffice/api'
import type { AdminListReply, AdminReply } from '../../shared/backoffice/api'
import { hashPassword } from '../auth/passwords'
import type { AdminPrincipal } from '../auth/principal'
import type { AdminScopeRow } from '../db/backofficeRepository'
import {
  deleteAdminSessions,
  findAdminScope,
  insertAdminUnlessEmailTaken,
  replaceAdminStores,
  selectAdmins,
  selectStoreTenants,
  updateAdminUser,
} from '../db/backofficeRepository'
import type { Executor } from '../db/connection'
import { findTenantById } from '../db/tenancyRepository'
import { HttpError, parseOrThrow } from '../http/errors'
import { adminView } from '../tenancy/views'
import { forbidden, notFound, requireAdmin, requireOwner } from './adminScope'
import type { RouteContext } from './context'

const UserParams = z.strictObject({ id: z.uuid() })

/** Whether `caller` may see (and so manage) the admin `target`. */
function canSee(caller: AdminPrincipal, target: AdminScopeRow): boolean {
  if (caller.role === 'super_admin') return true
  if (target.id === caller.adminId) return true
  return (
    caller.role === 'tenant_admin' &&
    target.role !== 'super_admin' &&
    caller.tenantId !== null &&
    target.tenantId === caller.tenantId
  )
}

/** A manager's stores must exist and belong to their tenant; 404 otherwise (nothing leaks). */
async function checkStoresOfTenant(
  db: Executor,
  storeIds: string[],
  tenantId: string,
): Promise<void> {
  if (storeIds.length === 0)
    throw new HttpError(400, 'VALIDATION', 'a store manager needs at least one store', [
      { path: 'storeIds', message: 'at least one store' },
    ])
  const unique = [...new Set(storeIds)]
  const found = await selectStoreTenants(db, unique)
  if (found.length !== unique.length || found.some((store) => store.tenantId !== tenantId))
    throw new HttpError(404, 'NOT_FOUND', 'store not found', [
      { path: 'storeIds', message: 'unknown store or a store of another business' },
    ])
}

async function userReply(db: Executor, adminId: string): Promise<AdminReply> {
  const row = await findAdminScope(db, adminId)
  if (!row) throw notFound('user')
  return { user: adminView(row) }
}

/**
 * Back-office users: an owner (tenant admin) creates co-owners and store managers bound to their
 * stores, disables or re-enables them and resets passwords; a super admin does so for any tenant;
 * a store manager changes only their own password. Disabling ends the user's sessions at once.
 */
export function registerAdminUserRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config } = context
  const rateLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }

  app.get('/api/admin/users', { config: { rateLimit } }, async (request) => {
    const caller = await requireAdmin(db, signer, request)
    requireOwner(caller, 'list users')
    if (caller.role === 'tenant_admin' && !caller.tenantId) throw forbidden('no tenant')
    const { tenantId } = parseOrThrow(UserListQuery, request.query ?? {}, 'query')
    if (tenantId && caller.role === 'tenant_admin' && tenantId !== caller.tenantId)
      throw forbidden('tenant outside this admin scope')
    const rows = await selectAdmins(
      db,
      caller.role === 'super_admin'
        ? tenantId
          ? { tenantId }
          : {}
        : { tenantId: caller.tenantId! },
    )
    const reply: AdminListReply = { users: rows.map(adminView) }
    return reply
  })

  app.post('/api/admin/users', { config: { rateLimit } }, async (request) => {
    const caller = await requireAdmin(db, signer, request)
    requireOwner(caller, 'create users')
    const body = parseOrThrow(CreateAdminBody, request.body, 'user')
    if (caller.role === 'tenant_admin' && body.tenantId && body.tenantId !== caller.tenantId)
      throw forbidden('tenant outside this admin scope')
    let tenantId = caller.role === 'tenant_admin' ? caller.tenantId : (body.tenantId ?? null)
    if (!tenantId && caller.role === 'super_admin' && body.role === 'store_manager') {
      // A super admin may name only the stores: the tenant is theirs.
      const [first] = await selectStoreTenants(db, body.storeIds.slice(0, 1))
      tenantId = first?.tenantId ?? null
    }
    if (!tenantId)
      throw new HttpError(400, 'TENANT_REQUIRED', 'tenantId is required for a super admin', [
        { path: 'tenantId', message: 'required for a super admin' },
      ])
    if (!(await findTenantById(db, tenantId))) throw notFound('tenant')
    const passwordHash = await hashPassword(body.password)
    const created = await db.transaction(async (tx) => {
      if (body.role === 'store_manager') await checkStoresOfTenant(tx, body.storeIds, tenantId)
      const row = await insertAdminUnlessEmailTaken(tx, {
        email: body.email.toLowerCase(),
        passwordHash,
        role: body.role,
        tenantId,
      })
      if (!row)
        throw new HttpError(409, 'EMAIL_TAKEN', 'this e-mail already has an account', [
          { path: 'email', message: 'already has an account' },
        ])
      if (body.role === 'store_manager') await replaceAdminStores(tx, row.id, body.storeIds)
      return row
    })
    return userReply(db, created.id)
  })

  app.patch('/api/admin/users/:id', { config: { rateLimit } }, async (request) => {
    const caller = await requireAdmin(db, signer, request)
    const { id } = parseOrThrow(UserParams, request.params, 'path')
    const target = await findAdminScope(db, id)
    if (!target || !canSee(caller, target)) throw notFound('user')
    const body = parseOrThrow(UpdateAdminBody, request.body, 'user')
    const isSelf = target.id === caller.adminId
    if (caller.role === 'store_manager' && (body.isDisabled !== undefined || body.storeIds))
      throw forbidden('a store manager changes only their own password')
    if (isSelf && body.isDisabled === true)
      throw new HttpError(409, 'CANNOT_DISABLE_SELF', 'you cannot disable your own account', [
        { path: 'isDisabled', message: 'not your own account' },
      ])
    if (body.storeIds && target.role !== 'store_manager')
      throw new HttpError(400, 'VALIDATION', 'only a store manager is bound to stores', [
        { path: 'storeIds', message: 'only for a store manager' },
      ])
    const passwordHash = body.password ? await hashPassword(body.password) : undefined
    await db.transaction(async (tx) => {
      if (body.storeIds) {
        if (!target.tenantId) throw notFound('user')
        await checkStoresOfTenant(tx, body.storeIds, target.tenantId)
        await replaceAdminStores(tx, target.id, [...new Set(body.storeIds)])
      }
      await updateAdminUser(tx, target.id, {
        ...(body.isDisabled === undefined
          ? {}
          : { disabledAt: body.isDisabled ? (target.disabledAt ?? new Date()) : null }),
        ...(passwordHash ? { passwordHash } : {}),
      })
      // A disabled user is out at once; a new password ends every other session of theirs.
      if (body.isDisabled === true) await deleteAdminSessions(tx, target.id)
      else if (passwordHash)
        await deleteAdminSessions(tx, target.id, isSelf ? caller.session?.idHash : undefined)
    })
    return userReply(db, target.id)
  })
}
