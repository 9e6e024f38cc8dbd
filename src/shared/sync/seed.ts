import { z } from 'zod'
import { centsToDecimal, decimalToCents } from './decimalCents'
import type { OrderEnvelope } from './entities'

/**
 * The seed documents' JSON (docs/seeds 004): decimal amounts, `localId`, `syncStatus`,
 * `syncVersion`. These schemas and converters sit at the boundary; inside, everything is wire v1.
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

const syncMeta = {
  localId: SeedId,
  syncStatus: SeedSyncStatus.optional(),
  syncVersion: z.number().int().min(1).max(2_147_483_647).default(1),
  deviceId: z.string().min(1).max(128).optional(),
  serverHash: z.string().max(128).nullable().optional(),
  createdAt: z.number().optional(),
  updatedAt: z.number().optional(),
}

export const SeedSyncableOrder = z.looseObject({ order: SeedOrder, ...syncMeta })
export type SeedSyncableOrder = z.infer<typeof SeedSyncableOrder>
export const SeedSyncableTransaction = z.looseObject({ transaction: SeedTransaction, ...syncMeta })
export type SeedSyncableTransaction = z.infer<typeof SeedSyncableTransaction>

/** `lastSyncTimestamp`/`since`: a nextSyncToken or a millisecond *server* timestamp. */
export const SeedSince = z
  .union([z.number().int().nonnegative(), z.string().max(200)])
  .nullable()
  .optional()

export const SeedBatchRequest = z.looseObject({
  deviceId: z.string().min(1).max(128),
  orders: z.array(SeedSyncableOrder).default([]),
  transactions: z.array(SeedSyncableTransaction).default([]),
  lastSyncTimestamp: SeedSince,
})
export type SeedBatchRequest = z.infer<typeof SeedBatchRequest>

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
  reason: z.string(),
})

/** The seed's SyncResponse, plus `status`, `syncVersion` and `serverHash` a seed client ignores. */
export const SeedSyncResponse = z.object({
  success: z.boolean(),
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

/** Converts the decimal money fields of one flat object to `...Cents`, leaving the rest as is. */
export function moneyToCents(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    if (MONEY_KEYS.has(key) && (typeof value === 'number' || typeof value === 'string')) {
      out[`${key}Cents`] = decimalToCents(value)
    } else {
      out[key] = value
    }
  }
  return out
}

export function moneyToDecimal(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    const base = key.endsWith('Cents') ? key.slice(0, -'Cents'.length) : null
    if (base !== null && MONEY_KEYS.has(base) && typeof value === 'number') {
      out[base] = centsToDecimal(value)
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
  const converted = moneyToCents(header)
  if (orderStatus !== undefined) converted.status = orderStatus
  return {
    order: converted as OrderEnvelope['order'],
    items: items.map((item) => moneyToCents(item)),
    payments: payments.map((payment) => moneyToCents(payment) as OrderEnvelope['payments'][number]),
  }
}

export function envelopeToSeedOrder(envelope: OrderEnvelope): Record<string, unknown> {
  const { status, ...header } = envelope.order
  const order = moneyToDecimal(header)
  if (status !== undefined) order.orderStatus = status
  order.items = envelope.items.map((item) => moneyToDecimal(item))
  if (envelope.payments.length > 0)
    order.payments = envelope.payments.map((payment) => moneyToDecimal(payment))
  return order
}
