import type { StockLevel } from './stockTypes'
import { addQuantities, itemFromLabel, itemKey, type StockItem } from './stockItem'
import type { OpenCount } from './stockTypes'

/** One product or variant in a count: what was counted, and on hand as the register has it now. */
export interface CountLine {
  item: StockItem
  counted: number
  /** On hand before the count; null until stock:levels has answered for it. */
  expected: number | null
}

/**
 * A scan (or a typed amount) adds to what was counted; an item not counted yet goes on top, where
 * the person counting looks. Only the lines here are applied: a partial count leaves the rest.
 */
export function addCounted(lines: CountLine[], item: StockItem, quantity: number): CountLine[] {
  const key = itemKey(item)
  const found = lines.find((line) => itemKey(line.item) === key)
  if (!found) return [{ item, counted: quantity, expected: null }, ...lines]
  return lines.map((line) =>
    line === found ? { ...line, counted: addQuantities(line.counted, quantity) } : line,
  )
}

export function setCounted(lines: CountLine[], key: string, counted: number): CountLine[] {
  return lines.map((line) => (itemKey(line.item) === key ? { ...line, counted } : line))
}

export function removeLine(lines: CountLine[], key: string): CountLine[] {
  return lines.filter((line) => itemKey(line.item) !== key)
}

/** The products whose expected quantity is still to be read. */
export function productsMissingExpected(lines: CountLine[]): string[] {
  return [...new Set(lines.filter((line) => line.expected === null).map((l) => l.item.productId))]
}

/**
 * Fills in on hand for the lines of `productIds` from stock:levels; a product or variant stock never
 * moved has no level yet, which is zero.
 */
export function withExpected(
  lines: CountLine[],
  productIds: readonly string[],
  levels: readonly StockLevel[],
): CountLine[] {
  const asked = new Set(productIds)
  const onHand = new Map(levels.map((level) => [itemKey(level), level.onHand]))
  return lines.map((line) =>
    asked.has(line.item.productId) && line.expected === null
      ? { ...line, expected: onHand.get(itemKey(line.item)) ?? 0 }
      : line,
  )
}

/** Counted − expected, exact to the thousandth; null while expected is unknown. */
export function difference(line: CountLine): number | null {
  if (line.expected === null) return null
  return addQuantities(line.counted, -line.expected)
}

export function countedLines(lines: CountLine[]) {
  return lines.map((line) => ({
    productId: line.item.productId,
    variantId: line.item.variantId,
    counted: line.counted,
  }))
}

/** A saved count picked up again: what was counted, against on hand as main reads it now. */
export function linesOfSavedCount(count: OpenCount): CountLine[] {
  return count.lines.map((line) => ({
    item: itemFromLabel(line),
    counted: line.counted,
    expected: line.expected,
  }))
}
