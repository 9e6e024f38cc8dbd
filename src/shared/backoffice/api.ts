import { z } from 'zod'

/**
 * The back office's HTTP contract: the server validates with these schemas and the web app
 * (`src/backoffice`) types its calls with them. Every route is under `/api`; the web app is served
 * at `/`. Errors use the sync routes' body: `{ code, message, issues?: [{ path, message }] }`,
 * where `issues[].path` names the failing form field (e.g. `"timeZone"`).
 *
 * Sessions: `POST /api/backoffice/session` sets an HttpOnly, SameSite=Strict cookie (Secure under
 * TLS) and returns the signed-in admin with a CSRF token; every POST/PUT/PATCH/DELETE made with the
 * cookie sends that token in the `x-csrf-token` header. Bearer admin tokens (CLI, scripts) keep
 * working and need no CSRF token.
 */

export const CSRF_HEADER = 'x-csrf-token'

export const AdminRole = z.enum(['super_admin', 'tenant_admin', 'store_manager'])
export type AdminRole = z.infer<typeof AdminRole>

const DisplayName = z.string().trim().min(1).max(200)
const Email = z.email().max(320)
/** At least 10 characters: an owner's password guards every store's money. */
export const Password = z.string().min(10, 'at least 10 characters').max(200)

/** A store code leads every order number (`{storeCode}-{registerCode}-{seq}`): no dashes. */
export const StoreCode = z
  .string()
  .regex(/^[A-Z0-9]{1,16}$/, 'a store code is 1–16 capital letters or digits')

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'not an IANA time zone (e.g. Europe/London)')
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code')
export const Locale = z.enum(['en', 'ar'])

// ---------------------------------------------------------------- session and first run

export const SignInBody = z.strictObject({ email: Email, password: z.string().min(1).max(200) })
export type SignInBody = z.infer<typeof SignInBody>

export const AdminView = z.object({
  id: z.string(),
  email: z.string(),
  role: AdminRole,
  tenantId: z.string().nullable(),
  /** Stores a store manager may see; empty for tenant and super admins (they see their tenant / all). */
  storeIds: z.array(z.string()),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
})
export type AdminView = z.infer<typeof AdminView>

export const SessionReply = z.object({
  admin: AdminView,
  csrfToken: z.string(),
  /** Minutes without a request after which the session ends. */
  idleMinutes: z.number().int().positive(),
})
export type SessionReply = z.infer<typeof SessionReply>

export const SetupStatus = z.object({ isSetupNeeded: z.boolean() })
export type SetupStatus = z.infer<typeof SetupStatus>

/** First run: the one-time token printed by `npm run server` on an empty database. */
export const SetupBody = z.strictObject({
  token: z.string().min(1).max(200),
  email: Email,
  password: Password,
  businessName: DisplayName,
  storeCode: StoreCode,
  storeName: DisplayName,
  timeZone: TimeZone,
  currency: CurrencyCode,
})
export type SetupBody = z.infer<typeof SetupBody>

// ---------------------------------------------------------------- stores

export const StoreFields = z.strictObject({
  code: StoreCode,
  name: DisplayName,
  address: z.string().trim().max(500).default(''),
  phone: z.string().trim().max(50).default(''),
  taxId: z.string().trim().max(50).default(''),
  currency: CurrencyCode.default('USD'),
  timeZone: TimeZone.default('UTC'),
  locale: Locale.default('en'),
})
export const CreateStoreBody = StoreFields.extend({
  /** Required for a super admin; a tenant admin's own tenant otherwise. */
  tenantId: z.uuid().optional(),
})
export type CreateStoreBody = z.infer<typeof CreateStoreBody>
/** Only the fields sent change: no defaults here (a default would reset an unsent field). */
export const UpdateStoreBody = z
  .strictObject({
    name: DisplayName,
    address: z.string().trim().max(500),
    phone: z.string().trim().max(50),
    taxId: z.string().trim().max(50),
    currency: CurrencyCode,
    timeZone: TimeZone,
    locale: Locale,
  })
  .partial()
export type UpdateStoreBody = z.infer<typeof UpdateStoreBody>

export const StoreDetail = z.object({
  id: z.string(),
  tenantId: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  taxId: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  locale: Locale,
  registerCount: z.number().int(),
  createdAt: z.string(),
})
export type StoreDetail = z.infer<typeof StoreDetail>

// ---------------------------------------------------------------- registers and enrollment

export const RegisterView = z.object({
  id: z.string(),
  storeId: z.string(),
  name: z.string(),
  role: z.string(),
  lastSeenAt: z.string().nullable(),
  appVersion: z.string().nullable(),
  /** From the register's last heartbeat: outbox entries waiting, and refused (dead) ones. */
  pending: z.number().int().nullable(),
  refused: z.number().int().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
})
export type RegisterView = z.infer<typeof RegisterView>

/** `tenantId`: a super admin lists within one tenant (others may name only their own). */
export const RegisterListQuery = z.strictObject({
  storeId: z.uuid().optional(),
  tenantId: z.uuid().optional(),
})
/** A tenant (a business with its stores) as a super admin lists and creates them. */
export const TenantView = z.object({ id: z.string(), name: z.string(), createdAt: z.string() })
export type TenantView = z.infer<typeof TenantView>
export const CreateTenantBody = z.strictObject({ name: z.string().trim().min(1).max(200) })
export type CreateTenantBody = z.infer<typeof CreateTenantBody>
export const TenantListReply = z.object({ tenants: z.array(TenantView) })
export type TenantListReply = z.infer<typeof TenantListReply>
export const TenantReply = z.object({ tenant: TenantView })
export type TenantReply = z.infer<typeof TenantReply>

