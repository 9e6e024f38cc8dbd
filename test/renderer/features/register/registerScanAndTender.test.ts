import { describe, expect, it } from 'vitest'
import type { PricingRules } from '../../../../src/shared/domain'
import { parkedAge } from '../../../../src/renderer/src/features/register/parkAge'
import {
  createScanDetector,
  isOrderNumber,
} from '../../../../src/renderer/src/features/register/scanDetector'
import {
  settle,
  suggestedAmountCents,
  toPaymentDrafts,
  type TakenPayment,
} from '../../../../src/renderer/src/features/register/tenderModel'

function typeKeys(text: string, startMs: number, gapMs: number) {
  const detector = createScanDetector()
  let time = startMs
  for (const character of text) {
    detector.key(character, time)
    time += gapMs
  }
  return detector.enter(time)
}

describe('scanner wedge', () => {
  it('reads a fast burst ending in Enter as a scan', () => {
    expect(typeKeys('2000000101019', 1000, 8)).toBe('2000000101019')
    expect(typeKeys('S01-R1-000004', 1000, 5)).toBe('S01-R1-000004')
  })

  it('leaves a person typing alone: slow keys, short codes, or words without digits', () => {
    expect(typeKeys('2000000101019', 1000, 120)).toBeNull()
    expect(typeKeys('12345', 1000, 5)).toBeNull()
    expect(typeKeys('espresso', 1000, 5)).toBeNull()
  })

  it('still reads a scan whose keys a busy register held back once', () => {
    const detector = createScanDetector()
    const gaps = [6, 6, 6, 40, 6, 6, 6, 6, 6, 6, 6, 6]
    let time = 1000
    '2100042004528'.split('').forEach((character, index) => {
      detector.key(character, time)
      time += gaps[index] ?? 6
    })
    expect(detector.enter(time + 34)).toBe('2100042004528')
  })

  it('leaves a fast person alone even when some of their keys come close together', () => {
    const detector = createScanDetector()
    const gaps = [90, 20, 95, 30, 80, 25, 99, 20]
    let time = 1000
    '20000001'.split('').forEach((character, index) => {
      detector.key(character, time)
      time += gaps[index] ?? 90
    })
    expect(detector.enter(time)).toBeNull()
  })

  it('starts a new code after a pause, so typed text before a scan is not part of it', () => {
    const detector = createScanDetector()
    detector.key('l', 0)
    detector.key('a', 200)
    let time = 1000
    for (const character of '4006381333931') detector.key(character, (time += 6))
    expect(detector.enter(time + 6)).toBe('4006381333931')
  })

  it('tells a receipt barcode from a product code', () => {
    expect(isOrderNumber('S01-R1-000004')).toBe(true)
    expect(isOrderNumber('4006381333931')).toBe(false)
  })
})

const swissRules: PricingRules = {
  pricesIncludeTax: true,
  taxRounding: 'line',
  roundingMode: 'half-up',
  cashRoundingIncrementCents: 5,
}
const cash = { id: 'cash', kind: 'cash', label: 'Cash', requiresReference: false } as const
const card = { id: 'card', kind: 'card', label: 'Card', requiresReference: false } as const

describe('split tender', () => {
  it('suggests the exact rest for a card and the rounded rest for cash', () => {
    const paid: TakenPayment[] = [
      { key: '1', tender: card, amountCents: 1000, referenceNumber: ' 123 ' },
    ]
    const summary = settle(2303, paid, swissRules)
    expect(summary.isFullyPaid).toBe(false)
    expect(suggestedAmountCents(card, summary)).toBe(1303)
    expect(suggestedAmountCents(cash, summary)).toBe(1305)

    const withCash: TakenPayment[] = [
      ...paid,
      { key: '2', tender: cash, amountCents: 2000, referenceNumber: '' },
    ]
    const done = settle(2303, withCash, swissRules)
    expect(done.isFullyPaid).toBe(true)
    expect(done.changeCents).toBe(695)
    expect(toPaymentDrafts(paid)).toEqual([
      { method: 'card', tenderId: 'card', amountCents: 1000, referenceNumber: '123' },
    ])
  })
})

describe('parked age', () => {
  it('says how long a sale has waited, to the minute', () => {
    const parkedAt = '2025-01-01T10:00:00.000Z'
    const at = (minutes: number) => Date.parse(parkedAt) + minutes * 60_000
    expect(parkedAge(parkedAt, at(0.5))).toBe('just now')
    expect(parkedAge(parkedAt, at(12))).toBe('12 min ago')
    expect(parkedAge(parkedAt, at(125))).toBe('2 h 5 min ago')
  })
})
