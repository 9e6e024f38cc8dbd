import { z } from 'zod'
import { centsToDecimal, decimalToCents } from './decimalCents'
import type { OrderEnvelope } from './entities'

/**
 * The seed documents' JSON (docs/seeds 004): decimal amounts, `localId`, `syncStatus`,
 * `syncVersion`, epoch-millisecond timestamps. These schemas and converters sit at the boundary;
 * inside, everything is wire v1 (cents, ISO-8601 timestamps).
 *
 * Ids: a seed record is known by its wrapper's `localId` and nothing else. It is the record id the
 * server stores (wire v1 `id`), the `serverId` and `conflicts[].localId` of every reply, and the
 * value in `deletedOrderIds`/`deletedTransactionIds`. `order.id`/`transaction.id` are data, relayed
 * unchanged.
 */
export const SeedSyncStatus = z.enum([
  'PENDING',
  'SYNCING',
  'SYNCED',
  'FAILED',
  'MODIFIED',
  'DELETED',
])
export type SeedSyncStatus = z.infer<typeof SeedSyncStatus>

const Amount = z.union([z.number(), z.string().max(40)])
const SeedId = z.string().min(1).max(128)

/** Latest instant a JavaScript Date holds, in epoch milliseconds. */
const MAX_EPOCH_MS = 8.64e15
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i

/** A seed timestamp (epoch milliseconds or ISO-8601) as epoch milliseconds; throws when it is neither. */
export function seedTimestampToEpochMs(value: number | string): number {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_EPOCH_MS)
      throw new RangeError(`not a timestamp in epoch milliseconds: ${value}`)
    return value
  }
  const at = ISO_8601.test(value.trim()) ? Date.parse(value.trim()) : Number.NaN
  if (Number.isNaN(at))
    throw new RangeError(
      `not an ISO-8601 timestamp or epoch milliseconds: ${JSON.stringify(value)}`,
    )
  return at
}

/** Epoch milliseconds or an ISO-8601 string, read as epoch milliseconds (the seed's own form). */
export const SeedTimestamp = z.union([z.number(), z.string().max(64)]).transform((value, ctx) => {
  try {
    return seedTimestampToEpochMs(value)
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message })
    return z.NEVER
  }
})

export const SeedOrderItem = z.looseObject({
  quantity: z.number().positive().optional(),
})
export const SeedOrder = z.looseObject({
  id: SeedId,
  orderNumber: z.string().max(80).optional(),
  total: Amount,
  items: z.array(SeedOrderItem).max(500).optional(),
  payments: z
    .array(z.looseObject({ amount: Amount }))
    .max(50)
    .optional(),
})
export const SeedTransaction = z.looseObject({
  id: SeedId,
  amount: Amount,
})

/** The wrapper around one seed record: what a single-record request needs to be answered at all. */
export const SeedSyncMeta = z.looseObject({
  localId: SeedId,
  syncStatus: SeedSyncStatus.optional(),
  syncVersion: z.number().int().min(1).max(2_147_483_647).default(1),
  deviceId: z.string().min(1).max(128).optional(),
  serverHash: z.string().max(128).nullable().optional(),
  createdAt: SeedTimestamp.optional(),
  updatedAt: SeedTimestamp.optional(),
})
export type SeedSyncMeta = z.infer<typeof SeedSyncMeta>

export const SeedSyncableOrder = SeedSyncMeta.extend({ order: SeedOrder })
export type SeedSyncableOrder = z.infer<typeof SeedSyncableOrder>
export const SeedSyncableTransaction = SeedSyncMeta.extend({ transaction: SeedTransaction })
export type SeedSyncableTransaction = z.infer<typeof SeedSyncableTransaction>

/**
 * `lastSyncTimestamp`/`since`: the seed endpoints' nextSyncToken (a decimal server sequence), a
 * millisecond *server* timestamp, or an ISO-8601 server time.
 */
export const SeedSince = z
  .union([z.number().int().nonnegative(), z.string().max(200)])
  .nullable()
  .optional()

/** The batch as documented: each record is validated on its own (one bad record is answered alone). */
export const SeedBatchRequest = z.looseObject({
  deviceId: z.string().min(1).max(128),
  orders: z.array(SeedSyncableOrder).default([]),
  transactions: z.array(SeedSyncableTransaction).default([]),
  lastSyncTimestamp: SeedSince,
})
export type SeedBatchRequest = z.infer<typeof SeedBatchRequest>

/** What must hold for a batch to be answered at all: the records inside are checked one by one. */
export const SeedBatchEnvelope = z.looseObject({
  deviceId: z.string().min(1).max(128),
  orders: z.array(z.unknown()).default([]),
  transactions: z.array(z.unknown()).default([]),
  lastSyncTimestamp: SeedSince,
})

export const SeedUpdatesQuery = z.strictObject({
  deviceId: z.string().min(1).max(128),
  since: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
})

