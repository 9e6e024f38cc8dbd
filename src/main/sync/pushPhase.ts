import type { Change, ChangeResult } from '../../shared/sync/protocol'
import { MAX_BATCH_RECORDS } from '../../shared/sync/protocol'
import type { ConflictRecord } from '../store/conflictRepository'
import { isSyncedEntity } from '../store/syncedTables'
import type { EntryOutcome, OutboxRow } from '../store/outboxRepository'
import type {
  PulledPageWriter,
  SyncOutboxRepository,
  SyncRecordReader,
} from '../store/syncRepositories'
import { backoffDelayMs, type BackoffPolicy } from './backoff'
import { SyncRequestError, type SyncClient } from './syncClient'

export interface PushContext {
  outbox: SyncOutboxRepository
  records: SyncRecordReader
  pulled: PulledPageWriter
  client: SyncClient
  deviceId: string
  currency: string
  /** Returns a valid access token, refreshing it if needed; `force` after a 401. */
  accessToken(force?: boolean): Promise<string>
  now(): string
  nowMs(): number
  backoff: BackoffPolicy
  random(): number
  onProgress(): void
  /** Records this register would like to send per push (default PREFERRED_PUSH_RECORDS). */
  preferredBatchRecords?: number
  /** Batches in flight at once (default PUSH_LANES). */
  lanes?: number
}

export interface PushSummary {
  pushed: number
  /** Set when the phase stopped early: the worker reports it as its state. */
  failure: SyncRequestError | null
}

function toChange(records: SyncRecordReader, row: OutboxRow): Change | null {
  if (!isSyncedEntity(row.entity)) return null
  const data = row.operation === 'delete' ? undefined : records.wireRecord(row.entity, row.entityId)
  if (row.operation === 'upsert' && data === null) return null
  // An edit names the server version it started from, so the server applies it rather than
  // treating it as a concurrent edit (a shift's close, a sale marked refunded, a catalog edit).
  return {
    mutationId: row.mutationId,
    entity: row.entity,
    id: row.entityId,
    op: row.operation,
    baseVersion: records.baseVersion(row.entity, row.entityId),
    data,
  }
}

function outcomeOf(result: ChangeResult, row: OutboxRow, context: PushContext): EntryOutcome {
  switch (result.status) {
    case 'applied':
    case 'duplicate':
      return { kind: 'synced', serverVersion: result.serverVersion, serverHash: result.serverHash }
    case 'conflict': {
      // Only when the server took this register's data does the local row match the server's
      // version. Otherwise (server-wins, manual) the row must not look current, or the server's
      // row applied next, and any later pull, would be skipped as already held.
      const isLocalKept =
        result.resolution === 'client-wins' || result.resolution === 'last-write-wins'
      return isLocalKept
        ? { kind: 'synced', serverVersion: result.serverVersion, serverHash: result.serverHash }
        : { kind: 'synced', serverVersion: null, serverHash: null }
    }
    case 'rejected':
      return {
        kind: 'dead',
        error: `${result.error?.code ?? 'REJECTED'}: ${result.error?.message ?? 'rejected by the server'}`,
      }
    case 'retry':
      return {
        kind: 'retry',
        error: `${result.error?.code ?? 'RETRY'}: ${result.error?.message ?? 'the server asked to retry'}`,
        nextAttemptAt: new Date(
          context.nowMs() + backoffDelayMs(row.attempts, context.backoff, context.random),
        ).toISOString(),
      }
    default: {
      const exhaustive: never = result.status
      throw new Error(`unknown push status ${String(exhaustive)}`)
    }
  }
}

async function sendBatch(context: PushContext, changes: Change[]) {
  try {
    return await context.client.push(await context.accessToken(), {
      deviceId: context.deviceId,
      changes,
    })
  } catch (error) {
    if (error instanceof SyncRequestError && error.kind === 'unauthorized') {
      return context.client.push(await context.accessToken(true), {
        deviceId: context.deviceId,
        changes,
      })
    }
    throw error
  }
}

/**
 * Batches in flight at once: while the server works on one, the register reads and sends the
 * next, so a backlog drains at the pace of the slower side rather than the sum of both.
 */
export const PUSH_LANES = 2

/**
 * Records per push this register asks for; it sends min(this, the server's advertised
 * maxBatchRecords), and MAX_BATCH_RECORDS until a reply has advertised one (see protocol.ts).
 */
export const PREFERRED_PUSH_RECORDS = 200

/**
 * What each server said it takes per push, by client (one client per server URL): learnt from the
 * replies, forgotten with the client. A server that never says keeps MAX_BATCH_RECORDS.
 */
const advertisedMax = new WeakMap<SyncClient, number>()

/** Records the next push to this client's server may carry. */
export function pushBatchLimit(client: SyncClient, preferred = PREFERRED_PUSH_RECORDS): number {
  return Math.max(1, Math.min(preferred, advertisedMax.get(client) ?? MAX_BATCH_RECORDS))
}

