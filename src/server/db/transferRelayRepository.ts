import { sql } from 'drizzle-orm'
import type { Executor } from './connection'
import { rowsOf } from './connection'

/* The stock transfer relay's reads (src/server/inventory/transferRelay.ts). */

export interface PendingCopy {
  id: string
  toStoreId: string
  data: unknown
  /** The destination store exists and belongs to the sender's tenant. */
  isSameTenant: boolean
  isKnownStore: boolean
}

/** A's transfers whose copy in B is missing, or older than A's record and different. */
export async function selectPendingTransferCopies(
  db: Executor,
  storeId: string,
): Promise<PendingCopy[]> {
  return rowsOf<PendingCopy>(
    await db.execute(sql`
      select a.id, a.data->>'toStoreId' as "toStoreId", a.data,
        coalesce(sb.tenant_id = sa.tenant_id, false) as "isSameTenant",
        sb.id is not null as "isKnownStore"
      from sync_records a
      join stores sa on sa.id = a.store_id
      left join stores sb on sb.id::text = a.data->>'toStoreId'
      left join sync_records b
        on b.store_id = sb.id and b.entity = 'stockTransfer' and b.id = a.id
      where a.store_id = ${storeId}::uuid and a.entity = 'stockTransfer' and not a.deleted
        and a.data->>'fromStoreId' = a.store_id::text
        and a.data->>'toStoreId' <> a.store_id::text
        and (b.id is null or (b.hash <> a.hash and b.updated_at < a.updated_at))
      order by a.seq`),
  )
}

/** Every store's id (the relay's sweep looks at each through its primary-key prefix). */
export async function selectStoreIds(db: Executor): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`select id::text as id from stores order by id`),
  )
  return rows.map((row) => row.id)
}
