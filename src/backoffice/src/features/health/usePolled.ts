import { useCallback, useEffect, useState } from 'react'
import { errorSentence } from '../../forms/errorText'
import { useTranslation } from '../../i18n'

export interface Polled<T> {
  /** The last good answer; kept while a later read fails, so the page never goes blank. */
  value: T | null
  /** Why the last read failed, or null. */
  error: string | null
  /** When the last good answer arrived (page clock, ms). */
  updatedAt: number | null
  refresh: () => void
}

/**
 * Reads now, then again `intervalMs` after each answer (never two reads at once); `refresh`
 * reads at once and restarts the wait.
 */
export function usePolled<T>(read: () => Promise<T>, intervalMs: number): Polled<T> {
  const { t } = useTranslation('common')
  const [value, setValue] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [updatedAt, setUpdatedAt] = useState<number | null>(null)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    let isCurrent = true
    let timer: ReturnType<typeof setTimeout> | undefined
    read()
      .then((answer) => {
        if (!isCurrent) return
        setValue(answer)
        setError(null)
        setUpdatedAt(Date.now())
      })
      .catch((caught: unknown) => {
        if (isCurrent) setError(errorSentence(caught, t))
      })
      .finally(() => {
        if (isCurrent) timer = setTimeout(() => setGeneration((count) => count + 1), intervalMs)
      })
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
    // `read` is rebuilt on every render; the generation decides when to read again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [generation, intervalMs, t])

  const refresh = useCallback(() => setGeneration((count) => count + 1), [])
  return { value, error, updatedAt, refresh }
}

/** The page clock, ticking every `tickMs`, for "updated … ago". */
export function useNow(tickMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs)
    return () => clearInterval(timer)
  }, [tickMs])
  return now
}
