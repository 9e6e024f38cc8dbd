import fc from 'fast-check'
import type { LineInput, OrderInput, PricingRules, RoundingMode } from '../../../src/shared/domain'

export const roundingModeArbitrary = fc.constantFrom<RoundingMode>('half-up', 'half-even')

export const rulesArbitrary: fc.Arbitrary<PricingRules> = fc.record({
  pricesIncludeTax: fc.boolean(),
  taxRounding: fc.constantFrom<PricingRules['taxRounding']>('line', 'order'),
  roundingMode: roundingModeArbitrary,
  cashRoundingIncrementCents: fc.constantFrom(0, 1, 5, 10, 25, 100),
})

// Real rates most of the time, any legal rate some of the time.
const rateArbitrary = fc.oneof(
  fc.constantFrom(0, 500, 700, 825, 1900, 2000, 2500),
  fc.integer({ min: 0, max: 100_000 }),
)

// Small prices are where half cents and rounding modes actually bite.
const priceArbitrary = fc.oneof(
  fc.integer({ min: 0, max: 300 }),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 0, max: 1_000_000_000 }),
)

export const lineArbitrary: fc.Arbitrary<LineInput> = fc
  .record({
    unitPriceCents: priceArbitrary,
    quantity: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 1000 })),
    taxRateBasisPoints: rateArbitrary,
  })
  .chain((line) =>
    fc
      .option(fc.integer({ min: 0, max: line.unitPriceCents * line.quantity }), { nil: undefined })
      .map((discountCents) => ({ ...line, discountCents })),
  )

export const orderArbitrary: fc.Arbitrary<OrderInput> = fc
  .array(lineArbitrary, { maxLength: 12 })
  .chain((lines) => {
    const afterLineDiscountsCents = lines.reduce(
      (sum, line) => sum + line.unitPriceCents * line.quantity - (line.discountCents ?? 0),
      0,
    )
    return fc
      .option(fc.integer({ min: 0, max: afterLineDiscountsCents }), { nil: undefined })
      .map((orderDiscountCents) => ({ lines, orderDiscountCents }))
  })
