import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cashDueCents,
  settleTender,
  type PricingRules,
  type TenderInput,
  type TenderMethod,
} from '../../../src/shared/domain'
import { rulesArbitrary } from './arbitraries'

const runs = { numRuns: 1000 }

interface Scenario {
  totalCents: number
  rules: PricingRules
  tenders: TenderInput[]
}

/**
 * Random tenders in random order; a card or other tender is clipped to what is still due,
 * as a till would, so every scenario is legal. `cashInIncrements` makes cash real coins.
 */
function scenarioArbitrary(cashInIncrements: boolean): fc.Arbitrary<Scenario> {
  const rawTender = fc.record({
    method: fc.constantFrom<TenderMethod>('cash', 'card', 'other'),
    amountCents: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 200_000 })),
  })
  return fc
    .record({
      totalCents: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 100_000 })),
      rules: rulesArbitrary,
      rawTenders: fc.array(rawTender, { maxLength: 5 }),
    })
    .map(({ totalCents, rules, rawTenders }) => {
      const increment = Math.max(1, rules.cashRoundingIncrementCents)
      let paidCents = 0
      const tenders = rawTenders.map(({ method, amountCents }): TenderInput => {
        const amount =
          method === 'cash'
            ? cashInIncrements
              ? amountCents - (amountCents % increment)
              : amountCents
            : Math.min(amountCents, Math.max(0, totalCents - paidCents))
        paidCents += amount
        return { method, amountCents: amount }
      })
      return { totalCents, rules, tenders }
    })
}

describe('settleTender properties', () => {
  it('balances when fully paid: paid - change = due, change >= 0 and only from cash', () => {
    fc.assert(
      fc.property(scenarioArbitrary(false), ({ totalCents, rules, tenders }) => {
        const summary = settleTender(totalCents, tenders, rules)
        const hasCash = tenders.some((tender) => tender.method === 'cash')
        const increment = rules.cashRoundingIncrementCents
        expect(summary.dueCents).toBe(totalCents + summary.cashRoundingAdjustmentCents)
        expect(Math.abs(summary.cashRoundingAdjustmentCents) * 2).toBeLessThanOrEqual(
          increment > 1 ? increment : 0,
        )
        if (!hasCash) expect(summary.changeCents).toBe(0)
        if (summary.isFullyPaid) {
          expect(summary.paidCents - summary.changeCents).toBe(summary.dueCents)
          expect(summary.changeCents).toBeGreaterThanOrEqual(0)
          expect(summary.remainingCents).toBe(0)
          expect(summary.cashToCompleteCents).toBe(0)
          if (!hasCash) expect(summary.cashRoundingAdjustmentCents).toBe(0)
        } else {
          expect(summary.changeCents).toBe(0)
          expect(summary.cashRoundingAdjustmentCents).toBe(0)
          expect(summary.remainingCents).toBeGreaterThan(0)
        }
      }),
      runs,
    )
  })

  it('is completed by handing over cashToCompleteCents in cash, with no change', () => {
    fc.assert(
      fc.property(scenarioArbitrary(false), ({ totalCents, rules, tenders }) => {
        const summary = settleTender(totalCents, tenders, rules)
        fc.pre(!summary.isFullyPaid)
        const completed = settleTender(
          totalCents,
          [...tenders, { method: 'cash', amountCents: summary.cashToCompleteCents }],
          rules,
        )
        expect(completed.isFullyPaid).toBe(true)
        expect(completed.changeCents).toBe(0)
      }),
      runs,
    )
  })

  it('with real coins, is completed by a card for remainingCents or cash for cashDueCents', () => {
    fc.assert(
      fc.property(scenarioArbitrary(true), ({ totalCents, rules, tenders }) => {
        const summary = settleTender(totalCents, tenders, rules)
        fc.pre(!summary.isFullyPaid)
        const byCard = settleTender(
          totalCents,
          [...tenders, { method: 'card', amountCents: summary.remainingCents }],
          rules,
        )
        expect(byCard).toMatchObject({ isFullyPaid: true, changeCents: 0 })
        // Re-rounding the rest matches the first rounding unless an exact half meets half-even.
        const increment = rules.cashRoundingIncrementCents
        const hasTies = rules.roundingMode === 'half-even' && increment > 1 && increment % 2 === 0
        if (!hasTies) {
          expect(cashDueCents(summary.remainingCents, rules)).toBe(summary.cashToCompleteCents)
        }
      }),
      runs,
    )
  })
})
