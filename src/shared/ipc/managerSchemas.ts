import { z } from 'zod'

const Cents = z.number().int().safe()

/** One register's sync health as the manager console shows it. */
export const RegisterHealth = z.object({
  deviceId: z.string(),
  name: z.string(),
  registerCode: z.string().nullable(),
  isThisRegister: z.boolean(),
  isRevoked: z.boolean(),
  lastSeenAt: z.string().nullable(),
  /** Local changes not yet on the server: live for this register, last reported for others. */
  pending: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  /** How far behind the store's latest change this register's pull cursor is. */
  cursorLag: z.number().int(),
  deadRecords: z.number().int(),
  deadReasons: z.array(z.object({ label: z.string(), reason: z.string() })),
  openConflicts: z.number().int(),
  /** When the pending/dead figures were reported (null = never). */
  reportedAt: z.string().nullable(),
})

export const StoreHealth = z.object({
  /** False when the server could not be reached: other registers' rows are the last known. */
  serverReachable: z.boolean(),
  enrolled: z.boolean(),
  /** When the server's figures were fetched (null = never). */
  fetchedAt: z.string().nullable(),
  error: z.string().nullable(),
  headSeq: z.number().int().nullable(),
  registers: z.array(RegisterHealth),
})

export const ConflictView = z.object({
  id: z.string(),
  entity: z.string(),
  recordId: z.string(),
  label: z.string(),
  deviceName: z.string().nullable(),
  serverVersion: z.number().int().nullable(),
  serverData: z.unknown(),
  deviceData: z.unknown(),
  createdAt: z.string(),
})

export const ResolveConflictInput = z
  .object({
    conflictId: z.string().min(1).max(128),
    resolution: z.enum(['keep-server', 'take-client', 'merge']),
    /** For 'merge': the record as the manager edited it (JSON object). */
    mergedData: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()

export const SalesToday = z.object({
  date: z.string(),
  currency: z.string(),
  totalCents: Cents,
  orderCount: z.number().int(),
  byHour: z.array(
    z.object({ hour: z.number().int().min(0).max(23), totalCents: Cents, count: z.number().int() }),
  ),
  byMethod: z.array(z.object({ label: z.string(), kind: z.string(), totalCents: Cents })),
  topProducts: z.array(
    z.object({ name: z.string(), quantity: z.number().int(), totalCents: Cents }),
  ),
})
