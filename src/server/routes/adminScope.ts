import type { FastifyRequest } from 'fastify'
import type { AdminPrincipal } from '../auth/principal'
import { adminCoversStore, authenticate } from '../auth/principal'
import type { TokenSigner } from '../auth/tokens'
import type { Database } from '../db/connection'
import { HttpError } from '../http/errors'

/** Role checks shared by the back office's admin routes: the role and scope come from the row. */

export const forbidden = (message: string) => new HttpError(403, 'FORBIDDEN', message)
export const notFound = (what: string) => new HttpError(404, 'NOT_FOUND', `${what} not found`)

export async function requireAdmin(
  db: Database,
  signer: TokenSigner,
  request: FastifyRequest,
): Promise<AdminPrincipal> {
  const principal = await authenticate(db, signer, request)
  if (principal.kind !== 'admin') throw forbidden('admin token required')
  return principal
}

/** Owners and super admins run stores and staff; a store manager only works in their stores. */
export function requireOwner(admin: AdminPrincipal, doing: string): void {
  if (admin.role === 'store_manager') throw forbidden(`a store manager cannot ${doing}`)
}

/** 404 (never 403) for a store outside the scope, so a caller learns nothing about other tenants. */
export async function requireStoreInScope(
  db: Database,
  admin: AdminPrincipal,
  storeId: string,
): Promise<void> {
  if (!(await adminCoversStore(db, admin, storeId))) throw notFound('store')
}

/**
 * The filter of a list route with an optional `?tenantId=`: a super admin acts within that one
 * tenant; a tenant admin may name only their own; a store manager none (403, as for stores).
 */
export function scopeFilterFor(
  admin: AdminPrincipal,
  tenantId: string | undefined,
): { tenantId?: string; storeIds?: string[] } {
  if (tenantId === undefined) return scopeFilter(admin)
  if (admin.role === 'super_admin') return { tenantId }
  if (admin.role === 'store_manager') throw forbidden('a store manager sees only their stores')
  if (tenantId !== admin.tenantId) throw forbidden('tenant outside this admin scope')
  return scopeFilter(admin)
}

/** The registers/stores filter of an admin's whole scope. */
export function scopeFilter(admin: AdminPrincipal): { tenantId?: string; storeIds?: string[] } {
  switch (admin.role) {
    case 'super_admin':
      return {}
    case 'tenant_admin':
      // A tenant admin without a tenant (a broken row) sees nothing rather than everything.
      return admin.tenantId ? { tenantId: admin.tenantId } : { storeIds: [] }
    case 'store_manager':
      return { storeIds: admin.storeIds }
  }
}
