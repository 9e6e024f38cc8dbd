import { and, asc, count, eq, inArray, isNull, lt, lte, min, notExists, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { v7 as uuidv7 } from 'uuid'
import type { RegisterDb, RegisterExecutor } from './database'
import { isSyncedEntity, syncedEntities, syncedTableName, type SyncedEntity } from './syncedTables'
import { orders, outbox } from './schema'

export type OutboxRow = typeof outbox.$inferSelect
type SyncStatus = 'PENDING' | 'SYNCING' | 'SYNCED' | 'FAILED' | 'MODIFIED' | 'DELETED'

export type OutboxEntity = SyncedEntity

/**
 * Claim and settle run for every pushed record, so their statements are prepared once per
 * database instead of built per row (the query builder was most of the push cost, see bench/sync).
 */
function prepareOutboxStatements(db: RegisterDb) {
  const sqlite = db.$client
  const rowStatements = (table: string) => ({
    status: sqlite.prepare(`UPDATE ${table} SET sync_status = ? WHERE id = ?`),
    synced: sqlite.prepare(
      `UPDATE ${table} SET sync_status = 'SYNCED', sync_version = ?, server_hash = ? WHERE id = ?`,
    ),
  })
  const earlier = alias(outbox, 'earlier')
  return {
    due: db
      .select()
      .from(outbox)
      .where(
        and(
          or(
            eq(outbox.state, 'pending'),
            and(
              eq(outbox.state, 'failed'),
              or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, sql.placeholder('now'))),
            ),
          ),
          // A record's mutations reach the server in order: a later one waits while an earlier one
          // is unconfirmed (a dead one no longer holds it back).
          notExists(
            db
              .select({ id: earlier.id })
              .from(earlier)
              .where(
                and(
                  eq(earlier.entity, outbox.entity),
                  eq(earlier.entityId, outbox.entityId),
                  lt(earlier.id, outbox.id),
                  inArray(earlier.state, ['pending', 'in_flight', 'failed']),
                ),
              ),
          ),
        ),
      )
      .orderBy(asc(outbox.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
    entry: sqlite.prepare('SELECT entity, entity_id AS entityId FROM outbox WHERE id = ?'),
    inFlight: sqlite.prepare("UPDATE outbox SET state = 'in_flight', updated_at = ? WHERE id = ?"),
    synced: sqlite.prepare(
      "UPDATE outbox SET state = 'synced', last_error = NULL, next_attempt_at = NULL, updated_at = ? WHERE id = ?",
    ),
    retry: sqlite.prepare(
      "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?",
    ),
    dead: sqlite.prepare(
      "UPDATE outbox SET state = 'dead', attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ?",
    ),
    requeue: sqlite.prepare("UPDATE outbox SET state = 'pending', updated_at = ? WHERE id = ?"),
    rows: Object.fromEntries(
      syncedEntities.map((entity) => [entity, rowStatements(syncedTableName(entity))]),
    ) as Record<OutboxEntity, ReturnType<typeof rowStatements>>,
    itemsStatus: sqlite.prepare('UPDATE order_items SET sync_status = ? WHERE order_id = ?'),
    paymentsStatus: sqlite.prepare('UPDATE payments SET sync_status = ? WHERE order_id = ?'),
  }
}

type OutboxStatements = ReturnType<typeof prepareOutboxStatements>
const statementCache = new WeakMap<RegisterDb, OutboxStatements>()

function outboxStatements(db: RegisterDb): OutboxStatements {
  let statements = statementCache.get(db)
  if (!statements) {
    statements = prepareOutboxStatements(db)
    statementCache.set(db, statements)
  }
  return statements
}

/** Sets syncStatus (and, once the server has it, version and hash) on the rows behind an entry. */
function markRows(
  statements: OutboxStatements,
  entity: string,
  entityId: string,
  status: SyncStatus,
  server?: { version: number | null; hash: string | null },
) {
  if (!isSyncedEntity(entity)) return
  const table = statements.rows[entity]
  if (server?.version != null) table.synced.run(server.version, server.hash, entityId)
  else table.status.run(status, entityId)
  if (entity === 'order') {
    statements.itemsStatus.run(status, entityId)
    statements.paymentsStatus.run(status, entityId)
  }
}

/**
 * Queues one local mutation of a record for the server, inside the caller's transaction (the row
 * write and its outbox entry commit together). The row itself should carry syncStatus PENDING.
 */
export function enqueueMutation(
  db: RegisterExecutor,
  entity: OutboxEntity,
  entityId: string,
  now: string,
  operation: 'upsert' | 'delete' = 'upsert',
): void {
  db.insert(outbox)
    .values({
      mutationId: uuidv7(),
      entity,
      entityId,
      operation,
      state: 'pending',
      createdAt: now,
      updatedAt: now,
    })
    .run()
}

/**
 * Takes up to `limit` entries that are due, oldest first, and marks them in flight. Safe to call
 * while another batch is in flight: claimed entries are no longer due, and a record's later
 * mutations wait for its earlier ones.
 */
export function claimDueEntries(db: RegisterDb, limit: number, now: string): OutboxRow[] {
  const statements = outboxStatements(db)
  return db.transaction(() => {
    const claimed = statements.due.all({ now, limit })
    for (const row of claimed) {
      statements.inFlight.run(now, row.id)
      markRows(statements, row.entity, row.entityId, 'SYNCING')
    }
    return claimed
  })
}

export type EntryOutcome =
  | { kind: 'synced'; serverVersion: number | null; serverHash: string | null }
  | { kind: 'retry'; error: string; nextAttemptAt: string }
  | { kind: 'dead'; error: string }
  /** Not the record's fault (offline): back in the queue without spending an attempt. */
  | { kind: 'requeue' }

/** Records what the server said about each claimed entry, all in one transaction. */
export function settleEntries(
  db: RegisterDb,
  outcomes: ReadonlyMap<number, EntryOutcome>,
  now: string,
  beforeCommit?: (tx: RegisterExecutor) => void,
): void {
  const statements = outboxStatements(db)
  db.transaction((tx) => {
    for (const [outboxId, outcome] of outcomes) {
      const entry = statements.entry.get(outboxId) as
        { entity: string; entityId: string } | undefined
      if (!entry) continue
      switch (outcome.kind) {
        case 'synced':
          statements.synced.run(now, outboxId)
          markRows(statements, entry.entity, entry.entityId, 'SYNCED', {
            version: outcome.serverVersion,
            hash: outcome.serverHash,
          })
          break
        case 'retry':
          statements.retry.run(outcome.error, outcome.nextAttemptAt, now, outboxId)
          markRows(statements, entry.entity, entry.entityId, 'FAILED')
          break
        case 'dead':
          statements.dead.run(outcome.error, now, outboxId)
          markRows(statements, entry.entity, entry.entityId, 'FAILED')
          break
        case 'requeue':
          statements.requeue.run(now, outboxId)
          markRows(statements, entry.entity, entry.entityId, 'PENDING')
          break
        default: {
          const exhaustive: never = outcome
          throw new Error(`unknown outcome ${JSON.stringify(exhaustive)}`)
        }
      }
    }
    beforeCommit?.(tx)
  })
}

/** After a crash mid-push, entries left in flight go back to the queue (the server dedupes replays). */
export function requeueInFlight(db: RegisterDb, now: string): number {
  return db
    .update(outbox)
    .set({ state: 'pending', updatedAt: now })
    .where(eq(outbox.state, 'in_flight'))
    .run().changes
}

export interface OutboxCounts {
  pending: number
  inFlight: number
  synced: number
  failed: number
  dead: number
}

export function outboxCounts(db: RegisterDb): OutboxCounts {
  const rows = db
    .select({ state: outbox.state, total: count() })
    .from(outbox)
    .groupBy(outbox.state)
    .all()
  const byState = new Map(rows.map((row) => [row.state, row.total]))
  return {
    pending: byState.get('pending') ?? 0,
    inFlight: byState.get('in_flight') ?? 0,
    synced: byState.get('synced') ?? 0,
    failed: byState.get('failed') ?? 0,
    dead: byState.get('dead') ?? 0,
  }
}

/** When the oldest entry that has not reached the server was made. */
export function oldestUnsyncedAt(db: RegisterDb): string | null {
  const row = db
    .select({ oldest: min(outbox.createdAt) })
    .from(outbox)
    .where(inArray(outbox.state, ['pending', 'in_flight', 'failed']))
    .get()
  return row?.oldest ?? null
}

export function listDeadEntries(db: RegisterDb) {
  return db
    .select({
      outboxId: outbox.id,
      entity: outbox.entity,
      entityId: outbox.entityId,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      updatedAt: outbox.updatedAt,
      orderNumber: orders.orderNumber,
    })
    .from(outbox)
    .leftJoin(orders, and(eq(outbox.entity, 'order'), eq(orders.id, outbox.entityId)))
    .where(eq(outbox.state, 'dead'))
    .orderBy(asc(outbox.id))
    .all()
}

/** Puts dead entries (all, or the given ones) back in the queue with a fresh attempt count. */
export function retryDeadEntries(db: RegisterDb, now: string, ids?: readonly number[]): number {
  const where = ids
    ? and(eq(outbox.state, 'dead'), inArray(outbox.id, [...ids]))
    : eq(outbox.state, 'dead')
  return db
    .update(outbox)
    .set({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: null,
      updatedAt: now,
      lastError: sql`${outbox.lastError}`,
    })
    .where(where)
    .run().changes
}
