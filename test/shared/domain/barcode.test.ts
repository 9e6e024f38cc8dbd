import { describe, expect, it } from 'vitest'
import {
  ean13CheckDigit,
  isValidEan13,
  parseEmbeddedBarcode,
  priceForWeight,
} from '../../../src/shared/domain/barcode'

const rules = [
  { prefix: '21', kind: 'weight' },
  { prefix: '22', kind: 'price' },
] as const

describe('EAN-13 check digits', () => {
  it('accepts real printed EAN-13s and computes their check digits', () => {
    // GS1's own example, an ISBN-13 (Addison-Wesley) and a German retail code.
    for (const code of ['5901234123457', '9780201379624', '4006381333931']) {
      expect(isValidEan13(code), code).toBe(true)
      expect(ean13CheckDigit(code.slice(0, 12))).toBe(Number(code[12]))
    }
  })

  it('refuses a wrong check digit, wrong length or non-digits', () => {
    expect(isValidEan13('5901234123458')).toBe(false)
    expect(isValidEan13('590123412345')).toBe(false)
    expect(isValidEan13('59012341234570')).toBe(false)
    expect(isValidEan13('590123412345A')).toBe(false)
  })

  it('gives 0 when the weighted sum is already a multiple of ten', () => {
    expect(ean13CheckDigit('000000000000')).toBe(0)
    expect(isValidEan13('0000000000000')).toBe(true)
  })
})

describe('weight- and price-embedded barcodes', () => {
  const label = (body12: string) => `${body12}${ean13CheckDigit(body12)}`

  it('reads the grams from a weight label and the product code from its first 7 digits', () => {
    expect(parseEmbeddedBarcode(label('210004201234'), rules)).toEqual({
      kind: 'weight',
      productCode: '2100042',
      value: 1234,
    })
  })

  it('reads the cents from a price label', () => {
    expect(parseEmbeddedBarcode(label('220001700675'), rules)).toEqual({
      kind: 'price',
      productCode: '2200017',
      value: 675,
    })
  })

  it('ignores prefixes the store does not declare, bad check digits and zero values', () => {
    expect(parseEmbeddedBarcode(label('200000010101'), rules)).toBeNull()
    expect(parseEmbeddedBarcode('2100042012340', rules)).toBeNull()
    expect(parseEmbeddedBarcode(label('210004200000'), rules)).toBeNull()
    expect(parseEmbeddedBarcode(label('210004201234'), [])).toBeNull()
    expect(parseEmbeddedBarcode('2100042', rules)).toBeNull()
  })
})

describe('priceForWeight', () => {
  it('rounds half a cent up', () => {
    expect(priceForWeight(100, 5)).toBe(1) // 0.5 cent
    expect(priceForWeight(100, 4)).toBe(0) // 0.4 cent
    expect(priceForWeight(199, 1234)).toBe(246) // 245.566 cents
    expect(priceForWeight(1999, 1000)).toBe(1999)
    expect(priceForWeight(350, 750)).toBe(263) // 262.5 cents
  })
})
