import { DomainError } from './errors'
import { toCents, type Cents } from './money'

/** `half-up` rounds an exact half away from zero; `half-even` rounds it to the even neighbour. */
export type RoundingMode = 'half-up' | 'half-even'

const roundingModes: readonly string[] = ['half-up', 'half-even'] satisfies RoundingMode[]

export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === 'string' && roundingModes.includes(value)
}

/** numerator / denominator rounded to the nearest integer; only an exact half uses `mode`. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new DomainError('DIVISION_BY_ZERO', 'Cannot divide by zero')
  const isNegative = numerator < 0n !== denominator < 0n
  const dividend = numerator < 0n ? -numerator : numerator
  const divisor = denominator < 0n ? -denominator : denominator
  const quotient = dividend / divisor
  const twiceRemainder = (dividend % divisor) * 2n
  // Rounding the magnitude and restoring the sign makes half-up symmetric around zero.
  let magnitude = quotient
  if (twiceRemainder > divisor) magnitude = quotient + 1n
  else if (twiceRemainder === divisor) {
    const isOdd = quotient % 2n === 1n
    if (mode === 'half-up' || isOdd) magnitude = quotient + 1n
  }
  return isNegative ? -magnitude : magnitude
}

/** Rounds to the nearest multiple of `incrementCents` (5 = nearest 0.05); 0 or 1 leaves it as is. */
export function roundToIncrement(cents: Cents, incrementCents: number, mode: RoundingMode): Cents {
  if (!Number.isSafeInteger(cents)) {
    throw new DomainError('INVALID_AMOUNT', `Amount must be whole cents, got ${cents}`)
  }
  if (!Number.isSafeInteger(incrementCents) || incrementCents < 0) {
    throw new DomainError(
      'INVALID_AMOUNT',
      `Increment must be whole cents >= 0, got ${incrementCents}`,
    )
  }
  if (incrementCents <= 1) return cents
  const increment = BigInt(incrementCents)
  return toCents(divideRounded(BigInt(cents), increment, mode) * increment)
}
