import { and, desc, eq } from 'drizzle-orm'
import type { Database } from '../db/connection'
import { syncConflicts, syncRecords } from '../db/schema'

/** The entity of a store's conflict, or undefined when the store has no such conflict. */
export async function findConflictEntity(
  db: Database,
  storeId: string,
  conflictId: string,
): Promise<string | undefined> {
  const [pending] = await db
    .select({ entity: syncConflicts.entity })
    .from(syncConflicts)
    .where(and(eq(syncConflicts.id, conflictId), eq(syncConflicts.storeId, storeId)))
  return pending?.entity
}

/**
 * A store's conflicts in one status, newest first (at most 500), each with the server's current
 * version of the record, so a manager sees both sides without a second call.
 */
export async function listConflicts(db: Database, storeId: string, status: 'open' | 'resolved') {
  return db
    .select({
      conflict: syncConflicts,
      serverData: syncRecords.data,
      serverDeleted: syncRecords.deleted,
    })
    .from(syncConflicts)
    .leftJoin(
      syncRecords,
      and(
        eq(syncRecords.storeId, syncConflicts.storeId),
        eq(syncRecords.entity, syncConflicts.entity),
        eq(syncRecords.id, syncConflicts.recordId),
      ),
    )
    .where(and(eq(syncConflicts.storeId, storeId), eq(syncConflicts.status, status)))
    .orderBy(desc(syncConflicts.createdAt))
    .limit(500)
}
