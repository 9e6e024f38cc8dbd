import { DomainError } from './errors'
import { isCents, toCents, type Cents } from './money'

/**
 * Splits `total` across `weights` in proportion, by largest remainder: every share is the floor
 * of its exact share, and the cents left over go one each to the largest fractional parts (ties
 * to the earlier index), so the shares always sum to exactly `total`. With 0 <= total <= sum of
 * weights no share exceeds its weight. Weights must be >= 0; all-zero weights need a zero total.
 */
export function allocateLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n)
  if (weightSum === 0n) {
    if (total !== 0n) throw new DomainError('INVALID_AMOUNT', 'Cannot allocate onto zero weights')
    return weights.map(() => 0n)
  }
  const shares = weights.map((weight) => (total * weight) / weightSum)
  const remainders = weights.map((weight) => (total * weight) % weightSum)
  let leftover = total - shares.reduce((sum, share) => sum + share, 0n)
  const byRemainder = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((left, right) =>
      left.remainder === right.remainder
        ? left.index - right.index
        : left.remainder > right.remainder
          ? -1
          : 1,
    )
  for (const { index } of byRemainder) {
    if (leftover === 0n) break
    shares[index] = (shares[index] ?? 0n) + 1n
    leftover -= 1n
  }
  return shares
}

/** Cents version of allocateLargestRemainder, e.g. to split a refund across the lines it covers. */
export function allocateCents(totalCents: Cents, weightsCents: readonly Cents[]): Cents[] {
  const values = [totalCents, ...weightsCents]
  if (!values.every((value) => isCents(value) && value >= 0)) {
    throw new DomainError('INVALID_AMOUNT', 'Allocation needs whole, non-negative cents')
  }
  const shares = allocateLargestRemainder(BigInt(totalCents), weightsCents.map(BigInt))
  return shares.map(toCents)
}
