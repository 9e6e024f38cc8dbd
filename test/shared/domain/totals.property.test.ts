import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeOrderTotals,
  type LineTotals,
  type OrderInput,
  type PricingRules,
} from '../../../src/shared/domain'
import { orderArbitrary, roundingModeArbitrary, rulesArbitrary } from './arbitraries'

const runs = { numRuns: 500 }

function sumOf(lines: readonly LineTotals[], field: keyof LineTotals): number {
  return lines.reduce((sum, line) => sum + line[field], 0)
}

function afterLineDiscountsCents(order: OrderInput): number[] {
  return order.lines.map((line) => line.unitPriceCents * line.quantity - (line.discountCents ?? 0))
}

describe('computeOrderTotals properties', () => {
  it('adds up: exclusive adds tax on top, inclusive keeps the shelf price', () => {
    fc.assert(
      fc.property(orderArbitrary, rulesArbitrary, (order, rules) => {
        const totals = computeOrderTotals(order, rules)
        const afterDiscounts = totals.grossCents - totals.discountCents
        if (rules.pricesIncludeTax) expect(totals.totalCents).toBe(afterDiscounts)
        else expect(totals.totalCents).toBe(afterDiscounts + totals.taxCents)
        expect(totals.totalCents).toBe(totals.subtotalCents + totals.taxCents)
      }),
      runs,
    )
  })

  it('never produces a fractional cent, and lines and buckets sum to the order', () => {
    fc.assert(
      fc.property(orderArbitrary, rulesArbitrary, (order, rules) => {
        const totals = computeOrderTotals(order, rules)
        const { lines, taxes, ...orderFields } = totals
        const everyAmount = [
          ...Object.values(orderFields),
          ...lines.flatMap((line) => Object.values(line)),
          ...taxes.flatMap((bucket) => [bucket.taxableCents, bucket.taxCents]),
        ]
        for (const amount of everyAmount) {
          expect(Number.isSafeInteger(amount)).toBe(true)
          expect(amount).toBeGreaterThanOrEqual(0)
        }
        expect(sumOf(lines, 'grossCents')).toBe(totals.grossCents)
        expect(sumOf(lines, 'lineDiscountCents') + sumOf(lines, 'orderDiscountShareCents')).toBe(
          totals.discountCents,
        )
        expect(sumOf(lines, 'netCents')).toBe(totals.subtotalCents)
        expect(sumOf(lines, 'taxCents')).toBe(totals.taxCents)
        expect(sumOf(lines, 'totalCents')).toBe(totals.totalCents)
        for (const line of lines) expect(line.netCents + line.taxCents).toBe(line.totalCents)
        expect(taxes.reduce((sum, bucket) => sum + bucket.taxCents, 0)).toBe(totals.taxCents)
        expect(taxes.reduce((sum, bucket) => sum + bucket.taxableCents, 0)).toBe(
          totals.subtotalCents,
        )
        const rates = taxes.map((bucket) => bucket.taxRateBasisPoints)
        const distinctRates = new Set(order.lines.map((line) => line.taxRateBasisPoints))
        expect(rates).toEqual([...distinctRates].sort((left, right) => left - right))
      }),
      runs,
    )
  })

  it('keeps each rounded tax within half a cent of the exact tax it rounds', () => {
    // Per line rounding rounds each line; per order rounding rounds each rate's bucket once.
    fc.assert(
      fc.property(orderArbitrary, rulesArbitrary, (order, rules) => {
        const totals = computeOrderTotals(order, rules)
        const rounded = new Map<string, { rate: bigint; baseCents: bigint; taxCents: bigint }>()
        totals.lines.forEach((line, index) => {
          const rate = order.lines[index]?.taxRateBasisPoints ?? 0
          const key = rules.taxRounding === 'line' ? `line ${index}` : `rate ${rate}`
          const sum = rounded.get(key) ?? { rate: BigInt(rate), baseCents: 0n, taxCents: 0n }
          sum.baseCents += BigInt(rules.pricesIncludeTax ? line.totalCents : line.netCents)
          sum.taxCents += BigInt(line.taxCents)
          rounded.set(key, sum)
        })
        for (const { rate, baseCents, taxCents } of rounded.values()) {
          const denominator = rules.pricesIncludeTax ? 10_000n + rate : 10_000n
          // |tax - base * rate / denominator| <= 1/2, multiplied through by 2 * denominator.
          const error = taxCents * denominator - baseCents * rate
          expect((error < 0n ? -error : error) * 2n <= denominator).toBe(true)
        }
      }),
      runs,
    )
  })

  it('agrees on the tax whether the same goods are priced inclusive or exclusive', () => {
    // Equivalence tested: a line of quantity 1 priced N excluding tax at rate r gets tax
    // T = round(N * r / 10000). Priced N + T including tax, it gets round((N + T) * r / (10000 + r))
    // = T and net N. Why: N * r / 10000 = T - e with |e| <= 1/2 gives
    // (N + T) * r / (10000 + r) = T - e * 10000 / (10000 + r), which is within 1/2 of T, and
    // exactly 1/2 only when r = 0 (where e = 0). No tie, so this holds in both rounding modes.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        roundingModeArbitrary,
        (netPriceCents, rate, roundingMode) => {
          const rules: PricingRules = {
            pricesIncludeTax: false,
            taxRounding: 'line',
            roundingMode,
            cashRoundingIncrementCents: 0,
          }
          const taxed = (unitPriceCents: number, pricesIncludeTax: boolean): LineTotals => {
            const line = { unitPriceCents, quantity: 1, taxRateBasisPoints: rate }
            const totals = computeOrderTotals({ lines: [line] }, { ...rules, pricesIncludeTax })
            return totals.lines[0] ?? expect.fail('one line in, one line out')
          }
          const exclusive = taxed(netPriceCents, false)
          const inclusive = taxed(netPriceCents + exclusive.taxCents, true)
          expect(inclusive.taxCents).toBe(exclusive.taxCents)
          expect(inclusive.netCents).toBe(netPriceCents)
          expect(inclusive.totalCents).toBe(exclusive.totalCents)
        },
      ),
      runs,
    )
  })

  it('shares the order discount exactly, never more than a line, within a cent of proportional', () => {
    fc.assert(
      fc.property(orderArbitrary, rulesArbitrary, (order, rules) => {
        const totals = computeOrderTotals(order, rules)
        const orderDiscountCents = order.orderDiscountCents ?? 0
        const weights = afterLineDiscountsCents(order)
        const weightSum = BigInt(weights.reduce((sum, weight) => sum + weight, 0))
        expect(sumOf(totals.lines, 'orderDiscountShareCents')).toBe(orderDiscountCents)
        totals.lines.forEach((line, index) => {
          const weight = weights[index] ?? 0
          expect(line.orderDiscountShareCents).toBeGreaterThanOrEqual(0)
          expect(line.orderDiscountShareCents).toBeLessThanOrEqual(weight)
          // |share - discount * weight / weightSum| < 1, multiplied through by weightSum.
          const error =
            BigInt(line.orderDiscountShareCents) * weightSum -
            BigInt(orderDiscountCents) * BigInt(weight)
          if (weightSum > 0n) expect((error < 0n ? -error : error) < weightSum).toBe(true)
        })
      }),
      runs,
    )
  })

  it('gives the same totals and buckets whatever order the lines are rung up in', () => {
    // Only the order discount's spare cents follow line order (ties go to the earlier line).
    const withoutOrderDiscount = orderArbitrary.map((order) => ({ lines: order.lines }))
    fc.assert(
      fc.property(withoutOrderDiscount, rulesArbitrary, (order, rules) => {
        const forward = computeOrderTotals(order, rules)
        const reversed = computeOrderTotals({ lines: [...order.lines].reverse() }, rules)
        expect(reversed.taxes).toEqual(forward.taxes)
        expect(reversed.totalCents).toBe(forward.totalCents)
        if (rules.taxRounding === 'line')
          expect(reversed.lines).toEqual([...forward.lines].reverse())
      }),
      runs,
    )
  })
})
