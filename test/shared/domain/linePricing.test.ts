import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeOrderTotals,
  DiscountError,
  lineUnitPriceCents,
  priceOrder,
  type PricingRules,
} from '../../../src/shared/domain'
import { rulesArbitrary } from './arbitraries'

const usRules: PricingRules = {
  pricesIncludeTax: false,
  taxRounding: 'line',
  roundingMode: 'half-up',
  cashRoundingIncrementCents: 0,
}

describe('lineUnitPriceCents', () => {
  it('adds every chosen option to the list price', () => {
    expect(lineUnitPriceCents({ listPriceCents: 550, modifierPricesCents: [60, 90] })).toBe(700)
  })

  it('prices a weighed unit by its grams, half-up to the cent, before the options', () => {
    // 1.250 kg at 1.99/kg = 2.4875 -> 2.49.
    expect(
      lineUnitPriceCents({ listPriceCents: 199, modifierPricesCents: [], weightGrams: 1250 }),
    ).toBe(249)
    expect(
      lineUnitPriceCents({ listPriceCents: 199, modifierPricesCents: [50], weightGrams: 1250 }),
    ).toBe(299)
  })

  it('takes a price label’s price instead of the list price, and still adds the options', () => {
    expect(
      lineUnitPriceCents({ listPriceCents: 0, modifierPricesCents: [], labelPriceCents: 735 }),
    ).toBe(735)
    expect(
      lineUnitPriceCents({ listPriceCents: 400, modifierPricesCents: [25], labelPriceCents: 735 }),
    ).toBe(760)
  })
})

describe('priceOrder', () => {
  it('takes each line’s discount off its gross, then the order discount off the rest', () => {
    const priced = priceOrder(
      {
        lines: [
          {
            unitPriceCents: 475,
            quantity: 2,
            taxRateBasisPoints: 825,
            discount: { type: 'percent', percent: 10 },
          },
          { unitPriceCents: 325, quantity: 1, taxRateBasisPoints: 825 },
        ],
        orderDiscount: { type: 'percent', percent: 50 },
      },
      usRules,
    )
    // 950 - 95 = 855, + 325 = 1180; half of that is 590, not half of the 1275 gross.
    expect(priced.lineDiscounts).toEqual([
      { discount: { type: 'percent', percent: 10 }, discountCents: 95, baseCents: 950 },
      null,
    ])
    expect(priced.orderDiscount).toMatchObject({ discountCents: 590, baseCents: 1180 })
    expect(priced.totals).toEqual(
      computeOrderTotals(
        {
          lines: [
            { unitPriceCents: 475, quantity: 2, taxRateBasisPoints: 825, discountCents: 95 },
            { unitPriceCents: 325, quantity: 1, taxRateBasisPoints: 825, discountCents: 0 },
          ],
          orderDiscountCents: 590,
        },
        usRules,
      ),
    )
  })

  it('says which discount it refused: a line’s by index, the order’s as null', () => {
    const line = { unitPriceCents: 300, quantity: 1, taxRateBasisPoints: 0 }
    const refusal = (run: () => unknown) => {
      try {
        run()
      } catch (error) {
        return error
      }
      throw new Error('Expected a refusal')
    }
    const lineRefusal = refusal(() =>
      priceOrder(
        { lines: [line, { ...line, discount: { type: 'amount', amountCents: 301 } }] },
        usRules,
      ),
    )
    expect(lineRefusal).toBeInstanceOf(DiscountError)
    expect(lineRefusal).toMatchObject({ code: 'DISCOUNT_EXCEEDS_PRICE', lineIndex: 1 })

    const orderRefusal = refusal(() =>
      priceOrder(
        {
          lines: [{ ...line, discount: { type: 'amount', amountCents: 100 } }],
          orderDiscount: { type: 'amount', amountCents: 201 },
        },
        usRules,
      ),
    )
    expect(orderRefusal).toMatchObject({ code: 'DISCOUNT_EXCEEDS_PRICE', lineIndex: null })
  })

  it('spreads the order discount so line totals always add up to the order', () => {
    const lineArbitrary = fc.record({
      unitPriceCents: fc.integer({ min: 0, max: 5000 }),
      quantity: fc.integer({ min: 1, max: 20 }),
      taxRateBasisPoints: fc.constantFrom(0, 500, 825, 2000),
      discount: fc.option(
        fc.record({
          type: fc.constant('percent' as const),
          percent: fc.integer({ min: 1, max: 100 }),
        }),
        { nil: undefined },
      ),
    })
    fc.assert(
      fc.property(
        fc.array(lineArbitrary, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 100 }),
        rulesArbitrary,
        (lines, percent, rules) => {
          const { totals, orderDiscount } = priceOrder(
            { lines, orderDiscount: { type: 'percent', percent } },
            rules,
          )
          const shares = totals.lines.reduce((sum, line) => sum + line.orderDiscountShareCents, 0)
          const lineTotals = totals.lines.reduce((sum, line) => sum + line.totalCents, 0)
          return shares === orderDiscount?.discountCents && lineTotals === totals.totalCents
        },
      ),
    )
  })
})
