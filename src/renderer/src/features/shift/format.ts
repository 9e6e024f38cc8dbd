import type { Cents } from '../../../../shared/domain'
import { i18n } from '../../i18n'

const formatters = new Map<string, Intl.DateTimeFormat>()

/** A shift or audit time in the store's locale ("Nov 21, 9:02 AM"); the stored text if unreadable. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  let format = formatters.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    })
    formatters.set(locale, format)
  }
  return format.format(date)
}

/** A tax rate in basis points as a percent: 825 → "8.25%". */
export function formatRate(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 }).format(
    basisPoints / 10_000,
  )
}

export type DifferenceKind = 'over' | 'short' | 'exact'

/** Counted minus expected: more cash than expected is over, less is short. */
export function differenceKind(differenceCents: Cents): DifferenceKind {
  if (differenceCents > 0) return 'over'
  if (differenceCents < 0) return 'short'
  return 'exact'
}

export function differenceLabel(differenceCents: Cents): string {
  return i18n.t(`shift:difference.${differenceKind(differenceCents)}`)
}
