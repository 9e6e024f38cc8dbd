import { asc, eq } from 'drizzle-orm'
import type { RegisterExecutor } from './database'
import { categories, orderItems, orders, payments, products, taxRates } from './schema'

/**
 * The data a record carries on the wire (protocol v1: money in integer cents). Sync metadata
 * stays local; an order travels as one envelope with its items and payments.
 */
export function readWireRecord(db: RegisterExecutor, entity: string, id: string): unknown {
  switch (entity) {
    case 'order': {
      const order = db.select().from(orders).where(eq(orders.id, id)).get()
      if (!order) return null
      const { syncStatus: _s, syncVersion: _v, serverHash: _h, deletedAt: _d, ...header } = order
      const items = db
        .select()
        .from(orderItems)
        .where(eq(orderItems.orderId, id))
        .orderBy(asc(orderItems.lineNumber))
        .all()
      const paid = db
        .select()
        .from(payments)
        .where(eq(payments.orderId, id))
        .orderBy(asc(payments.createdAt), asc(payments.id))
        .all()
      return {
        order: header,
        items: items.map(
          ({
            syncStatus: _is,
            syncVersion: _iv,
            serverHash: _ih,
            deletedAt: _id,
            deviceId: _idev,
            updatedAt: _iu,
            orderId: _io,
            ...item
          }) => item,
        ),
        payments: paid.map(
          ({
            syncStatus: _ps,
            syncVersion: _pv,
            serverHash: _ph,
            deletedAt: _pd,
            deviceId: _pdev,
            updatedAt: _pu,
            orderId: _po,
            ...payment
          }) => payment,
        ),
      }
    }
    case 'product': {
      const row = db.select().from(products).where(eq(products.id, id)).get()
      return row ? stripMeta(row) : null
    }
    case 'category': {
      const row = db.select().from(categories).where(eq(categories.id, id)).get()
      return row ? stripMeta(row) : null
    }
    case 'taxRate': {
      const row = db.select().from(taxRates).where(eq(taxRates.id, id)).get()
      return row ? { ...stripMeta(row), isInclusive: false } : null
    }
    default:
      return null
  }
}

function stripMeta<
  T extends { syncStatus: unknown; syncVersion: unknown; serverHash: unknown; deviceId: unknown },
>(row: T) {
  const { syncStatus: _s, syncVersion: _v, serverHash: _h, deviceId: _d, ...data } = row
  return data
}

/** A human label for a record in the manager's views (order number, product name). */
export function recordLabel(db: RegisterExecutor, entity: string, id: string): string {
  if (entity === 'order')
    return (
      db.select({ label: orders.orderNumber }).from(orders).where(eq(orders.id, id)).get()?.label ??
      id
    )
  if (entity === 'product')
    return (
      db.select({ label: products.name }).from(products).where(eq(products.id, id)).get()?.label ??
      id
    )
  return id
}
