import { eq } from 'drizzle-orm'
import type { Database } from './connection'
import { socketConnections, stores } from './schema'

/** The WebSocket route's rows: one per connection, and the store head sent in the hello. */

/** Records an open socket; returns its row id. */
export async function insertSocketConnection(
  db: Database,
  connection: { storeId: string; deviceId: string; instanceId: string },
): Promise<string | null> {
  const [row] = await db
    .insert(socketConnections)
    .values(connection)
    .returning({ id: socketConnections.id })
  return row?.id ?? null
}

export async function markSocketDisconnected(db: Database, id: string): Promise<void> {
  await db
    .update(socketConnections)
    .set({ disconnectedAt: new Date() })
    .where(eq(socketConnections.id, id))
}

/** The store's last allocated sequence, 0 for an unknown store. */
export async function readHeadSeq(db: Database, storeId: string): Promise<number> {
  const [store] = await db
    .select({ headSeq: stores.headSeq })
    .from(stores)
    .where(eq(stores.id, storeId))
  return store?.headSeq ?? 0
}
