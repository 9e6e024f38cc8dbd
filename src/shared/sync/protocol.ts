import { z } from 'zod'
import { EntityName } from './entities'

/** Wire protocol version sent in the `X-Sync-Protocol` header. */
export const SYNC_PROTOCOL_VERSION = 1
export const SYNC_PROTOCOL_HEADER = 'x-sync-protocol'
/**
 * Most records one push may carry (an order envelope counts as one record) unless the server says
 * more: the seed-compatible endpoints keep it, and a register assumes it of a server that does not
 * advertise `maxBatchRecords` (one from before it did).
 */
export const MAX_BATCH_RECORDS = 50
/**
 * Batch-size negotiation, v1 batch-push only. Every push reply carries `maxBatchRecords`, the most
 * records this server takes in one push (its default is SERVER_MAX_BATCH_RECORDS). A register
 * starts at MAX_BATCH_RECORDS and, once a reply has told it, sends min(its preferred size,
 * maxBatchRecords); without the field it stays at MAX_BATCH_RECORDS. A push above the server's
 * maximum is refused with 413 BATCH_TOO_LARGE, as before.
 */
export const SERVER_MAX_BATCH_RECORDS = 500
/**
 * `GET /api/sync/pull-changes?limit=N`: records per page. A client that names no limit gets
 * DEFAULT_PULL_LIMIT; the server answers at most MAX_PULL_LIMIT. The register asks
 * REGISTER_PULL_LIMIT when catching up on a few changes, and BULK_PULL_LIMIT during a first sync
 * (an empty cursor, a 410 RESET, or more than BULK_PULL_BEHIND records behind its head), which it
 * applies many pages to a transaction with the next page already on its way. The seed endpoints
 * keep their own limits (seed.ts).
 */
export const DEFAULT_PULL_LIMIT = 200
export const MAX_PULL_LIMIT = 5000
export const REGISTER_PULL_LIMIT = 1000
export const BULK_PULL_LIMIT = 5000
export const BULK_PULL_BEHIND = 5000

export const ConflictPolicy = z.enum(['server-wins', 'client-wins', 'last-write-wins', 'manual'])
export type ConflictPolicy = z.infer<typeof ConflictPolicy>

/** Identifiers created on the device: UUIDs in practice; any short printable token without spaces. */
export const RecordId = z
  .string()
  .regex(/^[\x21-\x7e]{1,128}$/, 'expected 1-128 printable characters without spaces')

/** One local mutation of one record, as the register's outbox sends it. */
export const Change = z.strictObject({
  /** Unique per device; a replay of the same mutation returns the stored result. */
  mutationId: RecordId,
  entity: EntityName,
  id: RecordId,
  op: z.enum(['upsert', 'delete']),
  /** The server version this edit started from; 0 for a record the device created. */
  baseVersion: z.number().int().nonnegative(),
  /** Entity data (validated per entity on the server); omitted for deletes. */
  data: z.unknown().optional(),
})
export type Change = z.infer<typeof Change>

export const BatchPushRequest = z.strictObject({
  deviceId: RecordId,
  changes: z.array(Change).max(SERVER_MAX_BATCH_RECORDS),
})
export type BatchPushRequest = z.infer<typeof BatchPushRequest>

export const ChangeStatus = z.enum(['applied', 'duplicate', 'conflict', 'rejected', 'retry'])
export type ChangeStatus = z.infer<typeof ChangeStatus>

export const SyncError = z.object({
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
})
export type SyncError = z.infer<typeof SyncError>

/** The server's copy of a record, returned with conflicts so the device can take it. */
export const ServerRecord = z.object({
  entity: EntityName,
  id: RecordId,
  version: z.number().int(),
  seq: z.number().int(),
  hash: z.string(),
  deleted: z.boolean(),
  data: z.unknown().nullable(),
  deviceId: z.string().nullable(),
  updatedAt: z.string(),
})
export type ServerRecord = z.infer<typeof ServerRecord>

