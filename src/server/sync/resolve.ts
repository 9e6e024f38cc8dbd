import { and, eq } from 'drizzle-orm'
import type { ConflictResolution, EntityName, SyncError } from '../../shared/sync'
import type { Database } from '../db/connection'
import { stores, syncConflicts, syncRecords } from '../db/schema'
import { recordHash } from './hash'
import type { RecordRow } from './records'
import { writeRecord } from './push'
import { entityRegistry } from './registry'

export interface ResolveRequest {
  storeId: string
  conflictId: string
  resolution: ConflictResolution
  mergedData: unknown
  resolvedBy: string
}

export type ResolveOutcome =
  | {
      kind: 'resolved'
      conflict: typeof syncConflicts.$inferSelect
      record: RecordRow | null
      headSeq: number
      isChanged: boolean
    }
  | { kind: 'not-found' }
  | { kind: 'already-resolved' }
  | { kind: 'rejected'; error: SyncError }

/** Settles a stored (manual) conflict: keep the server's row, take the client's, or write merged data. */
export async function resolveConflict(
  db: Database,
  request: ResolveRequest,
): Promise<ResolveOutcome> {
  return db.transaction(async (tx) => {
    const [store] = await tx
      .select({ headSeq: stores.headSeq })
      .from(stores)
      .where(eq(stores.id, request.storeId))
      .for('update')
    if (!store) return { kind: 'not-found' }
    const [conflict] = await tx
      .select()
      .from(syncConflicts)
      .where(
        and(eq(syncConflicts.id, request.conflictId), eq(syncConflicts.storeId, request.storeId)),
      )
      .for('update')
    if (!conflict) return { kind: 'not-found' }
    if (conflict.status !== 'open') return { kind: 'already-resolved' }
    const [current] = await tx
      .select()
      .from(syncRecords)
      .where(
        and(
          eq(syncRecords.storeId, request.storeId),
          eq(syncRecords.entity, conflict.entity),
          eq(syncRecords.id, conflict.recordId),
        ),
      )

    let record: RecordRow | null = current ?? null
    let headSeq = store.headSeq
    let isChanged = false
    if (request.resolution !== 'keep-server') {
      const deleted = request.resolution === 'take-client' ? conflict.clientDeleted : false
      const data = deleted
        ? null
        : request.resolution === 'take-client'
          ? conflict.clientData
          : request.mergedData
      const declaration = entityRegistry[conflict.entity as EntityName]
      const transitionError =
        current && declaration.checkTransition
          ? declaration.checkTransition(
              { data: current.data, deleted: current.deleted },
              { data, deleted },
            )
          : null
      if (transitionError) return { kind: 'rejected', error: transitionError }
      headSeq += 1
      record = await writeRecord(tx, {
        storeId: request.storeId,
        entity: conflict.entity,
        id: conflict.recordId,
        version: (current?.version ?? 0) + 1,
        seq: headSeq,
        hash: recordHash(data),
        data,
        deleted,
        writerId: request.resolvedBy,
        isNew: !current,
      })
      await tx.update(stores).set({ headSeq }).where(eq(stores.id, request.storeId))
      isChanged = true
    }
    const [settled] = await tx
      .update(syncConflicts)
      .set({
        status: 'resolved',
        resolution: request.resolution,
        resolvedBy: request.resolvedBy,
        resolvedAt: new Date(),
      })
      .where(eq(syncConflicts.id, conflict.id))
      .returning()
    if (!settled) throw new Error('conflict update returned nothing')
    return { kind: 'resolved', conflict: settled, record, headSeq, isChanged }
  })
}
