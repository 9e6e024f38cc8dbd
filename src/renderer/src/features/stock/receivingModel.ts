import { addQuantities, itemFromLabel, itemKey, type ItemLabel, type StockItem } from './stockItem'

/** A document line being received: ordered (or sent), received before, and what arrives now. */
export interface ReceivingLine {
  item: StockItem
  /** Ordered on a purchase order, sent on a transfer. */
  due: number
  before: number
  now: number
}

export type ReceiptState = 'complete' | 'over' | 'under'

/** Lines as main lists them: nothing received yet this time. */
export function toReceivingLines(
  lines: readonly (ItemLabel & { received: number } & ({ ordered: number } | { sent: number }))[],
): ReceivingLine[] {
  return lines.map((line) => ({
    item: itemFromLabel(line),
    due: 'ordered' in line ? line.ordered : line.sent,
    before: line.received,
    now: 0,
  }))
}

/**
 * The document's line a scanned item belongs on: the same product and variant; a product scanned
 * by its own code goes on its only line. Null when it is not on the document, 'ambiguous' when the
 * document has several variants of it (the variant's own barcode says which).
 */
export function lineFor(
  lines: readonly ReceivingLine[],
  item: StockItem,
): number | 'ambiguous' | null {
  const exact = lines.findIndex((line) => itemKey(line.item) === itemKey(item))
  if (exact >= 0) return exact
  const sameProduct = lines.flatMap((line, index) =>
    line.item.productId === item.productId &&
    (item.variantId === null || line.item.variantId === null)
      ? [index]
      : [],
  )
  if (sameProduct.length === 1) return sameProduct[0] ?? null
  return sameProduct.length > 1 ? 'ambiguous' : null
}

export function addReceiving(
  lines: ReceivingLine[],
  index: number,
  quantity: number,
): ReceivingLine[] {
  return lines.map((line, at) =>
    at === index ? { ...line, now: addQuantities(line.now, quantity) } : line,
  )
}

export function setReceiving(lines: ReceivingLine[], key: string, now: number): ReceivingLine[] {
  return lines.map((line) => (itemKey(line.item) === key ? { ...line, now } : line))
}

/** With this receipt: all there, more than due (over), or still short (under), and by how much. */
export function receiptState(line: ReceivingLine): { state: ReceiptState; by: number } {
  const after = addQuantities(line.before, line.now)
  const by = addQuantities(after, -line.due)
  if (by === 0) return { state: 'complete', by: 0 }
  return by > 0 ? { state: 'over', by } : { state: 'under', by: -by }
}

/** What arrives now, the lines with nothing left out (a partial receipt is fine). */
export function receivedInputs(lines: readonly ReceivingLine[]) {
  return lines
    .filter((line) => line.now > 0)
    .map((line) => ({
      productId: line.item.productId,
      variantId: line.item.variantId,
      quantity: line.now,
    }))
}
