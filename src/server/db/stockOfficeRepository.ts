import type { SQL } from 'drizzle-orm'
import { sql } from 'drizzle-orm'
import type { Executor } from './connection'
import { rowsOf } from './connection'

/**
 * The back office's stock reads, straight from the synced records: live documents of a store,
 * the cost sums behind average cost, one product's movements with their running balance, and
 * what arrived against transfers. Quantities are integer thousandths (as in stock_on_hand).
 */

const uuidList = (ids: readonly string[]): SQL =>
  ids.length === 0
    ? sql`null::uuid`
    : sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )

export interface LiveRecord {
  id: string
  version: number
  data: Record<string, unknown>
}

/** Every live record of one entity in a store (products, reorder rules, suppliers …). */
export async function selectLiveData(
  db: Executor,
  storeId: string,
  entity: string,
): Promise<LiveRecord[]> {
  const rows = rowsOf<{ id: string; version: number | string; data: Record<string, unknown> }>(
    await db.execute(sql`
      select id, version, data from sync_records
      where store_id = ${storeId}::uuid and entity = ${entity} and not deleted and data is not null
      order by id`),
  )
  return rows.map((row) => ({ id: row.id, version: Number(row.version), data: row.data }))
}

/** One live record, or null. */
export async function selectLiveRecord(
  db: Executor,
  storeId: string,
  entity: string,
  id: string,
): Promise<LiveRecord | null> {
  const [row] = rowsOf<{ id: string; version: number | string; data: Record<string, unknown> }>(
    await db.execute(sql`
      select id, version, data from sync_records
      where store_id = ${storeId}::uuid and entity = ${entity} and id = ${id}
        and not deleted and data is not null`),
  )
  return row ? { id: row.id, version: Number(row.version), data: row.data } : null
}

/** Σ quantity (thousandths) and Σ quantity × unit cost of the costed receipt lines of a product. */
export interface CostSums {
  storeId: string
  productId: string
  /** Thousandths × cents, exact (text from numeric). */
  costMilliCents: bigint
  milli: bigint
}

/**
 * The sums behind average cost per store and product: RECEIPT and TRANSFER_IN lines that carry a
 * unit cost and bring stock in (quantity > 0).
 */
export async function selectReceiptCostSums(
  db: Executor,
  storeIds: readonly string[],
): Promise<CostSums[]> {
  const rows = rowsOf<{
    storeId: string
    productId: string
    costMilliCents: string
    milli: string
  }>(
    await db.execute(sql`
      select r.store_id::text as "storeId", l->>'productId' as "productId",
        sum(round((l->>'quantity')::numeric * 1000) * (l->>'unitCostCents')::numeric)::text
          as "costMilliCents",
        sum(round((l->>'quantity')::numeric * 1000))::text as milli
      from sync_records r cross join lateral jsonb_array_elements(r.data->'lines') l
      where r.store_id in (${uuidList(storeIds)}) and r.entity = 'stockMovement'
        and not r.deleted and r.data->>'kind' in ('RECEIPT', 'TRANSFER_IN')
        and jsonb_typeof(l->'unitCostCents') = 'number' and jsonb_typeof(l->'quantity') = 'number'
        and (l->>'quantity')::numeric > 0 and l->>'productId' is not null
      group by 1, 2`),
  )
  return rows.map((row) => ({
    storeId: row.storeId,
    productId: row.productId,
    costMilliCents: BigInt(row.costMilliCents.split('.')[0] ?? '0'),
    milli: BigInt(row.milli.split('.')[0] ?? '0'),
  }))
}

/** The lowest supplier cost of each product per store. */
export async function selectLowestSupplierCosts(
  db: Executor,
  storeIds: readonly string[],
): Promise<{ storeId: string; productId: string; costCents: number }[]> {
  const rows = rowsOf<{ storeId: string; productId: string; costCents: string | number }>(
    await db.execute(sql`
      select store_id::text as "storeId", data->>'productId' as "productId",
        min((data->>'costCents')::numeric)::text as "costCents"
      from sync_records
      where store_id in (${uuidList(storeIds)}) and entity = 'supplierProduct' and not deleted
        and jsonb_typeof(data->'costCents') = 'number' and data->>'productId' is not null
      group by 1, 2`),
  )
  return rows.map((row) => ({ ...row, costCents: Number(row.costCents) }))
}

export interface HistoryRow {
  id: string
  seq: number
  data: Record<string, unknown>
  milli: number
  balanceMilli: number
  employeeName: string | null
  deviceName: string | null
  orderNumber: string | null
  poReference: string | null
  createdAt: string
}

/**
 * One product's (or variant's) movements in a store, newest first, each with on hand right after
 * it: the running sum over the movements in sequence order (the order the server applied them).
 */
