/** After this long a ticket turns amber, then red: the kitchen sees what waits too long. */
export const warnAfterMs = 5 * 60_000
export const lateAfterMs = 10 * 60_000

export type TicketUrgency = 'fresh' | 'warn' | 'late'

export function ticketUrgency(ageMs: number): TicketUrgency {
  if (ageMs >= lateAfterMs) return 'late'
  if (ageMs >= warnAfterMs) return 'warn'
  return 'fresh'
}

/** "m:ss" (or "h:mm:ss" past an hour) of a wait; a clock behind the arrival reads 0:00. */
export function waitedText(ageMs: number): string {
  const totalSeconds = Math.max(0, Math.floor(ageMs / 1000))
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = String(totalSeconds % 60).padStart(2, '0')
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`
}
