import { currencyExponent, type Cents } from '../../../../shared/domain'

// Banknote-like steps, in major units, that a customer is likely to hand over.
const roundSteps = [5n, 10n, 20n, 50n, 100n]

/** The exact amount first, then up to `count` round amounts above it (e.g. $25, $30, $40 for $22.62). */
export function quickCashAmounts(dueCents: Cents, currency: string, count = 3): Cents[] {
  const unit = 10n ** BigInt(currencyExponent(currency))
  const due = BigInt(dueCents)
  const above = new Set<bigint>()
  for (const step of roundSteps) {
    const size = step * unit
    const rounded = ((due + size - 1n) / size) * size
    if (rounded > due) above.add(rounded)
  }
  const sorted = [...above].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, count)
  return [dueCents, ...sorted.map((amount) => Number(amount))]
}
