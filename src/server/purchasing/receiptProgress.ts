import type { PurchaseOrderLineView, PurchaseOrderStatus } from '../../shared/backoffice/purchasing'
import { fromMilli, toMilli } from '../../shared/sync/inventoryEntities'

/**
 * What a purchase order has received, read from its RECEIPT movements (never stored on the order,
 * so every register's receipt counts whatever order they sync in). Quantities are summed as
 * integer thousandths; money is quantity × unit cost rounded half-up per line, to the cent.
 */

export interface OrderLine {
  productId: string
  variantId?: string | null | undefined
  quantity: number
  unitCostCents?: number | undefined
}

export interface OrderData {
  status: string
  lines: OrderLine[]
}

export interface ReceiptLine {
  productId: string
  variantId?: string | null | undefined
  quantity: number
  unitCostCents?: number | undefined
}

export interface ProductLabel {
  name: string
  sku: string | null
}

const keyOf = (line: { productId: string; variantId?: string | null | undefined }) =>
  `${line.productId}\u0000${line.variantId ?? ''}`

/** Thousandths of a unit × cents per unit, in cents, half-up (exact in BigInt). */
export function valueCents(quantityMilli: number, unitCostCents: number): number {
  const product = BigInt(quantityMilli) * BigInt(unitCostCents)
  const negative = product < 0n
  const magnitude = negative ? -product : product
  const rounded = (magnitude + 500n) / 1000n
  return Number(negative ? -rounded : rounded)
}

export interface ReceiptProgress {
  status: PurchaseOrderStatus
  lines: PurchaseOrderLineView[]
  totalCents: number
  receivedCents: number
}

/**
 * The order's lines with ordered / received / outstanding, and its derived status. A product
 * received that was never ordered is shown as a line of its own (ordered 0), valued at the cost
 * the receipt carried.
 */
export function receiptProgress(
  order: OrderData,
  receipts: ReceiptLine[],
  labels: ReadonlyMap<string, ProductLabel>,
): ReceiptProgress {
  const received = new Map<string, { milli: number; unitCostCents: number }>()
  for (const line of receipts) {
    const key = keyOf(line)
    const entry = received.get(key) ?? { milli: 0, unitCostCents: line.unitCostCents ?? 0 }
    entry.milli += toMilli(line.quantity)
    received.set(key, entry)
  }
  const ordered = order.lines.map((line) => ({
    productId: line.productId,
    variantId: line.variantId ?? null,
    orderedMilli: toMilli(line.quantity),
    unitCostCents: line.unitCostCents ?? 0,
  }))
  const orderedKeys = new Set(ordered.map(keyOf))
  const extra = [...received.entries()]
    .filter(([key]) => !orderedKeys.has(key))
    .map(([key, entry]) => {
      const [productId, variantId] = key.split('\u0000') as [string, string]
      return {
        productId,
        variantId: variantId === '' ? null : variantId,
        orderedMilli: 0,
        unitCostCents: entry.unitCostCents,
      }
    })
  const lines = [...ordered, ...extra].map((line): PurchaseOrderLineView => {
    const receivedMilli = received.get(keyOf(line))?.milli ?? 0
    const label = labels.get(line.productId)
    return {
      productId: line.productId,
      variantId: line.variantId,
      name: label?.name ?? null,
      sku: label?.sku ?? null,
      ordered: fromMilli(line.orderedMilli),
      received: fromMilli(receivedMilli),
      outstanding: fromMilli(Math.max(0, line.orderedMilli - receivedMilli)),
      unitCostCents: line.unitCostCents,
      orderedCents: valueCents(line.orderedMilli, line.unitCostCents),
      receivedCents: valueCents(receivedMilli, line.unitCostCents),
    }
  })
  return {
    status: derivedStatus(order, lines),
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.orderedCents, 0),
    receivedCents: lines.reduce((sum, line) => sum + line.receivedCents, 0),
  }
}

function derivedStatus(order: OrderData, lines: PurchaseOrderLineView[]): PurchaseOrderStatus {
  if (order.status === 'CANCELLED') return 'CANCELLED'
  if (order.status === 'DRAFT') return 'DRAFT'
  const anyReceived = lines.some((line) => line.received > 0)
  if (!anyReceived) return 'ORDERED'
  const ordered = lines.filter((line) => line.ordered > 0)
  const isComplete = ordered.length > 0 && ordered.every((line) => line.outstanding === 0)
  return isComplete ? 'RECEIVED' : 'PARTIALLY_RECEIVED'
}

/** The stored state of an order: DRAFT, CANCELLED, else ORDERED (older derived values included). */
export function storedStatusOf(status: string): 'DRAFT' | 'ORDERED' | 'CANCELLED' {
  return status === 'DRAFT' || status === 'CANCELLED' ? status : 'ORDERED'
}
