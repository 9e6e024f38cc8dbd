import { useEffect, useState } from 'react'
import { i18n } from '../../i18n'

/** A span of time in the largest whole unit: "12 s", "3 min", "2 h", "4 d". */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000))
  if (seconds < 60) return i18n.t('sync:time.seconds', { count: seconds })
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return i18n.t('sync:time.minutes', { count: minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return i18n.t('sync:time.hours', { count: hours })
  return i18n.t('sync:time.days', { count: Math.floor(hours / 24) })
}

/** "12 s ago" from a stored timestamp; a time slightly in the future (clock skew) is "just now". */
export function formatTimeAgo(iso: string, nowMs: number): string {
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return iso
  const elapsed = nowMs - then
  return elapsed < 1000
    ? i18n.t('sync:time.justNow')
    : i18n.t('sync:time.ago', { duration: formatDuration(elapsed) })
}

/** How long ago a stored timestamp was, for ages ("waiting 3 min"). */
export function elapsedSince(iso: string, nowMs: number): number {
  const then = Date.parse(iso)
  return Number.isNaN(then) ? 0 : nowMs - then
}

/** The current time, refreshed every `intervalMs` while the component is mounted. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs)
    return () => window.clearInterval(timer)
  }, [intervalMs])
  return now
}