export async function selectMovementHistory(
  db: Executor,
  query: {
    storeId: string
    productId: string
    variantId: string | null
    before?: number | undefined
    limit: number
  },
): Promise<HistoryRow[]> {
  const variant = query.variantId ?? ''
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with m as (
        select r.seq, r.id, r.data, r.origin_device_id, r.created_at, t.milli
        from sync_records r
        cross join lateral (
          select count(*) as n, coalesce(sum(round((l->>'quantity')::numeric * 1000)), 0) as milli
          from jsonb_array_elements(r.data->'lines') l
          where l->>'productId' = ${query.productId} and coalesce(l->>'variantId', '') = ${variant}
        ) t
        where r.store_id = ${query.storeId}::uuid and r.entity = 'stockMovement'
          and not r.deleted and r.data is not null and t.n > 0
          and r.data->'lines' @> jsonb_build_array(jsonb_build_object('productId', ${query.productId}::text))
      ), b as (
        select m.*, sum(m.milli) over (order by m.seq) as balance from m
      )
      select b.id, b.seq, b.data, b.milli::text as milli, b.balance::text as balance,
        b.created_at as "createdAt",
        (select e.data->>'name' from sync_records e where e.store_id = ${query.storeId}::uuid
          and e.entity = 'employee' and e.id = b.data->>'employeeId') as "employeeName",
        (select d.name from devices d where d.id::text = b.origin_device_id) as "deviceName",
        (select o.order_number from report_orders o where o.store_id = ${query.storeId}::uuid
          and o.order_id = b.data->>'refId' limit 1) as "orderNumber",
        (select p.data->>'reference' from sync_records p where p.store_id = ${query.storeId}::uuid
          and p.entity = 'purchaseOrder' and p.id = b.data->>'refId') as "poReference"
      from b
      where ${query.before === undefined ? sql`true` : sql`b.seq < ${query.before}`}
      order by b.seq desc
      limit ${query.limit}`),
  )
  return rows.map((row) => ({
    id: String(row.id),
    seq: Number(row.seq),
    data: row.data as Record<string, unknown>,
    milli: Number(row.milli),
    balanceMilli: Number(row.balance),
    employeeName: (row.employeeName as string | null) ?? null,
    deviceName: (row.deviceName as string | null) ?? null,
    orderNumber: (row.orderNumber as string | null) ?? null,
    poReference: (row.poReference as string | null) ?? null,
    createdAt: row.createdAt instanceof Date ? row.createdAt.toISOString() : String(row.createdAt),
  }))
}

/** What arrived against these transfers: Σ TRANSFER_IN lines per (store, transfer, item). */
export async function selectTransferReceipts(
  db: Executor,
  storeIds: readonly string[],
  transferIds: readonly string[],
): Promise<{ storeId: string; transferId: string; key: string; milli: number }[]> {
  if (transferIds.length === 0) return []
  const rows = rowsOf<{
    storeId: string
    transferId: string
    productId: string
    variantId: string
    milli: string
  }>(
    await db.execute(sql`
      select r.store_id::text as "storeId", r.data->>'refId' as "transferId",
        l->>'productId' as "productId", coalesce(l->>'variantId', '') as "variantId",
        sum(round((l->>'quantity')::numeric * 1000))::text as milli
      from sync_records r cross join lateral jsonb_array_elements(r.data->'lines') l
      where r.store_id in (${uuidList(storeIds)}) and r.entity = 'stockMovement' and not r.deleted
        and r.data->>'kind' = 'TRANSFER_IN'
        and r.data->>'refId' in (${sql.join(
          transferIds.map((id) => sql`${id}`),
          sql`, `,
        )})
      group by 1, 2, 3, 4`),
  )
  // The key of an item as stockLevels.ts's itemKey makes it (product, NUL, variant).
  return rows.map((row) => ({
    storeId: row.storeId,
    transferId: row.transferId,
    key: `${row.productId}\u0000${row.variantId}`,
    milli: Number(row.milli),
  }))
}

export interface StoreRow {
  id: string
  tenantId: string
  name: string
  currency: string
}

export async function selectStoresById(
  db: Executor,
  storeIds: readonly string[],
): Promise<StoreRow[]> {
  return rowsOf<StoreRow>(
    await db.execute(sql`
      select id::text as id, tenant_id::text as "tenantId", name, currency from stores
      where id in (${uuidList(storeIds)}) order by name, id`),
  )
}

/** The sequence of a store's latest stock movement (0 without any): what a count was planned on. */
export async function selectLastMovementSeq(db: Executor, storeId: string): Promise<number> {
  const [row] = rowsOf<{ seq: string | number | null }>(
    await db.execute(sql`
      select max(seq) as seq from sync_records
      where store_id = ${storeId}::uuid and entity = 'stockMovement'`),
  )
  return Number(row?.seq ?? 0)
}
