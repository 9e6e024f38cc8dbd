import type { ServerRecord } from '../../shared/sync'
import type { syncRecords } from '../db/schema'

export type RecordRow = typeof syncRecords.$inferSelect

export function toServerRecord(row: RecordRow): ServerRecord {
  return {
    entity: row.entity as ServerRecord['entity'],
    id: row.id,
    version: row.version,
    seq: row.seq,
    hash: row.hash,
    deleted: row.deleted,
    data: row.data ?? null,
    deviceId: row.lastDeviceId,
    updatedAt: row.updatedAt.toISOString(),
  }
}
