import { describe, expect, it } from 'vitest'
import { allocateCents } from '../../../src/shared/domain'

describe('allocateCents', () => {
  it('splits a refund across lines in proportion, spare cents to the largest remainders', () => {
    // 10.00 over 1 : 2 : 3 is 1.6667, 3.3333, 5.00 exactly.
    expect(allocateCents(1000, [100, 200, 300])).toEqual([167, 333, 500])
  })

  it('always sums to the total', () => {
    expect(allocateCents(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(allocateCents(0, [5, 7])).toEqual([0, 0])
    expect(allocateCents(0, [0, 0])).toEqual([0, 0])
  })

  it('refuses to spread money over nothing, or negative and fractional cents', () => {
    expect(() => allocateCents(5, [0, 0])).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    )
    expect(() => allocateCents(-5, [1])).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    )
    expect(() => allocateCents(5, [1.5])).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    )
  })
})
