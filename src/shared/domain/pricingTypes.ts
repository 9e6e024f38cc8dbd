import type { Cents } from './money'
import type { RoundingMode } from './rounding'

// The totals engine's rules, input and output, in a module of their own: tax, validation and
// totals all read them, and none of those may import another just for a type.

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
