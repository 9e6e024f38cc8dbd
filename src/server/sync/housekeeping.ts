import { and, eq, isNotNull, lt, max, sql } from 'drizzle-orm'
import type { Database } from '../db/connection'
import { mutationLedger, socketConnections, stores, syncRecords } from '../db/schema'

export interface HousekeepingOptions {
  ledgerRetentionDays: number
  tombstoneRetentionDays: number
}

export interface HousekeepingReport {
  ledgerPurged: number
  connectionsPurged: number
  tombstonesCompacted: number
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * DESIGN §3 rule 9: ledger entries and closed connection records older than 7 days go; tombstones
 * past retention are compacted and the store's purge horizon moves up (older cursors get RESET).
 */
export async function runHousekeeping(
  db: Database,
  options: HousekeepingOptions,
  now = new Date(),
): Promise<HousekeepingReport> {
  const ledgerCutoff = new Date(now.getTime() - options.ledgerRetentionDays * DAY_MS)
  const tombstoneCutoff = new Date(now.getTime() - options.tombstoneRetentionDays * DAY_MS)
  const ledger = await db
    .delete(mutationLedger)
    .where(lt(mutationLedger.createdAt, ledgerCutoff))
    .returning({ id: mutationLedger.mutationId })
  const connections = await db
    .delete(socketConnections)
    .where(
      and(
        lt(socketConnections.connectedAt, ledgerCutoff),
        isNotNull(socketConnections.disconnectedAt),
      ),
    )
    .returning({ id: socketConnections.id })

  const storeRows = await db
    .select({ storeId: syncRecords.storeId, maxSeq: max(syncRecords.seq) })
    .from(syncRecords)
    .where(and(eq(syncRecords.deleted, true), lt(syncRecords.updatedAt, tombstoneCutoff)))
    .groupBy(syncRecords.storeId)
  let tombstonesCompacted = 0
  for (const { storeId, maxSeq } of storeRows) {
    if (maxSeq === null) continue
    await db.transaction(async (tx) => {
      await tx.select({ id: stores.id }).from(stores).where(eq(stores.id, storeId)).for('update')
      const removed = await tx
        .delete(syncRecords)
        .where(
          and(
            eq(syncRecords.storeId, storeId),
            eq(syncRecords.deleted, true),
            lt(syncRecords.updatedAt, tombstoneCutoff),
          ),
        )
        .returning({ seq: syncRecords.seq })
      tombstonesCompacted += removed.length
      const horizon = Math.max(0, ...removed.map((row) => row.seq))
      await tx
        .update(stores)
        .set({
          purgedSeq: sql`greatest(${stores.purgedSeq}, ${horizon})`,
          purgedAt: tombstoneCutoff,
        })
        .where(eq(stores.id, storeId))
    })
  }
  return { ledgerPurged: ledger.length, connectionsPurged: connections.length, tombstonesCompacted }
}

/** Runs housekeeping now and then every `intervalMs`; the returned function stops it. */
export function startHousekeeping(
  db: Database,
  options: HousekeepingOptions & {
    intervalMs?: number
    onError?: (error: unknown) => void
    onReport?: (report: HousekeepingReport) => void
  },
): () => Promise<void> {
  let running: Promise<void> | null = null
  const tick = () => {
    if (running) return
    running = runHousekeeping(db, options)
      .then((report) => options.onReport?.(report))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null
      })
  }
  tick()
  const timer = setInterval(tick, options.intervalMs ?? DAY_MS)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}
