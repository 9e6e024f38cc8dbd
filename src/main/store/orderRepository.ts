import { and, asc, desc, eq, exists, gte, lt, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { RegisterDb, RegisterExecutor } from './database'
import type { SoldModifier } from './saleRepository'
import { customers, employees, orderItems, orders, payments } from './schema'

/**
 * Units given back against a sale, over every refund recorded against it, and units it sold: a
 * sale with some but not all of its units refunded reads "Partly refunded", all of them "Refunded".
 * A refund is its own record and the sale's stored status never moves for it (DESIGN 3.5), so the
 * status a cashier sees is worked out here.
 */
const refundedUnits = sql<number>`(select coalesce(sum(refund_items.quantity), 0)
  from order_items refund_items join orders refunds on refund_items.order_id = refunds.id
  where refunds.refund_of_order_id = ${orders.id} and refunds.kind = 'REFUND')`
const soldUnits = sql<number>`(select coalesce(sum(sold_items.quantity), 0)
  from order_items sold_items where sold_items.order_id = ${orders.id})`
const shownStatus = sql<OrderStatus>`case
  when ${orders.kind} = 'SALE' and ${orders.status} = 'COMPLETED' then
    case when ${refundedUnits} = 0 then 'COMPLETED'
      when ${refundedUnits} >= ${soldUnits} then 'REFUNDED'
      else 'PARTLY_REFUNDED' end
  else ${orders.status} end`

export type OrderStatus = 'COMPLETED' | 'PARTLY_REFUNDED' | 'REFUNDED' | 'VOIDED'

const summaryColumns = {
  id: orders.id,
  orderNumber: orders.orderNumber,
  status: shownStatus,
  createdAt: orders.createdAt,
  itemCount: orders.itemCount,
  totalCents: orders.totalCents,
  currency: orders.currency,
  syncStatus: orders.syncStatus,
  kind: orders.kind,
  refundOfOrderId: orders.refundOfOrderId,
}

/** What the orders list narrows to; every field is optional and they combine with AND. */
export interface OrderFilter {
  /** Created at or after this instant (ISO 8601). */
  from?: string
  /** Created before this instant (ISO 8601, exclusive). */
  to?: string
  /** Rung up by this employee. */
  employeeId?: string
  /** Took at least one payment of this kind. */
  paymentMethod?: 'cash' | 'card' | 'other'
  /** The customer's name or phone contains this text (any case). */
  customer?: string
}

/** `%`, `_` and `\` typed by a cashier are matched as themselves, not as LIKE wildcards. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

function filterConditions(db: RegisterDb, filter: OrderFilter): SQL[] {
  const conditions: SQL[] = []
  if (filter.from) conditions.push(gte(orders.createdAt, filter.from))
  if (filter.to) conditions.push(lt(orders.createdAt, filter.to))
  if (filter.employeeId) conditions.push(eq(orders.employeeId, filter.employeeId))
  if (filter.paymentMethod)
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(payments)
          .where(and(eq(payments.orderId, orders.id), eq(payments.method, filter.paymentMethod))),
      ),
    )
  const customerText = filter.customer?.trim()
  if (customerText) {
    const pattern = likeContains(customerText)
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(customers)
          .where(
            and(
              eq(customers.id, orders.customerId),
              or(
                sql`${customers.name} like ${pattern} escape '\\'`,
                sql`${customers.phone} like ${pattern} escape '\\'`,
              ),
            ),
          ),
      ),
    )
  }
  return conditions
}

/**
 * Newest first, narrowed by `filter`; `beforeId` pages back from a given order. Null when the
 * order to page back from is not here.
 */
export function listOrders(
  db: RegisterDb,
  limit: number,
  beforeId?: string,
  filter: OrderFilter = {},
) {
  const conditions = filterConditions(db, filter)
  if (beforeId) {
    const anchor = db
      .select({ createdAt: orders.createdAt })
      .from(orders)
      .where(eq(orders.id, beforeId))
      .get()
    if (!anchor) return null
    const before = or(
      lt(orders.createdAt, anchor.createdAt),
      and(eq(orders.createdAt, anchor.createdAt), lt(orders.id, beforeId)),
    )
    if (before) conditions.push(before)
  }
  return db
    .select(summaryColumns)
    .from(orders)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit)
    .all()
}

function parseModifiers(json: string): SoldModifier[] {
  if (json === '[]') return []
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? (value as SoldModifier[]) : []
  } catch {
    return []
  }
}

/**
 * Units given back so far per sold line of `saleId`, over every refund recorded against it (made
 * here or pulled from other registers).
 */
