import { useEffect, useMemo, useState } from 'react'
import { useLocale } from '../i18n'

/** `locale` is the store's; an Arabic UI shows the time in Arabic. */
export function Clock({ locale: storeLocale }: { locale: string }) {
  const locale = useLocale(storeLocale)
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
