import { sql } from 'drizzle-orm'
import type { Database } from '../../../src/server/db/connection'
import { rowsOf } from '../../../src/server/db/connection'

/**
 * For the projector tests: an order as a register pushes it, the projection of a store as rows,
 * and the same rows worked out in JS from the store's order records (the reference).
 */

export function sale(
  id: string,
  createdAt: string,
  totalCents: number,
  extra: Record<string, unknown> = {},
) {
  const first = Math.trunc(totalCents / 2)
  const lines = [first, totalCents - first]
  return {
    order: {
      id,
      orderNumber: `T-${id}`,
      status: 'COMPLETED',
      kind: 'SALE',
      subtotalCents: totalCents,
      discountCents: 0,
      taxCents: 0,
      totalCents,
      currency: 'USD',
      createdAt,
      ...extra,
    },
    items: lines.map((net, index) => ({
      id: `${id}-i${index}`,
      productId: `p-${index}`,
      name: `Item ${index}`,
      quantity: 1,
      unitPriceCents: Math.abs(net),
      taxRateBasisPoints: 0,
      netCents: net,
      taxCents: 0,
      totalCents: net,
    })),
    payments: [{ id: `${id}-p`, method: 'cash', amountCents: totalCents }],
  }
}

export interface ProjectedOrder {
  orderId: string
  day: string
  kind: string
  status: string
  totalCents: number
  netCents: number
  lines: number
  lineNetCents: number
  payments: number
  paymentCents: number
}

const byOrder = (a: ProjectedOrder, b: ProjectedOrder) =>
  a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : a.day.localeCompare(b.day)

/** The store's projection: one entry per report_orders row, with its lines' and payments' sums. */
export async function projectionOf(db: Database, storeId: string): Promise<ProjectedOrder[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select o.order_id, o.business_day::text as day, o.kind, o.status, o.total_cents, o.net_cents,
        (select count(*) from report_order_lines l where l.store_id = o.store_id
          and l.business_day = o.business_day and l.order_id = o.order_id) as lines,
        (select coalesce(sum(net_cents), 0) from report_order_lines l where l.store_id = o.store_id
          and l.business_day = o.business_day and l.order_id = o.order_id) as line_net,
        (select count(*) from report_payments p where p.store_id = o.store_id
          and p.business_day = o.business_day and p.order_id = o.order_id) as payments,
        (select coalesce(sum(amount_cents), 0) from report_payments p where p.store_id = o.store_id
          and p.business_day = o.business_day and p.order_id = o.order_id) as payment_cents
      from report_orders o where o.store_id = ${storeId}::uuid`),
  )
  // Rows of other days or orders of this store in lines/payments with no order row are strays.
  const [strays] = rowsOf<{ n: number | string }>(
    await db.execute(sql`
      select (select count(*) from report_order_lines l where l.store_id = ${storeId}::uuid and not exists
          (select 1 from report_orders o where o.store_id = l.store_id and o.business_day = l.business_day and o.order_id = l.order_id))
        + (select count(*) from report_payments p where p.store_id = ${storeId}::uuid and not exists
          (select 1 from report_orders o where o.store_id = p.store_id and o.business_day = p.business_day and o.order_id = p.order_id)) as n`),
  )
  if (Number(strays?.n) !== 0) throw new Error(`${String(strays?.n)} stray projection rows`)
  return rows
    .map((row) => ({
      orderId: String(row.order_id),
      day: String(row.day),
      kind: String(row.kind),
      status: String(row.status),
      totalCents: Number(row.total_cents),
      netCents: Number(row.net_cents),
      lines: Number(row.lines),
      lineNetCents: Number(row.line_net),
      payments: Number(row.payments),
      paymentCents: Number(row.payment_cents),
    }))
    .sort(byOrder)
}

interface OrderData {
  order: Record<string, unknown>
  items: { netCents: number }[]
  payments: { amountCents: number }[]
}

/** The same entries worked out in JS from the store's live order records. */
export async function referenceOf(db: Database, storeId: string): Promise<ProjectedOrder[]> {
  const rows = rowsOf<{ id: string; data: OrderData; timeZone: string }>(
    await db.execute(sql`
      select r.id, r.data, s.time_zone as "timeZone" from sync_records r join stores s on s.id = r.store_id
      where r.store_id = ${storeId}::uuid and r.entity = 'order' and not r.deleted and r.data is not null`),
  )
  return rows
    .map(({ id, data, timeZone }) => {
      const order = data.order
      const status = String(order.status ?? 'COMPLETED').toUpperCase()
      const kind =
        status === 'VOIDED'
          ? 'void'
          : String(order.kind).toUpperCase() === 'REFUND'
            ? 'refund'
            : 'sale'
      return {
        orderId: id,
        day: new Intl.DateTimeFormat('en-CA', { timeZone }).format(
          new Date(String(order.createdAt)),
        ),
        kind,
        status,
        totalCents: Number(order.totalCents),
        netCents: Number(order.subtotalCents),
        lines: data.items.length,
        lineNetCents: data.items.reduce((sum, item) => sum + item.netCents, 0),
        payments: data.payments.length,
        paymentCents: data.payments.reduce((sum, payment) => sum + payment.amountCents, 0),
      }
    })
    .sort(byOrder)
}
