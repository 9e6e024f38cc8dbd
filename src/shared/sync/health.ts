import { z } from 'zod'
import { ServerRecord } from './protocol'

/*
 * The health and conflict routes: what a register reports and what the server answers. The server
 * checks what it is sent strictly; the register reads replies leniently about extra fields on
 * purpose, so a newer server adds figures without breaking an older register.
 */

export const MAX_DEAD_REASONS = 20

const Count = z.number().int().min(0).max(1_000_000_000)
const DeadReason = z.object({ label: z.string(), reason: z.string() })

/** What a register reports about its own outbox (POST /api/sync/heartbeat). */
export const HeartbeatRequest = z.strictObject({
  /** Local changes not yet confirmed by the server (pending, in flight, failed). */
  pending: Count,
  oldestPendingAt: z.iso.datetime({ offset: true }).nullable(),
  /** Changes the server refused for good: they wait for a person. */
  deadRecords: Count,
  deadReasons: z
    .array(z.strictObject({ label: z.string().max(200), reason: z.string().max(500) }))
    .max(MAX_DEAD_REASONS),
  registerCode: z.string().min(1).max(32),
  appVersion: z.string().min(1).max(64),
})
export type HeartbeatRequest = z.infer<typeof HeartbeatRequest>

export const HeartbeatResponse = z.object({ reportedAt: z.string() })
export type HeartbeatResponse = z.infer<typeof HeartbeatResponse>

/** One device in the stats reply: server figures, then what it last reported (null: never). */
export const StatsDevice = z.object({
  deviceId: z.string(),
  name: z.string(),
  role: z.string().optional(),
  isRevoked: z.boolean(),
  lastSeenAt: z.string().nullable(),
  cursorSeq: z.number().int().optional(),
  cursorLag: z.number().int(),
  openConflicts: z.number().int(),
  rejectedRecords: z.number().int(),
  // Absent from a server older than heartbeats: read as never reported.
  pending: z.number().int().nullable().default(null),
  oldestPendingAt: z.string().nullable().default(null),
  deadRecords: z.number().int().nullable().default(null),
  deadReasons: z.array(DeadReason).default([]),
  registerCode: z.string().nullable().default(null),
  appVersion: z.string().nullable().default(null),
  reportedAt: z.string().nullable().default(null),
})
export type StatsDevice = z.infer<typeof StatsDevice>

/** GET /api/sync/stats: sync health of one store. */
export const StatsResponse = z.object({
  storeId: z.string(),
  headSeq: z.number().int(),
  records: z.number().int().optional(),
  tombstones: z.number().int().optional(),
  recordsByEntity: z.record(z.string(), z.number().int()).optional(),
  openConflicts: z.number().int(),
  rejectedRecords: z.number().int().optional(),
  devices: z.array(StatsDevice),
})
export type StatsResponse = z.infer<typeof StatsResponse>

/** A conflict the server stored for a person to settle, with the server's current copy. */
export const StoredConflict = z.object({
  conflictId: z.string(),
  entity: z.string(),
  id: z.string(),
  deviceId: z.string(),
  baseVersion: z.number().int().optional(),
  serverVersion: z.number().int(),
  clientData: z.unknown(),
  clientDeleted: z.boolean(),
  /** The record as the server holds it now (null when it has none). */
  serverData: z.unknown().default(null),
  serverDeleted: z.boolean().default(false),
  status: z.string().optional(),
  resolution: z.string().nullable().optional(),
  createdAt: z.string(),
})
export type StoredConflict = z.infer<typeof StoredConflict>

/** GET /api/sync/conflicts. */
export const ConflictListResponse = z.object({ conflicts: z.array(StoredConflict) })
export type ConflictListResponse = z.infer<typeof ConflictListResponse>

/** POST /api/sync/resolve-conflict. */
export const ResolveConflictResponse = z.object({
  success: z.boolean(),
  conflictId: z.string(),
  resolution: z.string().nullable().optional(),
  /** The record after settling, null when the server holds none. */
  record: ServerRecord.nullable().optional(),
})
export type ResolveConflictResponse = z.infer<typeof ResolveConflictResponse>
