import { describe, expect, it } from 'vitest'
import { closeConcern } from '../../../../src/renderer/src/features/shift/closeCheck'

const base = { countedCents: 0, expectedCents: 14_066, allowedCents: 500 }

describe('asking again before a shift closes', () => {
  it('asks when every count is blank, with what will be recorded', () => {
    expect(closeConcern({ ...base, countTexts: ['', ' ', ''] })).toEqual({
      kind: 'blank',
      countedCents: 0,
      expectedCents: 14_066,
    })
    // Even when nothing was expected: a drawer nobody counted is worth a second look.
    expect(closeConcern({ ...base, expectedCents: 0, countTexts: ['', ''] })).toMatchObject({
      kind: 'blank',
    })
    expect(closeConcern({ ...base, expectedCents: null, countTexts: [] })).toEqual({
      kind: 'blank',
      countedCents: 0,
      expectedCents: null,
    })
  })

  it('counts a typed zero as a count, so an empty drawer that was counted closes at once', () => {
    expect(
      closeConcern({ ...base, expectedCents: 0, countTexts: ['0', ''], countedCents: 0 }),
    ).toBeNull()
  })

  it('asks when short or over by more than the allowance, and not at the allowance', () => {
    const counted = (countedCents: number) =>
      closeConcern({ ...base, countTexts: ['1'], countedCents })
    expect(counted(14_066)).toBeNull()
    expect(counted(14_066 - 500)).toBeNull()
    expect(counted(14_066 + 500)).toBeNull()
    expect(counted(14_066 - 501)).toEqual({
      kind: 'short',
      differenceCents: -501,
      allowedCents: 500,
    })
    expect(counted(14_066 + 750)).toEqual({ kind: 'over', differenceCents: 750, allowedCents: 500 })
  })

  it('asks about any difference when the store allows none', () => {
    expect(
      closeConcern({ ...base, allowedCents: 0, countTexts: ['1'], countedCents: 14_065 }),
    ).toMatchObject({ kind: 'short', differenceCents: -1 })
  })

  it('does not guess a difference while the expected cash is unknown', () => {
    expect(
      closeConcern({ ...base, expectedCents: null, countTexts: ['3'], countedCents: 300 }),
    ).toBeNull()
  })
})
