import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError, divideRounded, roundToIncrement } from '../../../src/shared/domain'

describe('divideRounded', () => {
  it('rounds an exact half away from zero with half-up', () => {
    expect(divideRounded(5n, 2n, 'half-up')).toBe(3n)
    expect(divideRounded(-5n, 2n, 'half-up')).toBe(-3n)
    expect(divideRounded(5n, -2n, 'half-up')).toBe(-3n)
  })

  it('rounds an exact half to the even neighbour with half-even', () => {
    expect(divideRounded(5n, 2n, 'half-even')).toBe(2n)
    expect(divideRounded(7n, 2n, 'half-even')).toBe(4n)
    expect(divideRounded(-5n, 2n, 'half-even')).toBe(-2n)
  })

  it('rounds anything but a half to the nearest, whatever the mode', () => {
    expect(divideRounded(7n, 3n, 'half-up')).toBe(2n)
    expect(divideRounded(8n, 3n, 'half-even')).toBe(3n)
    expect(divideRounded(-8n, 3n, 'half-up')).toBe(-3n)
  })

  it('refuses division by zero', () => {
    expect(() => divideRounded(1n, 0n, 'half-up')).toThrow(DomainError)
  })

  it('is never more than half away from the exact quotient', () => {
    const modes = fc.constantFrom('half-up' as const, 'half-even' as const)
    fc.assert(
      fc.property(
        fc.bigInt(),
        fc.bigInt().filter((value) => value !== 0n),
        modes,
        (n, d, mode) => {
          const rounded = divideRounded(n, d, mode)
          // |n/d - rounded| <= 1/2  <=>  |n - rounded*d| * 2 <= |d|
          const error = n - rounded * d
          const absolute = (value: bigint): bigint => (value < 0n ? -value : value)
          expect(absolute(error) * 2n <= absolute(d)).toBe(true)
        },
      ),
    )
  })
})

describe('roundToIncrement', () => {
  it('rounds cash to the nearest five cents', () => {
    expect(roundToIncrement(1002, 5, 'half-up')).toBe(1000)
    expect(roundToIncrement(1003, 5, 'half-up')).toBe(1005)
    expect(roundToIncrement(1007, 5, 'half-even')).toBe(1005)
  })

  it('uses the mode on an exact half of the increment', () => {
    expect(roundToIncrement(1005, 10, 'half-up')).toBe(1010)
    expect(roundToIncrement(1005, 10, 'half-even')).toBe(1000)
    expect(roundToIncrement(1015, 10, 'half-even')).toBe(1020)
  })

  it('leaves amounts alone for increment 0 or 1', () => {
    expect(roundToIncrement(1003, 0, 'half-up')).toBe(1003)
    expect(roundToIncrement(1003, 1, 'half-up')).toBe(1003)
  })

  it('refuses fractional cents and negative increments', () => {
    expect(() => roundToIncrement(10.5, 5, 'half-up')).toThrow(DomainError)
    expect(() => roundToIncrement(10, -5, 'half-up')).toThrow(DomainError)
    expect(() => roundToIncrement(10, 2.5, 'half-up')).toThrow(DomainError)
  })
})
