/**
 * How a cart line is priced, for the register's preview and for main's sale alike: main looks
 * the product up and checks what was chosen, the screen keeps the cart, and both hand the figures
 * to these functions so what the cashier sees is what the receipt says.
 */

import { priceForWeight } from './barcode'
import { discountCents, type Discount } from './discount'
import { DomainError, isDomainError } from './errors'
import type { Cents } from './money'
import type { OrderTotals, PricingRules } from './pricingTypes'
import { computeOrderTotals } from './totals'

export interface UnitPriceInput {
  /** The chosen variant's price, else the product's; per kilogram for goods sold by weight. */
  listPriceCents: Cents
  /** The chosen modifier options' prices, each added to every unit. */
  modifierPricesCents: readonly Cents[]
  /** Grams read from a weight label: the unit costs the list price for that weight. */
  weightGrams?: number | null
  /** The price printed on a price label: it replaces the list price. */
  labelPriceCents?: Cents | null
}

/** One unit's price: the label's price, or the list price (for the weighed grams), plus the options. */
export function lineUnitPriceCents(line: UnitPriceInput): Cents {
  const { listPriceCents, weightGrams, labelPriceCents } = line
  const baseCents =
    labelPriceCents ??
    (weightGrams === null || weightGrams === undefined
      ? listPriceCents
      : priceForWeight(listPriceCents, weightGrams))
  return line.modifierPricesCents.reduce((sum, priceCents) => sum + priceCents, baseCents)
}

export interface LineToPrice {
  unitPriceCents: Cents
  quantity: number
  taxRateBasisPoints: number
  discount?: Discount | null | undefined
}

export interface OrderToPrice {
  lines: readonly LineToPrice[]
  orderDiscount?: Discount | null | undefined
}

/** A discount as applied: the cents it took off, and what it was taken off. */
export interface AppliedDiscount {
  discount: Discount
  discountCents: Cents
  baseCents: Cents
}

export interface PricedOrder {
  totals: OrderTotals
  /** Per line, its own discount on its gross (null when it has none). */
  lineDiscounts: (AppliedDiscount | null)[]
  /** The order discount on the lines after theirs (null when there is none). */
  orderDiscount: AppliedDiscount | null
}

/**
 * A discount the engine refused (more than it comes off, or an impossible percent), with the
 * line it was typed on, or null for the order discount. Keeps the refusing error's code.
 */
export class DiscountError extends DomainError {
  readonly lineIndex: number | null

  constructor(cause: DomainError, lineIndex: number | null) {
    super(cause.code, cause.message)
    this.name = 'DiscountError'
    this.lineIndex = lineIndex
  }
}

function applyDiscount(
  baseCents: Cents,
  discount: Discount,
  rules: PricingRules,
  lineIndex: number | null,
): AppliedDiscount {
  try {
    return {
      discount,
      discountCents: discountCents(baseCents, discount, rules.roundingMode),
      baseCents,
    }
  } catch (error) {
    if (isDomainError(error)) throw new DiscountError(error, lineIndex)
    throw error
  }
}

/**
 * Prices priced lines and their discounts in the one order the product uses: each line's discount
 * on its gross, then the order discount on what the lines come to after theirs, spread over the
 * lines by the totals engine. Throws DiscountError for a discount it refuses, DomainError for
 * anything else the engine refuses.
 */
export function priceOrder(order: OrderToPrice, rules: PricingRules): PricedOrder {
  const lineDiscounts = order.lines.map((line, index) =>
    line.discount
      ? applyDiscount(line.unitPriceCents * line.quantity, line.discount, rules, index)
      : null,
  )
  const afterLinesCents = order.lines.reduce(
    (sum, line, index) =>
      sum + line.unitPriceCents * line.quantity - (lineDiscounts[index]?.discountCents ?? 0),
    0,
  )
  const orderDiscount = order.orderDiscount
    ? applyDiscount(afterLinesCents, order.orderDiscount, rules, null)
    : null
  const totals = computeOrderTotals(
    {
      lines: order.lines.map((line, index) => ({
        unitPriceCents: line.unitPriceCents,
        quantity: line.quantity,
        taxRateBasisPoints: line.taxRateBasisPoints,
        discountCents: lineDiscounts[index]?.discountCents ?? 0,
      })),
      orderDiscountCents: orderDiscount?.discountCents ?? 0,
    },
    rules,
  )
  return { totals, lineDiscounts, orderDiscount }
}
