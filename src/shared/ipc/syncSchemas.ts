import { z } from 'zod'

/** Whether this register may talk to a sync server at all. */
export const EnrollmentState = z.enum([
  /** Never enrolled: sells offline, nothing leaves the register. */
  'not_enrolled',
  'enrolled',
  /** The server refused this device's tokens: a manager must enroll it again. */
  'revoked',
  /** The data folder was copied from another machine: enroll again rather than share an identity. */
  'needs_reenrollment',
])

export const SyncState = z.enum(['idle', 'syncing', 'offline', 'error'])

export const SyncCounts = z.object({
  pending: z.number().int(),
  inFlight: z.number().int(),
  synced: z.number().int(),
  failed: z.number().int(),
  dead: z.number().int(),
})

export const SyncStatusView = z.object({
  enrollment: EnrollmentState,
  state: SyncState,
  serverUrl: z.string().nullable(),
  storeId: z.string().nullable(),
  counts: SyncCounts,
  /** When the oldest record still waiting to reach the server was made. */
  oldestPendingAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.object({ message: z.string(), at: z.string() }).nullable(),
  /** Progress of the current pull (first sync of a big catalog can take a while). */
  pull: z
    .object({
      pulledChanges: z.number().int(),
      pages: z.number().int(),
      headSeq: z.number().int().nullable(),
      /** 0-100 from where the pull started to the server's head; null before the first page. */
      percent: z.number().int().min(0).max(100).nullable(),
    })
    .nullable(),
  isRealtimeConnected: z.boolean(),
})

export const EnrollInput = z
  .object({
    serverUrl: z
      .url({
        protocol: /^https?$/,
        error: 'Enter the server address, e.g. http://192.168.1.10:4000',
      })
      .max(300),
    enrollmentCode: z
      .string()
      .trim()
      .min(4, 'The enrollment code is at least 4 characters')
      .max(64),
    deviceName: z.string().trim().min(1).max(100).optional(),
  })
  .strict()

export const DeadRecord = z.object({
  outboxId: z.number().int(),
  entity: z.string(),
  entityId: z.string(),
  /** Human label, e.g. the order number. */
  label: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  updatedAt: z.string(),
})

export const RetryDeadInput = z
  .object({ outboxIds: z.array(z.number().int().positive()).max(1000).optional() })
  .strict()
  .default({})
