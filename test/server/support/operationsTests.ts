import { eq } from 'drizzle-orm'
import { expect, it } from 'vitest'
import WebSocket from 'ws'
import { mutationLedger, socketConnections, syncRecords } from '../../../src/server/db/schema'
import { startHousekeeping } from '../../../src/server/sync/housekeeping'
import { createAdmin, makeApp, uuid } from './harness'
import type { SuiteContext } from './suiteContext'

/** Housekeeping, stats, WebSocket. */
export function operationsTests(ctx: SuiteContext): void {
  it('purges week-old ledger entries and connection records in housekeeping, started and stopped as a job', async () => {
    const { db, setUp, pushOk, orderChange } = ctx
    const { store, a } = await setUp()
    await pushOk(a, [orderChange(uuid())])
    const old = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000)
    await db.insert(mutationLedger).values({
      deviceId: a.deviceId,
      mutationId: `old-${uuid()}`,
      storeId: store.storeId,
      status: 'applied',
      result: {},
      createdAt: old,
    })
    await db.insert(socketConnections).values({
      storeId: store.storeId,
      deviceId: a.deviceId,
      instanceId: 'gone',
      connectedAt: old,
      disconnectedAt: old,
    })
    const ledgerOf = async () =>
      (await db.select().from(mutationLedger).where(eq(mutationLedger.deviceId, a.deviceId))).length
    expect(await ledgerOf()).toBe(2)
    const reports: unknown[] = []
    const stop = startHousekeeping(db, {
      ledgerRetentionDays: 7,
      tombstoneRetentionDays: 90,
      intervalMs: 60 * 60 * 1000,
      onReport: (report) => reports.push(report),
    })
    await expect.poll(() => reports.length, { timeout: 10_000 }).toBe(1)
    await stop()
    expect(reports[0]).toMatchObject({
      ledgerPurged: expect.any(Number),
      connectionsPurged: expect.any(Number),
    })
    expect(await ledgerOf()).toBe(1)
    const connections = await db
      .select()
      .from(socketConnections)
      .where(eq(socketConnections.deviceId, a.deviceId))
    expect(connections).toEqual([])
  })

  it('reports per-device stats', async () => {
    const { app, setUp, pushOk, pull, orderChange } = ctx
    const { a, b } = await setUp()
    await pushOk(a, [orderChange(uuid()), orderChange(uuid())])
    await pull(b)
    const stats = (
      await app.inject({ method: 'GET', url: '/api/sync/stats', headers: a.headers })
    ).json<{
      headSeq: number
      records: number
      devices: { deviceId: string; cursorLag: number; lastSeenAt: string | null }[]
    }>()
    expect(stats).toMatchObject({ headSeq: 2, records: 2 })
    const byDevice = new Map(stats.devices.map((device) => [device.deviceId, device]))
    expect(byDevice.get(b.deviceId)?.cursorLag).toBe(0)
    expect(byDevice.get(a.deviceId)?.cursorLag).toBe(2)
    expect(byDevice.get(a.deviceId)?.lastSeenAt).not.toBeNull()
  })

  it('pokes the store room over the WebSocket and drops a socket that never pongs', async () => {
    const { db, setUp, pushOk, orderChange } = ctx
    const live = await makeApp(db, { websocket: { pingIntervalMs: 100, pongTimeoutMs: 1500 } })
    try {
      const address = await live.listen({ port: 0, host: '127.0.0.1' })
      const { a, b } = await setUp()
      const { a: other } = await setUp()
      const wsUrl = `${address.replace('http', 'ws')}/api/sync/ws`
      const messages = (socket: WebSocket) => {
        const received: unknown[] = []
        socket.on('message', (data) => received.push(JSON.parse(String(data))))
        return received
      }
      const listener = new WebSocket(wsUrl, {
        headers: { authorization: b.headers.authorization! },
      })
      const outsider = new WebSocket(wsUrl, {
        headers: { authorization: other.headers.authorization! },
      })
      const silent = new WebSocket(wsUrl, {
        headers: { authorization: b.headers.authorization! },
        autoPong: false,
      })
      const inbox = messages(listener)
      const outsiderInbox = messages(outsider)
      await Promise.all(
        [listener, outsider, silent].map(
          (socket) => new Promise((resolve) => socket.once('open', resolve)),
        ),
      )
      await expect.poll(() => inbox.length, { timeout: 10_000 }).toBe(1)
      await pushOk(a, [orderChange(uuid())], live)
      await expect
        .poll(() => inbox, { timeout: 10_000 })
        .toContainEqual({ type: 'poke', headSeq: 1 })
      const closed = await new Promise<number>((resolve) =>
        silent.once('close', (code) => resolve(code)),
      )
      expect(closed).toBe(1006)
      expect(listener.readyState).toBe(WebSocket.OPEN)
      expect(
        outsiderInbox.filter((message) => (message as { type: string }).type === 'poke'),
      ).toEqual([])
      const refused = await new Promise<number>((resolve) => {
        const anonymous = new WebSocket(wsUrl)
        anonymous.on('unexpected-response', (_request, response) =>
          resolve(response.statusCode ?? 0),
        )
        anonymous.on('error', () => undefined)
      })
      expect(refused).toBe(401)
      // A revoke closes the device's open sockets at once.
      const listenerClosed = new Promise<number>((resolve) =>
        listener.once('close', (code) => resolve(code)),
      )
      const store = await db
        .select({ storeId: syncRecords.storeId })
        .from(syncRecords)
        .where(eq(syncRecords.lastDeviceId, a.deviceId))
      const manager = await createAdmin(db, live, 'store_manager', { storeId: store[0]!.storeId })
      expect(
        (
          await live.inject({
            method: 'POST',
            url: `/api/admin/devices/${b.deviceId}/revoke`,
            headers: manager,
          })
        ).statusCode,
      ).toBe(200)
      expect(await listenerClosed).toBe(4401)
      outsider.close()
    } finally {
      await live.close()
    }
  })
}
