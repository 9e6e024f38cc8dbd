import { useEffect, useMemo, useState } from 'react'
import { formatMoney, type Cents } from '../../../../shared/domain'
import { useAppInfo } from '../../appInfo'
import { useLocale } from '../../i18n'

export interface Format {
  locale: string
  money: (cents: Cents) => string
  number: (value: number) => string
  /** A clock time: "14:05" / "٢:٠٥ م". */
  time: (iso: string) => string
  dateTime: (iso: string) => string
  /** "3 minutes ago", "yesterday" in the UI's language. */
  timeAgo: (iso: string, nowMs: number) => string
  /** A span of time in its largest whole unit: "12 sec", "3 min", "2 hr". */
  duration: (milliseconds: number) => string
  /** An hour of the day as a chart label: "9 AM" / "٩ ص". */
  hour: (hour: number) => string
}

const units = [
  { unit: 'day', ms: 86_400_000 },
  { unit: 'hour', ms: 3_600_000 },
  { unit: 'minute', ms: 60_000 },
  { unit: 'second', ms: 1000 },
] as const

/** Largest whole unit of a span (at least seconds), for relative and duration formats. */
export function largestUnit(milliseconds: number): {
  unit: (typeof units)[number]['unit']
  value: number
} {
  const span = Math.abs(milliseconds)
  for (const { unit, ms } of units) {
    if (span >= ms || unit === 'second') return { unit, value: Math.floor(span / ms) }
  }
  return { unit: 'second', value: 0 }
}

/** Numbers, money and times through Intl in the UI's language (Arabic digits in Arabic). */
export function useFormat(): Format {
  const info = useAppInfo()
  const locale = useLocale(info.locale)
  const { currency } = info
  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(locale)
    const timeFormat = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' })
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    })
    const hourFormat = new Intl.DateTimeFormat(locale, { hour: 'numeric' })
    const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
    const durationFormats = new Map(
      units.map(({ unit }) => [
        unit,
        new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }),
      ]),
    )
    const parse = (iso: string) => {
      const date = new Date(iso)
      return Number.isNaN(date.getTime()) ? null : date
    }
    return {
      locale,
      money: (cents) => formatMoney(cents, currency, locale),
      number: (value) => numberFormat.format(value),
      time: (iso) => {
        const date = parse(iso)
        return date ? timeFormat.format(date) : iso
      },
      dateTime: (iso) => {
        const date = parse(iso)
        return date ? dateTimeFormat.format(date) : iso
      },
      timeAgo: (iso, nowMs) => {
        const date = parse(iso)
        if (!date) return iso
        // A time slightly ahead (clock skew between registers) reads as now.
        const elapsed = Math.max(0, nowMs - date.getTime())
        const { unit, value } = largestUnit(elapsed)
        return relativeFormat.format(-value, unit)
      },
      duration: (milliseconds) => {
        const { unit, value } = largestUnit(Math.max(0, milliseconds))
        return durationFormats.get(unit)?.format(value) ?? String(value)
      },
      hour: (hour) => hourFormat.format(new Date(2000, 0, 1, hour)),
    } satisfies Format
  }, [locale, currency])
}

/** The current time, refreshed every `intervalMs` while mounted (for "3 minutes ago"). */
export function useNowMs(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs)
    return () => window.clearInterval(timer)
  }, [intervalMs])
  return now
}
