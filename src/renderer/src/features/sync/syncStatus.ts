import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import { i18n } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { SyncCounts, SyncStatusView } from '../../types'

export interface SyncStatusState {
  /** Null until the first status (read or pushed) has arrived. */
  status: SyncStatusView | null
  /** Why the first read failed; cleared as soon as a status arrives. */
  error: string | null
  /** Applies the status a call returned (Sync now, enroll, retry) without waiting for the event. */
  update: (status: SyncStatusView) => void
  /** Reads the status again after a failed read. */
  reload: () => void
}

export const SyncStatusContext = createContext<SyncStatusState | null>(null)

/** The register's sync status as the whole app sees it: one subscription, shared by every screen. */
export function useSyncStatus(): SyncStatusState {
  const state = useContext(SyncStatusContext)
  if (!state) throw new Error('useSyncStatus used outside SyncStatusContext')
  return state
}

/** Sales still on their way to the server: waiting, being sent, or retrying after an error. */
export function unsentCount(counts: SyncCounts): number {
  return counts.pending + counts.inFlight + counts.failed
}

/** Reads sync:getStatus once and then follows sync:statusChanged; mounted once, at the app level. */
export function useSyncStatusSource(): SyncStatusState {
  const [status, setStatus] = useState<SyncStatusView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  // A pushed status is newer than a read that started before it, so that read is dropped.
  const pushedCount = useRef(0)

  useEffect(
    () =>
      pos.on('sync:statusChanged', (next) => {
        pushedCount.current += 1
        setStatus(next)
        setError(null)
      }),
    [],
  )

  useEffect(() => {
    let isCurrent = true
    const pushedBefore = pushedCount.current
    pos.invoke('sync:getStatus').then(
      (next) => {
        if (!isCurrent || pushedCount.current !== pushedBefore) return
        setStatus(next)
        setError(null)
      },
      (failure: unknown) => {
        if (isCurrent)
          setError(i18n.t('sync:screen.statusFailed', { error: errorMessage(failure) }))
      },
    )
    return () => {
      isCurrent = false
    }
  }, [attempt])

  const update = useCallback((next: SyncStatusView) => {
    setStatus(next)
    setError(null)
  }, [])
  const reload = useCallback(() => setAttempt((count) => count + 1), [])

  return useMemo(() => ({ status, error, update, reload }), [status, error, update, reload])
}
