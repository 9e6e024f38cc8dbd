import { z } from 'zod'

/*
 * The replies of the server's health and conflict routes, as the register reads them. They belong in
 * src/shared/sync/protocol.ts beside the other wire types (the server's HeartbeatRequest too); they
 * live here until that file can take them. Parsing is lenient about extra fields on purpose: a newer
 * server adds figures without breaking an older register.
 */

/** What a register reports about its own outbox (POST /api/sync/heartbeat). */
export interface HeartbeatReport {
  pending: number
  oldestPendingAt: string | null
  deadRecords: number
  deadReasons: { label: string; reason: string }[]
  registerCode: string
  appVersion: string
}

export const HeartbeatReply = z.object({ reportedAt: z.string() })

export const StatsDevice = z.object({
  deviceId: z.string(),
  name: z.string(),
  isRevoked: z.boolean(),
  lastSeenAt: z.string().nullable(),
  cursorLag: z.number().int(),
  openConflicts: z.number().int(),
  rejectedRecords: z.number().int(),
  // Absent from a server older than heartbeats: read as never reported.
  pending: z.number().int().nullable().default(null),
  oldestPendingAt: z.string().nullable().default(null),
  deadRecords: z.number().int().nullable().default(null),
  deadReasons: z.array(z.object({ label: z.string(), reason: z.string() })).default([]),
  registerCode: z.string().nullable().default(null),
  reportedAt: z.string().nullable().default(null),
})
export type StatsDevice = z.infer<typeof StatsDevice>

export const StatsReply = z.object({
  storeId: z.string(),
  headSeq: z.number().int(),
  openConflicts: z.number().int(),
  devices: z.array(StatsDevice),
})
export type StatsReply = z.infer<typeof StatsReply>

export const StoredConflict = z.object({
  conflictId: z.string(),
  entity: z.string(),
  id: z.string(),
  deviceId: z.string(),
  serverVersion: z.number().int(),
  clientData: z.unknown(),
  clientDeleted: z.boolean(),
  serverData: z.unknown().default(null),
  serverDeleted: z.boolean().default(false),
  createdAt: z.string(),
})
export type StoredConflict = z.infer<typeof StoredConflict>

export const ConflictListReply = z.object({ conflicts: z.array(StoredConflict) })

export const ResolveConflictReply = z.object({
  success: z.boolean(),
  conflictId: z.string(),
})
