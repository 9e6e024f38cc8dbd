import { and, eq } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { syncRecords } from '../../../src/server/db/schema'
import { runHousekeeping } from '../../../src/server/sync/housekeeping'
import { SERVER_MAX_BATCH_RECORDS, type PullChangesResponse } from '../../../src/shared/sync'
import { createAdmin, mutationId, orderEnvelope, uuid } from './harness'
import type { SuiteContext } from './suiteContext'
import { countRecords } from './suiteContext'

/** Store scope, revocation, limits, validation, retention. */
export function scopeTests(ctx: SuiteContext): void {
  it('confines every endpoint to the token store', async () => {
    const { app, db, setUp, pushOk, pull, orderChange } = ctx
    const { store: storeA, a } = await setUp()
    const { store: storeB, a: deviceB } = await setUp()
    const sharedId = uuid()
    await pushOk(deviceB, [orderChange(sharedId)])
    // Writing: a body naming another store's device is refused; the same record id stays separate.
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/sync/batch-push',
          headers: a.headers,
          payload: { deviceId: deviceB.deviceId, changes: [] },
        })
      ).statusCode,
    ).toBe(403)
    await pushOk(a, [
      { ...orderChange(sharedId), data: orderEnvelope(sharedId, { totalCents: 999, items: 1 }) },
    ])
    const [rowB] = await db
      .select()
      .from(syncRecords)
      .where(and(eq(syncRecords.storeId, storeB.storeId), eq(syncRecords.id, sharedId)))
    expect(rowB?.data).toMatchObject({ order: { totalCents: 1000 } })
    // Reading: only the own store, and another store's cursor is not accepted.
    const pulled = (await pull(a)).json<PullChangesResponse>()
    expect(pulled.changes.map((change) => change.data)).toEqual([
      expect.objectContaining({ order: expect.objectContaining({ totalCents: 999 }) }),
    ])
    const tokenB = (await pull(deviceB)).json<PullChangesResponse>().nextSyncToken
    expect((await pull(a, tokenB)).statusCode).toBe(400)
    // A stored conflict of store B (shifts are settled manually) cannot be read or resolved from A.
    const shiftId = uuid()
    const shift = (openingCashCents: number, baseVersion: number) => ({
      mutationId: mutationId(),
      entity: 'shift',
      id: shiftId,
      op: 'upsert',
      baseVersion,
      data: {
        id: shiftId,
        employeeId: 'e1',
        openedAt: '2026-11-21T08:00:00Z',
        openingCashCents,
        status: 'OPEN',
      },
    })
    await pushOk(deviceB, [shift(10_000, 0)])
    await pushOk(deviceB, [shift(12_000, 1)])
    const [conflictB] = await pushOk(deviceB, [shift(15_000, 1)])
    expect(conflictB).toMatchObject({ status: 'conflict', resolution: 'manual' })
    const crossResolve = await app.inject({
      method: 'POST',
      url: '/api/sync/resolve-conflict',
      headers: a.headers,
      payload: { conflictId: conflictB!.conflictId, resolution: 'take-client' },
    })
    expect(crossResolve.statusCode).toBe(404)
    expect(
      (await app.inject({ method: 'GET', url: '/api/sync/conflicts', headers: a.headers })).json(),
    ).toEqual({ conflicts: [] })
    expect(
      (
        await app.inject({ method: 'GET', url: '/api/sync/conflicts', headers: deviceB.headers })
      ).json<{ conflicts: unknown[] }>().conflicts,
    ).toHaveLength(1)
    // Stats and conflicts of another store.
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/sync/stats?storeId=${storeB.storeId}`,
          headers: a.headers,
        })
      ).statusCode,
    ).toBe(403)
    const stats = (
      await app.inject({ method: 'GET', url: '/api/sync/stats', headers: a.headers })
    ).json<{ storeId: string; devices: unknown[] }>()
    expect(stats.storeId).toBe(storeA.storeId)
    expect(stats.devices).toHaveLength(2)
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/sync/conflicts?storeId=${storeB.storeId}`,
          headers: a.headers,
        })
      ).statusCode,
    ).toBe(403)
    // Seed endpoints: another device's id in body or query is refused; updates never include store B.
    const seedOrder = {
      order: { id: 'o-1', total: 1.5, items: [] },
      localId: uuid(),
      syncVersion: 1,
      deviceId: deviceB.deviceId,
    }
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/sync/order',
          headers: a.headers,
          payload: seedOrder,
        })
      ).statusCode,
    ).toBe(403)
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/sync/transaction',
          headers: a.headers,
          payload: {
            transaction: { id: 't', amount: 1 },
            localId: uuid(),
            deviceId: deviceB.deviceId,
          },
        })
      ).statusCode,
    ).toBe(403)
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/sync/batch',
          headers: a.headers,
          payload: { deviceId: deviceB.deviceId, orders: [], transactions: [] },
        })
      ).statusCode,
    ).toBe(403)
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/sync/updates?deviceId=${deviceB.deviceId}`,
          headers: a.headers,
        })
      ).statusCode,
    ).toBe(403)
    const updates = (
      await app.inject({
        method: 'GET',
        url: `/api/sync/updates?deviceId=${a.deviceId}`,
        headers: a.headers,
      })
    ).json<{ orders: unknown[] }>()
    expect(updates.orders).toEqual([])
    // Admins: a store manager of B cannot act on A; a tenant admin of A can.
    const managerB = await createAdmin(db, app, 'store_manager', {
      tenantId: storeB.tenantId,
      storeId: storeB.storeId,
    })
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/sync/stats?storeId=${storeA.storeId}`,
          headers: managerB,
        })
      ).statusCode,
    ).toBe(403)
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/admin/devices/${a.deviceId}/revoke`,
          headers: managerB,
        })
      ).statusCode,
    ).toBe(404)
    const tenantAdminA = await createAdmin(db, app, 'tenant_admin', { tenantId: storeA.tenantId })
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/sync/stats?storeId=${storeA.storeId}`,
          headers: tenantAdminA,
        })
      ).statusCode,
    ).toBe(200)
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/sync/stats?storeId=${storeB.storeId}`,
          headers: tenantAdminA,
        })
      ).statusCode,
    ).toBe(403)
  })

  it('refuses a revoked device at once with 401', async () => {
    const { app, db, setUp, push, pushOk, pull, orderChange } = ctx
    const { store, a } = await setUp()
    await pushOk(a, [orderChange(uuid())])
    const manager = await createAdmin(db, app, 'store_manager', {
      tenantId: store.tenantId,
      storeId: store.storeId,
    })
    const revoke = await app.inject({
      method: 'POST',
      url: `/api/admin/devices/${a.deviceId}/revoke`,
      headers: manager,
    })
    expect(revoke.statusCode, revoke.body).toBe(200)
    expect((await push(a, [orderChange(uuid())])).statusCode).toBe(401)
    expect((await pull(a)).statusCode).toBe(401)
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/sync/updates?deviceId=${a.deviceId}`,
          headers: a.headers,
        })
      ).statusCode,
    ).toBe(401)
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/refresh',
          payload: { refreshToken: a.refreshToken },
        })
      ).statusCode,
    ).toBe(401)
  })

  it('answers 413 above its advertised maximum (50 on seed endpoints) and 426 for another protocol version', async () => {
    const { app, db, setUp, push, orderChange } = ctx
    const { store, a } = await setUp()
    const tooMany = await push(
      a,
      Array.from({ length: SERVER_MAX_BATCH_RECORDS + 1 }, () => orderChange(uuid())),
    )
    expect(tooMany.statusCode).toBe(413)
    expect(tooMany.json()).toMatchObject({ code: 'BATCH_TOO_LARGE' })
    const seedTooMany = await app.inject({
      method: 'POST',
      url: '/api/sync/batch',
      headers: a.headers,
      payload: {
        deviceId: a.deviceId,
        orders: Array.from({ length: 51 }, () => ({
          order: { id: 'x', total: 1 },
          localId: uuid(),
        })),
        transactions: [],
      },
    })
    expect(seedTooMany.statusCode).toBe(413)
    const wrongVersion = await app.inject({
      method: 'POST',
      url: '/api/sync/batch-push',
      headers: { ...a.headers, 'x-sync-protocol': '2' },
      payload: { deviceId: a.deviceId, changes: [] },
    })
    expect(wrongVersion.statusCode).toBe(426)
    expect(await countRecords(db, store.storeId)).toBe(0)
  })

  it('answers 400 with the failing path and writes nothing', async () => {
    const { db, setUp, push, orderChange } = ctx
    const { store, a } = await setUp()
    const bad = orderChange(uuid())
    ;(bad.data.order as { totalCents: unknown }).totalCents = 12.5
    const response = await push(a, [orderChange(uuid()), bad])
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'changes.1.data.order.totalCents' }],
    })
    expect(await countRecords(db, store.storeId)).toBe(0)
  })

  it('answers 410 RESET for a cursor older than the tombstone horizon', async () => {
    const { db, setUp, pushOk, pull, orderChange } = ctx
    const { store, a, b } = await setUp()
    const id = uuid()
    await pushOk(a, [orderChange(id, { status: 'OPEN' })])
    const oldCursor = (await pull(b)).json<PullChangesResponse>().nextSyncToken
    await pushOk(a, [
      { mutationId: mutationId(), entity: 'order', id, op: 'delete', baseVersion: 1 },
      orderChange(uuid()),
    ])
    const recent = (await pull(b, oldCursor)).json<PullChangesResponse>()
    expect(recent.changes.map((change) => change.op)).toEqual(['delete', 'upsert'])
    const later = new Date(Date.now() + 91 * 24 * 60 * 60 * 1000)
    const report = await runHousekeeping(
      db,
      { ledgerRetentionDays: 7, tombstoneRetentionDays: 90 },
      later,
    )
    expect(report.tombstonesCompacted).toBeGreaterThanOrEqual(1)
    const reset = await pull(b, oldCursor)
    expect(reset.statusCode).toBe(410)
    expect(reset.json()).toMatchObject({ code: 'RESET' })
    expect((await pull(b, recent.nextSyncToken)).statusCode).toBe(200)
    const fresh = (await pull(b)).json<PullChangesResponse>()
    expect(fresh.changes).toHaveLength(1)
    expect(await countRecords(db, store.storeId)).toBe(1)
  })
}
