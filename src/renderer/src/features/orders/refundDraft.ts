import {
  asciiDigits,
  refundLineAmounts,
  type Cents,
  type SoldLine,
} from '../../../../shared/domain'
import { i18n } from '../../i18n'

/**
 * What the refund dialog works out before asking main: which lines can still be given back, how
 * many of each, and which line an error from main is about. Main checks every limit again.
 */

interface RefundableItem extends SoldLine {
  id: string
  refundedQuantity: number
  refundOfItemId: string | null
}

export type RefundTo = 'original' | 'cash'

interface RefundableOrder {
  kind: 'SALE' | 'REFUND'
  items: readonly RefundableItem[]
}

/** How many of a sale line are left to give back. */
export function remainingQuantity(item: RefundableItem): number {
  return Math.max(0, item.quantity - item.refundedQuantity)
}

/** Only a sale's own lines can be refunded, and only while something is left on one of them. */
export function canRefund(order: RefundableOrder): boolean {
  return (
    order.kind === 'SALE' &&
    order.items.some((item) => item.refundOfItemId === null && remainingQuantity(item) > 0)
  )
}

/** Quantities as typed, keyed by order item id ('' = none). */
export type QuantityTexts = Readonly<Record<string, string>>

export type QuantityCheck = { kind: 'ok'; quantity: number } | { kind: 'invalid'; message: string }

/** Reads one typed quantity: blank is 0; otherwise a whole number from 0 to what is left. */
export function readQuantity(text: string, remaining: number): QuantityCheck {
  const trimmed = asciiDigits(text).trim()
  if (trimmed === '') return { kind: 'ok', quantity: 0 }
  if (!/^\d+$/.test(trimmed))
    return { kind: 'invalid', message: i18n.t('orders:refund.wholeNumber') }
  const quantity = Number(trimmed)
  if (quantity > remaining) {
    return {
      kind: 'invalid',
      message: i18n.t('orders:refund.onlyLeft', { count: remaining }),
    }
  }
  return { kind: 'ok', quantity }
}

export interface RefundLine {
  orderItemId: string
  quantity: number
}

/** The lines to send, in the order's own order, leaving out lines with nothing to give back. */
export function refundLines(
  items: readonly RefundableItem[],
  quantities: QuantityTexts,
): RefundLine[] | null {
  const lines: RefundLine[] = []
  for (const item of items) {
    const check = readQuantity(quantities[item.id] ?? '', remainingQuantity(item))
    if (check.kind === 'invalid') return null
    if (check.quantity > 0) lines.push({ orderItemId: item.id, quantity: check.quantity })
  }
  return lines
}

/** Everything still left on every line (the "Refund all remaining" button). */
export function allRemaining(items: readonly RefundableItem[]): Record<string, string> {
  const quantities: Record<string, string> = {}
  for (const item of items) quantities[item.id] = String(remainingQuantity(item))
  return quantities
}

/**
 * The order item an error path from main names: "lines.1.quantity" is the second line *sent*,
 * which is not the second line of the order once lines with 0 are left out.
 */
export function itemIdForErrorPath(
  path: string | undefined,
  sent: readonly RefundLine[],
): string | null {
  const match = /^lines\.(\d+)(?:\.|$)/.exec(path ?? '')
  if (!match) return null
  return sent[Number(match[1])]?.orderItemId ?? null
}

/**
 * What the customer gets back (positive cents), worked out with the shared function main uses so
 * the figure shown is the figure recorded. Throws (DomainError) for a quantity beyond what is left.
 */
export function refundPreviewCents(
  items: readonly RefundableItem[],
  lines: readonly RefundLine[],
): Cents {
  let totalCents = 0
  for (const line of lines) {
    const item = items.find((candidate) => candidate.id === line.orderItemId)
    if (!item) continue
    totalCents -= refundLineAmounts(item, item.refundedQuantity, line.quantity).totalCents
  }
  return totalCents
}
