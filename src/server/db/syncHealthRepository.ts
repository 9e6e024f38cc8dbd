import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Executor } from './connection'
import { devices, socketConnections, syncConflicts } from './schema'

/** The back office's sync-health reads that the register's stats and conflicts do not cover. */

/** Devices of these stores with a WebSocket open right now (on any server instance). */
export async function selectConnectedDeviceIds(
  db: Executor,
  storeIds: string[],
): Promise<Set<string>> {
  if (storeIds.length === 0) return new Set()
  const rows = await db
    .selectDistinct({ deviceId: socketConnections.deviceId })
    .from(socketConnections)
    .where(
      and(inArray(socketConnections.storeId, storeIds), isNull(socketConnections.disconnectedAt)),
    )
  return new Set(rows.map((row) => row.deviceId))
}

/** Register names of these stores, by device id (a conflict names the register that sent it). */
export async function selectDeviceNames(
  db: Executor,
  storeIds: string[],
): Promise<Map<string, string>> {
  if (storeIds.length === 0) return new Map()
  const rows = await db
    .select({ id: devices.id, name: devices.name })
    .from(devices)
    .where(inArray(devices.storeId, storeIds))
  return new Map(rows.map((row) => [row.id, row.name]))
}

/** The store a conflict belongs to, or undefined when there is no such conflict. */
export async function findConflictStoreId(
  db: Executor,
  conflictId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ storeId: syncConflicts.storeId })
    .from(syncConflicts)
    .where(eq(syncConflicts.id, conflictId))
  return row?.storeId
}
