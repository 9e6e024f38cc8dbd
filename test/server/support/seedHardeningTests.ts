import { and, eq } from 'drizzle-orm'
import type { FastifyBaseLogger } from 'fastify'
import { expect, it } from 'vitest'
import { devices, syncRecords } from '../../../src/server/db/schema'
import { runPush } from '../../../src/server/routes/runPush'
import { testConfig, uuid } from './harness'
import type { Device } from './harness'
import type { SuiteContext } from './suiteContext'
import { countRecords } from './suiteContext'

interface SeedReply {
  success: boolean
  serverId: string | null
  message: string | null
  status: string
  localId: string
  syncVersion: number | null
  conflicts: { localId: string; reason: string; serverVersion: number }[] | null
  serverData?: { order: Record<string, unknown>; syncVersion: number }
}
interface BatchReply {
  success: boolean
  syncedOrders: SeedReply[]
  syncedTransactions: SeedReply[]
  serverUpdates: {
    orders: { localId: string; order: Record<string, unknown> }[]
    transactions: { localId: string }[]
    deletedOrderIds: string[]
    deletedTransactionIds: string[]
  }
  nextSyncToken: string
}

const DAY_START = Date.UTC(2026, 10, 21, 8, 0, 0)

/** A seed client's order: Double amounts from float arithmetic, epoch-millisecond timestamps. */
function seedOrder(device: Device, localId: string, minute: number, extra: object = {}) {
  const unitPrice = 1.1 + 2.39 // 3.4899999999999998
  const quantity = 1 + (minute % 3)
  const subtotal = unitPrice * quantity
  const tax = 0.1 + 0.2 // 0.30000000000000004
  return {
    order: {
      id: `order-${localId.slice(0, 8)}`,
      orderNumber: `ORD-${minute}`,
      subtotal,
      tax,
      total: subtotal + tax,
      orderStatus: 'COMPLETED',
      createdAt: DAY_START + minute * 60_000,
      updatedAt: DAY_START + minute * 60_000,
      items: [{ productId: 'p1', name: 'Tea', quantity, unitPrice, total: subtotal }],
      ...extra,
    },
    localId,
    syncStatus: 'PENDING',
    syncVersion: 1,
    deviceId: device.deviceId,
    createdAt: DAY_START + minute * 60_000,
    updatedAt: DAY_START + minute * 60_000,
  }
}

