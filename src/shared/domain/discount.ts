import { DomainError } from './errors'
import { isCents, toCents, type Cents } from './money'
import { divideRounded, type RoundingMode } from './rounding'

/** A discount as typed at the till: a percent of what it applies to, or a fixed amount. */
export type Discount = { type: 'percent'; percent: number } | { type: 'amount'; amountCents: Cents }

/** Percents are exact to four decimals (parts per million of the base); enough for 33.3333 %. */
const partsPerMillion = 1_000_000

/**
 * The cents a discount takes off `baseCents` (a line's gross, or the order after line discounts).
 * A percent is rounded with `roundingMode`; an amount above the base is refused
 * (DISCOUNT_EXCEEDS_PRICE) rather than clipped, so the cashier sees the mistake.
 */
export function discountCents(
  baseCents: Cents,
  discount: Discount,
  roundingMode: RoundingMode,
): Cents {
  if (!isCents(baseCents) || baseCents < 0) {
    throw new DomainError('INVALID_AMOUNT', 'A discount applies to whole cents >= 0')
  }
  switch (discount.type) {
    case 'percent': {
      const { percent } = discount
      if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
        throw new DomainError('INVALID_AMOUNT', 'A discount percent is more than 0 and at most 100')
      }
      const parts = BigInt(Math.round(percent * (partsPerMillion / 100)))
      return toCents(
        divideRounded(BigInt(baseCents) * parts, BigInt(partsPerMillion), roundingMode),
      )
    }
    case 'amount': {
      const { amountCents } = discount
      if (!isCents(amountCents) || amountCents < 0) {
        throw new DomainError('INVALID_AMOUNT', 'A discount amount is whole cents >= 0')
      }
      if (amountCents > baseCents) {
        throw new DomainError(
          'DISCOUNT_EXCEEDS_PRICE',
          `A discount of ${amountCents} is more than the ${baseCents} it applies to`,
        )
      }
      return amountCents
    }
  }
}

/** What share of the base a discount is, in percent (0 for a zero base), for limits and receipts. */
export function discountPercentOf(discountCents: Cents, baseCents: Cents): number {
  if (baseCents === 0) return 0
  return (discountCents * 100) / baseCents
}
