import { and, eq } from 'drizzle-orm'
import type { EntityName, SyncError } from '../../shared/sync'
import type { Database, Transaction } from '../db/connection'
import { stores, syncRecords } from '../db/schema'
import { planRecord } from './plan'
import { writeLedger, writeRecord } from './push'
import type { RecordRow } from './records'

export interface ServerChange {
  storeId: string
  /** Who writes: `admin:<id>`, kept as the record's last writer and in the ledger. */
  writerId: string
  entity: EntityName
  id: string
  /** Data already validated against the entity's schema. */
  data: unknown
  /** The version the editor started from; absent to write over whatever is stored. */
  baseVersion?: number
  /** A delete (tombstone) instead of an upsert; `data` is then ignored. */
  deleted?: boolean
  /**
   * Run under the store's row lock before the write (a push waits for it), so a rule read here
   * (e.g. "no product uses this category") still holds when the write commits. May throw.
   */
  check?: (tx: Transaction) => Promise<void>
}

export type ServerWriteOutcome =
  | { kind: 'applied'; record: RecordRow; headSeq: number; isNew: boolean }
  | { kind: 'unchanged'; record: RecordRow }
  | { kind: 'stale'; record: RecordRow | null }
  | { kind: 'rejected'; error: SyncError }
  | { kind: 'not-found' }

/**
 * A change made on the server (back office), written the way a push is: the store row lock orders
 * it, it gets the next sequence and a new version, the entity's rules apply, and a ledger entry is
 * stored with it. Registers then pull it like any other device's change.
 */
export async function writeServerChange(
  db: Database,
  change: ServerChange,
): Promise<ServerWriteOutcome> {
  const outcome = await writeServerChanges(db, [change])
  return outcome.kind === 'written' ? outcome.outcomes[0]! : outcome.outcome
}

export type ServerWritesOutcome =
  | { kind: 'written'; outcomes: ServerWriteOutcome[] }
  /** One change was stale, rejected or had no store: nothing of the batch was written. */
  | { kind: 'refused'; index: number; outcome: ServerWriteOutcome }

class Refused extends Error {
  constructor(
    readonly index: number,
    readonly outcome: ServerWriteOutcome,
  ) {
    super('server change refused')
  }
}

/**
 * Several server changes, possibly in several stores, as one transaction: every store row is
 * locked first (in id order, so two such writes never deadlock), then each change is checked and
 * written as `writeServerChange` does. A refused change (stale, rejected, no store) or a throwing
 * check rolls the whole batch back.
 */
export async function writeServerChanges(
  db: Database,
  changes: ServerChange[],
): Promise<ServerWritesOutcome> {
  try {
    const outcomes = await db.transaction(async (tx) => {
      const heads = new Map<string, number>()
      for (const storeId of [...new Set(changes.map((change) => change.storeId))].sort()) {
        const [store] = await tx
          .select({ headSeq: stores.headSeq })
          .from(stores)
          .where(eq(stores.id, storeId))
          .for('update')
        if (store) heads.set(storeId, store.headSeq)
      }
      const written: ServerWriteOutcome[] = []
      for (const [index, change] of changes.entries()) {
        const headSeq = heads.get(change.storeId)
        const outcome =
          headSeq === undefined
            ? ({ kind: 'not-found' } as const)
            : await applyChange(tx, change, headSeq)
        if (outcome.kind === 'applied') heads.set(change.storeId, outcome.headSeq)
        else if (outcome.kind !== 'unchanged') throw new Refused(index, outcome)
        written.push(outcome)
      }
      return written
    })
    return { kind: 'written', outcomes }
  } catch (error) {
    if (error instanceof Refused)
      return { kind: 'refused', index: error.index, outcome: error.outcome }
    throw error
  }
}

/** One change under its store's lock (already held), the store's head sequence given. */
async function applyChange(
  tx: Transaction,
  change: ServerChange,
  headSeq: number,
): Promise<ServerWriteOutcome> {
  await change.check?.(tx)
  const [current] = await tx
    .select()
    .from(syncRecords)
    .where(
      and(
        eq(syncRecords.storeId, change.storeId),
        eq(syncRecords.entity, change.entity),
        eq(syncRecords.id, change.id),
      ),
    )
  const storedVersion = current?.version ?? 0
  if (change.baseVersion !== undefined && change.baseVersion !== storedVersion)
    return { kind: 'stale', record: current ?? null }
  const plan = planRecord(
    { storeId: change.storeId, deviceId: change.writerId, policies: {} },
    {
      mutationId: crypto.randomUUID(),
      entity: change.entity,
      id: change.id,
      deleted: change.deleted ?? false,
      data: change.deleted ? null : change.data,
      baseVersion: storedVersion,
      clientVersion: null,
    },
    current ?? null,
    headSeq + 1,
  )
  if (plan.result.status === 'rejected' && plan.result.error)
    return { kind: 'rejected', error: plan.result.error }
  if (!plan.write) return current ? { kind: 'unchanged', record: current } : { kind: 'not-found' }
  const record = await writeRecord(tx, plan.write)
  await tx.update(stores).set({ headSeq: plan.write.seq }).where(eq(stores.id, change.storeId))
  await writeLedger(tx, { storeId: change.storeId, deviceId: change.writerId }, [plan.result])
  return { kind: 'applied', record, headSeq: plan.write.seq, isNew: plan.write.isNew }
}
