import { and, eq, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { ChangeResult } from '../../shared/sync'
import type { Database, Transaction } from '../db/connection'
import { rowsOf } from '../db/connection'
import { mutationLedger, syncRecords } from '../db/schema'
import type { PushContext, PushItem, RecordWrite } from './plan'
import { dataIdError, itemHash, policyOf } from './plan'
import type { RecordRow } from './records'

export type { PushContext, PushItem, RecordWrite } from './plan'

export interface PushOutcome {
  results: ChangeResult[]
  /** Per result: true when it is the stored result of a mutation already applied (a replay). */
  isReplay: boolean[]
  /** Database errors of records answered `retry` (for the log; never sent to a client). */
  storeErrors: StoreError[]
  headSeq: number
  /** True when at least one record was written: subscribers get a poke. */
  isChanged: boolean
  /** True when the batch had to be re-run one subtransaction (savepoint) per record. */
  isIsolated: boolean
}

/** A database error behind a record answered `retry`, as the push function reports it. */
export interface StoreError {
  /** The item's position in the batch. */
  index: number
  /** SQLSTATE. */
  code: string
  message: string
}

/** What af_push_batch answers (drizzle/server/0004_push_batch_function.sql). */
type PushFunctionAnswer =
  | { deviceNotActive: true }
  | {
      results: ChangeResult[]
      isReplay: boolean[]
      storeErrors: StoreError[]
      headSeq: number
      isChanged: boolean
      isIsolated: boolean
    }

/** The device is not (or no longer) an active device of this store. */
export class DeviceNotActiveError extends Error {}

/**
 * Applies a batch in one statement: af_push_batch locks the store row (which orders commits, so
 * sequences become visible in order), checks the device, decides every record and writes records,
 * conflicts, ledger entries and the store head in the same transaction. If the database refuses the
 * batch's writes, the function re-runs it one subtransaction per record, so one bad record never
 * rolls back or blocks the others.
 *
 * Hashing, the data id check and the policy choice happen here, before the call, off the lock.
 */
export async function pushRecords(
  db: Database,
  context: PushContext,
  items: PushItem[],
): Promise<PushOutcome> {
  const payload = JSON.stringify(
    items.map((item) => ({
      mutation_id: item.mutationId,
      entity: item.entity,
      id: item.id,
      deleted: item.deleted,
      base_version: item.baseVersion,
      client_version: item.clientVersion,
      hash: itemHash(item),
      policy: policyOf(context, item.entity),
      error: dataIdError(item),
    })),
  )
  // Apart from the items: a value jsonb cannot hold (a NUL) then fails its own record alone.
  const data = JSON.stringify(items.map((item) => (item.deleted ? null : (item.data ?? null))))
  const answer = await db.execute(
    sql`SELECT af_push_batch(${context.storeId}::uuid, ${context.deviceId}, ${payload}::json, ${data}::json) AS outcome`,
  )
  const [row] = rowsOf<{ outcome: PushFunctionAnswer | string }>(answer)
  if (!row) throw new Error('af_push_batch returned nothing')
  const outcome: PushFunctionAnswer =
    typeof row.outcome === 'string' ? (JSON.parse(row.outcome) as PushFunctionAnswer) : row.outcome
  if ('deviceNotActive' in outcome)
    throw new DeviceNotActiveError(
      `device ${context.deviceId} is not active in store ${context.storeId}`,
    )
  return { ...outcome, headSeq: Number(outcome.headSeq) }
}

/**
 * Multi-row writes pass the rows as one JSON parameter (json_to_recordset) rather than a
 * parameter per value or per column: one string to send, parsed once by the server.
 * `updated_at` is server arrival time (clock_timestamp).
 */
const recordRows = (writes: RecordWrite[]) =>
  JSON.stringify(
    writes.map((write) => ({
      store_id: write.storeId,
      entity: write.entity,
      id: write.id,
      version: write.version,
      seq: write.seq,
      hash: write.hash,
      data: write.data,
      deleted: write.deleted,
      writer: write.writerId,
    })),
  )
const RECORD_COLUMNS = sql.raw(
  'store_id uuid, entity text, id text, version integer, seq bigint, hash text, data jsonb, deleted boolean, writer text',
)

function insertRecordsSql(writes: RecordWrite[]): SQL {
  return sql`
    INSERT INTO ${syncRecords} (store_id, entity, id, version, seq, hash, data, deleted, origin_device_id, last_device_id, updated_at)
    SELECT store_id, entity, id, version, seq, hash, data, deleted, writer, writer, clock_timestamp()
    FROM json_to_recordset(${recordRows(writes)}::json) AS v(${RECORD_COLUMNS})`
}

function updateRecordsSql(storeId: string, writes: RecordWrite[]): SQL {
  return sql`
    UPDATE ${syncRecords} AS r
    SET version = v.version, seq = v.seq, hash = v.hash, data = v.data, deleted = v.deleted,
        last_device_id = v.writer, updated_at = clock_timestamp()
    FROM json_to_recordset(${recordRows(writes)}::json) AS v(${RECORD_COLUMNS})
    WHERE r.store_id = ${storeId} AND r.entity = v.entity AND r.id = v.id`
}

function insertLedgerSql(
  context: Pick<PushContext, 'storeId' | 'deviceId'>,
  results: ChangeResult[],
): SQL {
  return sql`
    INSERT INTO ${mutationLedger} (device_id, mutation_id, store_id, status, result)
    SELECT ${context.deviceId}, result ->> 'mutationId', ${context.storeId}::uuid, result ->> 'status', result
    FROM jsonb_array_elements(${JSON.stringify(results)}::jsonb) AS v(result)`
}

/** Stores results in the mutation ledger, for writes that do not come through a push. */
export async function writeLedger(
  tx: Transaction,
  context: Pick<PushContext, 'storeId' | 'deviceId'>,
  results: ChangeResult[],
): Promise<void> {
  await tx.execute(insertLedgerSql(context, results))
}

/** Inserts or updates one record (conflict resolution writes through here) and reads it back. */
export async function writeRecord(tx: Transaction, write: RecordWrite): Promise<RecordRow> {
  await tx.execute(
    write.isNew ? insertRecordsSql([write]) : updateRecordsSql(write.storeId, [write]),
  )
  const [row] = await tx
    .select()
    .from(syncRecords)
    .where(
      and(
        eq(syncRecords.storeId, write.storeId),
        eq(syncRecords.entity, write.entity),
        eq(syncRecords.id, write.id),
      ),
    )
  if (!row) throw new Error('record write returned nothing')
  return row
}
