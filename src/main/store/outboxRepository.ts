import { and, asc, count, eq, inArray, isNull, lte, min, or, sql } from 'drizzle-orm'
import type { RegisterDb, RegisterExecutor } from './database'
import { categories, orderItems, orders, outbox, payments, products, taxRates } from './schema'

export type OutboxRow = typeof outbox.$inferSelect
type SyncStatus = 'PENDING' | 'SYNCING' | 'SYNCED' | 'FAILED' | 'MODIFIED' | 'DELETED'

/** The tables whose rows an outbox entry stands for (an order stands for its items and payments too). */
const entityTables = {
  order: orders,
  product: products,
  category: categories,
  taxRate: taxRates,
} as const
export type OutboxEntity = keyof typeof entityTables

function isOutboxEntity(entity: string): entity is OutboxEntity {
  return Object.hasOwn(entityTables, entity)
}

/** Sets syncStatus (and, once the server has it, version and hash) on the rows behind an entry. */
function markRows(
  db: RegisterExecutor,
  entity: string,
  entityId: string,
  status: SyncStatus,
  server?: { version: number | null; hash: string | null },
) {
  if (!isOutboxEntity(entity)) return
  const table = entityTables[entity]
  const set =
    server?.version != null
      ? { syncStatus: status, syncVersion: server.version, serverHash: server.hash }
      : { syncStatus: status }
  db.update(table).set(set).where(eq(table.id, entityId)).run()
  if (entity === 'order') {
    db.update(orderItems).set({ syncStatus: status }).where(eq(orderItems.orderId, entityId)).run()
    db.update(payments).set({ syncStatus: status }).where(eq(payments.orderId, entityId)).run()
  }
}

/**
 * Takes up to `limit` entries that are due, oldest first, and marks them in flight. Entries of
 * the same record after the first wait for the next batch, so a record's mutations stay in order.
 */
export function claimDueEntries(db: RegisterDb, limit: number, now: string): OutboxRow[] {
  return db.transaction((tx) => {
    const due = tx
      .select()
      .from(outbox)
      .where(
        or(
          eq(outbox.state, 'pending'),
          and(
            eq(outbox.state, 'failed'),
            or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now)),
          ),
        ),
      )
      .orderBy(asc(outbox.id))
      .limit(limit)
      .all()
    const seen = new Set<string>()
    const claimed = due.filter((row) => {
      const key = `${row.entity}:${row.entityId}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    if (claimed.length === 0) return []
    tx.update(outbox)
      .set({ state: 'in_flight', updatedAt: now })
      .where(
        inArray(
          outbox.id,
          claimed.map((row) => row.id),
        ),
      )
      .run()
    for (const row of claimed) markRows(tx, row.entity, row.entityId, 'SYNCING')
    return claimed
  })
}

export type EntryOutcome =
  | { kind: 'synced'; serverVersion: number | null; serverHash: string | null }
  | { kind: 'retry'; error: string; nextAttemptAt: string }
  | { kind: 'dead'; error: string }
  /** Not the record's fault (offline): back in the queue without spending an attempt. */
  | { kind: 'requeue' }

/** How an outcome changes the outbox entry, and the status it gives the rows behind it. */
function settlement(outcome: EntryOutcome, row: OutboxRow, now: string) {
  switch (outcome.kind) {
    case 'synced':
      return {
        entry: { state: 'synced' as const, lastError: null, nextAttemptAt: null, updatedAt: now },
        rowStatus: 'SYNCED' as const,
        server: { version: outcome.serverVersion, hash: outcome.serverHash },
      }
    case 'retry':
      return {
        entry: {
          state: 'failed' as const,
          attempts: row.attempts + 1,
          lastError: outcome.error,
          nextAttemptAt: outcome.nextAttemptAt,
          updatedAt: now,
        },
        rowStatus: 'FAILED' as const,
      }
    case 'dead':
      return {
        entry: {
          state: 'dead' as const,
          attempts: row.attempts + 1,
          lastError: outcome.error,
          updatedAt: now,
        },
        rowStatus: 'FAILED' as const,
      }
    case 'requeue':
      return { entry: { state: 'pending' as const, updatedAt: now }, rowStatus: 'PENDING' as const }
    default: {
      const exhaustive: never = outcome
      throw new Error(`unknown outcome ${JSON.stringify(exhaustive)}`)
    }
  }
}

/** Records what the server said about each claimed entry, all in one transaction. */
export function settleEntries(
  db: RegisterDb,
  outcomes: ReadonlyMap<number, EntryOutcome>,
  now: string,
  beforeCommit?: (tx: RegisterExecutor) => void,
): void {
  db.transaction((tx) => {
    for (const [outboxId, outcome] of outcomes) {
      const row = tx.select().from(outbox).where(eq(outbox.id, outboxId)).get()
      if (!row) continue
      const { entry, rowStatus, server } = { server: undefined, ...settlement(outcome, row, now) }
      tx.update(outbox).set(entry).where(eq(outbox.id, outboxId)).run()
      markRows(tx, row.entity, row.entityId, rowStatus, server)
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

/** Entity ids that have local changes the server has not confirmed: a pull must not overwrite them. */
export function unsyncedEntityIds(
  db: RegisterExecutor,
  entity: string,
  ids: readonly string[],
): Set<string> {
  if (ids.length === 0) return new Set()
  const rows = db
    .select({ entityId: outbox.entityId })
    .from(outbox)
    .where(
      and(
        eq(outbox.entity, entity),
        inArray(outbox.entityId, [...ids]),
        inArray(outbox.state, ['pending', 'in_flight', 'failed', 'dead']),
      ),
    )
    .all()
  return new Set(rows.map((row) => row.entityId))
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
