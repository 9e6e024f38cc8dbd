import { useCallback, useEffect, useState, type DependencyList } from 'react'
import type { EventChannel } from '../../../shared/ipc'
import { errorMessage, pos } from '../pos'

export interface Loaded<T> {
  /** The last value read; kept while a reload (or a read for new deps) runs so nothing flashes away. */
  data: T | null
  /** Why the last settled read failed, in the cashier's language; null once a read succeeds. */
  error: string | null
  /** True until the read for the current deps and attempt has settled. */
  isLoading: boolean
  reload: () => void
}

export interface LoadOptions {
  /** Events after which the value is read again (a change somewhere else announced itself). */
  reloadOn?: readonly EventChannel[]
  /** False skips reading (nothing selected yet); the hook then reports neither data nor loading. */
  isEnabled?: boolean
  /** Turns the failure's message into the sentence shown (usually "Could not …: reason"). */
  describeError?: (message: string) => string
}

interface Settled {
  deps: DependencyList
  attempt: number
  error: string | null
}

function isSameDeps(left: DependencyList, right: DependencyList): boolean {
  return (
    left.length === right.length && left.every((value, index) => Object.is(value, right[index]))
  )
}

/**
 * Reads something when `deps` change, on `reload` and on each `reloadOn` event. An answer from
 * an older read (deps changed or a reload started meanwhile) is dropped, so a slow first read
 * can never overwrite a newer one.
 */
export function useLoad<T>(
  read: () => Promise<T>,
  deps: DependencyList,
  { reloadOn = [], isEnabled = true, describeError = (message) => message }: LoadOptions = {},
): Loaded<T> {
  const [data, setData] = useState<T | null>(null)
  const [settled, setSettled] = useState<Settled | null>(null)
  const [attempt, setAttempt] = useState(0)
  const reload = useCallback(() => setAttempt((count) => count + 1), [])

  useEffect(() => {
    if (!isEnabled) return
    let isCurrent = true
    read().then(
      (value) => {
        if (!isCurrent) return
        setData(value)
        setSettled({ deps, attempt, error: null })
      },
      (failure: unknown) => {
        if (isCurrent) setSettled({ deps, attempt, error: describeError(errorMessage(failure)) })
      },
    )
    return () => {
      isCurrent = false
    }
    // `read` and `deps` are fresh each render; the values inside deps say when to read again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt, isEnabled])

  const events = reloadOn.join(',')
  useEffect(() => {
    if (events === '') return
    const stops = (events.split(',') as EventChannel[]).map((event) => pos.on(event, reload))
    return () => stops.forEach((stop) => stop())
  }, [events, reload])

  const isSettled =
    settled !== null && settled.attempt === attempt && isSameDeps(settled.deps, deps)
  return {
    data: isEnabled ? data : null,
    error: isEnabled ? (settled?.error ?? null) : null,
    isLoading: isEnabled && !isSettled,
    reload,
  }
}
