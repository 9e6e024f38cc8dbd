import { describe, expect, it } from 'vitest'
import { countedCents, findCountIssue } from '../../../src/shared/domain/cashCount'

const denominations = [10_000, 5_000, 2_000, 1_000, 500, 100, 25, 10, 5, 1]

describe('drawer count', () => {
  it('adds up bills and coins exactly', () => {
    expect(
      countedCents([
        { denominationCents: 2_000, count: 3 },
        { denominationCents: 25, count: 7 },
        { denominationCents: 1, count: 4 },
        { denominationCents: 500, count: 0 },
      ]),
    ).toBe(6_179)
  })

  it('stays exact for a large count', () => {
    expect(countedCents([{ denominationCents: 10_000, count: 100_000 }])).toBe(1_000_000_000)
  })

  it("accepts a count of the store's own denominations", () => {
    expect(
      findCountIssue(
        [
          { denominationCents: 100, count: 2 },
          { denominationCents: 5, count: 1 },
        ],
        denominations,
      ),
    ).toBeNull()
  })

  it('points at a bill or coin the store does not use', () => {
    expect(
      findCountIssue(
        [
          { denominationCents: 100, count: 2 },
          { denominationCents: 2_500, count: 1 },
        ],
        denominations,
      ),
    ).toMatchObject({ index: 1, field: 'denominationCents' })
  })

  it('points at a denomination counted twice', () => {
    expect(
      findCountIssue(
        [
          { denominationCents: 100, count: 2 },
          { denominationCents: 100, count: 1 },
        ],
        denominations,
      ),
    ).toMatchObject({ index: 1, field: 'denominationCents' })
  })
})
