import { allocateLargestRemainder } from './allocation'
import { toCents } from './money'
import { divideRounded } from './rounding'
import type { PricingRules, TaxBucket } from './pricingTypes'

const basisPointsPerWhole = 10_000n

/**
 * Exact tax on `base` is base * rate / denominator: exclusive prices carry tax on top
 * (rate / 10000), inclusive prices contain it (rate / (10000 + rate)).
 */
function taxDenominator(rateBasisPoints: bigint, rules: PricingRules): bigint {
  return rules.pricesIncludeTax ? basisPointsPerWhole + rateBasisPoints : basisPointsPerWhole
}

function indicesByRate(rates: readonly number[]): Map<number, number[]> {
  const groups = new Map<number, number[]>()
  rates.forEach((rate, index) => {
    const group = groups.get(rate)
    if (group) group.push(index)
    else groups.set(rate, [index])
  })
  return groups
}

/**
 * Tax per line for discounted line amounts `bases`. With 'order' rounding each rate's tax is
 * rounded once over the sum, then spread back over its lines in proportion to their bases (the
 * exact line taxes at one rate are proportional to the bases), so the lines still add up.
 */
export function lineTaxes(
  bases: readonly bigint[],
  rates: readonly number[],
  rules: PricingRules,
): bigint[] {
  if (rules.taxRounding === 'line') {
    return bases.map((base, index) => {
      const rate = BigInt(rates[index] ?? 0)
      return divideRounded(base * rate, taxDenominator(rate, rules), rules.roundingMode)
    })
  }
  const taxes = bases.map(() => 0n)
  for (const [rateNumber, indices] of indicesByRate(rates)) {
    const rate = BigInt(rateNumber)
    const groupBases = indices.map((index) => bases[index] ?? 0n)
    const groupBase = groupBases.reduce((sum, base) => sum + base, 0n)
    const bucketTax = divideRounded(
      groupBase * rate,
      taxDenominator(rate, rules),
      rules.roundingMode,
    )
    const shares = allocateLargestRemainder(bucketTax, groupBases)
    indices.forEach((lineIndex, position) => {
      taxes[lineIndex] = shares[position] ?? 0n
    })
  }
  return taxes
}

/** One bucket per distinct rate, sorted by rate, summing the lines' net and tax. */
export function taxBuckets(
  rates: readonly number[],
  nets: readonly bigint[],
  taxes: readonly bigint[],
): TaxBucket[] {
  return [...indicesByRate(rates)]
    .sort(([leftRate], [rightRate]) => leftRate - rightRate)
    .map(([rate, indices]) => ({
      taxRateBasisPoints: rate,
      taxableCents: toCents(indices.reduce((sum, index) => sum + (nets[index] ?? 0n), 0n)),
      taxCents: toCents(indices.reduce((sum, index) => sum + (taxes[index] ?? 0n), 0n)),
    }))
}
