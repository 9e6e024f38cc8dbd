import { describe, expect, it } from 'vitest'
import { PosErrorShape } from '../../../src/shared/ipc/schemas'
import arCommon from '../../../src/renderer/src/i18n/locales/ar/common'
import enCommon from '../../../src/renderer/src/i18n/locales/en/common'

describe('error codes from main', () => {
  const codes = PosErrorShape.shape.code.options

  it('every code the bridge can carry reads in English and in Arabic', () => {
    for (const code of codes) {
      expect(enCommon.errors.codes[code], `en ${code}`).toMatch(/\S/)
      expect(arCommon.errors.codes[code], `ar ${code}`).toMatch(/[\u0600-\u06FF]/)
    }
    expect(Object.keys(enCommon.errors.codes).sort()).toEqual([...codes].sort())
  })
})
