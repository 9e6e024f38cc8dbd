/** CSV as spreadsheets read it (RFC 4180): CRLF rows, quoted fields where needed, exact money. */

/** A number written as is; `{ number }` carries an exact decimal as text (money). */
export type CsvValue = string | number | null | { number: string }

/** A text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/

export function csvField(value: CsvValue): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  if (typeof value === 'object') return value.number
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/** Digits after the point of a currency (2 for USD, 0 for JPY, 3 for KWD); 2 when unknown. */
export function currencyDigits(currency: string | undefined): number {
  if (!currency) return 2
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

/**
 * Minor units as a decimal amount, exactly (no floating point): 12345 → "123.45", -5 → "-0.05".
 * Kept as text so the CSV holds the exact figure; numbers are written without quotes.
 */
export function moneyText(cents: number, digits: number): { number: string } {
  const negative = cents < 0
  const units = BigInt(Math.abs(cents)).toString()
  if (digits === 0) return { number: `${negative ? '-' : ''}${units}` }
  const padded = units.padStart(digits + 1, '0')
  const whole = padded.slice(0, -digits)
  const fraction = padded.slice(-digits)
  return { number: `${negative ? '-' : ''}${whole}.${fraction}` }
}
