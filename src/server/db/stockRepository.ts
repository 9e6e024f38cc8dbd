import { sql } from 'drizzle-orm'
import type { Executor } from './connection'
import { rowsOf } from './connection'
import { selectStoresBehind } from './projectionRepository'

/**
 * The stock projection's SQL (drizzle/server/0009_stock_projection.sql): each call of
 * stock_project_store is its own transaction and projects at most `limit` stock movements of one
 * store past its cursor, set-based.
 */

export interface StockStep {
  projected: number
  seq: number
  head: number
}

/** One step for a store; null when another projector holds the store and `wait` is false. */
export async function projectStockStep(
  db: Executor,
  storeId: string,
  limit: number,
  wait: boolean,
): Promise<StockStep | null> {
  const [row] = rowsOf<{ step: StockStep | string | null }>(
    await db.execute(
      sql`select stock_project_store(${storeId}::uuid, ${limit}::integer, ${wait}::boolean) as step`,
    ),
  )
  const step = row?.step ?? null
  if (step === null) return null
  const parsed: StockStep = typeof step === 'string' ? (JSON.parse(step) as StockStep) : step
  return { projected: Number(parsed.projected), seq: Number(parsed.seq), head: Number(parsed.head) }
}

/** The stores (of `storeIds`, or all) whose stock projection is behind their head. */
export function selectStockLaggingStores(db: Executor, storeIds?: string[]): Promise<string[]> {
  return selectStoresBehind(db, 'stock_projection_cursor', storeIds)
}

export interface StockOnHandRow {
  productId: string
  variantId: string | null
  onHandMilli: number
}

/** On hand of every product and variant of a store that stock ever moved. */
export async function selectStockOnHand(
  db: Executor,
  storeId: string,
  productIds?: string[],
): Promise<StockOnHandRow[]> {
  const only =
    productIds && productIds.length > 0
      ? sql`and product_id in (${sql.join(
          productIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql``
  const rows = rowsOf<{ productId: string; variantId: string; onHandMilli: string | number }>(
    await db.execute(sql`
      select product_id as "productId", variant_id as "variantId", on_hand_milli as "onHandMilli"
      from stock_on_hand where store_id = ${storeId}::uuid ${only}
      order by product_id, variant_id`),
  )
  return rows.map((row) => ({
    productId: row.productId,
    variantId: row.variantId === '' ? null : row.variantId,
    onHandMilli: Number(row.onHandMilli),
  }))
}
