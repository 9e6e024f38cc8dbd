import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'
import {
  SeedBatchRequest,
  SeedSyncableOrder,
  SeedSyncableTransaction,
  SeedUpdatesQuery,
  MAX_BATCH_RECORDS,
  OrderEnvelope,
  TransactionData,
  envelopeToSeedOrder,
  moneyToCents,
  moneyToDecimal,
  seedOrderToEnvelope,
} from '../../shared/sync'
import type { ChangeResult, SeedSyncResponse } from '../../shared/sync'
import { assertSameDevice, authenticate, requireDevice } from '../auth/principal'
import type { Principal } from '../auth/principal'
import { sha256Hex } from '../auth/tokens'
import {
  HttpError,
  issuesOf,
  parseOrThrow,
  refuseUnstorableValues,
  validationError,
} from '../http/errors'
import type { Issue } from '../http/errors'
import { encodeSyncToken, parseSince } from '../sync/cursor'
import { recordHash } from '../sync/hash'
import { pullRecords } from '../sync/pull'
import type { PushItem } from '../sync/push'
import { pushRecords } from '../sync/push'
import type { RecordRow } from '../sync/records'
import type { RouteContext } from './context'
import { tooManyRecords } from './sync'

type DeviceOf = Extract<Principal, { kind: 'device' }>
type SeedOrderWrapper = z.infer<typeof SeedSyncableOrder>
type SeedTransactionWrapper = z.infer<typeof SeedSyncableTransaction>

/** Converts one seed wrapper to a push item, collecting (not throwing) its issues. */
function seedItem(
  entity: 'order' | 'transaction',
  wrapper: SeedOrderWrapper | SeedTransactionWrapper,
  path: (string | number)[],
  device: DeviceOf,
  issues: Issue[],
): PushItem | null {
  assertSameDevice(device, wrapper.deviceId)
  let converted: unknown
  try {
    converted =
      entity === 'order'
        ? seedOrderToEnvelope((wrapper as SeedOrderWrapper).order)
        : moneyToCents((wrapper as SeedTransactionWrapper).transaction)
  } catch (error) {
    issues.push({
      path: [...path, entity].join('.'),
      message: error instanceof Error ? error.message : String(error),
    })
    return null
  }
  const parsed = (entity === 'order' ? OrderEnvelope : TransactionData).safeParse(converted)
  if (!parsed.success) {
    issues.push(...issuesOf(parsed.error, [...path, entity]))
    return null
  }
  const deleted = wrapper.syncStatus === 'DELETED'
  const data = deleted ? null : parsed.data
  // The seed carries no mutation id: one (record, version, content) is one mutation.
  const mutationId = `seed:${sha256Hex(`${entity}\u0000${wrapper.localId}\u0000${wrapper.syncVersion}\u0000${recordHash(data)}\u0000${deleted}`)}`
  return {
    mutationId,
    entity,
    id: wrapper.localId,
    deleted,
    data,
    baseVersion: 0,
    clientVersion: wrapper.syncVersion,
  }
}

function seedSyncedId(
  entity: 'order' | 'transaction',
  wrapper: SeedOrderWrapper | SeedTransactionWrapper,
): string {
  return entity === 'order'
    ? (wrapper as SeedOrderWrapper).order.id
    : (wrapper as SeedTransactionWrapper).transaction.id
}

function toSeedWrapper(row: RecordRow): Record<string, unknown> {
  const meta = {
    localId: row.id,
    syncStatus: row.deleted ? 'DELETED' : 'SYNCED',
    syncVersion: row.version,
    deviceId: row.originDeviceId,
    serverHash: row.hash,
    updatedAt: row.updatedAt.getTime(),
  }
  if (row.entity === 'order')
    return { order: row.data ? envelopeToSeedOrder(row.data as OrderEnvelope) : null, ...meta }
  return {
    transaction: row.data ? moneyToDecimal(row.data as Record<string, unknown>) : null,
    ...meta,
  }
}

function toSeedResponse(
  result: ChangeResult,
  serverId: string,
  clientVersion: number,
): SeedSyncResponse {
  const isSuccess = result.status === 'applied' || result.status === 'duplicate'
  const response: SeedSyncResponse = {
    success: isSuccess,
    serverId,
    syncedAt: Date.now(),
    message: result.error?.message ?? (result.status === 'duplicate' ? 'already in sync' : null),
    conflicts: null,
    localId: result.id,
    status: result.status,
    syncVersion: result.serverVersion,
    serverHash: result.serverHash,
  }
  if (result.status === 'conflict') {
    response.message = 'conflict: the server has a newer version (SERVER_WINS)'
    response.conflicts = [
      {
        localId: result.id,
        clientVersion,
        serverVersion: result.serverVersion ?? 0,
        serverHash: result.serverHash ?? '',
        reason: 'VERSION_CONFLICT',
      },
    ]
    const server = result.serverRecord
    if (server) {
      response.serverData = toSeedWrapper({
        storeId: '',
        entity: server.entity,
        id: server.id,
        version: server.version,
        seq: server.seq,
        hash: server.hash,
        data: server.data,
        deleted: server.deleted,
        originDeviceId: null,
        lastDeviceId: server.deviceId,
        createdAt: new Date(server.updatedAt),
        updatedAt: new Date(server.updatedAt),
      })
    }
  }
  return response
}

