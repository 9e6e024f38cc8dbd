import { useEffect, useState } from 'react'

/** A span of time in the largest whole unit: "12 s", "3 min", "2 h", "4 d". */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} h`
  return `${Math.floor(hours / 24)} d`
}

/** "12 s ago" from a stored timestamp; a time slightly in the future (clock skew) is "just now". */
export function formatTimeAgo(iso: string, nowMs: number): string {
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return iso
  const elapsed = nowMs - then
  return elapsed < 1000 ? 'just now' : `${formatDuration(elapsed)} ago`
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