export function refundedQuantities(db: RegisterExecutor, saleId: string): Map<string, number> {
  const rows = db
    .select({
      itemId: orderItems.refundOfItemId,
      quantity: sql<number>`sum(${orderItems.quantity})`,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orderItems.orderId, orders.id))
    .where(and(eq(orders.refundOfOrderId, saleId), eq(orders.kind, 'REFUND')))
    .groupBy(orderItems.refundOfItemId)
    .all()
  return new Map(rows.flatMap((row) => (row.itemId ? [[row.itemId, row.quantity]] : [])))
}

export function getOrderDetail(db: RegisterExecutor, id: string) {
  const sale = alias(orders, 'sale')
  const order = db
    .select({
      ...summaryColumns,
      subtotalCents: orders.subtotalCents,
      discountCents: orders.discountCents,
      taxCents: orders.taxCents,
      cashRoundingCents: orders.cashRoundingCents,
      employeeId: orders.employeeId,
      employeeName: employees.name,
      shiftId: orders.shiftId,
      customerId: orders.customerId,
      customerName: customers.name,
      note: orders.note,
      refundReason: orders.refundReason,
      lateForShift: orders.lateForShift,
      refundOfOrderNumber: sale.orderNumber,
    })
    .from(orders)
    .leftJoin(employees, eq(orders.employeeId, employees.id))
    .leftJoin(customers, eq(orders.customerId, customers.id))
    .leftJoin(sale, eq(orders.refundOfOrderId, sale.id))
    .where(eq(orders.id, id))
    .get()
  if (!order) return null
  const refunded = order.kind === 'SALE' ? refundedQuantities(db, id) : new Map<string, number>()
  const items = db
    .select({
      id: orderItems.id,
      productId: orderItems.productId,
      sku: orderItems.sku,
      name: orderItems.name,
      unitPriceCents: orderItems.unitPriceCents,
      quantity: orderItems.quantity,
      taxRateBasisPoints: orderItems.taxRateBasisPoints,
      discountCents: orderItems.discountCents,
      netCents: orderItems.netCents,
      taxCents: orderItems.taxCents,
      totalCents: orderItems.totalCents,
      variantId: orderItems.variantId,
      variantName: orderItems.variantName,
      modifiers: orderItems.modifiers,
      note: orderItems.note,
      refundOfItemId: orderItems.refundOfItemId,
      weightGrams: orderItems.weightGrams,
    })
    .from(orderItems)
    .where(eq(orderItems.orderId, id))
    .orderBy(asc(orderItems.lineNumber))
    .all()
    .map((item) => ({
      ...item,
      modifiers: parseModifiers(item.modifiers),
      refundedQuantity: refunded.get(item.id) ?? 0,
    }))
  const paid = db
    .select({
      id: payments.id,
      method: payments.method,
      tenderId: payments.tenderId,
      label: payments.label,
      amountCents: payments.amountCents,
      tenderedCents: payments.tenderedCents,
      changeCents: payments.changeCents,
      referenceNumber: payments.referenceNumber,
      status: payments.status,
    })
    .from(payments)
    .where(eq(payments.orderId, id))
    .orderBy(asc(payments.createdAt), asc(payments.id))
    .all()
  const refunds =
    order.kind === 'SALE'
      ? db
          .select(summaryColumns)
          .from(orders)
          .where(and(eq(orders.refundOfOrderId, id), eq(orders.kind, 'REFUND')))
          .orderBy(asc(orders.createdAt), asc(orders.id))
          .all()
      : []
  return { ...order, items, payments: paid, refunds }
}

export type OrderDetailRow = NonNullable<ReturnType<typeof getOrderDetail>>

/**
 * The order with this number as printed (typed, or read from the receipt's barcode). Numbers are
 * not unique across misconfigured registers, so a sale wins over a refund, then the newest.
 */
export function findOrderByNumber(db: RegisterDb, orderNumber: string): string | null {
  const byNumber = (where: SQL) =>
    db
      .select({ id: orders.id })
      .from(orders)
      .where(where)
      .orderBy(
        sql`case when ${orders.kind} = 'SALE' then 0 else 1 end`,
        desc(orders.createdAt),
        desc(orders.id),
      )
      .limit(1)
      .get()?.id ?? null
  // Exact first (indexed); a scanner or keyboard may change the letters' case.
  return (
    byNumber(eq(orders.orderNumber, orderNumber)) ??
    byNumber(sql`${orders.orderNumber} = ${orderNumber} collate nocase`)
  )
}
