import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  MAX_BATCH_RECORDS,
  SeedBatchEnvelope,
  SeedSyncMeta,
  SeedUpdatesQuery,
  seedTimestampToEpochMs,
} from '../../shared/sync'
import type { SeedSyncResponse } from '../../shared/sync'
import { assertSameDevice, authenticate, requireDevice } from '../auth/principal'
import type { Principal } from '../auth/principal'
import { HttpError, parseOrThrow, refuseUnstorableValues } from '../http/errors'
import type { SinceCursor } from '../sync/cursor'
import { parseSince } from '../sync/cursor'
import { pullRecords } from '../sync/pull'
import type { RouteContext } from './context'
import { runPush } from './runPush'
import type { SeedEntity, SeedEntry } from './seedRecords'
import { seedEntry, toSeedResponse, toSeedWrapper } from './seedRecords'
import { tooManyRecords } from './sync'

type DeviceOf = Extract<Principal, { kind: 'device' }>

/**
 * The seed endpoints' nextSyncToken is the store's sync sequence written in decimal, so a seed
 * client can hold it in a Long and send it back as `lastSyncTimestamp` or `since`. A number from
 * FIRST_TIMESTAMP_MS up is a millisecond *server* timestamp instead (DESIGN §3 rule 1): no store
 * reaches a trillion changes, and no server timestamp predates September 2001.
 */
export const FIRST_TIMESTAMP_MS = 1e12

export const encodeSeedSyncToken = (seq: number): string => String(seq)

export function parseSeedSince(
  since: string | number | null | undefined,
  storeId: string,
): SinceCursor {
  if (since === undefined || since === null || since === '') return { kind: 'seq', seq: 0 }
  const text = String(since).trim()
  if (/^\d+$/.test(text)) {
    const value = Number(text)
    if (!Number.isSafeInteger(value)) return { kind: 'invalid', reason: 'since out of range' }
    if (value < FIRST_TIMESTAMP_MS) return { kind: 'seq', seq: value }
    const at = new Date(value)
    return Number.isNaN(at.getTime())
      ? { kind: 'invalid', reason: 'since timestamp out of range' }
      : { kind: 'time', at }
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    try {
      return { kind: 'time', at: new Date(seedTimestampToEpochMs(text)) }
    } catch (error) {
      return { kind: 'invalid', reason: (error as Error).message }
    }
  }
  // A wire v1 token (base64) still reads.
  return parseSince(text, storeId, false)
}

const withoutKeys = (body: unknown, keys: string[]): unknown => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) }
  for (const key of keys) delete copy[key]
  return copy
}

/** A wrapper naming another device is a scope breach, refused for the whole request. */
function assertWrapperDevice(device: DeviceOf, wrapper: unknown): void {
  const deviceId = (wrapper as { deviceId?: unknown } | null)?.deviceId
  if (typeof deviceId === 'string') assertSameDevice(device, deviceId)
}

export function registerSeedRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer } = context

  /** Pushes the entries that parsed; answers every entry, in order. */
  async function apply(
    request: FastifyRequest,
    device: DeviceOf,
    entries: SeedEntry[],
  ): Promise<SeedSyncResponse[]> {
    const items = entries.flatMap((entry) => (entry.kind === 'push' ? [entry.item] : []))
    const outcome = await runPush(context, device, items, request.log)
    let next = 0
    return entries.map((entry) => {
      if (entry.kind === 'refused') return entry.response
      const index = next++
      const result = outcome.results[index]
      if (!result) throw new Error('push returned fewer results than records')
      return toSeedResponse(result, outcome.isReplay[index] ?? false, entry.clientVersion)
    })
  }

  async function serverUpdates(device: DeviceOf, since: SinceCursor, limit: number) {
    if (since.kind === 'invalid') throw new HttpError(400, 'INVALID_TOKEN', since.reason)
    const page = await pullRecords(db, {
      storeId: device.storeId,
      since,
      limit,
      excludeWriterId: device.deviceId,
      entities: ['order', 'transaction'],
    })
    if (page.kind === 'reset')
      throw new HttpError(410, 'RESET', `${page.reason}: resync from an empty cursor`)
    const updates = {
      orders: [] as unknown[],
      transactions: [] as unknown[],
      deletedOrderIds: [] as string[],
      deletedTransactionIds: [] as string[],
    }
    for (const row of page.rows) {
      if (row.deleted)
        (row.entity === 'order' ? updates.deletedOrderIds : updates.deletedTransactionIds).push(
          row.id,
        )
      else (row.entity === 'order' ? updates.orders : updates.transactions).push(toSeedWrapper(row))
    }
    return { updates, nextSyncToken: encodeSeedSyncToken(page.nextSeq), hasMore: page.hasMore }
  }

  /** The wrapper's sync fields are the envelope (400 when unusable); the record is answered alone. */
  async function single(entity: SeedEntity, request: FastifyRequest): Promise<SeedSyncResponse> {
    const device = requireDevice(await authenticate(db, signer, request))
    const envelope = withoutKeys(request.body, [entity])
    refuseUnstorableValues(envelope, entity)
    const meta = parseOrThrow(SeedSyncMeta, envelope, entity)
    assertSameDevice(device, meta.deviceId)
    const [response] = await apply(request, device, [seedEntry(entity, request.body)])
    if (!response) throw new Error('no response for the record')
    return response
  }

  const recordRoute = { config: { hasRecordData: true } }

  app.post('/api/sync/batch', recordRoute, async (request) => {
    const device = requireDevice(await authenticate(db, signer, request))
    const raw = request.body as { orders?: unknown; transactions?: unknown } | null
    const count =
      (Array.isArray(raw?.orders) ? raw.orders.length : 0) +
      (Array.isArray(raw?.transactions) ? raw.transactions.length : 0)
    if (count > MAX_BATCH_RECORDS) throw tooManyRecords(count)
    refuseUnstorableValues(withoutKeys(raw, ['orders', 'transactions']), 'batch')
    const body = parseOrThrow(SeedBatchEnvelope, raw, 'batch')
    assertSameDevice(device, body.deviceId)
    for (const wrapper of [...body.orders, ...body.transactions])
      assertWrapperDevice(device, wrapper)
    const since = parseSeedSince(body.lastSyncTimestamp, device.storeId)
    if (since.kind === 'invalid') throw new HttpError(400, 'INVALID_TOKEN', since.reason)
    const responses = await apply(request, device, [
      ...body.orders.map((wrapper) => seedEntry('order', wrapper)),
      ...body.transactions.map((wrapper) => seedEntry('transaction', wrapper)),
    ])
    const { updates, nextSyncToken, hasMore } = await serverUpdates(device, since, 500)
    return {
      success: true,
      syncedOrders: responses.slice(0, body.orders.length),
      syncedTransactions: responses.slice(body.orders.length),
      serverUpdates: updates,
      nextSyncToken,
      hasMore,
    }
  })

  app.post('/api/sync/order', recordRoute, async (request) => single('order', request))
  app.post('/api/sync/transaction', recordRoute, async (request) => single('transaction', request))

  app.get('/api/sync/updates', async (request) => {
    const device = requireDevice(await authenticate(db, signer, request))
    const query = parseOrThrow(SeedUpdatesQuery, request.query, 'query')
    assertSameDevice(device, query.deviceId)
    const { updates, nextSyncToken, hasMore } = await serverUpdates(
      device,
      parseSeedSince(query.since, device.storeId),
      query.limit ?? 500,
    )
    return { ...updates, nextSyncToken, hasMore }
  })
}