export const ChangeResult = z.object({
  mutationId: z.string(),
  entity: EntityName,
  id: RecordId,
  status: ChangeStatus,
  serverVersion: z.number().int().nullable(),
  serverSeq: z.number().int().nullable(),
  serverHash: z.string().nullable(),
  /** How a version conflict was settled, when one occurred. */
  resolution: ConflictPolicy.optional(),
  conflictId: z.string().optional(),
  serverRecord: ServerRecord.optional(),
  error: SyncError.optional(),
})
export type ChangeResult = z.infer<typeof ChangeResult>

export const BatchPushResponse = z.object({
  results: z.array(ChangeResult),
  headSeq: z.number().int(),
  /** The most records this server takes in one push (see SERVER_MAX_BATCH_RECORDS); absent: 50. */
  maxBatchRecords: z.number().int().min(1).optional(),
})
export type BatchPushResponse = z.infer<typeof BatchPushResponse>

export const PullChangesQuery = z.strictObject({
  since: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
})
export type PullChangesQuery = z.infer<typeof PullChangesQuery>

export const PulledChange = z.object({
  entity: EntityName,
  id: RecordId,
  op: z.enum(['upsert', 'delete']),
  version: z.number().int(),
  seq: z.number().int(),
  hash: z.string(),
  data: z.unknown().nullable(),
  deviceId: z.string().nullable(),
  updatedAt: z.string(),
})
export type PulledChange = z.infer<typeof PulledChange>

export const PullChangesResponse = z.object({
  changes: z.array(PulledChange),
  nextSyncToken: z.string(),
  hasMore: z.boolean(),
  headSeq: z.number().int(),
})
export type PullChangesResponse = z.infer<typeof PullChangesResponse>

export const ConflictResolution = z.enum(['keep-server', 'take-client', 'merge'])
export type ConflictResolution = z.infer<typeof ConflictResolution>

export const ResolveConflictRequest = z
  .strictObject({
    conflictId: z.string().uuid(),
    resolution: ConflictResolution,
    /** Required for `merge`: the entity data to keep. */
    mergedData: z.unknown().optional(),
  })
  .refine((value) => value.resolution !== 'merge' || value.mergedData !== undefined, {
    message: 'mergedData is required when resolution is merge',
    path: ['mergedData'],
  })
export type ResolveConflictRequest = z.infer<typeof ResolveConflictRequest>

/** Every error body the sync server sends. */
export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
})
export type ErrorBody = z.infer<typeof ErrorBody>

/**
 * Messages the server sends over /api/sync/ws (clients send nothing). `headSeq` is the store's
 * sync sequence after the commit (for `hello`, at connect): a register whose last complete pull
 * ended at that head or later already holds the change (its own push echoed back) and does
 * nothing; one behind pulls from its cursor at once. A `poke` without `headSeq` (older servers)
 * means only "something changed": pull.
 */
export const ServerSocketMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), storeId: z.string(), headSeq: z.number().int() }),
  z.object({ type: z.literal('poke'), headSeq: z.number().int().optional() }),
])
export type ServerSocketMessage = z.infer<typeof ServerSocketMessage>

export const EnrollRequest = z.strictObject({
  enrollmentCode: z.string().min(4).max(64),
  deviceId: z.string().uuid(),
  name: z.string().min(1).max(100),
  fingerprint: z.string().min(1).max(256),
})
export type EnrollRequest = z.infer<typeof EnrollRequest>

export const TokenResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  tokenType: z.literal('Bearer'),
  deviceId: z.string(),
  storeId: z.string(),
  tenantId: z.string(),
})
export type TokenResponse = z.infer<typeof TokenResponse>

export const RefreshRequest = z.strictObject({ refreshToken: z.string().min(16).max(512) })
export type RefreshRequest = z.infer<typeof RefreshRequest>
