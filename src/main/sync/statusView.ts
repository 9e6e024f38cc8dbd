import type { z } from 'zod'
import type { EnrollmentState, SyncState, SyncStatusView } from '../../shared/ipc/syncSchemas'
import type { RegisterEvents } from '../events'
import type { SyncOutboxRepository, SyncStateRepository } from '../store/syncRepositories'
import type { SyncStateRow } from '../store/syncStateRepository'

export type StatusView = z.infer<typeof SyncStatusView>

export function enrollmentOf(
  row: SyncStateRow | null,
  fingerprint: string,
): z.infer<typeof EnrollmentState> {
  if (!row?.serverUrl) return 'not_enrolled'
  if (row.enrolledFingerprint && row.enrolledFingerprint !== fingerprint)
    return 'needs_reenrollment'
  if (row.isRevoked) return 'revoked'
  // Enrolled once, but its tokens are gone (a restored backup, a lost token vault): it belongs to
  // a store, so joining again is a re-enrollment (an admin's), never a first enrollment.
  if (!row.refreshToken) return 'needs_reenrollment'
  return 'enrolled'
}

export interface RuntimeState {
  state: z.infer<typeof SyncState>
  pull: StatusView['pull']
  isRealtimeConnected: boolean
}

export function buildStatusView(
  outbox: Pick<SyncOutboxRepository, 'counts' | 'oldestUnsyncedAt'>,
  row: SyncStateRow | null,
  fingerprint: string,
  runtime: RuntimeState,
): StatusView {
  return {
    enrollment: enrollmentOf(row, fingerprint),
    state: runtime.state,
    serverUrl: row?.serverUrl ?? null,
    storeId: row?.storeId ?? null,
    counts: outbox.counts(),
    oldestPendingAt: outbox.oldestUnsyncedAt(),
    lastSuccessAt: row?.lastSuccessAt ?? null,
    lastError:
      row?.lastError && row.lastErrorAt ? { message: row.lastError, at: row.lastErrorAt } : null,
    pull: runtime.pull,
    isRealtimeConnected: runtime.isRealtimeConnected,
  }
}

export interface StatusReporter {
  /** The status as it is now, read live. */
  status(): StatusView
  /** Reads the status and emits sync:statusChanged when it differs from the last one emitted. */
  emit(): StatusView
}

export function createStatusReporter(options: {
  syncState: SyncStateRepository
  outbox: Pick<SyncOutboxRepository, 'counts' | 'oldestUnsyncedAt'>
  fingerprint: string
  runtime: RuntimeState
  events: RegisterEvents
}): StatusReporter {
  let lastEmitted = ''
  const status = () =>
    buildStatusView(options.outbox, options.syncState.get(), options.fingerprint, options.runtime)
  return {
    status,
    emit() {
      const view = status()
      const key = JSON.stringify(view)
      if (key === lastEmitted) return view
      lastEmitted = key
      options.events.emit('sync:statusChanged', view)
      return view
    },
  }
}
