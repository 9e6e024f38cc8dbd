import type { FastifyRequest } from 'fastify'
import type { Database } from '../db/connection'
import { touchLiveDevice } from '../db/authRepository'
import type { AdminScopeRow } from '../db/backofficeRepository'
import { findEnabledAdminScope } from '../db/backofficeRepository'
import { findStoreTenantId } from '../db/tenancyRepository'
import { HttpError } from '../http/errors'
import type { LiveSession } from './sessions'
import { liveSessionOf } from './sessions'
import type { TokenSigner } from './tokens'

export type AdminPrincipal = {
  kind: 'admin'
  adminId: string
  role: 'super_admin' | 'tenant_admin' | 'store_manager'
  tenantId: string | null
  /** A store manager's only store, when they have exactly one: the default of `?storeId=`. */
  storeId: string | null
  /** The stores a store manager is bound to; empty for tenant and super admins. */
  storeIds: string[]
  /** Set when the request was authenticated by the back-office session cookie. */
  session: LiveSession | null
}

export type Principal =
  | { kind: 'device'; deviceId: string; storeId: string; tenantId: string; role: string }
  | AdminPrincipal

/** The admin principal of a live admin row (the role and scope always come from the row). */
export function adminPrincipalOf(
  admin: AdminScopeRow,
  session: LiveSession | null,
): AdminPrincipal {
  const role = admin.role as AdminPrincipal['role']
  const storeIds = role === 'store_manager' ? admin.storeIds : []
  return {
    kind: 'admin',
    adminId: admin.id,
    role,
    tenantId: admin.tenantId,
    storeId: storeIds.length === 1 ? storeIds[0]! : null,
    storeIds,
    session,
  }
}

/** The bearer token; the WebSocket route also takes `?token=` (browsers cannot set upgrade headers). */
export function bearerToken(request: FastifyRequest, isQueryAllowed = false): string | null {
  const header = request.headers.authorization
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim()
  const query = request.query as { token?: unknown } | undefined
  return isQueryAllowed && typeof query?.token === 'string' ? query.token : null
}

export const unauthorized = (message: string) => new HttpError(401, 'UNAUTHORIZED', message)

/**
 * Verifies the token, then reads the device (or admin) row on every request: nothing cached can
 * outlive a revoke. The device check also records when the device was last seen.
 */
/**
 * Token check only, for batch-push: the push transaction re-reads the device row itself (in the
 * statement that locks the store), so a revoke still takes effect on the next request.
 */
export async function verifyDeviceToken(
  signer: TokenSigner,
  request: FastifyRequest,
): Promise<Extract<Principal, { kind: 'device' }>> {
  const token = bearerToken(request)
  if (!token) throw unauthorized('missing bearer token')
  const claims = await signer.verify(token)
  if (!claims) throw unauthorized('invalid or expired token')
  if (claims.typ !== 'device')
    throw new HttpError(403, 'FORBIDDEN', 'this endpoint needs a device token')
  return {
    kind: 'device',
    deviceId: claims.sub,
    storeId: claims.sid,
    tenantId: claims.tid,
    role: claims.role,
  }
}

export async function authenticate(
  db: Database,
  signer: TokenSigner,
  request: FastifyRequest,
  isQueryAllowed = false,
): Promise<Principal> {
  const token = bearerToken(request, isQueryAllowed)
  if (!token) {
    // The back office's cookie session (CSRF-checked on state-changing methods).
    const session = await liveSessionOf(db, request)
    if (!session) throw unauthorized('missing bearer token')
    const admin = await findEnabledAdminScope(db, session.adminId)
    if (!admin) throw new HttpError(401, 'SESSION_EXPIRED', 'signed out: sign in again')
    return adminPrincipalOf(admin, session)
  }
  const claims = await signer.verify(token)
  if (!claims) throw unauthorized('invalid or expired token')
  if (claims.typ === 'device') {
    // Read the row on every request (touching last_seen_at now and then).
    const device = await touchLiveDevice(db, claims.sub)
    if (!device || device.storeId !== claims.sid || device.tenantId !== claims.tid)
      throw unauthorized('device revoked or unknown')
    return {
      kind: 'device',
      deviceId: claims.sub,
      storeId: device.storeId,
      tenantId: device.tenantId,
      role: device.role,
    }
  }
  const admin = await findEnabledAdminScope(db, claims.sub)
  if (!admin) throw unauthorized('admin disabled or unknown')
  return adminPrincipalOf(admin, null)
}

export function requireDevice(principal: Principal): Extract<Principal, { kind: 'device' }> {
  if (principal.kind !== 'device')
    throw new HttpError(403, 'FORBIDDEN', 'this endpoint needs a device token')
  return principal
}

/** The body's deviceId must be the token's device: scope never comes from the body. */
export function assertSameDevice(
  principal: Extract<Principal, { kind: 'device' }>,
  deviceId: string | undefined,
): void {
  if (deviceId !== undefined && deviceId !== principal.deviceId) {
    throw new HttpError(403, 'DEVICE_MISMATCH', 'deviceId does not match the authenticated device')
  }
}

/**
 * The store an endpoint acts on: a device's own store; for an admin, the requested store if the
 * admin's scope covers it.
 */
export async function storeInScope(
  db: Database,
  principal: Principal,
  requestedStoreId: string | undefined,
): Promise<string> {
  if (principal.kind === 'device') {
    if (requestedStoreId !== undefined && requestedStoreId !== principal.storeId) {
      throw new HttpError(403, 'FORBIDDEN', 'a device acts only on its own store')
    }
    return principal.storeId
  }
  const storeId = requestedStoreId ?? principal.storeId
  if (!storeId)
    throw new HttpError(400, 'STORE_REQUIRED', 'storeId query parameter is required for this admin')
  if (!(await adminCoversStore(db, principal, storeId)))
    throw new HttpError(403, 'FORBIDDEN', 'store outside this admin scope')
  return storeId
}

export async function adminCoversStore(
  db: Database,
  principal: Extract<Principal, { kind: 'admin' }>,
  storeId: string,
): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(storeId)) return false
  if (principal.role === 'store_manager') return principal.storeIds.includes(storeId)
  const tenantId = await findStoreTenantId(db, storeId)
  if (tenantId === undefined) return false
  return principal.role === 'super_admin' || tenantId === principal.tenantId
}
