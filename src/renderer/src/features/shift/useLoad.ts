import { useCallback, useEffect, useState } from 'react'
import { errorMessage } from '../../pos'

export interface Loaded<T> {
  /** The last value read; kept while a reload runs so figures do not flash away. */
  data: T | null
  error: string | null
  isLoading: boolean
  reload: () => void
}

/** Reads something once per `key` (and on reload); a stale answer from an older read is dropped. */
export function useLoad<T>(key: string, read: () => Promise<T>, failurePrefix: string): Loaded<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  // Which read last finished; the read for the current key and attempt is loading until it has.
  const [settledRead, setSettledRead] = useState<string | null>(null)
  const currentRead = `${attempt}:${key}`

  useEffect(() => {
    let isCurrent = true
    read().then(
      (value) => {
        if (!isCurrent) return
        setData(value)
        setError(null)
        setSettledRead(currentRead)
      },
      (failure: unknown) => {
        if (!isCurrent) return
        setError(`${failurePrefix}: ${errorMessage(failure)}`)
        setSettledRead(currentRead)
      },
    )
    return () => {
      isCurrent = false
    }
    // `read` is a fresh closure each render; the key and attempt say when to read again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentRead])

  const reload = useCallback(() => setAttempt((count) => count + 1), [])
  return { data, error, isLoading: settledRead !== currentRead, reload }
}
