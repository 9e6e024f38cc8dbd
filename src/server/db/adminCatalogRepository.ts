import { and, asc, eq, gt, ne, sql } from 'drizzle-orm'
import type { EntityName } from '../../shared/sync'
import type { Database, Executor } from './connection'
import { syncRecords } from './schema'

/** The back office's catalog reads: live products of a store, straight from sync_records. */

/** Up to `limit` live products of a store after the product id `after`, ids ascending. */
export async function listLiveProducts(
  db: Database,
  storeId: string,
  page: { after?: string | undefined; limit: number },
) {
  return db
    .select()
    .from(syncRecords)
    .where(
      and(
        eq(syncRecords.storeId, storeId),
        eq(syncRecords.entity, 'product'),
        eq(syncRecords.deleted, false),
        ...(page.after ? [gt(syncRecords.id, page.after)] : []),
      ),
    )
    .orderBy(asc(syncRecords.id))
    .limit(page.limit)
}

/** The id of another live product of the store holding this SKU, or undefined. */
export async function findOtherProductWithSku(
  db: Database,
  storeId: string,
  sku: string,
  exceptId: string,
): Promise<string | undefined> {
  const [holder] = await db
    .select({ id: syncRecords.id })
    .from(syncRecords)
    .where(
      and(
        eq(syncRecords.storeId, storeId),
        eq(syncRecords.entity, 'product'),
        eq(syncRecords.deleted, false),
        ne(syncRecords.id, exceptId),
        sql`${syncRecords.data} ->> 'sku' = ${sku}`,
      ),
    )
    .limit(1)
  return holder?.id
}

/** Every live record of one entity of a store (categories, tax rates, staff: small sets). */
export async function listLiveRecords(db: Executor, storeId: string, entity: EntityName) {
  return db
    .select()
    .from(syncRecords)
    .where(
      and(
        eq(syncRecords.storeId, storeId),
        eq(syncRecords.entity, entity),
        eq(syncRecords.deleted, false),
      ),
    )
    .orderBy(asc(syncRecords.id))
}

/** One live record of a store, or undefined (missing or deleted). */
export async function findLiveRecord(
  db: Executor,
  storeId: string,
  entity: EntityName,
  id: string,
) {
  const [row] = await db
    .select()
    .from(syncRecords)
    .where(
      and(
        eq(syncRecords.storeId, storeId),
        eq(syncRecords.entity, entity),
        eq(syncRecords.id, id),
        eq(syncRecords.deleted, false),
      ),
    )
  return row
}

/** A record as stored, deleted or not (a store's rules under their well-known id). */
export async function findRecord(db: Executor, storeId: string, entity: EntityName, id: string) {
  const [row] = await db
    .select()
    .from(syncRecords)
    .where(
      and(eq(syncRecords.storeId, storeId), eq(syncRecords.entity, entity), eq(syncRecords.id, id)),
    )
  return row
}

/** How many live products of a store point at this category or tax rate. */
export async function countProductsUsing(
  db: Executor,
  storeId: string,
  field: 'categoryId' | 'taxRateId',
  id: string,
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(syncRecords)
    .where(
      and(
        eq(syncRecords.storeId, storeId),
        eq(syncRecords.entity, 'product'),
        eq(syncRecords.deleted, false),
        sql`${syncRecords.data} ->> ${field} = ${id}`,
      ),
    )
  return Number(row?.count ?? 0)
}
