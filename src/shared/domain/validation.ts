import { DomainError } from './errors'
import { isCents } from './money'
import { isRoundingMode } from './rounding'
import type { LineInput, OrderInput, PricingRules } from './pricingTypes'

// 1000 % is far above any real tax and keeps a typo like 82500 for 8.25 % from passing.
export const maxTaxRateBasisPoints = 100_000

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER)

function isNonNegativeCents(value: unknown): boolean {
  return isCents(value) && value >= 0
}

// Inputs can arrive over IPC or from sync, so the checks do not trust the static types.
export function validateRules(rules: PricingRules): void {
  const problems: string[] = []
  if (typeof rules.pricesIncludeTax !== 'boolean') problems.push('pricesIncludeTax')
  if (rules.taxRounding !== 'line' && rules.taxRounding !== 'order') problems.push('taxRounding')
  if (!isRoundingMode(rules.roundingMode)) problems.push('roundingMode')
  if (!isNonNegativeCents(rules.cashRoundingIncrementCents)) {
    problems.push('cashRoundingIncrementCents')
  }
  if (problems.length > 0) {
    throw new DomainError('INVALID_RULES', `Invalid pricing rules: ${problems.join(', ')}`)
  }
}

/** Checks one line and returns its amount after the line discount. */
function validateLine(line: LineInput, index: number): bigint {
  const where = `Line ${index + 1}`
  if (!isNonNegativeCents(line.unitPriceCents)) {
    throw new DomainError('INVALID_AMOUNT', `${where}: price must be whole cents >= 0`)
  }
  if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
    throw new DomainError('INVALID_QUANTITY', `${where}: quantity must be a positive integer`)
  }
  const rate = line.taxRateBasisPoints
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > maxTaxRateBasisPoints) {
    throw new DomainError('INVALID_TAX_RATE', `${where}: tax rate must be 0..100000 basis points`)
  }
  const discount = line.discountCents ?? 0
  if (!isNonNegativeCents(discount)) {
    throw new DomainError('INVALID_AMOUNT', `${where}: discount must be whole cents >= 0`)
  }
  const gross = BigInt(line.unitPriceCents) * BigInt(line.quantity)
  if (gross > maxSafe) {
    throw new DomainError('AMOUNT_OUT_OF_RANGE', `${where}: price times quantity is too large`)
  }
  if (BigInt(discount) > gross) {
    throw new DomainError('DISCOUNT_EXCEEDS_PRICE', `${where}: discount is more than the line`)
  }
  return gross - BigInt(discount)
}

export function validateOrder(order: OrderInput): {
  lines: readonly LineInput[]
  orderDiscountCents: number
} {
  if (!Array.isArray(order.lines)) {
    throw new DomainError('INVALID_AMOUNT', 'Order lines must be an array')
  }
  const afterLineDiscounts = order.lines.reduce(
    (sum: bigint, line: LineInput, index: number) => sum + validateLine(line, index),
    0n,
  )
  const orderDiscountCents = order.orderDiscountCents ?? 0
  if (!isNonNegativeCents(orderDiscountCents)) {
    throw new DomainError('INVALID_AMOUNT', 'Order discount must be whole cents >= 0')
  }
  if (BigInt(orderDiscountCents) > afterLineDiscounts) {
    throw new DomainError(
      'DISCOUNT_EXCEEDS_PRICE',
      'Order discount is more than the order after line discounts',
    )
  }
  return { lines: order.lines, orderDiscountCents }
}
