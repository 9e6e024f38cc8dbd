import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '../db/connection'
import { devices } from '../db/schema'

export const MAX_DEAD_REASONS = 20

const Count = z.number().int().min(0).max(1_000_000_000)

/** What a register reports about its own outbox, so the manager console can show every register. */
export const HeartbeatRequest = z.strictObject({
  /** Local changes not yet confirmed by the server (pending, in flight, failed). */
  pending: Count,
  oldestPendingAt: z.iso.datetime({ offset: true }).nullable(),
  /** Changes the server refused for good: they wait for a person. */
  deadRecords: Count,
  deadReasons: z
    .array(z.strictObject({ label: z.string().max(200), reason: z.string().max(500) }))
    .max(MAX_DEAD_REASONS),
  registerCode: z.string().min(1).max(32),
  appVersion: z.string().min(1).max(64),
})
export type HeartbeatRequest = z.infer<typeof HeartbeatRequest>

export const HeartbeatResponse = z.object({ reportedAt: z.string() })

/** The last report, as stats returns it; null fields when the device never reported. */
export interface ReportedHealth {
  pending: number | null
  oldestPendingAt: string | null
  deadRecords: number | null
  deadReasons: { label: string; reason: string }[]
  registerCode: string | null
  appVersion: string | null
  reportedAt: string | null
}

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
