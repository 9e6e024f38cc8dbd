import { allocateLargestRemainder } from './allocation'
import { toCents, type Cents } from './money'
import type { RoundingMode } from './rounding'
import { lineTaxes, taxBuckets } from './tax'
import { validateOrder, validateRules } from './validation'

export interface PricingRules {
  /** Unit prices already contain tax (VAT style) rather than having it added (US style). */
  pricesIncludeTax: boolean
  /** 'line' rounds each line's tax; 'order' rounds once per rate over the exact line taxes. */
  taxRounding: 'line' | 'order'
  roundingMode: RoundingMode
  /** 0 or 1 means none; 5 rounds what is paid in cash to 0.05. Never applies to card or other. */
  cashRoundingIncrementCents: number
}

export interface LineInput {
  /** >= 0, as on the shelf: including or excluding tax per PricingRules.pricesIncludeTax. */
  unitPriceCents: Cents
  /** Positive integer; weighed goods must arrive already priced as one unit. */
  quantity: number
  /** 825 = 8.25 %; integer 0..100000. */
  taxRateBasisPoints: number
  /** 0..gross, in the same inclusive or exclusive sense as the price. */
  discountCents?: Cents
}

export interface OrderInput {
  lines: readonly LineInput[]
  /** 0..sum of lines after line discounts, in the same sense as the prices. */
  orderDiscountCents?: Cents
}

export interface LineTotals {
  grossCents: Cents
  lineDiscountCents: Cents
  /** Proportional share of the order discount; the shares sum exactly to the order discount. */
  orderDiscountShareCents: Cents
  /** After discounts, excluding tax. */
  netCents: Cents
  taxCents: Cents
  /** After discounts, including tax. */
  totalCents: Cents
}

export interface TaxBucket {
  taxRateBasisPoints: number
  /** Sum of the net (tax-excluded) amounts of the lines at this rate. */
  taxableCents: Cents
  taxCents: Cents
}

export interface OrderTotals {
  lines: LineTotals[]
  grossCents: Cents
  /** Line discounts plus the order discount. */
  discountCents: Cents
  /** Sum of line netCents (excluding tax). */
  subtotalCents: Cents
  taxCents: Cents
  totalCents: Cents
  /** One per distinct rate present (0 % included), sorted by rate ascending. */
  taxes: TaxBucket[]
}

function sumOf(values: readonly bigint[]): bigint {
  return values.reduce((sum, value) => sum + value, 0n)
}

/** The one place every total in the product comes from. Throws DomainError on bad input. */
export function computeOrderTotals(order: OrderInput, rules: PricingRules): OrderTotals {
  validateRules(rules)
  const { lines, orderDiscountCents } = validateOrder(order)
  const grosses = lines.map((line) => BigInt(line.unitPriceCents) * BigInt(line.quantity))
  const lineDiscounts = lines.map((line) => BigInt(line.discountCents ?? 0))
  const afterLineDiscounts = grosses.map((gross, index) => gross - (lineDiscounts[index] ?? 0n))
  const orderDiscountShares = allocateLargestRemainder(
    BigInt(orderDiscountCents),
    afterLineDiscounts,
  )
  // The discounted amount in the price's own sense: net when exclusive, total when inclusive.
  const bases = afterLineDiscounts.map(
    (amount, index) => amount - (orderDiscountShares[index] ?? 0n),
  )
  const rates = lines.map((line) => line.taxRateBasisPoints)
  const taxes = lineTaxes(bases, rates, rules)
  const nets = bases.map((base, index) =>
    rules.pricesIncludeTax ? base - (taxes[index] ?? 0n) : base,
  )
  const totals = nets.map((net, index) => net + (taxes[index] ?? 0n))

  const lineTotals = lines.map((_line, index): LineTotals => ({
    grossCents: toCents(grosses[index] ?? 0n),
    lineDiscountCents: toCents(lineDiscounts[index] ?? 0n),
    orderDiscountShareCents: toCents(orderDiscountShares[index] ?? 0n),
    netCents: toCents(nets[index] ?? 0n),
    taxCents: toCents(taxes[index] ?? 0n),
    totalCents: toCents(totals[index] ?? 0n),
  }))
  return {
    lines: lineTotals,
    grossCents: toCents(sumOf(grosses)),
    discountCents: toCents(sumOf(lineDiscounts) + BigInt(orderDiscountCents)),
    subtotalCents: toCents(sumOf(nets)),
    taxCents: toCents(sumOf(taxes)),
    totalCents: toCents(sumOf(totals)),
    taxes: taxBuckets(rates, nets, taxes),
  }
}