export function registerSeedRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config, bus } = context

  async function push(device: DeviceOf, items: PushItem[]) {
    const outcome = await pushRecords(
      db,
      { storeId: device.storeId, deviceId: device.deviceId, policies: config.policies },
      items,
    )
    if (outcome.isIsolated)
      app.log.warn(
        { storeId: device.storeId },
        'batch refused as a whole; re-ran one savepoint per record',
      )
    if (outcome.isChanged)
      bus.publish({ type: 'poke', storeId: device.storeId, headSeq: outcome.headSeq })
    return outcome.results
  }

  async function serverUpdates(
    device: DeviceOf,
    since: string | number | null | undefined,
    limit: number,
  ) {
    const cursor = parseSince(since, device.storeId, true)
    if (cursor.kind === 'invalid') throw new HttpError(400, 'INVALID_TOKEN', cursor.reason)
    const page = await pullRecords(db, {
      storeId: device.storeId,
      since: cursor,
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
    return {
      updates,
      nextSyncToken: encodeSyncToken(device.storeId, page.nextSeq),
      hasMore: page.hasMore,
    }
  }

  async function single(
    entity: 'order' | 'transaction',
    body: unknown,
    device: DeviceOf,
  ): Promise<SeedSyncResponse> {
    refuseUnstorableValues(body, entity)
    const wrapper = parseOrThrow(
      entity === 'order' ? SeedSyncableOrder : SeedSyncableTransaction,
      body,
      entity,
    )
    const issues: Issue[] = []
    const item = seedItem(entity, wrapper, [], device, issues)
    if (!item) throw validationError(issues, entity)
    const [result] = await push(device, [item])
    if (!result) throw new Error('push returned no result')
    return toSeedResponse(result, seedSyncedId(entity, wrapper), wrapper.syncVersion)
  }

  app.post('/api/sync/batch', async (request) => {
    const device = requireDevice(await authenticate(db, signer, request))
    const raw = request.body as { orders?: unknown; transactions?: unknown } | null
    const count =
      (Array.isArray(raw?.orders) ? raw.orders.length : 0) +
      (Array.isArray(raw?.transactions) ? raw.transactions.length : 0)
    if (count > MAX_BATCH_RECORDS) throw tooManyRecords(count)
    refuseUnstorableValues(request.body, 'batch')
    const body = parseOrThrow(SeedBatchRequest, request.body, 'batch')
    assertSameDevice(device, body.deviceId)
    const cursor = parseSince(body.lastSyncTimestamp, device.storeId, true)
    if (cursor.kind === 'invalid') throw new HttpError(400, 'INVALID_TOKEN', cursor.reason)
    const issues: Issue[] = []
    const orderItems = body.orders.map((wrapper, index) =>
      seedItem('order', wrapper, ['orders', index], device, issues),
    )
    const transactionItems = body.transactions.map((wrapper, index) =>
      seedItem('transaction', wrapper, ['transactions', index], device, issues),
    )
    if (issues.length > 0) throw validationError(issues, 'batch')
    const items = [...orderItems, ...transactionItems].filter(
      (item): item is PushItem => item !== null,
    )
    const results = await push(device, items)
    const syncedOrders = body.orders.map((wrapper, index) =>
      toSeedResponse(results[index]!, wrapper.order.id, wrapper.syncVersion),
    )
    const syncedTransactions = body.transactions.map((wrapper, index) =>
      toSeedResponse(
        results[body.orders.length + index]!,
        wrapper.transaction.id,
        wrapper.syncVersion,
      ),
    )
    const { updates, nextSyncToken, hasMore } = await serverUpdates(
      device,
      body.lastSyncTimestamp,
      500,
    )
    return {
      success: true,
      syncedOrders,
      syncedTransactions,
      serverUpdates: updates,
      nextSyncToken,
      hasMore,
    }
  })

  app.post('/api/sync/order', async (request) =>
    single('order', request.body, requireDevice(await authenticate(db, signer, request))),
  )
  app.post('/api/sync/transaction', async (request) =>
    single('transaction', request.body, requireDevice(await authenticate(db, signer, request))),
  )

  app.get('/api/sync/updates', async (request) => {
    const device = requireDevice(await authenticate(db, signer, request))
    const query = parseOrThrow(SeedUpdatesQuery, request.query, 'query')
    assertSameDevice(device, query.deviceId)
    const { updates, nextSyncToken, hasMore } = await serverUpdates(
      device,
      query.since,
      query.limit ?? 500,
    )
    return { ...updates, nextSyncToken, hasMore }
  })
}
