import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeOrderTotals,
  refundLineAmounts,
  splitRefundOverTenders,
  type RefundLineAmounts,
  type SoldLine,
} from '../../../src/shared/domain'
import { lineArbitrary, rulesArbitrary } from './arbitraries'

const sold: SoldLine = {
  quantity: 3,
  netCents: 1000,
  taxCents: 83,
  totalCents: 1083,
  discountCents: 100,
}

describe('refundLineAmounts', () => {
  it('gives back a share of the line as negative cents, net + tax = total', () => {
    const first = refundLineAmounts(sold, 0, 1)
    expect(first).toEqual({ netCents: -333, taxCents: -28, totalCents: -361, discountCents: -33 })
  })

  it('lets the last refund take what rounding left, so every unit sums to the line', () => {
    const parts = [
      refundLineAmounts(sold, 0, 1),
      refundLineAmounts(sold, 1, 1),
      refundLineAmounts(sold, 2, 1),
    ]
    const sum = (key: keyof RefundLineAmounts) =>
      parts.reduce((total, part) => total + part[key], 0)
    expect([sum('netCents'), sum('taxCents'), sum('totalCents'), sum('discountCents')]).toEqual([
      -1000, -83, -1083, -100,
    ])
  })

  it('refuses more than is left to refund', () => {
    expect(() => refundLineAmounts(sold, 2, 2)).toThrow(
      expect.objectContaining({ code: 'REFUND_EXCEEDS_SOLD' }),
    )
    expect(() => refundLineAmounts(sold, 3, 1)).toThrow(
      expect.objectContaining({ code: 'REFUND_EXCEEDS_SOLD' }),
    )
    expect(() => refundLineAmounts(sold, 0, 0)).toThrow(
      expect.objectContaining({ code: 'INVALID_QUANTITY' }),
    )
  })

  // Lines priced by the real engine (discounts, inclusive and exclusive tax), refunded in random pieces.
  const pricedLine = fc.tuple(lineArbitrary, rulesArbitrary).map(([line, rules]) => {
    const totals = computeOrderTotals({ lines: [line] }, rules).lines[0]!
    return {
      quantity: line.quantity,
      netCents: totals.netCents,
      taxCents: totals.taxCents,
      totalCents: totals.totalCents,
      discountCents: totals.lineDiscountCents,
    } satisfies SoldLine
  })
  const piecesOf = (quantity: number) =>
    fc.array(fc.integer({ min: 1, max: quantity }), { minLength: 1, maxLength: 12 }).map((cuts) => {
      // Random cut points in 1..quantity become consecutive refund sizes ending at quantity.
      const points = [...new Set([...cuts, quantity])].sort((a, b) => a - b)
      return points.map((point, index) => point - (points[index - 1] ?? 0))
    })

  it('partial refunds of every unit always sum exactly to the sold line', () => {
    fc.assert(
      fc.property(
        pricedLine.chain((line) => fc.tuple(fc.constant(line), piecesOf(line.quantity))),
        ([line, pieces]) => {
          let refunded = 0
          const sums = { netCents: 0, taxCents: 0, totalCents: 0, discountCents: 0 }
          for (const piece of pieces) {
            const part = refundLineAmounts(line, refunded, piece)
            expect(part.netCents + part.taxCents).toBe(part.totalCents)
            for (const key of Object.keys(sums) as (keyof typeof sums)[]) sums[key] += part[key]
            refunded += piece
          }
          expect(sums).toEqual({
            netCents: 0 - line.netCents,
            taxCents: 0 - line.taxCents,
            totalCents: 0 - line.totalCents,
            discountCents: 0 - line.discountCents,
          })
        },
      ),
    )
  })

  it('never gives back more than was sold, at any point', () => {
    fc.assert(
      fc.property(
        pricedLine.chain((line) =>
          fc.tuple(fc.constant(line), fc.integer({ min: 0, max: line.quantity - 1 })),
        ),
        fc.integer({ min: 1, max: 10_000 }),
        ([line, refunded], quantity) => {
          const left = line.quantity - refunded
          if (quantity > left) {
            expect(() => refundLineAmounts(line, refunded, quantity)).toThrow(
              expect.objectContaining({ code: 'REFUND_EXCEEDS_SOLD' }),
            )
            return
          }
          const upTo = refundLineAmounts(line, 0, refunded + quantity)
          expect(-upTo.totalCents).toBeLessThanOrEqual(line.totalCents)
          expect(-upTo.totalCents).toBeGreaterThanOrEqual(0)
        },
      ),
    )
  })
})

describe('splitRefundOverTenders', () => {
  it('splits in proportion to what each tender paid, the odd cent to the largest', () => {
    const tenders = [
      { method: 'cash' as const, amountCents: 1000 },
      { method: 'card' as const, amountCents: 2000 },
    ]
    expect(splitRefundOverTenders(1000, tenders, 'original')).toEqual([
      { tenderIndex: 0, method: 'cash', amountCents: 333 },
      { tenderIndex: 1, method: 'card', amountCents: 667 },
    ])
  })

  it('puts it all on cash when asked to', () => {
    expect(splitRefundOverTenders(500, [{ method: 'card', amountCents: 900 }], 'cash')).toEqual([
      { tenderIndex: null, method: 'cash', amountCents: 500 },
    ])
  })

  it('always sums to the refund and never puts more on a tender than it paid', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            method: fc.constantFrom('cash' as const, 'card' as const, 'other' as const),
            amountCents: fc.integer({ min: 0, max: 100_000 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (tenders, fraction) => {
          const paid = tenders.reduce((sum, tender) => sum + tender.amountCents, 0)
          const refund = Math.floor(paid * fraction)
          const shares = splitRefundOverTenders(refund, tenders, 'original')
          expect(shares.reduce((sum, share) => sum + share.amountCents, 0)).toBe(refund)
          for (const share of shares) {
            if (paid === 0) continue
            expect(share.amountCents).toBeLessThanOrEqual(tenders[share.tenderIndex!]!.amountCents)
          }
        },
      ),
    )
  })
})
