import type { Choice } from '../../components/Field'

/** Every IANA zone the browser knows, UTC first (some engines leave it out of the list). */
export function timeZoneChoices(): Choice[] {
  const zones = Intl.supportedValuesOf('timeZone')
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')].map((zone) => ({
    value: zone,
    label: zone.replaceAll('_', ' '),
  }))
}

/** The zone this browser is in: a good first guess for a store's. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** ISO 4217 codes with their names in the UI language ("EGP — Egyptian Pound"). */
export function currencyChoices(locale: string): Choice[] {
  let names: Intl.DisplayNames | null = null
  try {
    names = new Intl.DisplayNames([locale], { type: 'currency' })
  } catch {
    names = null
  }
  return Intl.supportedValuesOf('currency').map((code) => {
    const name = names?.of(code)
    return { value: code, label: name && name !== code ? `${code} — ${name}` : code }
  })
}

/** A current value missing from a list (an old zone name) is still shown and kept. */
export function withValue(choices: Choice[], value: string): Choice[] {
  return value === '' || choices.some((choice) => choice.value === value)
    ? choices
    : [{ value, label: value }, ...choices]
}
