import { createContext, useContext, useMemo } from 'react'
import { useSubscribedLoad } from '../../hooks/useSubscribedLoad'
import { i18n } from '../../i18n'
import { pos } from '../../pos'
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
  const source = useSubscribedLoad(() => pos.invoke('sync:getStatus'), 'sync:statusChanged')
  const { data: status, update, reload } = source
  const error = source.error && i18n.t('sync:screen.statusFailed', { error: source.error })
  return useMemo(() => ({ status, error, update, reload }), [status, error, update, reload])
}
