import { z } from 'zod'
import { TenantView } from '../../shared/backoffice/api'
import type { Executor } from '../db/connection'
import type { StoreRow, TenantRow } from '../db/tenancyRepository'
import {
  findTenantById,
  insertStoreUnlessCodeTaken,
  insertTenant,
  selectStores,
  selectTenants,
} from '../db/tenancyRepository'

/** A store code leads every order number (`{storeCode}-{registerCode}-{seq}`): no dashes. */
export const StoreCode = z
  .string()
  .regex(/^[A-Z0-9]{1,16}$/, 'a store code is 1–16 capital letters or digits')
const DisplayName = z.string().trim().min(1).max(200)

export { CreateTenantBody } from '../../shared/backoffice/api'
export const CreateStoreBody = z.strictObject({
  code: StoreCode,
  name: DisplayName,
  /** Required for a super admin; a tenant admin's own tenant otherwise. */
  tenantId: z.uuid().optional(),
})
export type CreateStoreBody = z.infer<typeof CreateStoreBody>

export { TenantView }
export const StoreView = z.object({
  id: z.string(),
  tenantId: z.string(),
  code: z.string(),
  name: z.string(),
  createdAt: z.string(),
})
export type StoreView = z.infer<typeof StoreView>

export type CreateStoreOutcome =
  { kind: 'created'; store: StoreView } | { kind: 'code-taken' } | { kind: 'no-tenant' }

const storeView = (row: StoreRow): StoreView => ({
  id: row.id,
  tenantId: row.tenantId,
  code: row.code,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
})
const tenantView = (row: TenantRow): TenantView => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
})

export async function createTenant(db: Executor, name: string): Promise<TenantView> {
  return tenantView(await insertTenant(db, name))
}

/** Creates a store of an existing tenant; the code is unique across the server. */
export async function createStore(
  db: Executor,
  input: { code: string; name: string; tenantId: string },
): Promise<CreateStoreOutcome> {
  const tenant = await findTenantById(db, input.tenantId)
  if (!tenant) return { kind: 'no-tenant' }
  const row = await insertStoreUnlessCodeTaken(db, {
    tenantId: tenant.id,
    code: input.code,
    name: input.name,
  })
  return row ? { kind: 'created', store: storeView(row) } : { kind: 'code-taken' }
}

export async function listTenants(db: Executor, tenantId?: string): Promise<TenantView[]> {
  return (await selectTenants(db, tenantId)).map(tenantView)
}

export async function listStores(
  db: Executor,
  filter: { tenantId?: string; storeId?: string } = {},
): Promise<StoreView[]> {
  return (await selectStores(db, filter)).map(storeView)
}

/** A tenant named by id or exact name, for the CLI. */
export async function findTenant(db: Executor, idOrName: string): Promise<TenantView | null> {
  const all = await listTenants(db)
  return all.find((tenant) => tenant.id === idOrName || tenant.name === idOrName) ?? null
}
