/**
 * Exact conversion between the seed documents' decimal amounts (45.99) and integer cents.
 * A string is read as an exact decimal. A number is a binary double, often the result of client
 * arithmetic (0.1 + 0.2 = 0.30000000000000004): within CENT_TOLERANCE of a whole cent it is that
 * cent; farther away it carries a real fraction of a cent (45.995) and is refused.
 */
const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2})0*)?$/
/** How far (in currency units) a double may sit from a whole cent and still mean that cent. */
export const CENT_TOLERANCE = 1e-6

export function decimalToCents(value: number | string): number {
  if (typeof value === 'number') return doubleToCents(value)
  const text = value.trim()
  const match = DECIMAL.exec(text)
  if (!match) throw new RangeError(`not an amount with at most 2 decimals: ${JSON.stringify(text)}`)
  const [, sign, whole = '0', fraction = ''] = match
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount out of range: ${text}`)
  return sign && cents !== 0 ? -cents : cents
}

function doubleToCents(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError('amount must be a finite number')
  const cents = Math.round(value * 100)
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount out of range: ${value}`)
  if (Math.abs(value - cents / 100) > CENT_TOLERANCE)
    throw new RangeError(`amount has a fraction of a cent: ${value}`)
  return cents === 0 ? 0 : cents
}

export function centsToDecimal(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be a safe integer: ${cents}`)
  const negative = cents < 0
  const digits = String(Math.abs(cents)).padStart(3, '0')
  const text = `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`
  return Number(text)
}