/**
 * Pushes due outbox entries in batches (see pushBatchLimit) until none are due. Conflicts the
 * server settled in its own favour are applied locally and logged; a batch the server refuses as
 * a whole is retried record by record so one bad record cannot hold back the rest.
 */
export async function runPushPhase(context: PushContext): Promise<PushSummary> {
  const summary: PushSummary = { pushed: 0, failure: null }
  const lane = async () => {
    while (!summary.failure) {
      const batch = await pushBatch(context)
      if (!batch) return
      summary.pushed += batch.pushed
      summary.failure ??= batch.failure
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, context.lanes ?? PUSH_LANES) }, lane))
  return summary
}

/** Claims, sends and settles one batch; null when nothing is due. */
async function pushBatch(context: PushContext): Promise<PushSummary | null> {
  const limit = pushBatchLimit(context.client, context.preferredBatchRecords)
  const rows = context.outbox.claimDue(limit, context.now())
  if (rows.length === 0) return null
  const outcomes = new Map<number, EntryOutcome>()
  const sendable: { row: OutboxRow; change: Change }[] = []
  for (const row of rows) {
    const change = toChange(context.records, row)
    if (change) sendable.push({ row, change })
    else
      outcomes.set(row.id, {
        kind: 'dead',
        error:
          'LOCAL_RECORD_MISSING: the record behind this entry no longer exists on this register',
      })
  }
  let failure: SyncRequestError | null = null
  const conflicts: { row: OutboxRow; result: ChangeResult; localData: unknown }[] = []
  const groups = [sendable]
  while (groups.length > 0 && !failure) {
    const group = groups.shift()!
    if (group.length === 0) continue
    try {
      const response = await sendBatch(
        context,
        group.map((item) => item.change),
      )
      advertisedMax.set(context.client, response.maxBatchRecords ?? MAX_BATCH_RECORDS)
      const byMutation = new Map(response.results.map((result) => [result.mutationId, result]))
      for (const { row, change } of group) {
        const result = byMutation.get(row.mutationId)
        if (!result) {
          outcomes.set(row.id, {
            kind: 'retry',
            error: 'NO_RESULT: the server did not answer for this record',
            nextAttemptAt: new Date(
              context.nowMs() + backoffDelayMs(row.attempts, context.backoff, context.random),
            ).toISOString(),
          })
          continue
        }
        outcomes.set(row.id, outcomeOf(result, row, context))
        if (result.status === 'conflict') conflicts.push({ row, result, localData: change.data })
      }
    } catch (error) {
      if (!(error instanceof SyncRequestError)) throw error
      // The server takes fewer than it said (its limit was lowered): back to the protocol's own.
      if (error.code === 'BATCH_TOO_LARGE') advertisedMax.set(context.client, MAX_BATCH_RECORDS)
      if (error.kind === 'refused' && group.length > 1) {
        // Split to find the record(s) the server will not take.
        const middle = Math.ceil(group.length / 2)
        groups.unshift(group.slice(0, middle), group.slice(middle))
      } else if (error.kind === 'refused') {
        outcomes.set(group[0]!.row.id, {
          kind: 'dead',
          error: `${error.code ?? 'REFUSED'}: ${error.message}`,
        })
      } else {
        failure = error
        for (const { row } of [group, ...groups].flat()) {
          outcomes.set(
            row.id,
            error.kind === 'server'
              ? {
                  kind: 'retry',
                  error: error.message,
                  nextAttemptAt: new Date(
                    context.nowMs() + backoffDelayMs(row.attempts, context.backoff, context.random),
                  ).toISOString(),
                }
              : { kind: 'requeue' },
          )
        }
      }
    }
  }
  const conflictRecords = conflicts.map(({ row, result, localData }): ConflictRecord => ({
    entity: row.entity,
    entityId: row.entityId,
    resolution: result.resolution ?? 'server-wins',
    serverConflictId: result.conflictId ?? null,
    localData,
    serverData: result.serverRecord?.data ?? null,
  }))
  context.outbox.settle(outcomes, conflictRecords, context.now())
  // The server kept its own version: take it, as a pull would.
  const serverWins = conflicts.filter(
    ({ result }) => result.resolution === 'server-wins' && result.serverRecord,
  )
  if (serverWins.length > 0) {
    context.pulled.apply(
      {
        changes: serverWins.map(({ result }) => ({
          ...result.serverRecord!,
          op: result.serverRecord!.deleted ? 'delete' : 'upsert',
        })),
      },
      { localDeviceId: context.deviceId, currency: context.currency, now: context.now() },
    )
  }
  context.onProgress()
  return {
    pushed: [...outcomes.values()].filter((outcome) => outcome.kind === 'synced').length,
    failure,
  }
}
