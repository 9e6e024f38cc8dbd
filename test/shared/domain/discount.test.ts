import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeOrderTotals,
  discountCents,
  discountPercentOf,
  type PricingRules,
} from '../../../src/shared/domain'
import { roundingModeArbitrary, rulesArbitrary } from './arbitraries'

describe('discountCents', () => {
  it('takes a percent of the base, rounded with the store rounding mode', () => {
    expect(discountCents(1000, { type: 'percent', percent: 10 }, 'half-up')).toBe(100)
    // 12.5 % of 1.00 is 12.5 cents: half-up gives 13, half-even 12.
    expect(discountCents(100, { type: 'percent', percent: 12.5 }, 'half-up')).toBe(13)
    expect(discountCents(100, { type: 'percent', percent: 12.5 }, 'half-even')).toBe(12)
    expect(discountCents(999, { type: 'percent', percent: 100 }, 'half-up')).toBe(999)
    expect(discountCents(0, { type: 'percent', percent: 50 }, 'half-up')).toBe(0)
  })

  it('takes an amount as is, and refuses one above the base', () => {
    expect(discountCents(500, { type: 'amount', amountCents: 500 }, 'half-up')).toBe(500)
    expect(() => discountCents(500, { type: 'amount', amountCents: 501 }, 'half-up')).toThrow(
      expect.objectContaining({ code: 'DISCOUNT_EXCEEDS_PRICE' }),
    )
  })

  it('refuses percents outside 0–100 and fractional cents', () => {
    expect(() => discountCents(500, { type: 'percent', percent: 101 }, 'half-up')).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    )
    expect(() => discountCents(500, { type: 'percent', percent: 0 }, 'half-up')).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    )
    expect(() => discountCents(500, { type: 'amount', amountCents: 1.5 }, 'half-up')).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    )
  })

  it('never takes more than the base', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.double({ min: 0.0001, max: 100, noNaN: true }),
        roundingModeArbitrary,
        (base, percent, mode) => {
          const cents = discountCents(base, { type: 'percent', percent }, mode)
          expect(cents).toBeGreaterThanOrEqual(0)
          expect(cents).toBeLessThanOrEqual(base)
        },
      ),
    )
  })
})

describe('discountPercentOf', () => {
  it('is the share of the base in percent', () => {
    expect(discountPercentOf(250, 1000)).toBe(25)
    expect(discountPercentOf(0, 0)).toBe(0)
  })
})

describe('discounts with tax', () => {
  const exclusive: PricingRules = {
    pricesIncludeTax: false,
    taxRounding: 'line',
    roundingMode: 'half-up',
    cashRoundingIncrementCents: 0,
  }

  it('taxes what is left after a line and an order discount (prices without tax)', () => {
    // 2 x 5.00 at 10 % off = 9.00; order 1.00 off = 8.00 net; 8.25 % tax = 0.66.
    const lineDiscount = discountCents(1000, { type: 'percent', percent: 10 }, 'half-up')
    const totals = computeOrderTotals(
      {
        lines: [
          {
            unitPriceCents: 500,
            quantity: 2,
            taxRateBasisPoints: 825,
            discountCents: lineDiscount,
          },
        ],
        orderDiscountCents: discountCents(900, { type: 'amount', amountCents: 100 }, 'half-up'),
      },
      exclusive,
    )
    expect(totals).toMatchObject({
      discountCents: 200,
      subtotalCents: 800,
      taxCents: 66,
      totalCents: 866,
    })
  })

  it('takes the discount off the shelf price when prices include tax', () => {
    // 11.00 incl. 10 % tax, 50 % off = 5.50 incl. tax: 5.00 net + 0.50 tax.
    const totals = computeOrderTotals(
      {
        lines: [
          {
            unitPriceCents: 1100,
            quantity: 1,
            taxRateBasisPoints: 1000,
            discountCents: discountCents(1100, { type: 'percent', percent: 50 }, 'half-up'),
          },
        ],
      },
      { ...exclusive, pricesIncludeTax: true },
    )
    expect(totals).toMatchObject({
      discountCents: 550,
      subtotalCents: 500,
      taxCents: 50,
      totalCents: 550,
    })
  })

  it('keeps total = subtotal + tax and never goes negative, inclusive or exclusive', () => {
    const line = fc.record({
      unitPriceCents: fc.integer({ min: 0, max: 100_000 }),
      quantity: fc.integer({ min: 1, max: 20 }),
      taxRateBasisPoints: fc.constantFrom(0, 500, 825, 2000),
      percent: fc.option(fc.double({ min: 0.01, max: 100, noNaN: true }), { nil: undefined }),
    })
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.option(fc.double({ min: 0.01, max: 100, noNaN: true }), { nil: undefined }),
        rulesArbitrary,
        (lines, orderPercent, rules) => {
          const priced = lines.map((entry) => {
            const gross = entry.unitPriceCents * entry.quantity
            return {
              unitPriceCents: entry.unitPriceCents,
              quantity: entry.quantity,
              taxRateBasisPoints: entry.taxRateBasisPoints,
              discountCents:
                entry.percent === undefined
                  ? 0
                  : discountCents(
                      gross,
                      { type: 'percent', percent: entry.percent },
                      rules.roundingMode,
                    ),
            }
          })
          const afterLines = priced.reduce(
            (sum, entry) => sum + entry.unitPriceCents * entry.quantity - entry.discountCents,
            0,
          )
          const orderDiscountCents =
            orderPercent === undefined
              ? 0
              : discountCents(
                  afterLines,
                  { type: 'percent', percent: orderPercent },
                  rules.roundingMode,
                )
          const totals = computeOrderTotals({ lines: priced, orderDiscountCents }, rules)
          expect(totals.totalCents).toBe(totals.subtotalCents + totals.taxCents)
          expect(totals.totalCents).toBeGreaterThanOrEqual(0)
          expect(totals.discountCents).toBe(
            priced.reduce((sum, entry) => sum + entry.discountCents, 0) + orderDiscountCents,
          )
          expect(totals.grossCents - totals.discountCents).toBe(
            rules.pricesIncludeTax ? totals.totalCents : totals.subtotalCents,
          )
        },
      ),
    )
  })
})
