import { useCallback, useEffect, useRef, useState } from 'react'
import type { EventChannel, EventPayload } from '../../../shared/ipc'
import { errorMessage, pos } from '../pos'

export interface SubscribedLoad<T> {
  /** Null until the first value (read or pushed) has arrived. */
  data: T | null
  /** Why the last read failed; cleared as soon as a value arrives. */
  error: string | null
  /** True while a read is on its way. */
  isLoading: boolean
  /** Applies a value a call returned (a save, Sync now) without waiting for the event. */
  update: (value: T) => void
  /** Reads the value again (after a failed read). */
  reload: () => void
}

/**
 * Reads a value once and then follows the event that pushes its new versions. A pushed value is
 * newer than a read that started before it, so such a read is dropped when it answers late.
 * `onValue` sees every value that is applied (to switch the language, lift a lock…).
 */
export function useSubscribedLoad<E extends EventChannel>(
  read: () => Promise<EventPayload<E>>,
  event: E,
  onValue?: (value: EventPayload<E>) => void,
): SubscribedLoad<EventPayload<E>> {
  type T = EventPayload<E>
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isLoading, setIsLoading] = useState(true)
  const [attempt, setAttempt] = useState(0)
  const pushedCount = useRef(0)
  // The latest callbacks, so a caller may pass inline closures without resubscribing.
  const callbacks = useRef({ read, onValue })
  useEffect(() => {
    callbacks.current = { read, onValue }
  })

  const update = useCallback((value: T) => {
    callbacks.current.onValue?.(value)
    setData(value)
    setError(null)
  }, [])

  useEffect(
    () =>
      pos.on(event, (value) => {
        pushedCount.current += 1
        update(value)
      }),
    [event, update],
  )

  useEffect(() => {
    let isCurrent = true
    const pushedBefore = pushedCount.current
    callbacks.current.read().then(
      (value) => {
        if (!isCurrent) return
        setIsLoading(false)
        if (pushedCount.current === pushedBefore) update(value)
      },
      (failure: unknown) => {
        if (!isCurrent) return
        setIsLoading(false)
        setError(errorMessage(failure))
      },
    )
    return () => {
      isCurrent = false
    }
  }, [attempt, update])

  const reload = useCallback(() => {
    setIsLoading(true)
    setAttempt((count) => count + 1)
  }, [])

  return { data, error, isLoading, update, reload }
}