/** Issue 12, items 1-9: what black-box seed clients found. */
export function seedHardeningTests(ctx: SuiteContext): void {
  const post = (url: string, device: Device, payload: unknown) =>
    ctx.app.inject({ method: 'POST', url, headers: device.headers, payload: payload as object })
  const batch = async (device: Device, payload: object) => {
    const response = await post('/api/sync/batch', device, {
      deviceId: device.deviceId,
      ...payload,
    })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<BatchReply>()
  }
  const stored = async (storeId: string, id: string) => {
    const [row] = await ctx.db
      .select()
      .from(syncRecords)
      .where(and(eq(syncRecords.storeId, storeId), eq(syncRecords.id, id)))
    return row
  }

  it('takes epoch-ms and ISO timestamps alike and stores one form', async () => {
    const { store, a, b } = await ctx.setUp()
    const localId = uuid()
    const asNumbers = seedOrder(a, localId, 5)
    const first = await post('/api/sync/order', a, asNumbers)
    expect(first.json(), first.body).toMatchObject({ success: true, status: 'applied' })
    const iso = new Date(DAY_START + 5 * 60_000).toISOString()
    const asStrings = {
      ...asNumbers,
      createdAt: iso,
      updatedAt: iso,
      order: { ...asNumbers.order, createdAt: iso, updatedAt: iso.replace('.000Z', '+00:00') },
    }
    // The same sale written with ISO strings is the same record: stored once, in one form.
    const second = await post('/api/sync/order', a, asStrings)
    expect(second.json(), second.body).toMatchObject({ success: true, status: 'duplicate' })
    expect((await stored(store.storeId, localId))?.data).toMatchObject({
      order: { createdAt: iso, updatedAt: iso },
    })
    const transaction = await post('/api/sync/transaction', a, {
      transaction: { id: 't1', amount: 12.5, createdAt: iso, paidAt: DAY_START },
      localId: uuid(),
      deviceId: a.deviceId,
      createdAt: DAY_START,
      updatedAt: iso,
    })
    expect(transaction.json(), transaction.body).toMatchObject({ success: true })
    const bad = await post('/api/sync/order', a, {
      ...asNumbers,
      localId: uuid(),
      order: { ...asNumbers.order, createdAt: 'yesterday' },
    })
    expect(bad.json()).toMatchObject({ success: false, status: 'rejected' })
    expect(bad.json<SeedReply>().message).toContain('createdAt')
    // Replies carry the seed's own form: epoch milliseconds.
    const updates = await batch(b, { orders: [], transactions: [] })
    expect(updates.serverUpdates.orders[0]?.order).toMatchObject({
      createdAt: DAY_START + 5 * 60_000,
      updatedAt: DAY_START + 5 * 60_000,
    })
  })

  it('answers a bad record alone in a seed batch and applies the others', async () => {
    const { store, a } = await ctx.setUp()
    const good = seedOrder(a, uuid(), 1)
    const goodTransaction = { transaction: { id: 't1', amount: 5 }, localId: uuid() }
    const reply = await batch(a, {
      orders: [
        good,
        { ...seedOrder(a, uuid(), 2), order: { ...good.order, total: 'lots' } },
        { ...seedOrder(a, uuid(), 3), syncVersion: 'one' },
        { order: good.order },
      ],
      transactions: [goodTransaction, { transaction: { id: 't2' }, localId: uuid() }],
    })
    expect(reply.syncedOrders.map((order) => [order.success, order.status])).toEqual([
      [true, 'applied'],
      [false, 'rejected'],
      [false, 'rejected'],
      [false, 'rejected'],
    ])
    expect(reply.syncedOrders[1]!.message).toMatch(/order\.total/)
    expect(reply.syncedOrders[2]!.message).toMatch(/syncVersion/)
    expect(reply.syncedOrders[3]!.message).toMatch(/localId/)
    expect(reply.syncedTransactions.map((transaction) => transaction.success)).toEqual([
      true,
      false,
    ])
    expect(await countRecords(ctx.db, store.storeId)).toBe(2)
    // Only a body that is not a batch at all is refused whole.
    const notBatch = await post('/api/sync/batch', a, { deviceId: a.deviceId, orders: {} })
    expect(notBatch.statusCode).toBe(400)
  })

  it('stores Double arithmetic as its cent and refuses a real fraction of a cent', async () => {
    const { store, a } = await ctx.setUp()
    const localId = uuid()
    const reply = await post('/api/sync/order', a, seedOrder(a, localId, 0))
    expect(reply.json(), reply.body).toMatchObject({ success: true })
    expect((await stored(store.storeId, localId))?.data).toMatchObject({
      order: { subtotalCents: 349, taxCents: 30, totalCents: 379 },
      items: [{ unitPriceCents: 349, totalCents: 349 }],
    })
    for (const total of [45.995, '45.999', 0.001]) {
      const refused = await post('/api/sync/order', a, {
        ...seedOrder(a, uuid(), 0),
        order: { ...seedOrder(a, uuid(), 0).order, total },
      })
      expect(refused.statusCode).toBe(200)
      expect(refused.json()).toMatchObject({ success: false, status: 'rejected' })
      expect(refused.json<SeedReply>().message).toMatch(
        /order\.total.*(fraction of a cent|decimals)/,
      )
    }
    expect(await countRecords(ctx.db, store.storeId)).toBe(1)
  })

  it('answers a change to a completed sale as a SERVER_WINS conflict, never a bare refusal', async () => {
    const { store, a } = await ctx.setUp()
    const localId = uuid()
    const original = seedOrder(a, localId, 0)
    await post('/api/sync/order', a, original)
    const edited = {
      ...original,
      syncVersion: 2,
      order: { ...original.order, total: 99, items: [] },
    }
    const deleted = { ...original, syncVersion: 3, syncStatus: 'DELETED' }
    for (const attempt of [edited, deleted]) {
      const reply = (await post('/api/sync/order', a, attempt)).json<SeedReply>()
      expect(reply).toMatchObject({
        success: false,
        status: 'conflict',
        syncVersion: 1,
        conflicts: [{ localId, serverVersion: 1, reason: 'IMMUTABLE_SALE' }],
      })
      expect(reply.message).toContain('SERVER_WINS')
      expect(reply.serverData).toMatchObject({ syncVersion: 1, order: { total: 3.79 } })
    }
    expect(await stored(store.storeId, localId)).toMatchObject({
      version: 1,
      deleted: false,
      data: { order: { totalCents: 379 } },
    })
  })

  it('hands out a decimal nextSyncToken that round-trips as since and lastSyncTimestamp', async () => {
    const { a, b } = await ctx.setUp()
    await post('/api/sync/order', a, seedOrder(a, uuid(), 1))
    const first = await batch(b, { orders: [], transactions: [], lastSyncTimestamp: 0 })
    expect(first.serverUpdates.orders).toHaveLength(1)
    expect(first.nextSyncToken).toMatch(/^\d+$/)
    const token = Number(first.nextSyncToken)
    // Nothing new: the token as a Long and as a string both give nothing again.
    expect(
      (await batch(b, { orders: [], transactions: [], lastSyncTimestamp: token })).serverUpdates
        .orders,
    ).toEqual([])
    const later = uuid()
    await post('/api/sync/order', a, seedOrder(a, later, 2))
    const viaUpdates = await ctx.app.inject({
      method: 'GET',
      url: `/api/sync/updates?deviceId=${b.deviceId}&since=${first.nextSyncToken}`,
      headers: b.headers,
    })
    expect(viaUpdates.json<{ orders: { localId: string }[] }>().orders).toEqual([
      expect.objectContaining({ localId: later }),
    ])
    const viaBatch = await batch(b, { orders: [], transactions: [], lastSyncTimestamp: token })
    expect(viaBatch.serverUpdates.orders.map((order) => order.localId)).toEqual([later])
    expect(Number(viaBatch.nextSyncToken)).toBeGreaterThan(token)
  })

  it('uses localId as the one id: serverId, conflicts and deleted ids', async () => {
    const { a, b } = await ctx.setUp()
    const orderId = uuid()
    const transactionId = uuid()
    const reply = await batch(a, {
      orders: [seedOrder(a, orderId, 1, { orderStatus: 'PENDING' })],
      transactions: [{ transaction: { id: 'tx-9', amount: 1 }, localId: transactionId }],
    })
    expect(reply.syncedOrders[0]).toMatchObject({ serverId: orderId, localId: orderId })
    expect(reply.syncedTransactions[0]).toMatchObject({ serverId: transactionId })
    await batch(a, {
      orders: [
        {
          ...seedOrder(a, orderId, 1, { orderStatus: 'PENDING' }),
          syncVersion: 2,
          syncStatus: 'DELETED',
        },
      ],
      transactions: [
        {
          transaction: { id: 'tx-9', amount: 1 },
          localId: transactionId,
          syncVersion: 2,
          syncStatus: 'DELETED',
        },
      ],
    })
    const updates = await batch(b, { orders: [], transactions: [] })
    expect(updates.serverUpdates.deletedOrderIds).toEqual([orderId])
    expect(updates.serverUpdates.deletedTransactionIds).toEqual([transactionId])
  })

  it('says duplicate, "already in sync", to a replay of a stored order', async () => {
    const { a } = await ctx.setUp()
    const order = seedOrder(a, uuid(), 4)
    expect((await post('/api/sync/order', a, order)).json()).toMatchObject({ status: 'applied' })
    for (const reply of [
      (await post('/api/sync/order', a, order)).json<SeedReply>(),
      (await batch(a, { orders: [order, order], transactions: [] })).syncedOrders[1]!,
    ])
      expect(reply).toMatchObject({
        success: true,
        status: 'duplicate',
        message: 'already in sync',
      })
  })

  it('maps a device that stopped being active to 401 on every push route alike', async () => {
    const { store, a } = await ctx.setUp()
    await ctx.db.update(devices).set({ revokedAt: new Date() }).where(eq(devices.id, a.deviceId))
    const silent = { warn: () => undefined } as unknown as FastifyBaseLogger
    const context = {
      db: ctx.db,
      config: testConfig(),
      signer: null as never,
      bus: { publish: () => undefined } as never,
      reportProjector: null as never,
      stockProjector: null as never,
    }
    await expect(
      runPush(
        context,
        {
          kind: 'device',
          deviceId: a.deviceId,
          storeId: a.storeId,
          tenantId: a.tenantId,
          role: 'register',
        },
        [],
        silent,
      ),
    ).rejects.toMatchObject({ statusCode: 401 })
    expect(store.storeId).toBe(a.storeId)
  })

  it('refuses a seed record with an overflowing number or a lone surrogate alone', async () => {
    const { store, a } = await ctx.setUp()
    const good = seedOrder(a, uuid(), 7)
    for (const poison of ['1e400', '"\\ud800"']) {
      const text = JSON.stringify({
        deviceId: a.deviceId,
        orders: [{ ...seedOrder(a, uuid(), 8), order: { ...good.order, note: 'POISON' } }, good],
      }).replace('"POISON"', poison)
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/sync/batch',
        headers: { ...a.headers, 'content-type': 'application/json' },
        payload: text,
      })
      expect(response.statusCode, response.body).toBe(200)
      const [refused, applied] = response.json<BatchReply>().syncedOrders
      expect(refused).toMatchObject({ success: false, status: 'rejected' })
      expect(refused!.message).toMatch(/order\.note: .*(finite|surrogate)/)
      expect(applied!.success).toBe(true)
    }
    expect(await countRecords(ctx.db, store.storeId)).toBe(1)
  })

  it('syncs a day of a seed client: every order ends synced or a SERVER_WINS conflict', async () => {
    const { store, a, b } = await ctx.setUp()
    const day = Array.from({ length: 60 }, (_, minute) => seedOrder(a, uuid(), minute * 8))
    const outcome = new Map<string, string>()
    let cursor: string | number = 0
    for (let start = 0; start < day.length; start += 20) {
      const chunk = day.slice(start, start + 20)
      // The reply is "lost" half the time: the client sends the same batch again.
      for (let attempt = 0; attempt < (start % 40 === 0 ? 2 : 1); attempt += 1) {
        const reply = await batch(a, { orders: chunk, transactions: [], lastSyncTimestamp: cursor })
        for (const result of reply.syncedOrders) {
          expect(result.success, result.message ?? '').toBe(true)
          outcome.set(result.localId, result.status)
        }
        cursor = Number(reply.nextSyncToken)
      }
    }
    // Register B holds stale copies of a few orders and edits them; A's client re-sends one.
    const stale = day.slice(0, 5).map((order) => ({ ...order, deviceId: b.deviceId }))
    const fromB = await batch(b, {
      orders: stale.map((order) => ({ ...order, order: { ...order.order, note: 'edited on B' } })),
      transactions: [],
    })
    for (const result of fromB.syncedOrders) {
      expect(result).toMatchObject({ success: false, status: 'conflict' })
      expect(result.conflicts?.[0]?.reason).toBe('VERSION_CONFLICT')
      expect(result.serverData?.order).toMatchObject({ orderNumber: expect.any(String) })
    }
    const resent = await batch(a, { orders: day.slice(0, 1), transactions: [] })
    expect(resent.syncedOrders[0]).toMatchObject({ success: true, status: 'duplicate' })
    expect([...outcome.values()].every((status) => ['applied', 'duplicate'].includes(status))).toBe(
      true,
    )
    expect(outcome.size).toBe(60)
    expect(await countRecords(ctx.db, store.storeId, 'order')).toBe(60)
    const pulled = await batch(b, { orders: [], transactions: [] })
    expect(pulled.serverUpdates.orders).toHaveLength(60)
  })
}
