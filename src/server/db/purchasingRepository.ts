import { and, eq, inArray, sql } from 'drizzle-orm'
import type { EntityName } from '../../shared/sync'
import type { Executor } from './connection'
import { syncRecords } from './schema'

/** Purchasing reads: records by id, and the RECEIPT stock movements of purchase orders. */

/** Live records of one entity of a store among these ids (any order). */
export async function selectLiveRecordsByIds(
  db: Executor,
  storeId: string,
  entity: EntityName,
  ids: readonly string[],
) {
  if (ids.length === 0) return []
  return db
    .select()
    .from(syncRecords)
    .where(
      and(
        eq(syncRecords.storeId, storeId),
        eq(syncRecords.entity, entity),
        eq(syncRecords.deleted, false),
        inArray(syncRecords.id, [...new Set(ids)]),
      ),
    )
}

export interface ReceiptMovementRow {
  id: string
  refId: string
  data: unknown
}

/** Every RECEIPT stock movement of the store that names one of these purchase orders. */
export async function selectReceiptMovements(
  db: Executor,
  storeId: string,
  purchaseOrderIds: readonly string[],
): Promise<ReceiptMovementRow[]> {
  if (purchaseOrderIds.length === 0) return []
  const refId = sql<string>`${syncRecords.data} ->> 'refId'`
  return db
    .select({ id: syncRecords.id, refId, data: syncRecords.data })
    .from(syncRecords)
    .where(
      and(
        eq(syncRecords.storeId, storeId),
        eq(syncRecords.entity, 'stockMovement'),
        eq(syncRecords.deleted, false),
        sql`${syncRecords.data} ->> 'kind' = 'RECEIPT'`,
        inArray(refId, [...new Set(purchaseOrderIds)]),
      ),
    )
}
