import { toCents, type Cents } from './money'

/** How many of one bill or coin are in the drawer. */
export interface DenominationCount {
  denominationCents: Cents
  count: number
}

/** What is wrong with a drawer count, and at which entry (for the form to point at). */
export interface CountIssue {
  index: number
  field: 'denominationCents' | 'count'
  message: string
}

/**
 * The first problem with a count, or null. Only the store's own bills and coins may be counted
 * (a typo like 2500 for a 25-cent coin would otherwise inflate the drawer), each once.
 */
export function findCountIssue(
  counts: readonly DenominationCount[],
  denominationsCents: readonly Cents[],
): CountIssue | null {
  const allowed = new Set(denominationsCents)
  const seen = new Set<number>()
  for (const [index, entry] of counts.entries()) {
    if (!Number.isSafeInteger(entry.count) || entry.count < 0)
      return { index, field: 'count', message: 'A count is a whole number of 0 or more.' }
    if (!allowed.has(entry.denominationCents))
      return {
        index,
        field: 'denominationCents',
        message: `${entry.denominationCents} is not one of this store's bills or coins.`,
      }
    if (seen.has(entry.denominationCents))
      return {
        index,
        field: 'denominationCents',
        message: `${entry.denominationCents} is counted twice; enter each bill or coin once.`,
      }
    seen.add(entry.denominationCents)
  }
  return null
}

/** The cash in the drawer: Σ denomination × count, exact. */
export function countedCents(counts: readonly DenominationCount[]): Cents {
  return toCents(
    counts.reduce((sum, entry) => sum + BigInt(entry.denominationCents) * BigInt(entry.count), 0n),
  )
}
