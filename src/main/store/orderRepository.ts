import { and, asc, desc, eq, lt, or } from 'drizzle-orm'
import type { RegisterDb } from './database'
import { orderItems, orders, payments } from './schema'

const summaryColumns = {
  id: orders.id,
  orderNumber: orders.orderNumber,
  status: orders.status,
  createdAt: orders.createdAt,
  itemCount: orders.itemCount,
  totalCents: orders.totalCents,
  currency: orders.currency,
  syncStatus: orders.syncStatus,
}

/** Newest first; `beforeId` pages back from a given order. */
export function listOrders(db: RegisterDb, limit: number, beforeId?: string) {
  let where = undefined
  if (beforeId) {
    const anchor = db
      .select({ createdAt: orders.createdAt })
      .from(orders)
      .where(eq(orders.id, beforeId))
      .get()
    if (!anchor) return null
    where = or(
      lt(orders.createdAt, anchor.createdAt),
      and(eq(orders.createdAt, anchor.createdAt), lt(orders.id, beforeId)),
    )
  }
  return db
    .select(summaryColumns)
    .from(orders)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit)
    .all()
}

export function getOrderDetail(db: RegisterDb, id: string) {
  const order = db
    .select({
      ...summaryColumns,
      subtotalCents: orders.subtotalCents,
      discountCents: orders.discountCents,
      taxCents: orders.taxCents,
      cashRoundingCents: orders.cashRoundingCents,
    })
    .from(orders)
    .where(eq(orders.id, id))
    .get()
  if (!order) return null
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
    })
    .from(orderItems)
    .where(eq(orderItems.orderId, id))
    .orderBy(asc(orderItems.lineNumber))
    .all()
  const paid = db
    .select({
      id: payments.id,
      method: payments.method,
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
  return { ...order, items, payments: paid }
}
