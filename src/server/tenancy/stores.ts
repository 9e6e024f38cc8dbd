import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Executor } from '../db/connection'
import { stores, tenants } from '../db/schema'

/** A store code leads every order number (`{storeCode}-{registerCode}-{seq}`): no dashes. */
export const StoreCode = z
  .string()
  .regex(/^[A-Z0-9]{1,16}$/, 'a store code is 1–16 capital letters or digits')
const DisplayName = z.string().trim().min(1).max(200)

export const CreateTenantBody = z.strictObject({ name: DisplayName })
export const CreateStoreBody = z.strictObject({
  code: StoreCode,
  name: DisplayName,
  /** Required for a super admin; a tenant admin's own tenant otherwise. */
  tenantId: z.uuid().optional(),
})
export type CreateStoreBody = z.infer<typeof CreateStoreBody>

export const TenantView = z.object({ id: z.string(), name: z.string(), createdAt: z.string() })
export type TenantView = z.infer<typeof TenantView>
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

const storeView = (row: typeof stores.$inferSelect): StoreView => ({
  id: row.id,
  tenantId: row.tenantId,
  code: row.code,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
})
const tenantView = (row: typeof tenants.$inferSelect): TenantView => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
})

export async function createTenant(db: Executor, name: string): Promise<TenantView> {
  const [row] = await db.insert(tenants).values({ name }).returning()
  if (!row) throw new Error('tenant insert returned nothing')
  return tenantView(row)
}

/** Creates a store of an existing tenant; the code is unique across the server. */
export async function createStore(
  db: Executor,
  input: { code: string; name: string; tenantId: string },
): Promise<CreateStoreOutcome> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, input.tenantId))
  if (!tenant) return { kind: 'no-tenant' }
  const [row] = await db
    .insert(stores)
    .values({ tenantId: tenant.id, code: input.code, name: input.name })
    .onConflictDoNothing({ target: stores.code })
    .returning()
  return row ? { kind: 'created', store: storeView(row) } : { kind: 'code-taken' }
}

export async function listTenants(db: Executor, tenantId?: string): Promise<TenantView[]> {
  const rows = await db
    .select()
    .from(tenants)
    .where(tenantId ? eq(tenants.id, tenantId) : undefined)
    .orderBy(asc(tenants.createdAt))
  return rows.map(tenantView)
}

export async function listStores(
  db: Executor,
  filter: { tenantId?: string; storeId?: string } = {},
): Promise<StoreView[]> {
  const rows = await db
    .select()
    .from(stores)
    .where(
      filter.storeId
        ? eq(stores.id, filter.storeId)
        : filter.tenantId
          ? eq(stores.tenantId, filter.tenantId)
          : undefined,
    )
    .orderBy(asc(stores.code))
  return rows.map(storeView)
}

/** A tenant named by id or exact name, for the CLI. */
export async function findTenant(db: Executor, idOrName: string): Promise<TenantView | null> {
  const all = await listTenants(db)
  return all.find((tenant) => tenant.id === idOrName || tenant.name === idOrName) ?? null
}
