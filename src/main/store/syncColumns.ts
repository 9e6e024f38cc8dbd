import { integer, text } from 'drizzle-orm/sqlite-core'

/**
 * Sync metadata carried by every syncable row (DESIGN.md §2). `id` is a UUID made on the device
 * (the seeds' localId); `deviceId` is the register that created the row.
 */
export const syncColumns = {
  id: text('id').primaryKey(),
  deviceId: text('device_id').notNull(),
  syncVersion: integer('sync_version').notNull().default(1),
  serverHash: text('server_hash'),
  syncStatus: text('sync_status', {
    enum: ['PENDING', 'SYNCING', 'SYNCED', 'FAILED', 'MODIFIED', 'DELETED'],
  })
    .notNull()
    .default('PENDING'),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
}
