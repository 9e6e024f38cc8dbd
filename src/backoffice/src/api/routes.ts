/**
 * Every back-office path in one place. The session path is the contract's
 * (src/shared/backoffice/api.ts); the others follow it under the same prefix.
 */
const prefix = '/api/backoffice'

export const routes = {
  session: `${prefix}/session`,
  setup: `${prefix}/setup`,
  stores: `${prefix}/stores`,
  store: (id: string) => `${prefix}/stores/${encodeURIComponent(id)}`,
  registers: (storeId: string) => `${prefix}/registers?storeId=${encodeURIComponent(storeId)}`,
  register: (id: string) => `${prefix}/registers/${encodeURIComponent(id)}`,
  revokeRegister: (id: string) => `${prefix}/registers/${encodeURIComponent(id)}/revoke`,
  enrollmentCodes: `${prefix}/enrollment-codes`,
  admins: `${prefix}/admins`,
  admin: (id: string) => `${prefix}/admins/${encodeURIComponent(id)}`,
} as const
