import { asc, eq, getTableColumns, sql } from 'drizzle-orm'
import type { RegisterDb, RegisterExecutor } from './database'
import { categories, orderItems, orders, payments, products, taxRates } from './schema'

// Wire columns: everything but the local sync bookkeeping (and, for lines, what the envelope implies).
const {
  syncStatus: _os,
  syncVersion: _ov,
  serverHash: _oh,
  deletedAt: _od,
  ...orderWire
} = getTableColumns(orders)
const {
  syncStatus: _is,
  syncVersion: _iv,
  serverHash: _ih,
  deletedAt: _id,
  deviceId: _idev,
  updatedAt: _iu,
  orderId: _io,
  ...itemWire
} = getTableColumns(orderItems)
const {
  syncStatus: _ps,
  syncVersion: _pv,
  serverHash: _ph,
  deletedAt: _pd,
  deviceId: _pdev,
  updatedAt: _pu,
  orderId: _po,
  ...paymentWire
} = getTableColumns(payments)

/** Every pushed order is read here, so the three reads are prepared once per database. */
function prepareOrderReads(db: RegisterDb) {
  const id = sql.placeholder('id')
  return {
    order: db.select(orderWire).from(orders).where(eq(orders.id, id)).prepare(),
    items: db
      .select(itemWire)
      .from(orderItems)
      .where(eq(orderItems.orderId, id))
      .orderBy(asc(orderItems.lineNumber))
      .prepare(),
    payments: db
      .select(paymentWire)
      .from(payments)
      .where(eq(payments.orderId, id))
      .orderBy(asc(payments.createdAt), asc(payments.id))
      .prepare(),
  }
}
const orderReads = new WeakMap<RegisterDb, ReturnType<typeof prepareOrderReads>>()

/**
 * The data a record carries on the wire (protocol v1: money in integer cents). Sync metadata
 * stays local; an order travels as one envelope with its items and payments.
 */
export function readWireRecord(db: RegisterDb, entity: string, id: string): unknown {
  switch (entity) {
    case 'order': {
      let reads = orderReads.get(db)
      if (!reads) {
        reads = prepareOrderReads(db)
        orderReads.set(db, reads)
      }
      const order = reads.order.get({ id })
      if (!order) return null
      return { order, items: reads.items.all({ id }), payments: reads.payments.all({ id }) }
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
