import { sql } from 'drizzle-orm'
import type { Executor } from './connection'
import { rowsOf } from './connection'

/** Units sold less units refunded per store and product in a report range (voids left out). */
export async function selectNetQuantitiesByStore(
  db: Executor,
  range: { storeIds: string[]; from: string; to: string },
): Promise<{ storeId: string; productId: string; quantity: string | null }[]> {
  if (range.storeIds.length === 0) return []
  return rowsOf<{ storeId: string; productId: string; quantity: string | null }>(
    await db.execute(sql`
      select l.store_id::text as "storeId", coalesce(l.product_id, '') as "productId",
        sum(l.quantity)::text as quantity
      from report_order_lines l
      where l.store_id in (${sql.join(
        range.storeIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and l.business_day between ${range.from}::date and ${range.to}::date
        and l.kind <> 'void'
      group by 1, 2`),
  )
}
