import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Executor } from './connection'
import { stores, syncRecords } from './schema'

/** The back office's staff reads: one person is the same employee record in several stores. */

/** The stores of the tenant that owns `storeId`, by code (none when the store is unknown). */
export async function tenantStoreIds(db: Executor, storeId: string): Promise<string[]> {
  const [store] = await db
    .select({ tenantId: stores.tenantId })
    .from(stores)
    .where(eq(stores.id, storeId))
  if (!store) return []
  const rows = await db
    .select({ id: stores.id })
    .from(stores)
    .where(eq(stores.tenantId, store.tenantId))
    .orderBy(asc(stores.code), asc(stores.id))
  return rows.map((row) => row.id)
}

/** The live employee records of these people in these stores. */
export async function liveEmployeeRows(db: Executor, storeIds: string[], ids: string[]) {
  if (storeIds.length === 0 || ids.length === 0) return []
  return db
    .select()
    .from(syncRecords)
    .where(
      and(
        inArray(syncRecords.storeId, storeIds),
        eq(syncRecords.entity, 'employee'),
        inArray(syncRecords.id, ids),
        eq(syncRecords.deleted, false),
      ),
    )
}
