import { eq } from 'drizzle-orm'
import { HeartbeatRequest, type StatsDevice } from '../../shared/sync'
import type { Database } from '../db/connection'
import { devices } from '../db/schema'

/** The last report, as stats returns it; null fields when the device never reported. */
export type ReportedHealth = Pick<
  StatsDevice,
  | 'pending'
  | 'oldestPendingAt'
  | 'deadRecords'
  | 'deadReasons'
  | 'registerCode'
  | 'appVersion'
  | 'reportedAt'
>

export async function recordHeartbeat(
  db: Database,
  deviceId: string,
  report: HeartbeatRequest,
): Promise<Date> {
  const reportedAt = new Date()
  await db
    .update(devices)
    .set({ health: report, healthReportedAt: reportedAt })
    .where(eq(devices.id, deviceId))
  return reportedAt
}

/** Reads a stored report; a row written by an older shape shows as never reported, not an error. */
export function reportedHealthOf(health: unknown, reportedAt: Date | null): ReportedHealth {
  const parsed = HeartbeatRequest.safeParse(health)
  if (!parsed.success || !reportedAt)
    return {
      pending: null,
      oldestPendingAt: null,
      deadRecords: null,
      deadReasons: [],
      registerCode: null,
      appVersion: null,
      reportedAt: null,
    }
  return { ...parsed.data, reportedAt: reportedAt.toISOString() }
}
