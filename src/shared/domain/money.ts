import { DomainError } from './errors'

/** Integer minor units of a currency (cents for USD, yen for JPY, fils for KWD); always a safe integer. */
export type Cents = number

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value)
}

const maxSafeCents = BigInt(Number.MAX_SAFE_INTEGER)

/** Converts an exact bigint result back to Cents, refusing values a number cannot hold exactly. */
export function toCents(value: bigint): Cents {
  if (value > maxSafeCents || value < -maxSafeCents) {
    throw new DomainError('AMOUNT_OUT_OF_RANGE', `Amount ${value} is too large to hold exactly`)
  }
  return Number(value)
}

// Building an Intl.NumberFormat costs far more than formatting, and a till formats constantly.
const formatters = new Map<string, Intl.NumberFormat>()

function currencyFormatter(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`
  const cached = formatters.get(key)
  if (cached) return cached
  let formatter: Intl.NumberFormat
  try {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency })
  } catch (error) {
    if (error instanceof RangeError) {
      throw new DomainError(
        'INVALID_CURRENCY',
        `Unknown currency or locale: ${currency} ${locale ?? ''}`,
      )
    }
    throw error
  }
  formatters.set(key, formatter)
  return formatter
}

/** Digits after the decimal point as Intl (CLDR) knows them: USD 2, JPY 0, KWD 3. */
export function currencyExponent(currency: string): number {
  return currencyFormatter(currency, 'en-US').resolvedOptions().maximumFractionDigits ?? 2
}

function isNumericLiteral(text: string): text is Intl.StringNumericLiteral {
  return /^-?\d+(\.\d+)?$/.test(text)
}

/**
 * Minor units as a plain decimal with `exponent` digits after the point ("3.50", "-0.05", "350"
 * for exponent 0): the one cents-to-text conversion, exact for any safe integer because it works
 * on the digits, never divides a float.
 */
export function decimalText(cents: Cents, exponent: number): string {
  if (!isCents(cents)) {
    throw new DomainError('INVALID_AMOUNT', `Amount must be whole minor units, got ${cents}`)
  }
  const magnitude = BigInt(Math.abs(cents))
    .toString()
    .padStart(exponent + 1, '0')
  const sign = cents < 0 ? '-' : ''
  if (exponent === 0) return `${sign}${magnitude}`
  const wholeDigits = magnitude.slice(0, magnitude.length - exponent)
  return `${sign}${wholeDigits}.${magnitude.slice(magnitude.length - exponent)}`
}

/** Minor units as the plain decimal a cashier types ("20.00", "350" in JPY), which parseMoney reads. */
export function moneyText(cents: Cents, currency: string): string {
  return decimalText(cents, currencyExponent(currency))
}

/** The minus sign on every negative amount (refunds, discounts, shortfalls): U+2212, never "-". */
export const minusSign = '\u2212'

const rightToLeftLocale = /^(ar|fa|he|ur)(-|$)/i
const latinLetter = /[A-Za-z]/

/**
 * Formats minor units as currency text; goes through a decimal string so large amounts stay exact.
 * `locale` may carry the digits to use ("ar-u-nu-arab" for ٠١٢, "ar-u-nu-latn" for 012). A negative
 * amount always reads with U+2212. In a right-to-left locale a Latin symbol ("US$") is wrapped in a
 * left-to-right isolate, so the bidi algorithm cannot split it around the number ("$US 11.54",
 * "$-3.75 US"); printers strip the isolate marks.
 */
export function formatMoney(cents: Cents, currency: string, locale?: string): string {
  const decimal = moneyText(cents, currency)
  if (!isNumericLiteral(decimal)) throw new Error(`Built a malformed decimal: ${decimal}`)
  const formatter = currencyFormatter(currency, locale)
  const isRightToLeft = rightToLeftLocale.test(formatter.resolvedOptions().locale)
  let text = ''
  for (const part of formatter.formatToParts(decimal)) {
    if (part.type === 'minusSign') text += minusSign
    else if (part.type === 'currency' && isRightToLeft && latinLetter.test(part.value))
      text += `\u2066${part.value}\u2069`
    else text += part.value
  }
  return text
}

// Digits with optional thousands commas (strictly groups of three, so "12,50" is not read as 1250).
const moneyPattern = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/

/**
 * Reads a plain non-negative decimal ("12.5", "1,234.50", ".75") into minor units with
 * `exponent` digits after the point: the one text-to-cents conversion. Returns null for anything
 * else, including more decimals than `exponent`.
 */
export function parseDecimal(text: string, exponent: number): Cents | null {
  const match = moneyPattern.exec(text.trim())
  if (!match) return null
  const wholeDigits = (match[1] ?? '').replaceAll(',', '')
  const fractionDigits = match[2] ?? ''
  if (wholeDigits === '' && fractionDigits === '') return null
  if (fractionDigits.length > exponent) return null
  const minorUnits = BigInt(`${wholeDigits || '0'}${fractionDigits.padEnd(exponent, '0')}`)
  return minorUnits > maxSafeCents ? null : Number(minorUnits)
}

/** Reads what a cashier types into minor units of `currency` (see parseDecimal); null if not money. */
export function parseMoney(text: string, currency: string): Cents | null {
  return parseDecimal(text, currencyExponent(currency))
}
