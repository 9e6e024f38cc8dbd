import type { z } from 'zod'
import type { EnrollmentState, SyncState, SyncStatusView } from '../../shared/ipc/syncSchemas'
import type { RegisterDb } from '../store/database'
import { oldestUnsyncedAt, outboxCounts } from '../store/outboxRepository'
import type { SyncStateRow } from '../store/syncStateRepository'

export type StatusView = z.infer<typeof SyncStatusView>

export function enrollmentOf(
  row: SyncStateRow | null,
  fingerprint: string,
): z.infer<typeof EnrollmentState> {
  if (!row?.serverUrl || !row.refreshToken) return 'not_enrolled'
  if (row.enrolledFingerprint && row.enrolledFingerprint !== fingerprint)
    return 'needs_reenrollment'
  if (row.isRevoked) return 'revoked'
  return 'enrolled'
}

export interface RuntimeState {
  state: z.infer<typeof SyncState>
  pull: StatusView['pull']
  isRealtimeConnected: boolean
}

export function buildStatusView(
  db: RegisterDb,
  row: SyncStateRow | null,
  fingerprint: string,
  runtime: RuntimeState,
): StatusView {
  return {
    enrollment: enrollmentOf(row, fingerprint),
    state: runtime.state,
    serverUrl: row?.serverUrl ?? null,
    storeId: row?.storeId ?? null,
    counts: outboxCounts(db),
    oldestPendingAt: oldestUnsyncedAt(db),
    lastSuccessAt: row?.lastSuccessAt ?? null,
    lastError:
      row?.lastError && row.lastErrorAt ? { message: row.lastError, at: row.lastErrorAt } : null,
    pull: runtime.pull,
    isRealtimeConnected: runtime.isRealtimeConnected,
  }
}
