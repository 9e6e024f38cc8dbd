import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  asciiDigits,
  currencyExponent,
  decimalText,
  DomainError,
  formatMoney,
  isCents,
  minusSign,
  moneyText,
  parseDecimal,
  parseMoney,
} from '../../../src/shared/domain'
import { displayLocale } from '../../../src/shared/store/registerConfig'

describe('isCents', () => {
  it('accepts safe integers only', () => {
    expect(isCents(1250)).toBe(true)
    expect(isCents(-5)).toBe(true)
    expect(isCents(12.5)).toBe(false)
    expect(isCents(Number.MAX_SAFE_INTEGER + 1)).toBe(false)
    expect(isCents(Number.NaN)).toBe(false)
    expect(isCents('1250')).toBe(false)
  })
})

describe('currencyExponent', () => {
  it('knows how many minor digits a currency has', () => {
    expect(currencyExponent('USD')).toBe(2)
    expect(currencyExponent('EUR')).toBe(2)
    expect(currencyExponent('JPY')).toBe(0)
    expect(currencyExponent('KWD')).toBe(3)
  })

  it('rejects a malformed currency code', () => {
    expect(() => currencyExponent('US')).toThrow(DomainError)
  })
})

describe('formatMoney', () => {
  it('formats dollars and cents', () => {
    expect(formatMoney(123450, 'USD', 'en-US')).toBe('$1,234.50')
    expect(formatMoney(5, 'USD', 'en-US')).toBe('$0.05')
    expect(formatMoney(-250, 'USD', 'en-US')).toBe('\u2212$2.50')
    expect(formatMoney(0, 'USD', 'en-US')).toBe('$0.00')
  })

  it('formats yen, which has no minor unit, without dividing by 100', () => {
    expect(formatMoney(1250, 'JPY', 'en-US')).toBe('¥1,250')
    expect(formatMoney(1250, 'JPY', 'ja-JP')).toBe('￥1,250')
  })

  it('formats three-digit currencies and other locales', () => {
    // ICU separates a currency code, and the German euro sign, with a non-breaking space.
    expect(formatMoney(1234, 'KWD', 'en-US')).toBe('KWD\u00a01.234')
    expect(formatMoney(123450, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€')
  })

  it('stays exact at the largest safe amount, where float division would not', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en-US')).toBe('$90,071,992,547,409.91')
  })

  it('refuses a fractional cent', () => {
    expect(() => formatMoney(12.5, 'USD')).toThrow(DomainError)
  })

  it('writes every negative amount with the minus sign U+2212, never a hyphen', () => {
    for (const locale of ['en-US', 'de-DE', 'ar-u-nu-latn', 'ar-u-nu-arab']) {
      const text = formatMoney(-375, 'USD', locale)
      expect(text).toContain(minusSign)
      expect(text).not.toContain('-')
    }
    expect(formatMoney(375, 'USD', 'ar-u-nu-latn')).not.toContain(minusSign)
  })

  it('keeps a Latin currency symbol whole in Arabic, so "US$" never splits around the number', () => {
    const isolated = '\u2066US$\u2069'
    expect(formatMoney(1154, 'USD', 'ar-u-nu-latn')).toBe(`\u200f11.54\u00a0${isolated}`)
    expect(formatMoney(-375, 'USD', 'ar-u-nu-latn')).toBe(`\u200f\u200e\u22123.75\u00a0${isolated}`)
    // An Arabic symbol needs no isolate; English never gets one.
    expect(formatMoney(1154, 'SAR', 'ar-u-nu-latn')).not.toMatch(/[\u2066-\u2069]/)
    expect(formatMoney(1154, 'USD', 'en-US')).toBe('$11.54')
  })

  it('uses Latin or Arabic-Indic digits as the register locale says', () => {
    expect(formatMoney(123450, 'USD', 'ar-u-nu-latn')).toMatch(/1,234\.50/)
    const arabic = formatMoney(123450, 'USD', 'ar-u-nu-arab')
    expect(arabic).toContain('\u0661\u066c\u0662\u0663\u0664\u066b\u0665\u0660')
    expect(arabic).not.toMatch(/[0-9]/)
    // What a cashier reads back converts to the same amount.
    expect(
      parseMoney(asciiDigits(arabic.replace(/[^\u0660-\u0669\u066b\u066c]/g, '')), 'USD'),
    ).toBe(123450)
  })

  it('follows the store currency in Arabic (three-digit dinar, no-decimal yen)', () => {
    expect(formatMoney(1234, 'KWD', 'ar-u-nu-latn')).toContain('1.234')
    expect(formatMoney(1250, 'JPY', 'ar-u-nu-latn')).toContain('1,250')
  })
})

describe('displayLocale', () => {
  it('is the store locale in English and Arabic with the register digits in Arabic', () => {
    expect(displayLocale('en', 'en-US', 'arab')).toBe('en-US')
    expect(displayLocale('ar', 'en-US', 'latn')).toBe('ar-u-nu-latn')
    expect(displayLocale('ar', 'en-US', 'arab')).toBe('ar-u-nu-arab')
  })
})

describe('parseMoney', () => {
  it('reads what a cashier types', () => {
    expect(parseMoney('12.5', 'USD')).toBe(1250)
    expect(parseMoney('12.50', 'USD')).toBe(1250)
    expect(parseMoney('12', 'USD')).toBe(1200)
    expect(parseMoney('1,234.50', 'USD')).toBe(123450)
    expect(parseMoney('1,234,567', 'USD')).toBe(123456700)
    expect(parseMoney('.75', 'USD')).toBe(75)
    expect(parseMoney('12.', 'USD')).toBe(1200)
    expect(parseMoney('  7 ', 'USD')).toBe(700)
    expect(parseMoney('0', 'USD')).toBe(0)
  })

  it('returns null for text that is not an amount', () => {
    for (const text of ['', '   ', '.', 'abc', '12a', '1.2.3', '$12', '1e3', '+5']) {
      expect(parseMoney(text, 'USD'), text).toBeNull()
    }
  })

  it('returns null for negatives and for more decimals than the currency has', () => {
    expect(parseMoney('-5', 'USD')).toBeNull()
    expect(parseMoney('-0.01', 'USD')).toBeNull()
    expect(parseMoney('12.345', 'USD')).toBeNull()
    expect(parseMoney('12.5', 'JPY')).toBeNull()
    expect(parseMoney('1.2345', 'KWD')).toBeNull()
  })

  it('refuses commas that are not thousands groups, since "12,50" may mean 12.50', () => {
    expect(parseMoney('12,50', 'USD')).toBeNull()
    expect(parseMoney('1,2345', 'USD')).toBeNull()
    expect(parseMoney(',123', 'USD')).toBeNull()
  })

  it('scales by the currency exponent', () => {
    expect(parseMoney('1,250', 'JPY')).toBe(1250)
    expect(parseMoney('1.234', 'KWD')).toBe(1234)
    expect(parseMoney('1.2', 'KWD')).toBe(1200)
  })

  it('returns null for an amount too large to hold exactly', () => {
    expect(parseMoney('90071992547409.91', 'USD')).toBe(Number.MAX_SAFE_INTEGER)
    expect(parseMoney('90071992547409.92', 'USD')).toBeNull()
  })
})

describe('moneyText', () => {
  it('writes the plain decimal a cashier types, in the currency’s own shape', () => {
    expect(moneyText(2000, 'USD')).toBe('20.00')
    expect(moneyText(5, 'USD')).toBe('0.05')
    expect(moneyText(350, 'JPY')).toBe('350')
    expect(moneyText(1250, 'KWD')).toBe('1.250')
    expect(moneyText(-250, 'USD')).toBe('-2.50')
  })

  it('is read back exactly by parseMoney', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('USD', 'JPY', 'KWD'),
        (cents, currency) => parseMoney(moneyText(cents, currency), currency) === cents,
      ),
    )
  })

  it('is read back by parseDecimal at a fixed exponent, as the CSV import reads prices', () => {
    expect(parseDecimal(decimalText(350, 2), 2)).toBe(350)
    expect(parseDecimal('3.5', 2)).toBe(350)
    expect(parseDecimal('1.005', 2)).toBeNull()
    expect(parseDecimal('-1', 2)).toBeNull()
  })

  it('keeps two decimals for the CSV whatever the amount, exact at the largest safe one', () => {
    expect(decimalText(350, 2)).toBe('3.50')
    expect(decimalText(0, 2)).toBe('0.00')
    expect(decimalText(Number.MAX_SAFE_INTEGER, 2)).toBe('90071992547409.91')
    expect(() => decimalText(1.5, 2)).toThrow(DomainError)
  })
})

describe('asciiDigits', () => {
  it('reads Arabic-Indic and Eastern Arabic-Indic digits and separators as ASCII', () => {
    expect(asciiDigits('١٢٣٫٤٥')).toBe('123.45')
    expect(asciiDigits('۰۹۸۷')).toBe('0987')
    expect(asciiDigits('١٬٢٣٤٫٥٠')).toBe('1,234.50')
    expect(parseMoney(asciiDigits('١٬٢٣٤٫٥٠'), 'USD')).toBe(123450)
    expect(asciiDigits('Latte 4.75 ر.س')).toBe('Latte 4.75 ر.س')
  })
})
