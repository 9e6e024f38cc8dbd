import { describe, expect, it } from 'vitest'
import {
  cashDueCents,
  settleTender,
  type PricingRules,
  type TenderInput,
} from '../../../src/shared/domain'

// Switzerland, Canada, Australia: no 1-cent coins, so cash is rounded to 0.05.
const swiss: PricingRules = {
  pricesIncludeTax: true,
  taxRounding: 'line',
  roundingMode: 'half-up',
  cashRoundingIncrementCents: 5,
}
const noCashRounding: PricingRules = { ...swiss, cashRoundingIncrementCents: 0 }

const cash = (amountCents: number): TenderInput => ({ method: 'cash', amountCents })
const card = (amountCents: number): TenderInput => ({ method: 'card', amountCents })

describe('settleTender', () => {
  it('rounds a cash-only bill of 10.02 down to 10.00 and gives change from that', () => {
    expect(settleTender(1002, [cash(2000)], swiss)).toEqual({
      totalCents: 1002,
      cashRoundingAdjustmentCents: -2,
      dueCents: 1000,
      paidCents: 2000,
      changeCents: 1000,
      remainingCents: 0,
      cashToCompleteCents: 0,
      isFullyPaid: true,
    })
  })

  it('rounds a cash-only bill of 10.03 up to 10.05', () => {
    expect(settleTender(1003, [cash(1005)], swiss)).toMatchObject({
      cashRoundingAdjustmentCents: 2,
      dueCents: 1005,
      changeCents: 0,
      isFullyPaid: true,
    })
  })

  it('charges a card the exact total: no rounding without cash', () => {
    expect(settleTender(1002, [card(1002)], swiss)).toMatchObject({
      cashRoundingAdjustmentCents: 0,
      dueCents: 1002,
      changeCents: 0,
      isFullyPaid: true,
    })
  })

  it('rounds only the cash part of a split tender', () => {
    // 10.02: 5.00 on card, the 5.02 left for cash rounds to 5.00; a 10-franc note gets 5.00 back.
    expect(settleTender(1002, [card(500), cash(1000)], swiss)).toMatchObject({
      cashRoundingAdjustmentCents: -2,
      dueCents: 1000,
      paidCents: 1500,
      changeCents: 500,
      isFullyPaid: true,
    })
    // Card takes 5.02, the cash part is a round 5.00: nothing to round.
    expect(settleTender(1002, [card(502), cash(500)], swiss)).toMatchObject({
      cashRoundingAdjustmentCents: 0,
      dueCents: 1002,
      changeCents: 0,
      isFullyPaid: true,
    })
  })

  it('gives exact change when cash rounding is off', () => {
    expect(settleTender(1002, [cash(2000)], noCashRounding)).toMatchObject({
      cashRoundingAdjustmentCents: 0,
      dueCents: 1002,
      changeCents: 998,
    })
  })

  it('reports what is left after a partial card payment, exact for a card and rounded for cash', () => {
    const summary = settleTender(1002, [card(500)], swiss)
    expect(summary).toMatchObject({
      cashRoundingAdjustmentCents: 0,
      dueCents: 1002,
      paidCents: 500,
      changeCents: 0,
      remainingCents: 502,
      cashToCompleteCents: 500,
      isFullyPaid: false,
    })
    expect(cashDueCents(summary.remainingCents, swiss)).toBe(500)
  })

  it('settles the adjustment only once the bill is paid', () => {
    const partly = settleTender(1002, [cash(500)], swiss)
    expect(partly).toMatchObject({
      remainingCents: 502,
      cashToCompleteCents: 500,
      isFullyPaid: false,
    })
    expect(partly.cashRoundingAdjustmentCents).toBe(0)
    const paid = settleTender(1002, [cash(500), cash(500)], swiss)
    expect(paid).toMatchObject({
      cashRoundingAdjustmentCents: -2,
      changeCents: 0,
      isFullyPaid: true,
    })
  })

  it('lets a cash tender of zero settle a remainder that rounds to nothing', () => {
    expect(settleTender(1002, [card(1000)], swiss)).toMatchObject({
      remainingCents: 2,
      cashToCompleteCents: 0,
      isFullyPaid: false,
    })
    expect(settleTender(1002, [card(1000), cash(0)], swiss)).toMatchObject({
      cashRoundingAdjustmentCents: -2,
      dueCents: 1000,
      isFullyPaid: true,
    })
  })

  it('asks for the right cash even where re-rounding the rest would ask for nothing', () => {
    // Rounding to whole units, half-even: 1.50 rounds to 2.00 as a whole, but the 0.50 left
    // after 1.00 in cash would round to 0.00. cashToCompleteCents keeps the first rounding.
    const wholeUnits: PricingRules = {
      ...swiss,
      roundingMode: 'half-even',
      cashRoundingIncrementCents: 100,
    }
    const summary = settleTender(150, [cash(100)], wholeUnits)
    expect(cashDueCents(summary.remainingCents, wholeUnits)).toBe(0)
    expect(summary.cashToCompleteCents).toBe(100)
    expect(settleTender(150, [cash(100), cash(100)], wholeUnits)).toMatchObject({
      dueCents: 200,
      changeCents: 0,
      isFullyPaid: true,
    })
  })

  it('treats an order of zero as paid', () => {
    expect(settleTender(0, [], swiss)).toMatchObject({ dueCents: 0, isFullyPaid: true })
  })

  it('refuses a card payment above what is still due', () => {
    const exceeds = expect.objectContaining({ code: 'TENDER_EXCEEDS_DUE' })
    expect(() => settleTender(999, [card(1000)], swiss)).toThrow(exceeds)
    expect(() =>
      settleTender(1000, [card(600), { method: 'other', amountCents: 500 }], swiss),
    ).toThrow(exceeds)
    // Cash handed over first already covers the bill, so a card after it has nothing to pay.
    expect(() => settleTender(1000, [cash(2000), card(100)], swiss)).toThrow(exceeds)
  })

  it('refuses bad amounts and unknown methods', () => {
    expect(() => settleTender(1000, [cash(-5)], swiss)).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    )
    expect(() => settleTender(10.5, [], swiss)).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    )
    const fromWire: TenderInput[] = JSON.parse('[{"method":"cheque","amountCents":100}]')
    expect(() => settleTender(1000, fromWire, swiss)).toThrow(
      expect.objectContaining({ code: 'INVALID_TENDER_METHOD' }),
    )
  })
})

describe('cashDueCents', () => {
  it('asks for the remainder rounded to the cash increment', () => {
    expect(cashDueCents(1002, swiss)).toBe(1000)
    expect(cashDueCents(1003, swiss)).toBe(1005)
    expect(cashDueCents(1002, noCashRounding)).toBe(1002)
  })

  it('refuses a negative remainder', () => {
    expect(() => cashDueCents(-1, swiss)).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    )
  })
})
