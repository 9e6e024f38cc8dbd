import { i18n } from '../../i18n'

/** A parked sale's age to the minute: "just now", "12 min ago", "2 h 5 min ago", "3 d ago". */
export function parkedAge(createdAt: string, nowMs: number): string {
  const then = Date.parse(createdAt)
  if (Number.isNaN(then)) return ''
  const minutes = Math.floor(Math.max(0, nowMs - then) / 60_000)
  if (minutes < 1) return i18n.t('register:age.justNow')
  if (minutes < 60) return i18n.t('register:age.minutes', { minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 24)
    return minutes % 60 === 0
      ? i18n.t('register:age.hours', { hours })
      : i18n.t('register:age.hoursMinutes', { hours, minutes: minutes % 60 })
  return i18n.t('register:age.days', { days: Math.floor(hours / 24) })
}
