/** Prices typed in the store's currency (its own decimals: 2 for USD, 3 for KWD, 0 for JPY). */

export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

/** Minor units from what was typed ("3.20" → 320), NaN when it is not an amount. */
export function minorUnitsOf(text: string, currency: string): number {
  const digits = currencyDigits(currency)
  const trimmed = text.trim()
  const pattern = digits > 0 ? new RegExp(`^\\d+(\\.\\d{0,${digits}})?$`) : /^\d+$/
  if (!pattern.test(trimmed)) return Number.NaN
  const [whole, fraction = ''] = trimmed.split('.')
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0')
}

/** Minor units as the editor shows them ("3.20"), without a currency sign. */
export function amountText(minorUnits: number, currency: string): string {
  const digits = currencyDigits(currency)
  return (minorUnits / 10 ** digits).toFixed(digits)
}

export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency)
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
      minorUnits / 10 ** digits,
    )
  } catch {
    return amountText(minorUnits, currency)
  }
}
