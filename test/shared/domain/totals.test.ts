import { describe, expect, it } from 'vitest'
import {
  computeOrderTotals,
  DomainError,
  type LineInput,
  type OrderInput,
  type PricingRules,
} from '../../../src/shared/domain'

const exclusive: PricingRules = {
  pricesIncludeTax: false,
  taxRounding: 'line',
  roundingMode: 'half-up',
  cashRoundingIncrementCents: 0,
}
const inclusive: PricingRules = { ...exclusive, pricesIncludeTax: true }

function line(unitPriceCents: number, quantity: number, taxRateBasisPoints: number): LineInput {
  return { unitPriceCents, quantity, taxRateBasisPoints }
}

describe('US sales tax, 8.25 % added to shelf prices', () => {
  // T-shirt 2 x $19.99 = $39.98, tax 3.29835 -> $3.30; mug $5.49, tax 0.452925 -> $0.45.
  const totals = computeOrderTotals({ lines: [line(1999, 2, 825), line(549, 1, 825)] }, exclusive)

  it('taxes each line and adds it on top', () => {
    expect(totals.lines[0]).toEqual({
      grossCents: 3998,
      lineDiscountCents: 0,
      orderDiscountShareCents: 0,
      netCents: 3998,
      taxCents: 330,
      totalCents: 4328,
    })
    expect(totals.lines[1]).toMatchObject({ netCents: 549, taxCents: 45, totalCents: 594 })
  })

  it('adds up to the receipt', () => {
    expect(totals).toMatchObject({
      grossCents: 4547,
      discountCents: 0,
      subtotalCents: 4547,
      taxCents: 375,
      totalCents: 4922,
      taxes: [{ taxRateBasisPoints: 825, taxableCents: 4547, taxCents: 375 }],
    })
  })
})

describe('EU VAT, 20 % inside shelf prices', () => {
  // 3 sandwiches at 3.50 hold 1.75 VAT; wine at 12.00 holds 2.00; coffee at 2.99 holds 0.4983 -> 0.50.
  const totals = computeOrderTotals(
    { lines: [line(350, 3, 2000), line(1200, 1, 2000), line(299, 1, 2000)] },
    inclusive,
  )

  it('takes the tax out of the price, so the customer pays the shelf price', () => {
    expect(totals.lines.map((each) => [each.netCents, each.taxCents, each.totalCents])).toEqual([
      [875, 175, 1050],
      [1000, 200, 1200],
      [249, 50, 299],
    ])
    expect(totals).toMatchObject({
      grossCents: 2549,
      subtotalCents: 2124,
      taxCents: 425,
      totalCents: 2549,
    })
  })
})

describe('mixed rates', () => {
  it('keeps one bucket per rate, sorted by rate', () => {
    // German VAT: coffee 2.38 at 19 % holds 0.38; book 10.70 and bread 2.14 at 7 % hold 0.70 and 0.14.
    const totals = computeOrderTotals(
      { lines: [line(238, 1, 1900), line(1070, 1, 700), line(214, 1, 700)] },
      inclusive,
    )
    expect(totals.taxes).toEqual([
      { taxRateBasisPoints: 700, taxableCents: 1200, taxCents: 84 },
      { taxRateBasisPoints: 1900, taxableCents: 200, taxCents: 38 },
    ])
    expect(totals).toMatchObject({ subtotalCents: 1400, taxCents: 122, totalCents: 1522 })
  })

  it('lists untaxed goods in their own zero bucket', () => {
    // Groceries untaxed, a hot meal at 8.25 %: 8.00 * 0.0825 = 0.66.
    const totals = computeOrderTotals({ lines: [line(450, 1, 0), line(800, 1, 825)] }, exclusive)
    expect(totals.taxes).toEqual([
      { taxRateBasisPoints: 0, taxableCents: 450, taxCents: 0 },
      { taxRateBasisPoints: 825, taxableCents: 800, taxCents: 66 },
    ])
    expect(totals.totalCents).toBe(1316)
  })
})

