import type { SyncOutboxRepository } from '../store/syncRepositories'
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

type OutboxHealthSource = Pick<SyncOutboxRepository, 'counts' | 'oldestUnsyncedAt' | 'listDead'>

/** This register's outbox as the manager console shows it, read live from SQLite. */
export function outboxHealth(outbox: OutboxHealthSource): OutboxHealth {
  const counts = outbox.counts()
  const dead = outbox.listDead()
  return {
    pending: counts.pending + counts.inFlight + counts.failed,
    oldestPendingAt: outbox.oldestUnsyncedAt(),
    deadRecords: dead.length,
    deadReasons: dead.slice(0, MAX_DEAD_REASONS).map((entry) => ({
      label: clip(entry.label, maxLabelLength),
      reason: clip(entry.lastError ?? 'Refused by the server', maxReasonLength),
    })),
  }
}

export function heartbeatReport(
  outbox: OutboxHealthSource,
  registerCode: string,
  appVersion: string,
): HeartbeatRequest {
  return { ...outboxHealth(outbox), registerCode, appVersion }
}
