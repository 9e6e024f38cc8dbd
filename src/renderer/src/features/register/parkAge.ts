/** A parked sale's age to the minute: "just now", "12 min ago", "2 h 5 min ago", "3 d ago". */
export function parkedAge(createdAt: string, nowMs: number): string {
  const then = Date.parse(createdAt)
  if (Number.isNaN(then)) return ''
  const minutes = Math.floor(Math.max(0, nowMs - then) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 24)
    return minutes % 60 === 0 ? `${hours} h ago` : `${hours} h ${minutes % 60} min ago`
  return `${Math.floor(hours / 24)} d ago`
}
