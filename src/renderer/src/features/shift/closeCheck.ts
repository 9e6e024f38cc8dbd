import type { Cents } from '../../../../shared/domain'

/** Why a close needs the cashier to say so twice; null when one press is enough. */
export type CloseConcern =
  | { kind: 'blank'; countedCents: Cents; expectedCents: Cents | null }
  | { kind: 'over' | 'short'; differenceCents: Cents; allowedCents: Cents }

export interface CloseCheckInput {
  /** The count rows exactly as typed: every one blank means nothing was counted. */
  countTexts: readonly string[]
  countedCents: Cents
  /** Null while the expected cash is unknown (then only a blank count is questioned). */
  expectedCents: Cents | null
  /** The store's closeShiftVarianceCents. */
  allowedCents: Cents
}

/**
 * Whether closing should ask again: a drawer with no count typed at all, or a count further from
 * the expected cash than the store allows (equal to the allowance closes with one press).
 */
export function closeConcern(input: CloseCheckInput): CloseConcern | null {
  if (input.countTexts.every((text) => text.trim() === ''))
    return { kind: 'blank', countedCents: input.countedCents, expectedCents: input.expectedCents }
  if (input.expectedCents === null) return null
  const differenceCents = input.countedCents - input.expectedCents
  if (Math.abs(differenceCents) <= input.allowedCents) return null
  return {
    kind: differenceCents > 0 ? 'over' : 'short',
    differenceCents,
    allowedCents: input.allowedCents,
  }
}
