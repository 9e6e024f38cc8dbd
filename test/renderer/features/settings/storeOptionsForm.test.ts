import { describe, expect, it } from 'vitest'
import {
  checkOptionsDraft,
  fieldPath,
  optionsErrorKey,
  parseDenominations,
  resolveTenderIds,
  tenderIdBase,
  toOptionsDraft,
  type StoreOptionsDraft,
  type TenderDraft,
} from '../../../../src/renderer/src/features/settings/storeOptionsForm'
import { StoreOptions } from '../../../../src/shared/store/options'

const defaults = StoreOptions.parse({})

function newTender(label: string, key = label): TenderDraft {
  return { key, id: null, label, kind: 'other', requiresReference: false }
}

function issuePaths(draft: StoreOptionsDraft, currency = 'USD'): string[] {
  const checked = checkOptionsDraft(draft, currency)
  return checked.ok ? [] : checked.issues.map((issue) => issue.path)
}

describe('store rules form', () => {
  it('round-trips the saved options through the form unchanged', () => {
    expect(checkOptionsDraft(toOptionsDraft(defaults, 'USD'), 'USD')).toEqual({
      ok: true,
      options: defaults,
    })
    const yen = { ...defaults, denominationsCents: [10_000, 1_000, 500, 1] }
    const draft = toOptionsDraft(yen, 'JPY')
    expect(draft.denominations).toBe('10000, 1000, 500, 1')
    expect(checkOptionsDraft(draft, 'JPY')).toEqual({ ok: true, options: yen })
  })

  it('shows denominations as money and reads them back largest first, without repeats', () => {
    expect(toOptionsDraft(defaults, 'USD').denominations).toBe(
      '100.00, 50.00, 20.00, 10.00, 5.00, 1.00, 0.25, 0.10, 0.05, 0.01',
    )
    expect(parseDenominations('0.25, 100 ,5،20  20', 'USD')).toEqual([10_000, 2_000, 500, 25])
    expect(parseDenominations('١٠٠، ٠٫٥', 'USD')).toEqual([10_000, 50])
    expect(parseDenominations('100, 0', 'USD')).toBeNull()
    expect(parseDenominations('100, ten', 'USD')).toBeNull()
    expect(parseDenominations('0.005', 'USD')).toBeNull()
    expect(parseDenominations(' , ', 'USD')).toBeNull()
  })

  it('derives a new payment method id from its name, unique among the others', () => {
    expect(tenderIdBase('Gift card')).toBe('gift-card')
    expect(tenderIdBase('  Café — Crédit! ')).toBe('cafe-credit')
    expect(tenderIdBase('بطاقة هدية')).toBe('tender')
    expect(tenderIdBase('x'.repeat(60))).toHaveLength(40)

    const saved: TenderDraft = { ...newTender('Card'), id: 'card' }
    expect(
      resolveTenderIds([
        saved,
        newTender('Card', 'a'),
        newTender('card!', 'b'),
        newTender('Gift card'),
      ]),
    ).toEqual(['card', 'card-2', 'card-3', 'gift-card'])
    // A saved method keeps its id even when its name changes: past sales refer to it.
    expect(resolveTenderIds([{ ...saved, label: 'Debit' }])).toEqual(['card'])
  })

  it('saves an added gift card that needs a reference, with a raised discount limit', () => {
    const draft = toOptionsDraft(defaults, 'USD')
    draft.discountLimitPercent = '35'
    draft.tenderMethods.push({ ...newTender(' Gift card '), requiresReference: true })
    draft.approvals = ['settings', 'discount']
    const checked = checkOptionsDraft(draft, 'USD')
    expect(checked.ok && checked.options).toMatchObject({
      discountLimitPercent: 35,
      approvals: ['discount', 'settings'],
      tenderMethods: [
        ...defaults.tenderMethods,
        { id: 'gift-card', kind: 'other', label: 'Gift card', requiresReference: true },
      ],
    })
  })

  it('names the field of each bad value the way main names it', () => {
    const draft = toOptionsDraft(defaults, 'USD')
    draft.discountLimitPercent = '120'
    draft.idleLockSeconds = '1.5'
    draft.pinAttempts = ''
    draft.pinLockoutSeconds = 'abc'
    draft.tenderMethods[1] = { ...draft.tenderMethods[1]!, label: '   ' }
    draft.embeddedBarcodes = [
      { key: 'a', prefix: '21', kind: 'weight' },
      { key: 'b', prefix: '31', kind: 'price' },
      { key: 'c', prefix: '21', kind: 'price' },
    ]
    draft.denominations = '100, lots'
    expect(issuePaths(draft).sort()).toEqual(
      [
        'options.discountLimitPercent',
        'options.idleLockSeconds',
        'options.pinAttempts',
        'options.pinLockoutSeconds',
        'options.tenderMethods.1.label',
        'options.embeddedBarcodes.1.prefix',
        'options.embeddedBarcodes.2.prefix',
        'options.denominationsCents',
      ].sort(),
    )
    const checked = checkOptionsDraft(draft, 'USD')
    const repeated = !checked.ok && checked.issues.find((issue) => issue.key !== undefined)
    expect(repeated).toMatchObject({
      path: 'options.embeddedBarcodes.2.prefix',
      key: 'storeOptions.errors.prefixRepeated',
    })
  })

  it('shows the close-shift allowance as money and reads it back in minor units', () => {
    const draft = toOptionsDraft(defaults, 'USD')
    expect(draft.closeShiftVariance).toBe('5.00')
    draft.closeShiftVariance = ' 12.5 '
    const checked = checkOptionsDraft(draft, 'USD')
    expect(checked.ok && checked.options.closeShiftVarianceCents).toBe(1_250)
    draft.closeShiftVariance = '٠'
    const zero = checkOptionsDraft(draft, 'USD')
    expect(zero.ok && zero.options.closeShiftVarianceCents).toBe(0)
    for (const bad of ['', 'five', '-1', '0.005']) {
      draft.closeShiftVariance = bad
      expect(issuePaths(draft), bad).toEqual(['options.closeShiftVarianceCents'])
    }
    expect(optionsErrorKey('options.closeShiftVarianceCents')).toBe(
      'storeOptions.errors.closeShiftVariance',
    )
  })

  it('keeps an allowance the back office set when a manager saves other rules here', () => {
    // Rules as a sync brings them: the back office set $12.34; a 3-decimal currency reads the same.
    const synced = StoreOptions.parse({ closeShiftVarianceCents: 1_234 })
    const draft = toOptionsDraft(synced, 'USD')
    draft.discountLimitPercent = '25'
    expect(checkOptionsDraft(draft, 'USD')).toEqual({
      ok: true,
      options: { ...synced, discountLimitPercent: 25 },
    })
    const dinar = StoreOptions.parse({ closeShiftVarianceCents: 2_500 })
    expect(checkOptionsDraft(toOptionsDraft(dinar, 'KWD'), 'KWD')).toMatchObject({
      ok: true,
      options: { closeShiftVarianceCents: 2_500 },
    })
  })

  it('refuses to save with no payment method at all', () => {
    const draft = toOptionsDraft(defaults, 'USD')
    draft.tenderMethods = []
    expect(issuePaths(draft)).toEqual(['options.tenderMethods'])
  })

  it('puts a message from main on its field: list items on the whole list, rows on the row', () => {
    expect(fieldPath('options.denominationsCents.3')).toBe('options.denominationsCents')
    expect(fieldPath('options.approvals.0')).toBe('options.approvals')
    expect(fieldPath('options.tenderMethods.1.label')).toBe('options.tenderMethods.1.label')
    expect(optionsErrorKey('options.tenderMethods.1.label')).toBe('storeOptions.errors.tenderLabel')
    expect(optionsErrorKey('options.denominationsCents.0')).toBe(
      'storeOptions.errors.denominations',
    )
    expect(optionsErrorKey('options.tenderMethods')).toBe('storeOptions.errors.tenders')
    // An unknown key is a form-wide problem, shown with main's own words.
    expect(optionsErrorKey('options')).toBeNull()
  })
})
