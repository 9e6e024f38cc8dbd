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
  return db.transaction(async (tx) => {
    const [store] = await tx
      .select({ headSeq: stores.headSeq })
      .from(stores)
      .where(eq(stores.id, change.storeId))
      .for('update')
    if (!store) return { kind: 'not-found' }
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
      store.headSeq + 1,
    )
    if (plan.result.status === 'rejected' && plan.result.error)
      return { kind: 'rejected', error: plan.result.error }
    if (!plan.write) return current ? { kind: 'unchanged', record: current } : { kind: 'not-found' }
    const record = await writeRecord(tx, plan.write)
    await tx.update(stores).set({ headSeq: plan.write.seq }).where(eq(stores.id, change.storeId))
    await writeLedger(tx, { storeId: change.storeId, deviceId: change.writerId }, [plan.result])
    return { kind: 'applied', record, headSeq: plan.write.seq, isNew: plan.write.isNew }
  })
}
