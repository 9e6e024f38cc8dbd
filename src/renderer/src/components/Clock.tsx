import { useEffect, useMemo, useState } from 'react'

export function Clock({ locale }: { locale: string }) {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 10_000)
    return () => window.clearInterval(timer)
  }, [])
  const format = useMemo(
    () => new Intl.DateTimeFormat(locale, { weekday: 'short', hour: 'numeric', minute: '2-digit' }),
    [locale],
  )
  return (
    <time className="clock" dateTime={now.toISOString()}>
      {format.format(now)}
    </time>
  )
}
