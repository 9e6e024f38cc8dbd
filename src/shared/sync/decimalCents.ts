/**
 * Exact conversion between the seed documents' decimal amounts (45.99) and integer cents.
 * Works on the decimal string, never multiplies a float: 0.07 * 100 would give 7.000000000000001.
 */
const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2})0*)?$/

export function decimalToCents(value: number | string): number {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim()
  const match = DECIMAL.exec(text)
  if (!match) throw new RangeError(`not an amount with at most 2 decimals: ${text}`)
  const [, sign, whole = '0', fraction = ''] = match
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount out of range: ${text}`)
  return sign && cents !== 0 ? -cents : cents
}

export function centsToDecimal(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be a safe integer: ${cents}`)
  const negative = cents < 0
  const digits = String(Math.abs(cents)).padStart(3, '0')
  const text = `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`
  return Number(text)
}

/** `String(1e21)` is exponential; amounts that large are refused anyway, so only guard the shape. */
function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError('amount must be finite')
  const text = String(value)
  if (/e/i.test(text)) throw new RangeError(`amount not representable exactly: ${text}`)
  return text
}
