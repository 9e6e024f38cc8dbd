import { asc, eq, getTableColumns, sql } from 'drizzle-orm'
import type { ReadWireRecord, WireRecord } from '../../../shared/sync/wireRecords'
import type { RegisterDb } from '../database'
import { orderItems, orders, payments } from '../schema'
import { parseJson, withoutNulls, type SyncMeta } from './syncRow'

type OrderRow = typeof orders.$inferSelect
type OrderItemRow = typeof orderItems.$inferSelect
type PaymentRow = typeof payments.$inferSelect
type ReadOrder = ReadWireRecord<'order'>

const localSync = ['syncStatus', 'syncVersion', 'serverHash', 'deletedAt'] as const

/** Columns that stay on this register: everything else of an order travels in its envelope. */
export const localOrderColumns = {
  // The late bucket is this register's view of when the order arrived, not part of the sale.
  orders: [...localSync, 'lateForShift'],
  // Lines and payments travel inside their order's envelope: its id and sync columns are implied.
  orderItems: [...localSync, 'deviceId', 'updatedAt', 'orderId'],
  payments: [...localSync, 'deviceId', 'updatedAt', 'orderId'],
} as const

function columnsWithout<T extends object, const K extends keyof T>(
  columns: T,
  keys: readonly K[],
): Omit<T, K> {
  const copy = { ...columns }
  for (const key of keys) delete copy[key]
  return copy
}

const orderWire = columnsWithout(getTableColumns(orders), localOrderColumns.orders)
const itemWire = columnsWithout(getTableColumns(orderItems), localOrderColumns.orderItems)
const paymentWire = columnsWithout(getTableColumns(payments), localOrderColumns.payments)

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

/** An order as one envelope with its items and payments; null when it is not here. */
export function readOrderRecord(db: RegisterDb, id: string): WireRecord<'order'> | null {
  let reads = orderReads.get(db)
  if (!reads) {
    reads = prepareOrderReads(db)
    orderReads.set(db, reads)
  }
  const order = reads.order.get({ id })
  if (!order) return null
  return {
    order,
    items: reads.items.all({ id }).map((item) => ({
      ...withoutNulls(item, ['productId']),
      modifiers: parseJson(item.modifiers, []),
    })),
    payments: reads.payments.all({ id }),
  }
}

const paymentMethod = (method: string | undefined): PaymentRow['method'] =>
  method === 'cash' || method === 'card' ? method : 'other'
const paymentStatus = (status: string | undefined): PaymentRow['status'] =>
  status === 'REFUNDED' || status === 'VOIDED' ? status : 'COMPLETED'

export interface OrderRowContext {
  currency: string
  /** First arrival after its shift was closed here: the Z report shows it in the late bucket. */
  isLate: boolean
}

/** The order number a pulled order is shown under (one rung up elsewhere may have none). */
export const orderNumberOf = (record: ReadOrder, id: string): string =>
  record.order.orderNumber ?? `EXT-${id.slice(0, 8)}`

export function orderToRow(record: ReadOrder, meta: SyncMeta, context: OrderRowContext): OrderRow {
  const { order, items } = record
  return {
    ...meta,
    orderNumber: orderNumberOf(record, meta.id),
    clientRequestId: order.clientRequestId ?? meta.id,
    status: order.status,
    currency: order.currency ?? context.currency,
    itemCount: order.itemCount ?? items.reduce((sum, item) => sum + (item.quantity ?? 1), 0),
    subtotalCents: order.subtotalCents ?? order.totalCents - (order.taxCents ?? 0),
    discountCents: order.discountCents ?? 0,
    taxCents: order.taxCents ?? 0,
    totalCents: order.totalCents,
    cashRoundingCents: order.cashRoundingCents ?? 0,
    kind: order.kind,
    refundOfOrderId: order.refundOfOrderId ?? null,
    employeeId: order.employeeId ?? null,
    shiftId: order.shiftId ?? null,
    customerId: order.customerId ?? null,
    note: order.note ?? null,
    refundReason: order.refundReason ?? null,
    lateForShift: context.isLate,
    createdAt: order.createdAt ?? meta.updatedAt,
  }
}

export function orderItemToRow(
  item: ReadOrder['items'][number],
  index: number,
  meta: SyncMeta,
): OrderItemRow {
  return {
    ...meta,
    id: item.id ?? `${meta.id}:item:${index + 1}`,
    orderId: meta.id,
    lineNumber: index + 1,
    productId: item.productId ?? null,
    sku: item.sku ?? '',
    name: item.name ?? 'Item',
    unitPriceCents: item.unitPriceCents ?? 0,
    quantity: Math.max(1, Math.round(item.quantity ?? 1)),
    taxRateBasisPoints: item.taxRateBasisPoints ?? 0,
    discountCents: item.discountCents ?? 0,
    netCents: item.netCents ?? item.totalCents ?? 0,
    taxCents: item.taxCents ?? 0,
    totalCents: item.totalCents ?? 0,
    variantId: item.variantId ?? null,
    variantName: item.variantName ?? null,
    modifiers: JSON.stringify(item.modifiers),
    note: item.note ?? null,
    refundOfItemId: item.refundOfItemId ?? null,
    weightGrams: item.weightGrams ?? null,
  }
}

export function paymentToRow(
  payment: ReadOrder['payments'][number],
  index: number,
  meta: SyncMeta,
  createdAt: string,
): PaymentRow {
  return {
    ...meta,
    id: payment.id ?? `${meta.id}:payment:${index + 1}`,
    orderId: meta.id,
    method: paymentMethod(payment.method),
    amountCents: payment.amountCents,
    tenderedCents: payment.tenderedCents ?? payment.amountCents,
    changeCents: payment.changeCents ?? 0,
    referenceNumber: payment.referenceNumber ?? null,
    tenderId: payment.tenderId ?? null,
    label: payment.label ?? null,
    status: paymentStatus(payment.status),
    createdAt: payment.createdAt ?? createdAt,
  }
}
