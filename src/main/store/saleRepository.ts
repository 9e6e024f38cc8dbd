import { eq } from 'drizzle-orm'
import { v7 as uuidv7 } from 'uuid'
import type { RegisterDb } from './database'
import { nextOrderSequence } from './identityRepository'
import { orderItems, orders, outbox, payments } from './schema'

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

/**
 * Stores a sale — order, items, payments and its outbox entry — in one transaction. With
 * synchronous=FULL the commit is on disk when this returns.
 */
export function commitSale(db: RegisterDb, sale: PricedSale, options: CommitSaleOptions = {}): CommitResult {
  return db.transaction((tx) => {
    const existing = tx
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.clientRequestId, sale.clientRequestId))
      .get()
    if (existing) return { orderId: existing.id, isNew: false }

    const seq = nextOrderSequence(tx)
    const orderId = uuidv7()
    const meta = { deviceId: sale.deviceId, syncStatus: 'PENDING' as const, syncVersion: 1, updatedAt: sale.now }
    tx.insert(orders)
      .values({
        ...meta,
        id: orderId,
        orderNumber: `${sale.storeCode}-${sale.registerCode}-${String(seq).padStart(6, '0')}`,
        clientRequestId: sale.clientRequestId,
        status: 'COMPLETED',
        currency: sale.currency,
        itemCount: sale.lines.reduce((count, line) => count + line.quantity, 0),
        subtotalCents: sale.subtotalCents,
        discountCents: sale.discountCents,
        taxCents: sale.taxCents,
        totalCents: sale.totalCents,
        cashRoundingCents: sale.cashRoundingCents,
        createdAt: sale.now,
      })
      .run()
    tx.insert(orderItems)
      .values(sale.lines.map((line, index) => ({ ...meta, ...line, id: uuidv7(), orderId, lineNumber: index + 1 })))
      .run()
    options.afterItemsInserted?.()
    tx.insert(payments)
      .values(sale.payments.map((payment) => ({ ...meta, ...payment, id: uuidv7(), orderId, status: 'COMPLETED' as const, createdAt: sale.now })))
      .run()
    tx.insert(outbox)
      .values({
        mutationId: uuidv7(),
        entity: 'order',
        entityId: orderId,
        operation: 'upsert',
        state: 'pending',
        createdAt: sale.now,
        updatedAt: sale.now,
      })
      .run()
    return { orderId, isNew: true }
  })
}
