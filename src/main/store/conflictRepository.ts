import { desc } from 'drizzle-orm'
import type { RegisterDb, RegisterExecutor } from './database'
import { syncConflicts } from './schema'

export interface ConflictRecord {
  entity: string
  entityId: string
  resolution: string
  serverConflictId: string | null
  localData: unknown
  serverData: unknown
}

export function recordConflict(db: RegisterExecutor, conflict: ConflictRecord, now: string): void {
  db.insert(syncConflicts)
    .values({
      entity: conflict.entity,
      entityId: conflict.entityId,
      resolution: conflict.resolution,
      serverConflictId: conflict.serverConflictId,
      localData: conflict.localData === undefined ? null : JSON.stringify(conflict.localData),
      serverData: conflict.serverData === undefined ? null : JSON.stringify(conflict.serverData),
      createdAt: now,
    })
    .run()
}

export function listConflicts(db: RegisterDb, limit = 100) {
  return db.select().from(syncConflicts).orderBy(desc(syncConflicts.id)).limit(limit).all()
}
