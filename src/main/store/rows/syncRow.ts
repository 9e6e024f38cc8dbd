import type { PulledChange } from '../../../shared/sync/protocol'

/**
 * The sync bookkeeping every synced row carries (schema.ts syncColumns). A pulled row takes it
 * from the change, never from the record's data.
 */
export interface SyncMeta {
  id: string
  deviceId: string
  syncVersion: number
  serverHash: string | null
  syncStatus: 'SYNCED'
  updatedAt: string
  deletedAt: null
}

/** Columns that stay on the register: the server keeps its own version and hash. */
export const localSyncColumns = ['syncStatus', 'syncVersion', 'serverHash', 'deviceId'] as const

export function syncMetaOf(change: PulledChange, localDeviceId: string): SyncMeta {
  return {
    id: change.id,
    deviceId: change.deviceId ?? localDeviceId,
    syncVersion: change.version,
    serverHash: change.hash,
    syncStatus: 'SYNCED',
    updatedAt: change.updatedAt,
    deletedAt: null,
  }
}

/** A row without its local sync columns: what travels (ids and timestamps do). */
export function withoutLocalSync<
  T extends { syncStatus: unknown; syncVersion: unknown; serverHash: unknown; deviceId: unknown },
>(row: T): Omit<T, (typeof localSyncColumns)[number]> {
  const { syncStatus: _s, syncVersion: _v, serverHash: _h, deviceId: _d, ...data } = row
  return data
}

/** A JSON column as its value; a damaged one as the fallback rather than a failed push. */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

/** A JSON column's text for a value that may be absent. */
export const jsonOrNull = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value)

/** Leaves out null fields the wire schema allows only as absent (e.g. a customer's email). */
export function withoutNulls<T extends object, const K extends keyof T>(
  row: T,
  keys: readonly K[],
): Omit<T, K> & { [P in K]?: NonNullable<T[P]> } {
  const copy = { ...row }
  for (const key of keys) if (copy[key] === null) delete copy[key]
  return copy as Omit<T, K> & { [P in K]?: NonNullable<T[P]> }
}
