import { and, asc, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Executor } from './connection'
import { rowsOf } from './connection'
import {
  adminSessions,
  adminStoreAccess,
  adminUsers,
  devices,
  enrollmentCodes,
  stores,
  syncConflicts,
  syncRecords,
  tenants,
} from './schema'

/** The back office's queries: cookie sessions, admin scope, store details, registers, admin users. */

export type StoreRow = typeof stores.$inferSelect
export type DeviceRow = typeof devices.$inferSelect

/** An admin with the stores bound to them (admin_store_access, plus the legacy admin_users.store_id). */
export interface AdminScopeRow {
  id: string
  email: string
  role: string
  tenantId: string | null
  storeIds: string[]
  disabledAt: Date | null
  createdAt: Date
}

// Qualified by table name: drizzle leaves columns unqualified in a one-table select.
const storeIdsOfAdmin = sql<string[]>`array(
  select x.store_id::text from ${adminStoreAccess} x where x.admin_id = ${adminUsers}.id
  union
  select ${adminUsers}.store_id::text where ${adminUsers}.store_id is not null and ${adminUsers}.role = 'store_manager'
  order by 1)`

const adminScopeColumns = {
  id: adminUsers.id,
  email: adminUsers.email,
  role: adminUsers.role,
  tenantId: adminUsers.tenantId,
  storeIds: storeIdsOfAdmin,
  disabledAt: adminUsers.disabledAt,
  createdAt: adminUsers.createdAt,
}

/** Both drivers return text[] as an array; a string form ("{a,b}") is parsed for safety. */
function normaliseIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  if (typeof value === 'string' && value.startsWith('{'))
    return value
      .slice(1, -1)
      .split(',')
      .filter((id) => id.length > 0)
  return []
}

const withIds = <T extends { storeIds: unknown }>(row: T): T & { storeIds: string[] } => ({
  ...row,
  storeIds: normaliseIds(row.storeIds),
})

export async function findEnabledAdminScope(
  db: Executor,
  adminId: string,
): Promise<AdminScopeRow | undefined> {
  const [row] = await db
    .select(adminScopeColumns)
    .from(adminUsers)
    .where(and(eq(adminUsers.id, adminId), isNull(adminUsers.disabledAt)))
  return row ? withIds(row) : undefined
}

export async function findAdminScope(
  db: Executor,
  adminId: string,
): Promise<AdminScopeRow | undefined> {
  const [row] = await db
    .select(adminScopeColumns)
    .from(adminUsers)
    .where(eq(adminUsers.id, adminId))
  return row ? withIds(row) : undefined
}

/** Admins of one tenant (or all, for a super admin), oldest first. */
export async function selectAdmins(
  db: Executor,
  filter: { tenantId?: string },
): Promise<AdminScopeRow[]> {
  const rows = await db
    .select(adminScopeColumns)
    .from(adminUsers)
    .where(filter.tenantId ? eq(adminUsers.tenantId, filter.tenantId) : undefined)
    .orderBy(asc(adminUsers.createdAt), asc(adminUsers.email))
  return rows.map(withIds)
}

export async function countAdmins(db: Executor): Promise<number> {
  const [row] = await db.select({ total: count() }).from(adminUsers)
  return row?.total ?? 0
}

