import { and, asc, eq, gt, lte, max, ne, or, isNull, inArray, sql } from 'drizzle-orm'
import type { EntityName } from '../../shared/sync'
import type { Database } from '../db/connection'
import { devices, stores, syncRecords } from '../db/schema'
import type { SinceCursor } from './cursor'
import type { RecordRow } from './records'

export interface PullRequest {
  storeId: string
  since: Exclude<SinceCursor, { kind: 'invalid' }>
  limit: number
  /** Seed /updates: leave out records this device wrote last. */
  excludeWriterId?: string
  entities?: EntityName[]
}

export type PullOutcome =
  | { kind: 'reset'; reason: string }
  | { kind: 'page'; rows: RecordRow[]; nextSeq: number; hasMore: boolean; headSeq: number }

/** Records with a sequence above the cursor, in sequence order. */
export async function pullRecords(db: Database, request: PullRequest): Promise<PullOutcome> {
  const [store] = await db
    .select({ headSeq: stores.headSeq, purgedSeq: stores.purgedSeq, purgedAt: stores.purgedAt })
    .from(stores)
    .where(eq(stores.id, request.storeId))
  if (!store) throw new Error(`store ${request.storeId} not found`)

  let sinceSeq: number
  if (request.since.kind === 'time') {
    if (store.purgedAt && request.since.at < store.purgedAt) {
      return { kind: 'reset', reason: 'timestamp is older than the tombstone retention horizon' }
    }
    const [row] = await db
      .select({ seq: max(syncRecords.seq) })
      .from(syncRecords)
      .where(
        and(eq(syncRecords.storeId, request.storeId), lte(syncRecords.updatedAt, request.since.at)),
      )
    sinceSeq = row?.seq ?? 0
  } else {
    sinceSeq = request.since.seq
    if (sinceSeq > 0 && sinceSeq < store.purgedSeq) {
      return { kind: 'reset', reason: 'cursor is older than the tombstone retention horizon' }
    }
    if (sinceSeq > store.headSeq) return { kind: 'reset', reason: 'cursor is ahead of this server' }
  }

  const filters = [eq(syncRecords.storeId, request.storeId), gt(syncRecords.seq, sinceSeq)]
  if (request.excludeWriterId) {
    filters.push(
      or(isNull(syncRecords.lastDeviceId), ne(syncRecords.lastDeviceId, request.excludeWriterId))!,
    )
  }
  if (request.entities) filters.push(inArray(syncRecords.entity, request.entities))
  const fetched = await db
    .select()
    .from(syncRecords)
    .where(and(...filters))
    .orderBy(asc(syncRecords.seq))
    .limit(request.limit + 1)
  const hasMore = fetched.length > request.limit
  const rows = hasMore ? fetched.slice(0, request.limit) : fetched
  const lastSeq = rows.at(-1)?.seq ?? sinceSeq
  // Every sequence up to the head read above had committed (commits hold the store row lock).
  const nextSeq = hasMore ? lastSeq : Math.max(lastSeq, store.headSeq, sinceSeq)
  return { kind: 'page', rows, nextSeq, hasMore, headSeq: Math.max(store.headSeq, lastSeq) }
}

/**
 * Remembers how far a device has pulled (for the stats screen's cursor lag). The statement commits
 * without waiting for the WAL flush (`synchronous_commit` off for its own transaction only): a
 * crash can lose the last value, which the device's next pull writes again, and the pull a
 * register is waiting on no longer pays a disk sync for it.
 */
export async function recordDeviceCursor(
  db: Database,
  deviceId: string,
  cursorSeq: number,
): Promise<void> {
  await db.execute(sql`
    WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
    UPDATE ${devices} SET cursor_seq = ${cursorSeq} FROM relaxed WHERE id = ${deviceId}`)
}
