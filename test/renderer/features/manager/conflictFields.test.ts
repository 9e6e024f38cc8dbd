import { describe, expect, it } from 'vitest'
import {
  conflictRows,
  mergeFields,
  parseFieldText,
  valueText,
} from '../../../../src/renderer/src/features/manager/conflictFields'

describe('conflict fields', () => {
  const server = { name: 'Latte', priceCents: 450, tags: ['hot'], active: true }
  const device = { name: 'Latte large', priceCents: 450, tags: ['hot'], note: 'x' }

  it('lists every field of either side and marks those that differ', () => {
    const rows = conflictRows(server, device)
    expect(rows.map((row) => row.field)).toEqual(['name', 'priceCents', 'tags', 'active', 'note'])
    expect(rows.filter((row) => row.isDifferent).map((row) => row.field)).toEqual([
      'name',
      'active',
      'note',
    ])
  })

  it('treats non-object data as having no fields', () => {
    expect(conflictRows(null, 'text')).toEqual([])
  })

  it('reads edited text back in the field’s type', () => {
    expect(parseFieldText('12', 'old')).toEqual({ ok: true, value: '12' })
    expect(parseFieldText('12', 3)).toEqual({ ok: true, value: 12 })
    expect(parseFieldText('twelve', 3)).toEqual({ ok: false })
    expect(parseFieldText('false', true)).toEqual({ ok: true, value: false })
    expect(parseFieldText('["a"', ['a'])).toEqual({ ok: false })
  })

  it('merges the edited fields, and names the ones that cannot be read', () => {
    const rows = conflictRows(server, device)
    const texts = Object.fromEntries(
      rows.map((row) => [row.field, valueText(row.device ?? row.server)]),
    )
    expect(mergeFields(rows, { ...texts, priceCents: '475', note: '' })).toEqual({
      ok: true,
      data: { name: 'Latte large', priceCents: 475, tags: ['hot'], active: true, note: '' },
    })
    expect(mergeFields(rows, { ...texts, priceCents: 'abc' })).toEqual({
      ok: false,
      badFields: ['priceCents'],
    })
  })
})