/** Serialises first-run set-ups across instances until the transaction ends. */
export async function lockFirstRunSetup(tx: Executor): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7302441002)`)
}

/** Inserts an admin; undefined when the e-mail is taken. */
export async function insertAdminUnlessEmailTaken(
  db: Executor,
  input: { email: string; passwordHash: string; role: string; tenantId: string | null },
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .insert(adminUsers)
    .values(input)
    .onConflictDoNothing({ target: adminUsers.email })
    .returning({ id: adminUsers.id })
  return row
}

/** Replaces a manager's stores; the legacy single store_id is cleared so the table decides. */
export async function replaceAdminStores(
  db: Executor,
  adminId: string,
  storeIds: string[],
): Promise<void> {
  await db.delete(adminStoreAccess).where(eq(adminStoreAccess.adminId, adminId))
  await db.update(adminUsers).set({ storeId: null }).where(eq(adminUsers.id, adminId))
  if (storeIds.length > 0)
    await db
      .insert(adminStoreAccess)
      .values(storeIds.map((storeId) => ({ adminId, storeId })))
      .onConflictDoNothing()
}

export async function updateAdminUser(
  db: Executor,
  adminId: string,
  changes: { disabledAt?: Date | null; passwordHash?: string },
): Promise<void> {
  if (Object.keys(changes).length === 0) return
  await db.update(adminUsers).set(changes).where(eq(adminUsers.id, adminId))
}

// ---------------------------------------------------------------- sessions

export async function insertAdminSession(
  db: Executor,
  session: { idHash: string; adminId: string; csrfToken: string },
): Promise<void> {
  await db.insert(adminSessions).values(session)
}

/**
 * The live session's admin and CSRF token, refreshing last_seen_at at most every 5 s. Undefined
 * when the session is unknown, idle too long, past its absolute lifetime, or its admin disabled.
 */
export async function touchLiveAdminSession(
  db: Executor,
  idHash: string,
  limits: { idleSeconds: number; absoluteSeconds: number },
): Promise<{ adminId: string; csrfToken: string } | undefined> {
  const found = await db.execute(sql`
    WITH live AS (
      SELECT s.id_hash, s.admin_id, s.csrf_token, s.last_seen_at
      FROM ${adminSessions} s JOIN ${adminUsers} a ON a.id = s.admin_id
      WHERE s.id_hash = ${idHash} AND a.disabled_at IS NULL
        AND s.last_seen_at > now() - make_interval(secs => ${limits.idleSeconds})
        AND s.created_at > now() - make_interval(secs => ${limits.absoluteSeconds})
    ), touched AS (
      UPDATE ${adminSessions} SET last_seen_at = now()
      WHERE id_hash IN (SELECT id_hash FROM live WHERE last_seen_at < now() - interval '5 seconds')
    )
    SELECT admin_id AS "adminId", csrf_token AS "csrfToken" FROM live`)
  const [session] = rowsOf<{ adminId: string; csrfToken: string }>(found)
  return session
}

export async function deleteAdminSession(db: Executor, idHash: string): Promise<void> {
  await db.delete(adminSessions).where(eq(adminSessions.idHash, idHash))
}

/** Ends every session of an admin (disable, password change), except `keepIdHash` if given. */
export async function deleteAdminSessions(
  db: Executor,
  adminId: string,
  keepIdHash?: string,
): Promise<void> {
  await db
    .delete(adminSessions)
    .where(
      and(
        eq(adminSessions.adminId, adminId),
        keepIdHash ? ne(adminSessions.idHash, keepIdHash) : undefined,
      ),
    )
}

/** Drops sessions past either limit: they can never be used again. */
export async function purgeExpiredAdminSessions(
  db: Executor,
  limits: { idleSeconds: number; absoluteSeconds: number },
): Promise<void> {
  await db.execute(sql`
    DELETE FROM ${adminSessions}
    WHERE last_seen_at <= now() - make_interval(secs => ${limits.idleSeconds})
       OR created_at <= now() - make_interval(secs => ${limits.absoluteSeconds})`)
}

// ---------------------------------------------------------------- stores

const liveRegisterCount = sql<number>`(select count(*)::int from ${devices} d where d.store_id = ${stores}.id and d.revoked_at is null)`

export type StoreDetailRow = StoreRow & { registerCount: number }

/** Stores with their live register count: one store, a tenant's, a list of ids, or all. */
export async function selectStoreDetails(
  db: Executor,
  filter: { storeId?: string; tenantId?: string; storeIds?: string[] },
): Promise<StoreDetailRow[]> {
  const conditions: SQL[] = []
  if (filter.storeId) conditions.push(eq(stores.id, filter.storeId))
  if (filter.tenantId) conditions.push(eq(stores.tenantId, filter.tenantId))
  if (filter.storeIds) {
    if (filter.storeIds.length === 0) return []
    conditions.push(inArray(stores.id, filter.storeIds))
  }
  const rows = await db
    .select({ store: stores, registerCount: liveRegisterCount })
    .from(stores)
    .where(and(...conditions))
    .orderBy(asc(stores.code))
  return rows.map((row) => ({ ...row.store, registerCount: Number(row.registerCount) }))
}

/** The tenant of each named store that exists. */
export async function selectStoreTenants(
  db: Executor,
  storeIds: string[],
): Promise<{ id: string; tenantId: string }[]> {
  if (storeIds.length === 0) return []
  return db
    .select({ id: stores.id, tenantId: stores.tenantId })
    .from(stores)
    .where(inArray(stores.id, storeIds))
}

export type StoreDetailsInput = Pick<
  typeof stores.$inferInsert,
  'name' | 'address' | 'phone' | 'taxId' | 'currency' | 'timeZone' | 'locale'
>

export async function updateStoreDetails(
  db: Executor,
  storeId: string,
  changes: Partial<StoreDetailsInput>,
): Promise<void> {
  if (Object.keys(changes).length === 0) return
  await db.update(stores).set(changes).where(eq(stores.id, storeId))
}

/** What keeps a store from being deleted: its registers (revoked ones too) and its synced data. */
export async function countStoreDependents(
  db: Executor,
  storeId: string,
): Promise<{ registers: number; records: number; conflicts: number }> {
  const [registers] = await db
    .select({ total: count() })
    .from(devices)
    .where(eq(devices.storeId, storeId))
  const [records] = await db
    .select({ total: count() })
    .from(syncRecords)
    .where(eq(syncRecords.storeId, storeId))
  const [conflicts] = await db
    .select({ total: count() })
    .from(syncConflicts)
    .where(eq(syncConflicts.storeId, storeId))
  return {
    registers: registers?.total ?? 0,
    records: records?.total ?? 0,
    conflicts: conflicts?.total ?? 0,
  }
}

/** The store row, locked until the transaction ends (a delete checks its dependents under it). */
export async function lockStore(db: Executor, storeId: string): Promise<StoreRow | undefined> {
  const [row] = await db.select().from(stores).where(eq(stores.id, storeId)).for('update')
  return row
}

/** Deletes a store with nothing synced: its enrollment codes and manager bindings go with it. */
export async function deleteUnusedStore(db: Executor, storeId: string): Promise<void> {
  await db.delete(enrollmentCodes).where(eq(enrollmentCodes.storeId, storeId))
  await db.delete(adminStoreAccess).where(eq(adminStoreAccess.storeId, storeId))
  await db.update(adminUsers).set({ storeId: null }).where(eq(adminUsers.storeId, storeId))
  await db.delete(stores).where(eq(stores.id, storeId))
}

// ---------------------------------------------------------------- registers

/** Registers of one store, of several, of a tenant, or all; oldest first. */
export async function selectRegisters(
  db: Executor,
  filter: { storeId?: string; storeIds?: string[]; tenantId?: string },
): Promise<DeviceRow[]> {
  const conditions: SQL[] = []
  if (filter.storeId) conditions.push(eq(devices.storeId, filter.storeId))
  if (filter.tenantId) conditions.push(eq(devices.tenantId, filter.tenantId))
  if (filter.storeIds) {
    if (filter.storeIds.length === 0) return []
    conditions.push(inArray(devices.storeId, filter.storeIds))
  }
  return db
    .select()
    .from(devices)
    .where(and(...conditions))
    .orderBy(asc(devices.createdAt), asc(devices.id))
}

export async function renameDevice(db: Executor, deviceId: string, name: string): Promise<void> {
  await db.update(devices).set({ name }).where(eq(devices.id, deviceId))
}

/**
 * The starter business a fresh server creates for itself (its one store): first-run set-up takes
 * it over, so registers already enrolled with the printed code stay in the owner's business.
 */
export async function findStarterStore(db: Executor): Promise<StoreRow | undefined> {
  const rows = await db
    .select({ store: stores })
    .from(stores)
    .innerJoin(tenants, eq(tenants.id, stores.tenantId))
    .where(eq(tenants.isStarter, true))
    .limit(2)
  return rows.length === 1 ? rows[0]?.store : undefined
}

/** Names the owner's business; it is no longer a starter. */
export async function adoptTenant(db: Executor, tenantId: string, name: string): Promise<void> {
  await db.update(tenants).set({ name, isStarter: false }).where(eq(tenants.id, tenantId))
}

/** Sets a store's code; false when another store already has it (codes are unique server-wide). */
export async function setStoreCodeUnlessTaken(
  db: Executor,
  storeId: string,
  code: string,
): Promise<boolean> {
  const [taken] = await db
    .select({ id: stores.id })
    .from(stores)
    .where(and(eq(stores.code, code), ne(stores.id, storeId)))
  if (taken) return false
  await db.update(stores).set({ code }).where(eq(stores.id, storeId))
  return true
}