export const UserListQuery = z.strictObject({ tenantId: z.uuid().optional() })
export const RenameRegisterBody = z.strictObject({ name: DisplayName })

export const CreateEnrollmentCodeBody = z.strictObject({
  storeId: z.uuid(),
  role: z.enum(['register', 'station']).default('register'),
  /** 5 minutes to 7 days. */
  expiresInMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(60),
  uses: z.number().int().min(1).max(100).default(1),
})
export type CreateEnrollmentCodeBody = z.infer<typeof CreateEnrollmentCodeBody>
export const EnrollmentCodeReply = z.object({
  code: z.string(),
  storeId: z.string(),
  expiresAt: z.string(),
  uses: z.number().int(),
  /**
   * What the QR code encodes: the server URL and the code, for a register to scan, as
   * `auraflow://enroll?server=<URL-encoded server address>&code=<code>` (see parseEnrollUri).
   */
  enrollUri: z.string(),
  /** The QR code as an SVG document. */
  qrSvg: z.string(),
})
export type EnrollmentCodeReply = z.infer<typeof EnrollmentCodeReply>

/** Reads an `enrollUri` (a scanned QR code): the server address and the code, or null. */
export function parseEnrollUri(uri: string): { serverUrl: string; code: string } | null {
  const match = /^auraflow:\/\/enroll\?(.*)$/.exec(uri.trim())
  if (!match) return null
  const query = new URLSearchParams(match[1])
  const serverUrl = query.get('server')
  const code = query.get('code')
  if (!serverUrl || !code || !/^https?:\/\/[^\s/]+$/.test(serverUrl)) return null
  return { serverUrl, code }
}

// ---------------------------------------------------------------- admin users

export const CreateAdminBody = z.strictObject({
  email: Email,
  password: Password,
  role: z.enum(['tenant_admin', 'store_manager']),
  /** A store manager's stores (at least one); ignored for a tenant admin. */
  storeIds: z.array(z.uuid()).max(200).default([]),
  /** Required for a super admin creating a tenant admin; the caller's tenant otherwise. */
  tenantId: z.uuid().optional(),
})
export type CreateAdminBody = z.infer<typeof CreateAdminBody>
export const UpdateAdminBody = z.strictObject({
  isDisabled: z.boolean().optional(),
  storeIds: z.array(z.uuid()).max(200).optional(),
  password: Password.optional(),
})
export type UpdateAdminBody = z.infer<typeof UpdateAdminBody>

// ---------------------------------------------------------------- routes and reply envelopes

/**
 * Where each call goes and what wraps its reply (the server answers exactly these):
 *
 * - `GET|POST|DELETE /api/backoffice/session` — SignInBody → SessionReply; GET → SessionReply or
 *   401; DELETE → 204 (the session row is deleted, the cookie cleared).
 * - `GET /api/backoffice/setup` → SetupStatus; `POST` SetupBody → SessionReply (signed in).
 * - `GET /api/admin/stores[?tenantId=]` → StoreListReply; `POST` CreateStoreBody → StoreReply;
 *   `GET|PATCH /api/admin/stores/:storeId` (UpdateStoreBody) → StoreReply; `DELETE` → 204, or
 *   409 STORE_IN_USE naming the registers / records that keep it.
 * - `GET /api/admin/registers[?storeId=]` → RegisterListReply; `PATCH /api/admin/registers/:id`
 *   RenameRegisterBody → RegisterReply; `POST /api/admin/registers/:id/revoke` → RegisterReply.
 * - `POST /api/admin/enrollment-codes` CreateEnrollmentCodeBody → EnrollmentCodeReply.
 * - `GET /api/admin/users` → AdminListReply; `POST` CreateAdminBody → AdminReply;
 *   `PATCH /api/admin/users/:id` UpdateAdminBody → AdminReply.
 *
 * Something outside the caller's scope answers 404 (as if it did not exist); a role that may never
 * do something answers 403.
 */
export const backofficePaths = {
  session: '/api/backoffice/session',
  setup: '/api/backoffice/setup',
  stores: '/api/admin/stores',
  store: (storeId: string) => `/api/admin/stores/${encodeURIComponent(storeId)}`,
  registers: '/api/admin/registers',
  register: (id: string) => `/api/admin/registers/${encodeURIComponent(id)}`,
  revokeRegister: (id: string) => `/api/admin/registers/${encodeURIComponent(id)}/revoke`,
  enrollmentCodes: '/api/admin/enrollment-codes',
  users: '/api/admin/users',
  tenants: '/api/admin/tenants',
  user: (id: string) => `/api/admin/users/${encodeURIComponent(id)}`,
} as const

export const StoreListQuery = z.strictObject({ tenantId: z.uuid().optional() })
export const StoreListReply = z.object({ stores: z.array(StoreDetail) })
export type StoreListReply = z.infer<typeof StoreListReply>
export const StoreReply = z.object({ store: StoreDetail })
export type StoreReply = z.infer<typeof StoreReply>
export const RegisterListReply = z.object({ registers: z.array(RegisterView) })
export type RegisterListReply = z.infer<typeof RegisterListReply>
export const RegisterReply = z.object({ register: RegisterView })
export type RegisterReply = z.infer<typeof RegisterReply>
export const AdminListReply = z.object({ users: z.array(AdminView) })
export type AdminListReply = z.infer<typeof AdminListReply>
export const AdminReply = z.object({ user: AdminView })
export type AdminReply = z.infer<typeof AdminReply>
