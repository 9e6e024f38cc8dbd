import { DomainError } from './errors'
import { isCents, toCents, type Cents } from './money'
import { divideRounded } from './rounding'
import type { TenderMethod } from './tender'

/** The figures of a sold line that a refund gives back in proportion. */
export interface SoldLine {
  quantity: number
  netCents: Cents
  taxCents: Cents
  totalCents: Cents
  discountCents: Cents
}

/** A refund line's money: negative (money going back), net + tax = total. */
export interface RefundLineAmounts {
  netCents: Cents
  taxCents: Cents
  totalCents: Cents
  discountCents: Cents
}

function assertQuantity(value: number, what: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new DomainError('INVALID_QUANTITY', `${what} must be a whole number >= ${min}`)
  }
}

/**
 * The money of refunding `quantity` units of a sold line after `refundedQuantity` units were
 * already given back. Each amount is the line's amount for units refunded so far, rounded, minus
 * the same for the units before: so any sequence of partial refunds of every unit sums exactly to
 * the line (the last refund takes what rounding left), and no refund ever exceeds it.
 */
export function refundLineAmounts(
  sold: SoldLine,
  refundedQuantity: number,
  quantity: number,
): RefundLineAmounts {
  assertQuantity(sold.quantity, 'Sold quantity', 1)
  assertQuantity(refundedQuantity, 'Refunded quantity', 0)
  assertQuantity(quantity, 'Refund quantity', 1)
  const left = sold.quantity - refundedQuantity
  if (quantity > left) {
    throw new DomainError(
      'REFUND_EXCEEDS_SOLD',
      `Only ${Math.max(0, left)} of ${sold.quantity} are left to refund`,
    )
  }
  for (const value of [sold.netCents, sold.taxCents, sold.totalCents, sold.discountCents]) {
    if (!isCents(value)) throw new DomainError('INVALID_AMOUNT', 'Line amounts must be whole cents')
  }
  const soldQuantity = BigInt(sold.quantity)
  const upTo = (amount: Cents, units: number) =>
    divideRounded(BigInt(amount) * BigInt(units), soldQuantity, 'half-up')
  const slice = (amount: Cents) =>
    upTo(amount, refundedQuantity + quantity) - upTo(amount, refundedQuantity)
  const net = slice(sold.netCents)
  const total = slice(sold.totalCents)
  // Tax is what is left of the total, so every refund line stays internally consistent.
  return {
    netCents: toCents(-net),
    taxCents: toCents(-(total - net)),
    totalCents: toCents(-total),
    discountCents: toCents(-slice(sold.discountCents)),
  }
}

/** One tender of the sale, as paid (after change). */
export interface PaidTender {
  method: TenderMethod
  amountCents: Cents
}

/** Where part of a refund goes: back onto the sale's tender `tenderIndex`, or (null) to cash. */
export interface RefundTenderShare {
  tenderIndex: number | null
  method: TenderMethod
  /** Positive: the amount given back. */
  amountCents: Cents
}

/**
 * Splits a refund (positive cents) over the sale's tenders in proportion to what each paid; the
 * cents rounding leaves go to the largest tenders, never past what a tender paid while the refund
 * fits. 'cash' puts it all on cash. Shares of zero are left out.
 */
export function splitRefundOverTenders(
  refundCents: Cents,
  tenders: readonly PaidTender[],
  refundTo: 'original' | 'cash',
): RefundTenderShare[] {
  if (!isCents(refundCents) || refundCents < 0) {
    throw new DomainError('INVALID_AMOUNT', 'A refund is whole cents >= 0')
  }
  if (refundCents === 0) return []
  const weights = tenders.map((tender) => BigInt(Math.max(0, tender.amountCents)))
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n)
  if (refundTo === 'cash' || weightSum === 0n) {
    return [{ tenderIndex: null, method: 'cash', amountCents: refundCents }]
  }
  const total = BigInt(refundCents)
  const shares = weights.map((weight) => (total * weight) / weightSum)
  let leftover = total - shares.reduce((sum, share) => sum + share, 0n)
  const byWeight = weights
    .map((weight, index) => ({ weight, index }))
    .sort((left, right) =>
      left.weight === right.weight ? left.index - right.index : left.weight > right.weight ? -1 : 1,
    )
  for (const { weight, index } of byWeight) {
    if (leftover === 0n) break
    const room = weight - (shares[index] ?? 0n)
    const given = room < leftover ? (room > 0n ? room : 0n) : leftover
    shares[index] = (shares[index] ?? 0n) + given
    leftover -= given
  }
  // Only a refund larger than what was paid (cash rounding kept some cents) gets here.
  const largest = byWeight[0]
  if (leftover > 0n && largest) shares[largest.index] = (shares[largest.index] ?? 0n) + leftover
  return tenders.flatMap((tender, index) => {
    const share = shares[index] ?? 0n
    return share === 0n
      ? []
      : [{ tenderIndex: index, method: tender.method, amountCents: toCents(share) }]
  })
}
