import { addQuantities, itemKey, type StockItem } from './stockItem'

/** A product or variant and how much of it moves (adjusted, sent). */
export interface QuantityLine {
  item: StockItem
  quantity: number
}

/** A scan adds `delta` to the item's line, or starts one on top of the list. */
export function addToLine(lines: QuantityLine[], item: StockItem, delta: number): QuantityLine[] {
  const key = itemKey(item)
  const found = lines.find((line) => itemKey(line.item) === key)
  if (!found) return [{ item, quantity: delta }, ...lines]
  return lines.map((line) =>
    line === found ? { ...line, quantity: addQuantities(line.quantity, delta) } : line,
  )
}

export function setLineQuantity(
  lines: QuantityLine[],
  key: string,
  quantity: number,
): QuantityLine[] {
  return lines.map((line) => (itemKey(line.item) === key ? { ...line, quantity } : line))
}

export function removeQuantityLine(lines: QuantityLine[], key: string): QuantityLine[] {
  return lines.filter((line) => itemKey(line.item) !== key)
}

/** The lines as the bridge takes them. */
export function lineInputs(lines: QuantityLine[]) {
  return lines.map((line) => ({
    productId: line.item.productId,
    variantId: line.item.variantId,
    quantity: line.quantity,
  }))
}
