import type { AdminView } from '../../../shared/backoffice/api'

/** What the screens offer; the server checks every call again. */
export function canManageUsers(admin: AdminView): boolean {
  return admin.role === 'tenant_admin' || admin.role === 'super_admin'
}

/** Tenants (businesses) and the header's tenant picker: a super admin only. */
export function canManageTenants(admin: AdminView): boolean {
  return admin.role === 'super_admin'
}

export function canCreateStores(admin: AdminView): boolean {
  return admin.role === 'tenant_admin' || admin.role === 'super_admin'
}
