import { eq } from 'drizzle-orm'
import type { RegisterDb, RegisterExecutor } from './database'
import { syncState } from './schema'

export type SyncStateRow = typeof syncState.$inferSelect
export type SyncStatePatch = Partial<Omit<SyncStateRow, 'id' | 'updatedAt'>>

export function getSyncState(db: RegisterDb): SyncStateRow | null {
  return db.select().from(syncState).where(eq(syncState.id, 1)).get() ?? null
}

/** Writes the given fields of the single sync_state row, creating it on first use. */
export function updateSyncState(db: RegisterExecutor, patch: SyncStatePatch, now: string): void {
  db.insert(syncState)
    .values({ id: 1, ...patch, updatedAt: now })
    .onConflictDoUpdate({ target: syncState.id, set: { ...patch, updatedAt: now } })
    .run()
}
