import { and, count, eq, sql } from 'drizzle-orm'
import type { Database } from '../db/connection'
import { devices, mutationLedger, stores, syncConflicts, syncRecords } from '../db/schema'
import type { StatsResponse } from '../../shared/sync'
import { reportedHealthOf } from './heartbeat'

/**
 * Sync health of one store: per device last seen, cursor lag, open conflicts, rejected records, and
 * the pending and dead changes it last reported.
 */
export async function storeStats(db: Database, storeId: string): Promise<StatsResponse | null> {
  const [store] = await db
    .select({ headSeq: stores.headSeq })
    .from(stores)
    .where(eq(stores.id, storeId))
  if (!store) return null
  const byEntity = await db
    .select({
      entity: syncRecords.entity,
      total: count(),
      tombstones: sql<number>`count(*) filter (where ${syncRecords.deleted})`.mapWith(Number),
    })
    .from(syncRecords)
    .where(eq(syncRecords.storeId, storeId))
    .groupBy(syncRecords.entity)
  const conflictsByDevice = await db
    .select({ deviceId: syncConflicts.deviceId, total: count() })
    .from(syncConflicts)
    .where(and(eq(syncConflicts.storeId, storeId), eq(syncConflicts.status, 'open')))
    .groupBy(syncConflicts.deviceId)
  const rejectedByDevice = await db
    .select({ deviceId: mutationLedger.deviceId, total: count() })
    .from(mutationLedger)
    .where(and(eq(mutationLedger.storeId, storeId), eq(mutationLedger.status, 'rejected')))
    .groupBy(mutationLedger.deviceId)
  const deviceRows = await db
    .select()
    .from(devices)
    .where(eq(devices.storeId, storeId))
    .orderBy(devices.createdAt)

  const conflictCount = new Map(conflictsByDevice.map((row) => [row.deviceId, row.total]))
  const rejectedCount = new Map(rejectedByDevice.map((row) => [row.deviceId, row.total]))
  const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0)
  return {
    storeId,
    headSeq: store.headSeq,
    records: sum(byEntity.map((row) => row.total)),
    tombstones: sum(byEntity.map((row) => row.tombstones)),
    recordsByEntity: Object.fromEntries(byEntity.map((row) => [row.entity, row.total])),
    openConflicts: sum(conflictCount.values()),
    rejectedRecords: sum(rejectedCount.values()),
    devices: deviceRows.map((device) => ({
      deviceId: device.id,
      name: device.name,
      role: device.role,
      isRevoked: device.revokedAt !== null,
      lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
      cursorSeq: device.cursorSeq,
      cursorLag: Math.max(0, store.headSeq - device.cursorSeq),
      openConflicts: conflictCount.get(device.id) ?? 0,
      rejectedRecords: rejectedCount.get(device.id) ?? 0,
      ...reportedHealthOf(device.health, device.healthReportedAt),
    })),
  }
}
