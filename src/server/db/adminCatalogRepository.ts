import { and, asc, eq, gt, ne, sql } from 'drizzle-orm'
import type { Database } from './connection'
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
