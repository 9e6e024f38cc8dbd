import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { v7 as uuidv7 } from 'uuid'
import type { RegisterDb, RegisterTx } from './database'
import { recordSaleStock } from './saleStock'
import { deviceIdentity, orderItems, orders, outbox, payments, shifts } from './schema'

/** A chosen modifier as sold (its price is already in the line's unit price). */
export interface SoldModifier {
  groupName: string
  name: string
  priceCents: number
}

export interface PricedLine {
  productId: string | null
  sku: string
  name: string
  unitPriceCents: number
  quantity: number
  taxRateBasisPoints: number
  discountCents: number
  netCents: number
  taxCents: number
  totalCents: number
  variantId?: string | null
  variantName?: string | null
  modifiers?: readonly SoldModifier[]
  note?: string | null
  /** On a refund line: the sold line it gives back. */
  refundOfItemId?: string | null
  weightGrams?: number | null
}

export interface PricedPayment {
  method: 'cash' | 'card' | 'other'
  amountCents: number
  tenderedCents: number
  changeCents: number
  referenceNumber: string | null
  /** The configured tender (StoreOptions.tenderMethods) and its label as printed. */
  tenderId?: string | null
  label?: string | null
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
  /** SALE unless this is a refund (money negative, quantities positive). */
  kind?: 'SALE' | 'REFUND'
  refundOfOrderId?: string | null
  refundReason?: string | null
  employeeId?: string | null
  shiftId?: string | null
  customerId?: string | null
  note?: string | null
}

export interface CommitResult {
  orderId: string
  /** False when this clientRequestId was already stored: the earlier sale is returned, not a new one. */
  isNew: boolean
}

/** Hook for tests that prove a failure mid-sale leaves nothing behind. */
export interface CommitSaleOptions {
  afterItemsInserted?: () => void
  /** Runs in the sale's transaction once it is stored (not for a replay): audit entries. */
  afterCommit?: (tx: RegisterTx, orderId: string) => void
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
    openShift: db
      .select({ id: shifts.id })
      .from(shifts)
      .where(
        and(
          eq(shifts.deviceId, p('deviceId')),
          eq(shifts.status, 'OPEN'),
          isNull(shifts.deletedAt),
        ),
      )
      .orderBy(desc(shifts.openedAt))
      .limit(1)
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
        kind: p('kind'),
        refundOfOrderId: p('refundOfOrderId'),
        refundReason: p('refundReason'),
        employeeId: p('employeeId'),
        shiftId: p('shiftId'),
        customerId: p('customerId'),
        note: p('note'),
        lateForShift: false,
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
        variantId: p('variantId'),
        variantName: p('variantName'),
        modifiers: p('modifiers'),
        note: p('note'),
        refundOfItemId: p('refundOfItemId'),
        weightGrams: p('weightGrams'),
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
        tenderId: p('tenderId'),
        label: p('label'),
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
  return db.transaction((tx) => {
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
      kind: sale.kind ?? 'SALE',
      refundOfOrderId: sale.refundOfOrderId ?? null,
      refundReason: sale.refundReason ?? null,
      employeeId: sale.employeeId ?? null,
      shiftId: sale.shiftId ?? null,
      customerId: sale.customerId ?? null,
      note: sale.note ?? null,
    })
    sale.lines.forEach((line, index) =>
      statements.insertItem.run({
        ...meta,
        id: uuidv7(),
        orderId,
        lineNumber: index + 1,
        productId: line.productId,
        sku: line.sku,
        name: line.name,
        unitPriceCents: line.unitPriceCents,
        quantity: line.quantity,
        taxRateBasisPoints: line.taxRateBasisPoints,
        discountCents: line.discountCents,
        netCents: line.netCents,
        taxCents: line.taxCents,
        totalCents: line.totalCents,
        variantId: line.variantId ?? null,
        variantName: line.variantName ?? null,
        modifiers: JSON.stringify(line.modifiers ?? []),
        note: line.note ?? null,
        refundOfItemId: line.refundOfItemId ?? null,
        weightGrams: line.weightGrams ?? null,
      }),
    )
    options.afterItemsInserted?.()
    for (const payment of sale.payments)
      statements.insertPayment.run({
        ...meta,
        id: uuidv7(),
        orderId,
        method: payment.method,
        amountCents: payment.amountCents,
        tenderedCents: payment.tenderedCents,
        changeCents: payment.changeCents,
        referenceNumber: payment.referenceNumber,
        tenderId: payment.tenderId ?? null,
        label: payment.label ?? null,
      })
    statements.insertOutbox.run({ mutationId: uuidv7(), orderId, now: sale.now })
    recordSaleStock(db, sale, orderId)
    options.afterCommit?.(tx, orderId)
    return { orderId, isNew: true }
  })
}

/** The order a request id already stored, so a replayed call skips pricing and approvals. */
export function findOrderIdByRequest(db: RegisterDb, clientRequestId: string): string | null {
  return saleStatements(db).findByRequest.get({ clientRequestId })?.id ?? null
}

/** This register's open shift id (prepared: it is read on every sale). */
export function openShiftId(db: RegisterDb, deviceId: string): string | null {
  return saleStatements(db).openShift.get({ deviceId })?.id ?? null
}