describe('discounts', () => {
  it('spreads an order discount in proportion to the lines', () => {
    // $1.00 off $10 + $20 + $30: exact shares 16.67, 33.33, 50; the spare cent goes to .67.
    const totals = computeOrderTotals(
      { lines: [line(1000, 1, 0), line(2000, 1, 0), line(3000, 1, 0)], orderDiscountCents: 100 },
      exclusive,
    )
    expect(totals.lines.map((each) => each.orderDiscountShareCents)).toEqual([17, 33, 50])
    expect(totals.lines.map((each) => each.netCents)).toEqual([983, 1967, 2950])
    expect(totals).toMatchObject({ discountCents: 100, totalCents: 5900 })
  })

  it('gives the spare cents of an even split to the earliest lines', () => {
    const totals = computeOrderTotals(
      { lines: [line(1000, 1, 0), line(1000, 1, 0), line(1000, 1, 0)], orderDiscountCents: 100 },
      exclusive,
    )
    expect(totals.lines.map((each) => each.orderDiscountShareCents)).toEqual([34, 33, 33])
  })

  it('taxes the discounted amount when prices exclude tax', () => {
    // $4.00 off $10 + $30 -> $1 and $3 off; tax on 9.00 is 0.7425 -> 0.74, on 27.00 is 2.2275 -> 2.23.
    const totals = computeOrderTotals(
      { lines: [line(1000, 1, 825), line(3000, 1, 825)], orderDiscountCents: 400 },
      exclusive,
    )
    expect(totals.lines.map((each) => each.taxCents)).toEqual([74, 223])
    expect(totals).toMatchObject({ grossCents: 4000, discountCents: 400, totalCents: 3897 })
  })

  it('takes both discounts off the inclusive price before extracting VAT', () => {
    // 12.00 less 2.00 on the line and 1.00 on the order = 9.00, which holds 1.50 VAT at 20 %.
    const totals = computeOrderTotals(
      { lines: [{ ...line(1200, 1, 2000), discountCents: 200 }], orderDiscountCents: 100 },
      inclusive,
    )
    expect(totals.lines[0]).toEqual({
      grossCents: 1200,
      lineDiscountCents: 200,
      orderDiscountShareCents: 100,
      netCents: 750,
      taxCents: 150,
      totalCents: 900,
    })
    expect(totals.discountCents).toBe(300)
  })
})

describe('rounding', () => {
  // Three 10-cent items at 5 %: each owes exactly half a cent of tax.
  const dimes: OrderInput = { lines: [line(10, 1, 500), line(10, 1, 500), line(10, 1, 500)] }

  it('per line, rounds every half cent up: 3 cents', () => {
    const totals = computeOrderTotals(dimes, exclusive)
    expect(totals.lines.map((each) => each.taxCents)).toEqual([1, 1, 1])
    expect(totals.taxCents).toBe(3)
  })

  it('per order, rounds 1.5 cents once: 2 cents, spread back onto the lines', () => {
    const totals = computeOrderTotals(dimes, { ...exclusive, taxRounding: 'order' })
    expect(totals.taxCents).toBe(2)
    expect(totals.lines.map((each) => each.taxCents)).toEqual([1, 1, 0])
    expect(totals.totalCents).toBe(32)
  })

  it('per order with inclusive prices rounds the bucket once', () => {
    // Four coffees at 2.99 incl. 20 %: per line 0.4983 -> 0.50 each = 2.00; per order 1.9933 -> 1.99.
    const coffees: OrderInput = { lines: [1, 2, 3, 4].map(() => line(299, 1, 2000)) }
    expect(computeOrderTotals(coffees, inclusive).taxCents).toBe(200)
    const perOrder = computeOrderTotals(coffees, { ...inclusive, taxRounding: 'order' })
    expect(perOrder.taxCents).toBe(199)
    expect(perOrder.lines.map((each) => each.taxCents)).toEqual([50, 50, 50, 49])
    expect(perOrder.totalCents).toBe(1196)
  })

  it('differs between half-up and half-even only on an exact half', () => {
    // 0.50 at 5 % is 2.5 cents; 0.30 at 5 % is 1.5 cents; 0.70 at 5 % is 3.5 cents.
    const halfEven: PricingRules = { ...exclusive, roundingMode: 'half-even' }
    const taxOf = (priceCents: number, rules: PricingRules): number =>
      computeOrderTotals({ lines: [line(priceCents, 1, 500)] }, rules).taxCents
    expect([taxOf(50, exclusive), taxOf(50, halfEven)]).toEqual([3, 2])
    expect([taxOf(30, exclusive), taxOf(30, halfEven)]).toEqual([2, 2])
    expect([taxOf(70, exclusive), taxOf(70, halfEven)]).toEqual([4, 4])
    expect([taxOf(49, exclusive), taxOf(49, halfEven)]).toEqual([2, 2])
  })
})

