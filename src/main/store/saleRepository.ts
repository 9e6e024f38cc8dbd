import { eq, sql } from 'drizzle-orm'
import { v7 as uuidv7 } from 'uuid'
import type { RegisterDb } from './database'
import { deviceIdentity, orderItems, orders, outbox, payments } from './schema'

export interface PricedLine {
  productId: string
  sku: string
  name: string
  unitPriceCents: number
  quantity: number
  taxRateBasisPoints: number
  discountCents: number
  netCents: number
  taxCents: number
  totalCents: number
}

export interface PricedPayment {
  method: 'cash' | 'card' | 'other'
  amountCents: number
  tenderedCents: number
  changeCents: number
  referenceNumber: string | null
}

/** A sale whose every figure main has already worked out; the repository only stores it. */
export interface PricedSale {
  clientRequestId: string
  deviceId: string
  storeCode: string
  registerCode: string
  currency: string
  subtotalCents: number
  discountCents: number
  taxCents: number
  totalCents: number
  cashRoundingCents: number
  lines: readonly PricedLine[]
  payments: readonly PricedPayment[]
  now: string
}

export interface CommitResult {
  orderId: string
  /** False when this clientRequestId was already stored: the earlier sale is returned, not a new one. */
  isNew: boolean
}

/** Hook for tests that prove a failure mid-sale leaves nothing behind. */
export interface CommitSaleOptions {
  afterItemsInserted?: () => void
}

const p = (name: string) => sql.placeholder(name)
const syncMeta = {
  deviceId: p('deviceId'),
  syncStatus: 'PENDING' as const,
  syncVersion: 1,
  updatedAt: p('now'),
}

/**
 * The sale path runs on every checkout, so its statements are prepared once per database
 * instead of being rebuilt by the query builder each time.
 */
function prepareSaleStatements(db: RegisterDb) {
  return {
    findByRequest: db
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.clientRequestId, p('clientRequestId')))
      .prepare(),
    nextSequence: db
      .update(deviceIdentity)
      .set({ lastOrderSeq: sql`${deviceIdentity.lastOrderSeq} + 1` })
      .where(eq(deviceIdentity.id, 1))
      .returning({ seq: deviceIdentity.lastOrderSeq })
      .prepare(),
    insertOrder: db
      .insert(orders)
      .values({
        ...syncMeta,
        id: p('id'),
        orderNumber: p('orderNumber'),
        clientRequestId: p('clientRequestId'),
        status: 'COMPLETED',
        currency: p('currency'),
        itemCount: p('itemCount'),
        subtotalCents: p('subtotalCents'),
        discountCents: p('discountCents'),
        taxCents: p('taxCents'),
        totalCents: p('totalCents'),
        cashRoundingCents: p('cashRoundingCents'),
        createdAt: p('now'),
      })
      .prepare(),
    insertItem: db
      .insert(orderItems)
      .values({
        ...syncMeta,
        id: p('id'),
        orderId: p('orderId'),
        lineNumber: p('lineNumber'),
        productId: p('productId'),
        sku: p('sku'),
        name: p('name'),
        unitPriceCents: p('unitPriceCents'),
        quantity: p('quantity'),
        taxRateBasisPoints: p('taxRateBasisPoints'),
        discountCents: p('discountCents'),
        netCents: p('netCents'),
        taxCents: p('taxCents'),
        totalCents: p('totalCents'),
      })
      .prepare(),
    insertPayment: db
      .insert(payments)
      .values({
        ...syncMeta,
        id: p('id'),
        orderId: p('orderId'),
        method: p('method'),
        amountCents: p('amountCents'),
        tenderedCents: p('tenderedCents'),
        changeCents: p('changeCents'),
        referenceNumber: p('referenceNumber'),
        status: 'COMPLETED',
        createdAt: p('now'),
      })
      .prepare(),
    insertOutbox: db
      .insert(outbox)
      .values({
        mutationId: p('mutationId'),
        entity: 'order',
        entityId: p('orderId'),
        operation: 'upsert',
        state: 'pending',
        createdAt: p('now'),
        updatedAt: p('now'),
      })
      .prepare(),
  }
}

const statementCache = new WeakMap<RegisterDb, ReturnType<typeof prepareSaleStatements>>()

function saleStatements(db: RegisterDb) {
  let statements = statementCache.get(db)
  if (!statements) {
    statements = prepareSaleStatements(db)
    statementCache.set(db, statements)
  }
  return statements
}

/**
 * Stores a sale — order, items, payments and its outbox entry — in one transaction. With
 * synchronous=FULL the commit is on disk when this returns.
 */
export function commitSale(
  db: RegisterDb,
  sale: PricedSale,
  options: CommitSaleOptions = {},
): CommitResult {
  const statements = saleStatements(db)
  return db.transaction(() => {
    const existing = statements.findByRequest.get({ clientRequestId: sale.clientRequestId })
    if (existing) return { orderId: existing.id, isNew: false }

    const sequence = statements.nextSequence.get()
    if (!sequence) throw new Error('Device identity is missing.')
    const orderId = uuidv7()
    const meta = { deviceId: sale.deviceId, now: sale.now }
    statements.insertOrder.run({
      ...meta,
      id: orderId,
      orderNumber: `${sale.storeCode}-${sale.registerCode}-${String(sequence.seq).padStart(6, '0')}`,
      clientRequestId: sale.clientRequestId,
      currency: sale.currency,
      itemCount: sale.lines.reduce((count, line) => count + line.quantity, 0),
      subtotalCents: sale.subtotalCents,
      discountCents: sale.discountCents,
      taxCents: sale.taxCents,
      totalCents: sale.totalCents,
      cashRoundingCents: sale.cashRoundingCents,
    })
    sale.lines.forEach((line, index) =>
      statements.insertItem.run({ ...meta, ...line, id: uuidv7(), orderId, lineNumber: index + 1 }),
    )
    options.afterItemsInserted?.()
    for (const payment of sale.payments)
      statements.insertPayment.run({ ...meta, ...payment, id: uuidv7(), orderId })
    statements.insertOutbox.run({ mutationId: uuidv7(), orderId, now: sale.now })
    return { orderId, isNew: true }
  })
}
