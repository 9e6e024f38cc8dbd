import { describe, expect, it } from 'vitest'
import { RegisterConfig } from '../../../../src/shared/store/registerConfig'
import {
  checkDraft,
  errorKey,
  isPrinterSaved,
  newPrinter,
  parseRegisterCodes,
  toDraft,
} from '../../../../src/renderer/src/features/settings/configForm'

const printerId = '0b4f3c1e-6a55-4c55-9d0e-2f6f5a1c7b10'
const saved = RegisterConfig.parse({
  mode: 'kitchen-station',
  printers: [
    { id: printerId, name: 'Kitchen', kind: 'network', host: '10.0.0.9', role: 'kitchen' },
  ],
  stationRegisterCodes: ['A', 'B'],
})

describe('register settings form', () => {
  it('round-trips a saved config through the form unchanged', () => {
    const checked = checkDraft(toDraft(saved))
    expect(checked).toEqual({ ok: true, config: saved })
  })

  it('reads typed register codes: any separator, upper case, no blanks or repeats', () => {
    expect(parseRegisterCodes(' a, b ,,C  a،d ')).toEqual(['A', 'B', 'C', 'D'])
    expect(parseRegisterCodes('   ')).toEqual([])
  })

  it('names the field main would name for a network printer without a host and a bad port', () => {
    const draft = toDraft(saved)
    draft.printers.push({
      ...newPrinter('5d1d8a57-1f0a-4bd4-8a47-3b0c2f7e9c21', 'receipt'),
      name: 'Front',
      port: '91x',
    })
    const checked = checkDraft(draft)
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    const paths = checked.issues.map((issue) => issue.path)
    expect(paths).toContain('config.printers.1.host')
    expect(paths).toContain('config.printers.1.port')
    expect(paths.map(errorKey)).toContain('errors.host')
  })

  it('takes an empty port as the usual 9100', () => {
    const draft = toDraft(saved)
    draft.printers[0]!.port = ''
    const checked = checkDraft(draft)
    expect(checked.ok && checked.config.printers[0]?.port).toBe(9100)
  })

  it('offers a test page only for a printer saved exactly as shown', () => {
    const [printer] = toDraft(saved).printers
    expect(isPrinterSaved(saved, printer!)).toBe(true)
    expect(isPrinterSaved(saved, { ...printer!, host: '10.0.0.10' })).toBe(false)
    expect(
      isPrinterSaved(saved, newPrinter('5d1d8a57-1f0a-4bd4-8a47-3b0c2f7e9c21', 'receipt')),
    ).toBe(false)
    expect(isPrinterSaved(null, printer!)).toBe(false)
  })
})