describe('edge cases', () => {
  it('totals an empty order to zero', () => {
    expect(computeOrderTotals({ lines: [] }, exclusive)).toEqual({
      lines: [],
      grossCents: 0,
      discountCents: 0,
      subtotalCents: 0,
      taxCents: 0,
      totalCents: 0,
      taxes: [],
    })
  })

  it('lets a fully discounted order total zero', () => {
    const totals = computeOrderTotals(
      { lines: [{ ...line(500, 2, 825), discountCents: 400 }], orderDiscountCents: 600 },
      exclusive,
    )
    expect(totals).toMatchObject({ discountCents: 1000, taxCents: 0, totalCents: 0 })
  })
})

describe('bad input', () => {
  const expectCode = (order: OrderInput, code: string, rules = exclusive): void => {
    expect(() => computeOrderTotals(order, rules)).toThrow(
      expect.objectContaining({ code, name: 'DomainError' }),
    )
  }

  it('rejects fractional or negative money', () => {
    expectCode({ lines: [line(12.5, 1, 0)] }, 'INVALID_AMOUNT')
    expectCode({ lines: [line(-100, 1, 0)] }, 'INVALID_AMOUNT')
    expectCode({ lines: [{ ...line(100, 1, 0), discountCents: -1 }] }, 'INVALID_AMOUNT')
    expectCode({ lines: [line(100, 1, 0)], orderDiscountCents: 0.5 }, 'INVALID_AMOUNT')
  })

  it('rejects quantities that are not positive integers', () => {
    for (const quantity of [0, -1, 1.5, Number.NaN]) {
      expectCode({ lines: [line(100, quantity, 0)] }, 'INVALID_QUANTITY')
    }
  })

  it('rejects tax rates outside 0..100000 basis points', () => {
    for (const rate of [-1, 100_001, 8.25]) {
      expectCode({ lines: [line(100, 1, rate)] }, 'INVALID_TAX_RATE')
    }
    expect(computeOrderTotals({ lines: [line(100, 1, 100_000)] }, exclusive).taxCents).toBe(1000)
  })

  it('rejects discounts larger than what they discount', () => {
    expectCode({ lines: [{ ...line(100, 2, 0), discountCents: 201 }] }, 'DISCOUNT_EXCEEDS_PRICE')
    expectCode(
      { lines: [{ ...line(100, 2, 0), discountCents: 50 }], orderDiscountCents: 151 },
      'DISCOUNT_EXCEEDS_PRICE',
    )
  })

  it('rejects totals a number cannot hold exactly', () => {
    expectCode({ lines: [line(Number.MAX_SAFE_INTEGER, 2, 0)] }, 'AMOUNT_OUT_OF_RANGE')
    expectCode({ lines: [line(Number.MAX_SAFE_INTEGER, 1, 2000)] }, 'AMOUNT_OUT_OF_RANGE')
  })

  it('rejects rules it does not understand', () => {
    const order: OrderInput = { lines: [line(100, 1, 0)] }
    // Rules can arrive over the wire, where the static type promises nothing.
    const fromWire: PricingRules = JSON.parse(
      '{"pricesIncludeTax":false,"taxRounding":"line","roundingMode":"up"}',
    )
    expect(() => computeOrderTotals(order, fromWire)).toThrow(DomainError)
    expectCode(order, 'INVALID_RULES', { ...exclusive, cashRoundingIncrementCents: -5 })
  })
})
