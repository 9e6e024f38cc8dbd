import { and, asc, eq, gt, lte, max, ne, or, isNull, inArray, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
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

type PageCursor =
  | { kind: 'reset'; reason: string }
  | { kind: 'cursor'; sinceSeq: number; headSeq: number; filters: SQL[] }

/** Reads the store's head and horizon, and turns the request's cursor into a sequence to read above. */
async function pageCursor(db: Database, request: PullRequest): Promise<PageCursor> {
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
  return { kind: 'cursor', sinceSeq, headSeq: store.headSeq, filters }
}

/** Where the page ends: the cursor for the next page and the head the device has seen. */
function pageBounds(
  cursor: { sinceSeq: number; headSeq: number },
  lastSeq: number | undefined,
  hasMore: boolean,
): { nextSeq: number; headSeq: number } {
  const last = lastSeq ?? cursor.sinceSeq
  // Every sequence up to the head read above had committed (commits hold the store row lock).
  const nextSeq = hasMore ? last : Math.max(last, cursor.headSeq, cursor.sinceSeq)
  return { nextSeq, headSeq: Math.max(cursor.headSeq, last) }
}

/**
 * The page's rows: those the filters select, up to the sequence of the (limit+1)-th, which an
 * index scan of (store_id, seq) finds reading that many entries. Without that bound a store just
 * filled (a first import, its statistics not yet refreshed) was read as a bitmap scan of every row
 * above the cursor, each serialised and sorted to keep 5,001: 2.5x the time of the whole pull's
 * page queries (bench/sync/queryVariants.ts).
 */
/** No page ends past this (bigint's largest): the bound of a page that takes every row left. */
const lastSeq = sql.raw('9223372036854775807')

function pageRows(cursor: { filters: SQL[] }, limit: number): SQL {
  const bound = sql`(SELECT ${syncRecords.seq} FROM ${syncRecords} WHERE ${and(...cursor.filters)}
    ORDER BY ${syncRecords.seq} OFFSET ${limit} LIMIT 1)`
  return and(...cursor.filters, sql`${syncRecords.seq} <= coalesce(${bound}, ${lastSeq})`)!
}

/** Records with a sequence above the cursor, in sequence order. */
export async function pullRecords(db: Database, request: PullRequest): Promise<PullOutcome> {
  const cursor = await pageCursor(db, request)
  if (cursor.kind === 'reset') return cursor
  const fetched = await db
    .select()
    .from(syncRecords)
    .where(pageRows(cursor, request.limit))
    .orderBy(asc(syncRecords.seq))
    .limit(request.limit + 1)
  const hasMore = fetched.length > request.limit
  const rows = hasMore ? fetched.slice(0, request.limit) : fetched
  return { kind: 'page', rows, hasMore, ...pageBounds(cursor, rows.at(-1)?.seq, hasMore) }
}

export type PullJsonOutcome =
  | { kind: 'reset'; reason: string }
  | { kind: 'page'; changesJson: string; nextSeq: number; hasMore: boolean; headSeq: number }

/**
 * One PulledChange (src/shared/sync/protocol.ts) as JSON text, built by the database: the record's
 * jsonb goes out as the text PostgreSQL keeps, so the server never parses and re-serialises record
 * data. Strings go through to_json (JSON escaping); `updatedAt` is written the way
 * `Date.toISOString` writes it (UTC, milliseconds, `Z`). Plain concatenation: json_build_object
 * costs 3x as much per row (it looks up each argument's type on every call).
 */
const pulledChangeJson = sql<string>`'{"entity":' || to_json(${syncRecords.entity})::text
  || ',"id":' || to_json(${syncRecords.id})::text
  || ',"op":' || CASE WHEN ${syncRecords.deleted} THEN '"delete"' ELSE '"upsert"' END
  || ',"version":' || ${syncRecords.version}
  || ',"seq":' || ${syncRecords.seq}
  || ',"hash":' || to_json(${syncRecords.hash})::text
  || ',"data":' || coalesce(${syncRecords.data}::text, 'null')
  || ',"deviceId":' || coalesce(to_json(${syncRecords.lastDeviceId})::text, 'null')
  || ',"updatedAt":"'
  || to_char(${syncRecords.updatedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  || '"}'`

/**
 * The same page as pullRecords, with its changes already serialised: `changesJson` is the JSON
 * array of PulledChange the pull route sends as it is.
 */
export async function pullChangesJson(
  db: Database,
  request: PullRequest,
): Promise<PullJsonOutcome> {
  const cursor = await pageCursor(db, request)
  if (cursor.kind === 'reset') return cursor
  const fetched = await db
    .select({ seq: syncRecords.seq, json: pulledChangeJson })
    .from(syncRecords)
    .where(pageRows(cursor, request.limit))
    .orderBy(asc(syncRecords.seq))
    .limit(request.limit + 1)
  const hasMore = fetched.length > request.limit
  const rows = hasMore ? fetched.slice(0, request.limit) : fetched
  let changesJson = '['
  for (let index = 0; index < rows.length; index++) {
    if (index > 0) changesJson += ','
    changesJson += rows[index]!.json
  }
  changesJson += ']'
  return { kind: 'page', changesJson, hasMore, ...pageBounds(cursor, rows.at(-1)?.seq, hasMore) }
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
