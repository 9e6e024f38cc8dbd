import { asc, count, eq } from 'drizzle-orm'
import type { Executor } from './connection'
import { adminUsers, enrollmentCodes, stores, tenants } from './schema'

/** Tenants, stores, admin users and enrollment codes: the tenancy module's queries. */

export type StoreRow = typeof stores.$inferSelect
export type TenantRow = typeof tenants.$inferSelect

export async function findStoreByCode(db: Executor, code: string): Promise<StoreRow | undefined> {
  const [store] = await db.select().from(stores).where(eq(stores.code, code))
  return store
}

export async function findStoreById(db: Executor, storeId: string): Promise<StoreRow | undefined> {
  const [store] = await db.select().from(stores).where(eq(stores.id, storeId))
  return store
}

export async function findStoreIdByCode(db: Executor, code: string): Promise<string | undefined> {
  const [store] = await db.select({ id: stores.id }).from(stores).where(eq(stores.code, code))
  return store?.id
}

/** The tenant a store belongs to, or undefined for an unknown store. */
export async function findStoreTenantId(
  db: Executor,
  storeId: string,
): Promise<string | undefined> {
  const [store] = await db
    .select({ tenantId: stores.tenantId })
    .from(stores)
    .where(eq(stores.id, storeId))
  return store?.tenantId
}

export async function countStores(db: Executor): Promise<number> {
  const [row] = await db.select({ total: count() }).from(stores)
  return row?.total ?? 0
}

/** The oldest store: the one `AURAFLOW_ENROLLMENT_CODE` enrolls into. */
export async function findFirstStore(db: Executor): Promise<StoreRow | undefined> {
  const [first] = await db.select().from(stores).orderBy(stores.createdAt).limit(1)
  return first
}

export async function insertTenant(
  db: Executor,
  name: string,
  options: { isStarter?: boolean } = {},
): Promise<TenantRow> {
  const [row] = await db
    .insert(tenants)
    .values({ name, isStarter: options.isStarter ?? false })
    .returning()
  if (!row) throw new Error('tenant insert returned nothing')
  return row
}

export async function findTenantById(db: Executor, id: string): Promise<TenantRow | undefined> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, id))
  return tenant
}

/** Inserts a store; undefined when the code is already taken (codes are unique server-wide). */
export async function insertStoreUnlessCodeTaken(
  db: Executor,
  input: Pick<
    typeof stores.$inferInsert,
    | 'tenantId'
    | 'code'
    | 'name'
    | 'address'
    | 'phone'
    | 'taxId'
    | 'currency'
    | 'timeZone'
    | 'locale'
  >,
): Promise<StoreRow | undefined> {
  const [row] = await db
    .insert(stores)
    .values(input)
    .onConflictDoNothing({ target: stores.code })
    .returning()
  return row
}

export async function insertStore(
  db: Executor,
  input: { tenantId: string; code: string; name: string },
): Promise<StoreRow> {
  const [store] = await db.insert(stores).values(input).returning()
  if (!store) throw new Error('store insert returned nothing')
  return store
}

export async function selectTenants(db: Executor, tenantId?: string): Promise<TenantRow[]> {
  return db
    .select()
    .from(tenants)
    .where(tenantId ? eq(tenants.id, tenantId) : undefined)
    .orderBy(asc(tenants.createdAt))
}

export async function selectStores(
  db: Executor,
  filter: { tenantId?: string; storeId?: string },
): Promise<StoreRow[]> {
  return db
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
}

/** Creates an admin user, or resets an existing one's password, role and scope and re-enables it. */
export async function upsertAdminUser(
  db: Executor,
  input: {
    email: string
    passwordHash: string
    role: string
    tenantId: string | null
    storeId: string | null
  },
): Promise<void> {
  const { email, passwordHash, role, tenantId, storeId } = input
  await db
    .insert(adminUsers)
    .values({ email, passwordHash, role, tenantId, storeId })
    .onConflictDoUpdate({
      target: adminUsers.email,
      set: { passwordHash, role, tenantId, storeId, disabledAt: null },
    })
}

/** Registers a code (by hash) for a store, or re-points and renews an existing one. */
export async function upsertEnrollmentCode(
  db: Executor,
  input: {
    codeHash: string
    storeId: string
    role: string
    usesLeft: number | null
    expiresAt: Date | null
  },
): Promise<void> {
  const { codeHash, storeId, role, usesLeft, expiresAt } = input
  await db
    .insert(enrollmentCodes)
    .values({ codeHash, storeId, role, usesLeft, expiresAt })
    .onConflictDoUpdate({
      target: enrollmentCodes.codeHash,
      set: { storeId, usesLeft, expiresAt },
    })
}
