import { and, eq } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { syncRecords } from '../../../src/server/db/schema'
import { uuid } from './harness'
import type { SuiteContext } from './suiteContext'
import { countRecords } from './suiteContext'

/** The seed-compatible endpoints. */
export function seedTests(ctx: SuiteContext): void {
  it('serves the seed endpoints with exact decimal amounts', async () => {
    const { app, db, setUp } = ctx
    const { store, a, b } = await setUp()
    const localId = uuid()
    const seedOrder = {
      order: {
        id: 'order-123',
        orderNumber: 'ORD-1001',
        subtotal: 42.57,
        tax: 3.42,
        total: 45.99,
        orderStatus: 'COMPLETED',
        items: [{ productId: 'p1', name: 'Tea', quantity: 3, unitPrice: 14.19, total: 42.57 }],
      },
      localId,
      syncStatus: 'PENDING',
      syncVersion: 1,
      deviceId: a.deviceId,
    }
    const replies = []
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/sync/order',
        headers: { authorization: a.headers.authorization! },
        payload: seedOrder,
      })
      expect(response.statusCode, response.body).toBe(200)
      replies.push(response.json<{ success: boolean; serverId: string }>())
    }
    expect(replies.every((reply) => reply.success && reply.serverId === localId)).toBe(true)
    expect(await countRecords(db, store.storeId, 'order')).toBe(1)
    const [row] = await db
      .select()
      .from(syncRecords)
      .where(and(eq(syncRecords.storeId, store.storeId), eq(syncRecords.id, localId)))
    expect(row?.data).toMatchObject({
      order: { totalCents: 4599, taxCents: 342, status: 'COMPLETED' },
      items: [{ unitPriceCents: 1419 }],
    })

    const transaction = {
      transaction: {
        id: 'tx-1',
        referenceNumber: 'REF-1',
        amount: 0.07,
        paymentMethod: 'CASH',
        status: 'COMPLETED',
      },
      localId: uuid(),
      syncVersion: 1,
      deviceId: a.deviceId,
    }
    const txReply = await app.inject({
      method: 'POST',
      url: '/api/sync/transaction',
      headers: a.headers,
      payload: transaction,
    })
    expect(txReply.json()).toMatchObject({ success: true, serverId: transaction.localId })

    const batch = await app.inject({
      method: 'POST',
      url: '/api/sync/batch',
      headers: b.headers,
      payload: { deviceId: b.deviceId, orders: [], transactions: [], lastSyncTimestamp: 0 },
    })
    expect(batch.statusCode, batch.body).toBe(200)
    const body = batch.json<{
      success: boolean
      serverUpdates: {
        orders: { order: unknown; localId: string; syncVersion: number }[]
        transactions: { transaction: unknown }[]
      }
      nextSyncToken: string
    }>()
    expect(body.success).toBe(true)
    expect(body.serverUpdates.orders).toEqual([
      expect.objectContaining({ localId, syncVersion: 1, order: seedOrder.order }),
    ])
    expect(body.serverUpdates.transactions).toEqual([
      expect.objectContaining({ transaction: transaction.transaction }),
    ])

    // Seed rule: a lower syncVersion gets the server's row back; a higher one wins.
    const newer = {
      ...seedOrder,
      syncVersion: 3,
      order: { ...seedOrder.order, orderStatus: 'REFUNDED' },
    }
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/sync/order',
          headers: a.headers,
          payload: newer,
        })
      ).json(),
    ).toMatchObject({ success: true, status: 'applied', syncVersion: 3 })
    const stale = {
      ...seedOrder,
      syncVersion: 2,
      deviceId: b.deviceId,
      order: { ...seedOrder.order, orderStatus: 'VOIDED' },
    }
    const conflict = (
      await app.inject({
        method: 'POST',
        url: '/api/sync/order',
        headers: b.headers,
        payload: stale,
      })
    ).json<{ success: boolean; conflicts: unknown[]; serverData: { order: unknown } }>()
    expect(conflict).toMatchObject({
      success: false,
      conflicts: [{ localId, clientVersion: 2, serverVersion: 3 }],
    })
    expect(conflict.serverData.order).toEqual(newer.order)

    const since = (
      await app.inject({
        method: 'GET',
        url: `/api/sync/updates?deviceId=${b.deviceId}&since=${body.nextSyncToken}`,
        headers: b.headers,
      })
    ).json<{ orders: { order: { orderStatus: string } }[] }>()
    expect(since.orders.map((order) => order.order.orderStatus)).toEqual(['REFUNDED'])
    const byTime = (
      await app.inject({
        method: 'GET',
        url: `/api/sync/updates?deviceId=${b.deviceId}&since=${Date.now() + 60_000}`,
        headers: b.headers,
      })
    ).json<{ orders: unknown[] }>()
    expect(byTime.orders).toEqual([])
    const deleted = await app.inject({
      method: 'POST',
      url: '/api/sync/transaction',
      headers: a.headers,
      payload: { ...transaction, syncVersion: 2, syncStatus: 'DELETED' },
    })
    expect(deleted.json()).toMatchObject({ success: true, status: 'applied' })
    const afterDelete = (
      await app.inject({
        method: 'GET',
        url: `/api/sync/updates?deviceId=${b.deviceId}&since=${body.nextSyncToken}`,
        headers: b.headers,
      })
    ).json<{ deletedTransactionIds: string[] }>()
    expect(afterDelete.deletedTransactionIds).toEqual([transaction.localId])

    const inexact = await app.inject({
      method: 'POST',
      url: '/api/sync/order',
      headers: a.headers,
      payload: { ...seedOrder, localId: uuid(), order: { ...seedOrder.order, total: 45.999 } },
    })
    expect(inexact.statusCode).toBe(200)
    expect(inexact.json()).toMatchObject({ success: false, status: 'rejected', conflicts: null })
    expect(inexact.json<{ message: string }>().message).toContain('order.total')
  })
}