export const SeedConflict = z.object({
  localId: z.string(),
  clientVersion: z.number().int(),
  serverVersion: z.number().int(),
  serverHash: z.string(),
  /** VERSION_CONFLICT, or the rule that keeps the server's row (IMMUTABLE_SALE). */
  reason: z.string(),
})

/** The seed's SyncResponse, plus `status`, `syncVersion` and `serverHash` a seed client ignores. */
export const SeedSyncResponse = z.object({
  success: z.boolean(),
  /** The record's `localId`: the id the server keeps it under. */
  serverId: z.string().nullable(),
  syncedAt: z.number().int(),
  message: z.string().nullable(),
  conflicts: z.array(SeedConflict).nullable(),
  localId: z.string(),
  status: z.enum(['applied', 'duplicate', 'conflict', 'rejected', 'retry']),
  syncVersion: z.number().int().nullable(),
  serverHash: z.string().nullable(),
  serverData: z.unknown().optional(),
})
export type SeedSyncResponse = z.infer<typeof SeedSyncResponse>

export const SeedServerUpdates = z.object({
  orders: z.array(z.unknown()),
  transactions: z.array(z.unknown()),
  /** `localId`s of deleted records. */
  deletedOrderIds: z.array(z.string()),
  deletedTransactionIds: z.array(z.string()),
})

/** Decimal fields of the seed documents and their wire v1 counterparts (`total` -> `totalCents`). */
const MONEY_KEYS = new Set([
  'subtotal',
  'tax',
  'total',
  'discount',
  'amount',
  'unitPrice',
  'price',
  'lineTotal',
  'tendered',
  'change',
  'tip',
])

/** `createdAt`, `paidAt`, `timestamp`: epoch milliseconds in the seed, ISO-8601 on wire v1. */
const isTimestampKey = (key: string) => key === 'timestamp' || /[a-z]At$/.test(key)

/**
 * Converts one flat seed object to wire v1: decimal money fields to `...Cents`, timestamps
 * (epoch milliseconds or ISO-8601) to ISO-8601 UTC, the rest as is. Throws a RangeError naming
 * the field when an amount or timestamp is not one.
 */
export function seedFieldsToWire(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    const isConvertible = typeof value === 'number' || typeof value === 'string'
    try {
      if (MONEY_KEYS.has(key) && isConvertible) out[`${key}Cents`] = decimalToCents(value)
      else if (isTimestampKey(key) && isConvertible)
        out[key] = new Date(seedTimestampToEpochMs(value)).toISOString()
      else out[key] = value
    } catch (error) {
      throw new RangeError(`${key}: ${(error as Error).message}`, { cause: error })
    }
  }
  return out
}

/** Wire v1 -> seed: `...Cents` to decimals, ISO-8601 timestamps to epoch milliseconds. */
export function wireFieldsToSeed(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    const base = key.endsWith('Cents') ? key.slice(0, -'Cents'.length) : null
    if (base !== null && MONEY_KEYS.has(base) && typeof value === 'number') {
      out[base] = centsToDecimal(value)
    } else if (isTimestampKey(key) && typeof value === 'string' && ISO_8601.test(value)) {
      const at = Date.parse(value)
      out[key] = Number.isNaN(at) ? value : at
    } else {
      out[key] = value
    }
  }
  return out
}

/** Seed order (items inside, decimals) -> wire v1 order envelope. `orderStatus` becomes `status`. */
export function seedOrderToEnvelope(order: z.infer<typeof SeedOrder>): OrderEnvelope {
  const {
    items = [],
    payments = [],
    orderStatus,
    ...header
  } = order as Record<string, unknown> & {
    items?: Record<string, unknown>[]
    payments?: Record<string, unknown>[]
    orderStatus?: unknown
  }
  const converted = seedFieldsToWire(header)
  if (orderStatus !== undefined) converted.status = orderStatus
  const inList = (what: string, index: number, convert: () => Record<string, unknown>) => {
    try {
      return convert()
    } catch (error) {
      throw new RangeError(`${what}.${index}.${(error as Error).message}`, { cause: error })
    }
  }
  return {
    order: converted as OrderEnvelope['order'],
    items: items.map((item, index) => inList('items', index, () => seedFieldsToWire(item))),
    payments: payments.map(
      (payment, index) =>
        inList('payments', index, () =>
          seedFieldsToWire(payment),
        ) as OrderEnvelope['payments'][number],
    ),
  }
}

export function envelopeToSeedOrder(envelope: OrderEnvelope): Record<string, unknown> {
  const { status, ...header } = envelope.order
  const order = wireFieldsToSeed(header)
  if (status !== undefined) order.orderStatus = status
  order.items = envelope.items.map((item) => wireFieldsToSeed(item))
  if (envelope.payments.length > 0)
    order.payments = envelope.payments.map((payment) => wireFieldsToSeed(payment))
  return order
}
