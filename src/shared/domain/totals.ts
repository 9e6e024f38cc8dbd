import { allocateLargestRemainder } from './allocation'
import { toCents } from './money'
import type { LineTotals, OrderInput, OrderTotals, PricingRules } from './pricingTypes'
import { lineTaxes, taxBuckets } from './tax'
import { validateOrder, validateRules } from './validation'

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
