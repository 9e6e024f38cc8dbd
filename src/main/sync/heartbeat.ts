import type { RegisterDb } from '../store/database'
import { listDeadEntries, oldestUnsyncedAt, outboxCounts } from '../store/outboxRepository'
import { recordLabel } from '../store/syncRecords'
import { MAX_DEAD_REASONS, type HeartbeatRequest } from '../../shared/sync/health'

/** The server keeps at most MAX_DEAD_REASONS per register, with bounded strings. */
const maxLabelLength = 200
const maxReasonLength = 500

export interface OutboxHealth {
  /** Entries the server has not confirmed yet: pending, in flight and failed (to be retried). */
  pending: number
  oldestPendingAt: string | null
  deadRecords: number
  deadReasons: { label: string; reason: string }[]
}

const clip = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text

/** This register's outbox as the manager console shows it, read live from SQLite. */
export function outboxHealth(db: RegisterDb): OutboxHealth {
  const counts = outboxCounts(db)
  const dead = listDeadEntries(db)
  return {
    pending: counts.pending + counts.inFlight + counts.failed,
    oldestPendingAt: oldestUnsyncedAt(db),
    deadRecords: dead.length,
    deadReasons: dead.slice(0, MAX_DEAD_REASONS).map((entry) => ({
      label: clip(
        entry.orderNumber ?? recordLabel(db, entry.entity, entry.entityId),
        maxLabelLength,
      ),
      reason: clip(entry.lastError ?? 'Refused by the server', maxReasonLength),
    })),
  }
}

export function heartbeatReport(
  db: RegisterDb,
  registerCode: string,
  appVersion: string,
): HeartbeatRequest {
  return { ...outboxHealth(db), registerCode, appVersion }
}
