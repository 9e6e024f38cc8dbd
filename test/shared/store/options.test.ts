import { describe, expect, it } from 'vitest'
import { StoreRulesData } from '../../../src/shared/sync/entities'
import {
  StoreOptions,
  StoreOptionsStrict,
  parseStoreOptions,
} from '../../../src/shared/store/options'

describe('store options across releases', () => {
  it('reads rules that protect an action this release does not know, keeping the ones it does', () => {
    const stored = JSON.stringify({ approvals: ['refund', 'giftCardIssue', 'stockAdjust'] })
    expect(parseStoreOptions(stored).approvals).toEqual(['refund', 'stockAdjust'])
    // The synced record is read the same way: a newer register's rules never stop an older one.
    const pulled = StoreRulesData.parse({ approvals: ['giftCardIssue', 'noSale'] })
    expect(pulled.approvals).toEqual(['noSale'])
  })

  it('refuses an unknown action from a manager, who must name what this release protects', () => {
    const result = StoreOptionsStrict.safeParse({ approvals: ['refund', 'giftCardIssue'] })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['approvals', 1])
  })

  it('protects stock adjustments and counts in a new store', () => {
    expect(StoreOptions.parse({}).approvals).toContain('stockAdjust')
    const { approvals, ...rest } = StoreOptions.parse({})
    expect(StoreOptionsStrict.parse(rest).approvals).toEqual(approvals)
  })

  it('asks again past $5.00 at shift close when older rules never set an allowance', () => {
    const older = parseStoreOptions(JSON.stringify({ discountLimitPercent: 15 }))
    expect(older.closeShiftVarianceCents).toBe(500)
    expect(StoreRulesData.parse({}).closeShiftVarianceCents).toBe(500)
    const defaults = StoreOptions.parse({})
    const none = StoreOptionsStrict.parse({ ...defaults, closeShiftVarianceCents: 0 })
    expect(none.closeShiftVarianceCents).toBe(0)
    for (const bad of [-1, 2.5, 100_000_001, '500']) {
      const result = StoreOptionsStrict.safeParse({ ...defaults, closeShiftVarianceCents: bad })
      expect(result.success, String(bad)).toBe(false)
      expect(result.error?.issues[0]?.path).toEqual(['closeShiftVarianceCents'])
    }
  })
})
