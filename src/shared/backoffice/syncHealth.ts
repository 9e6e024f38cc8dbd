import { z } from 'zod'
import { ServerRecord } from '../sync/protocol'
import { StatsDevice, StoredConflict } from '../sync/health'

/**
 * The back office's sync health and conflicts queue: every register of every store the signed-in
 * admin may see (the register's manager console shows one store), and the conflicts a person must
 * settle. Routes:
 *
 * - `GET /api/admin/sync-health[?storeId=]` → SyncHealthReply.
 * - `GET /api/admin/conflicts[?storeId=&status=open|resolved]` → AdminConflictListReply.
 * - `POST /api/admin/conflicts/:id/resolve` AdminResolveBody → AdminResolveReply; 404 for a
 *   conflict outside the caller's stores, 409 ALREADY_RESOLVED, 422 when the entity's rules refuse
 *   the result (a completed sale's lines never change).
 */

/** In words, worst first: what a person should look at. */
export const HealthVerdict = z.enum(['revoked', 'refused', 'offline', 'stale', 'behind', 'ok'])
export type HealthVerdict = z.infer<typeof HealthVerdict>

/** A register quiet for longer than this, with no live connection, has gone stale. */
export const STALE_AFTER_MS = 2 * 60_000
/** A register unheard of for longer than this (or never) is offline. */
export const OFFLINE_AFTER_MS = 15 * 60_000

export const RegisterHealth = StatsDevice.extend({
  /** A live WebSocket to this server right now (it hears of new changes at once). */
  isConnected: z.boolean(),
  verdict: HealthVerdict,
})
export type RegisterHealth = z.infer<typeof RegisterHealth>

export const StoreHealth = z.object({
  storeId: z.string(),
  code: z.string(),
  name: z.string(),
  headSeq: z.number().int(),
  openConflicts: z.number().int(),
  registers: z.array(RegisterHealth),
})
export type StoreHealth = z.infer<typeof StoreHealth>

export const SyncHealthReply = z.object({
  /** The server's clock when it read these figures: the page's "updated … ago" counts from it. */
  checkedAt: z.string(),
  stores: z.array(StoreHealth),
})
export type SyncHealthReply = z.infer<typeof SyncHealthReply>

/** `tenantId`: a super admin looks within one tenant (others may name only their own). */
export const SyncHealthQuery = z.strictObject({
  storeId: z.uuid().optional(),
  tenantId: z.uuid().optional(),
})

export const ConflictStatus = z.enum(['open', 'resolved'])
export const AdminConflictQuery = z.strictObject({
  storeId: z.uuid().optional(),
  tenantId: z.uuid().optional(),
  status: ConflictStatus.default('open'),
})

export const AdminConflict = StoredConflict.extend({
  storeId: z.string(),
  storeCode: z.string(),
  storeName: z.string(),
  /** The register that sent the losing change; null when it no longer exists. */
  deviceName: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
})
export type AdminConflict = z.infer<typeof AdminConflict>

export const AdminConflictListReply = z.object({ conflicts: z.array(AdminConflict) })
export type AdminConflictListReply = z.infer<typeof AdminConflictListReply>

/** Keep the server's copy, take the register's, or write data a person merged from both. */
export const AdminResolution = z.enum(['keep-server', 'take-device', 'merge'])
export type AdminResolution = z.infer<typeof AdminResolution>

export const AdminResolveBody = z
  .strictObject({
    resolution: AdminResolution,
    /** Required for `merge`: the record's data, checked against its entity's schema. */
    data: z.unknown().optional(),
  })
  .refine((body) => body.resolution !== 'merge' || body.data !== undefined, {
    message: 'data is required when resolution is merge',
    path: ['data'],
  })
export type AdminResolveBody = z.infer<typeof AdminResolveBody>

export const AdminResolveReply = z.object({
  conflict: AdminConflict,
  /** The record after settling; null when the server holds none. */
  record: ServerRecord.nullable(),
})
export type AdminResolveReply = z.infer<typeof AdminResolveReply>

export const syncHealthPaths = {
  syncHealth: '/api/admin/sync-health',
  conflicts: '/api/admin/conflicts',
  resolveConflict: (id: string) => `/api/admin/conflicts/${encodeURIComponent(id)}/resolve`,
} as const

type VerdictInput = Pick<
  StatsDevice,
  'isRevoked' | 'lastSeenAt' | 'cursorLag' | 'pending' | 'deadRecords'
> & { isConnected: boolean }

/**
 * One register's health in a word, worst first: revoked; refused work waiting for a person;
 * offline (never seen, or unheard of for 15 minutes); stale (quiet for 2 minutes with no live
 * connection); behind (changes it has not pulled, or its own not yet pushed); else ok.
 */
export function healthVerdict(register: VerdictInput, nowMs: number): HealthVerdict {
  if (register.isRevoked) return 'revoked'
  if ((register.deadRecords ?? 0) > 0) return 'refused'
  const quietMs = register.lastSeenAt === null ? Infinity : nowMs - Date.parse(register.lastSeenAt)
  if (!register.isConnected && quietMs > OFFLINE_AFTER_MS) return 'offline'
  if (!register.isConnected && quietMs > STALE_AFTER_MS) return 'stale'
  if (register.cursorLag > 0 || (register.pending ?? 0) > 0) return 'behind'
  return 'ok'
}
