import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { ServerDatabase } from '../../../src/server/db/connection'
import { socketConnections, syncConflicts, syncRecords } from '../../../src/server/db/schema'
import { openApiDocument } from '../../../src/server/http/openApi'
import {
  AdminConflictListReply,
  AdminResolveReply,
  SyncHealthReply,
  syncHealthPaths as paths,
} from '../../../src/shared/backoffice/syncHealth'
import type { BatchPushResponse, PullChangesResponse } from '../../../src/shared/sync'
import type { Listening, Session } from './backofficeClient'
import { call, insertAdmin, listen, signIn } from './backofficeClient'
import type { Device } from './harness'
import { createStore, enroll, mutationId, product, uuid } from './harness'

/**
 * The back office's sync health and conflicts queue on a real server (127.0.0.1:0) and the database the caller
 * opens:
 * two registers of store A edit one product (a manual-policy entity), the owner sees both stores'
 * registers and the conflict and settles it with "take device"; a manager of store B sees none of A.
 */
export function defineAdminSyncHealthSuite(
  label: string,
  open: () => Promise<ServerDatabase>,
): void {
  describe(`admin sync health and conflicts on ${label} (real HTTP)`, () => {
    let database: ServerDatabase
    let server: Listening
    let tillA1: Device
    let tillA2: Device
    let tillB1: Device
    let storeA: string
    let storeB: string
    let owner: Session
    let ownerId: string
    let managerB: Session
    let tillB2: Device
    let socketA1: WebSocket
    const inboxA1: unknown[] = []
    const productId = uuid()
    const base = () => server.baseUrl

    async function push(device: Device, name: string, baseVersion: number) {
      const reply = await call(base(), 'POST', '/api/sync/batch-push', {
        bearer: device.accessToken,
        body: {
          deviceId: device.deviceId,
          changes: [
            {
              mutationId: mutationId(),
              entity: 'product',
              id: productId,
              op: 'upsert',
              baseVersion,
              data: product(productId, name),
            },
          ],
        },
      })
      expect(reply.status, reply.text).toBe(200)
      return (reply.body as BatchPushResponse).results[0]!
    }

    async function pull(device: Device) {
      const reply = await call(base(), 'GET', '/api/sync/pull-changes', {
        bearer: device.accessToken,
      })
      expect(reply.status, reply.text).toBe(200)
      return reply.body as PullChangesResponse
    }

    beforeAll(async () => {
      database = await open()
      server = await listen(database.db)
      const { db } = database
      const a = await createStore(db)
      const b = await createStore(db, a.tenantId)
      storeA = a.storeId
      storeB = b.storeId
      tillA1 = await enroll(server.app, a.code, 'Till A1')
      tillA2 = await enroll(server.app, a.code, 'Till A2')
      tillB1 = await enroll(server.app, b.code, 'Till B1')
      // Enrolled and never heard from again: offline.
      tillB2 = await enroll(server.app, b.code, 'Till B2')
      const ownerRow = await insertAdmin(db, 'tenant_admin', { tenantId: a.tenantId })
      ownerId = ownerRow.id
      const managerRow = await insertAdmin(db, 'store_manager', {
        tenantId: a.tenantId,
        storeIds: [b.storeId],
      })
      owner = await signIn(base(), ownerRow.email)
      managerB = await signIn(base(), managerRow.email)

      expect(await push(tillA1, 'Tea', 0)).toMatchObject({ status: 'applied', serverVersion: 1 })
      expect(await push(tillA1, 'Green tea', 1)).toMatchObject({ status: 'applied' })
      // Till A2 edited version 1 offline: the server keeps its copy and queues the conflict.
      expect(await push(tillA2, 'Black tea', 1)).toMatchObject({
        status: 'conflict',
        resolution: 'manual',
      })
      // Till A1 is up to date and listens on the WebSocket; Till B1 reports a refused change.
      await pull(tillA1)
      socketA1 = new WebSocket(`${base().replace('http', 'ws')}/api/sync/ws`, {
        headers: { authorization: `Bearer ${tillA1.accessToken}` },
      })
      socketA1.on('message', (data) => inboxA1.push(JSON.parse(String(data))))
      await new Promise((resolve) => socketA1.once('open', resolve))
      // A connection row a crashed instance left open, for a register never heard from.
      await db.insert(socketConnections).values({
        storeId: b.storeId,
        deviceId: tillB2.deviceId,
        instanceId: 'crashed-instance',
      })
      const heartbeat = await call(base(), 'POST', '/api/sync/heartbeat', {
        bearer: tillB1.accessToken,
        body: {
          pending: 0,
          oldestPendingAt: null,
          deadRecords: 1,
          deadReasons: [{ label: 'Sale B-1', reason: 'IMMUTABLE_SALE' }],
          registerCode: 'B1',
          appVersion: '1.4.2',
        },
      })
      expect(heartbeat.status, heartbeat.text).toBe(200)
    }, 120_000)

    afterAll(async () => {
      socketA1?.close()
      await server?.app.close()
      await database?.close()
    })

    it('shows the owner every register of both stores with a verdict in words', async () => {
      const read = async () => {
        const reply = await call(base(), 'GET', paths.syncHealth, { session: owner })
        expect(reply.status, reply.text).toBe(200)
        return SyncHealthReply.parse(reply.body)
      }
      const tillA1Of = (reply: SyncHealthReply) =>
        reply.stores
          .flatMap((store) => store.registers)
          .find((register) => register.name === 'Till A1')
      // The connection row is written as the socket opens.
      await expect.poll(async () => tillA1Of(await read())?.isConnected).toBe(true)
      const health = await read()
      const byStore = new Map(health.stores.map((store) => [store.storeId, store]))
      expect([...byStore.keys()].sort()).toEqual([storeA, storeB].sort())
      const a = byStore.get(storeA)!
      expect(a).toMatchObject({ headSeq: 2, openConflicts: 1 })
      const verdicts = (storeId: string) =>
        Object.fromEntries(
          byStore.get(storeId)!.registers.map((register) => [register.name, register.verdict]),
        )
      // A1 pulled everything; A2 has not pulled A1's two changes.
      expect(verdicts(storeA)).toEqual({ 'Till A1': 'ok', 'Till A2': 'behind' })
      expect(a.registers.find((register) => register.name === 'Till A2')).toMatchObject({
        cursorLag: 2,
        openConflicts: 1,
        isConnected: false,
      })
      expect(verdicts(storeB)).toEqual({ 'Till B1': 'refused', 'Till B2': 'offline' })
      expect(
        byStore.get(storeB)!.registers.find((register) => register.name === 'Till B2'),
      ).toMatchObject({ isConnected: false, lastSeenAt: null })
      expect(
        byStore.get(storeB)!.registers.find((register) => register.name === 'Till B1'),
      ).toMatchObject({ deadRecords: 1, appVersion: '1.4.2', registerCode: 'B1' })
    })

    it('lists the conflict with both sides and the register that sent it', async () => {
      const reply = await call(base(), 'GET', paths.conflicts, { session: owner })
      expect(reply.status, reply.text).toBe(200)
      const { conflicts } = AdminConflictListReply.parse(reply.body)
      expect(conflicts).toHaveLength(1)
      expect(conflicts[0]).toMatchObject({
        storeId: storeA,
        entity: 'product',
        id: productId,
        deviceId: tillA2.deviceId,
        deviceName: 'Till A2',
        serverVersion: 2,
        serverData: { name: 'Green tea' },
        clientData: { name: 'Black tea' },
        status: 'open',
      })
    })

    it('hides store A from a manager of store B (404), and shows them only B', async () => {
      const [conflict] = AdminConflictListReply.parse(
        (await call(base(), 'GET', paths.conflicts, { session: owner })).body,
      ).conflicts
      const health = await call(base(), 'GET', `${paths.syncHealth}?storeId=${storeA}`, {
        session: managerB,
      })
      expect(health.status).toBe(404)
      const listA = await call(base(), 'GET', `${paths.conflicts}?storeId=${storeA}`, {
        session: managerB,
      })
      expect(listA.status).toBe(404)
      const own = await call(base(), 'GET', paths.syncHealth, { session: managerB })
      expect(SyncHealthReply.parse(own.body).stores.map((store) => store.storeId)).toEqual([storeB])
      const ownConflicts = await call(base(), 'GET', paths.conflicts, { session: managerB })
      expect(AdminConflictListReply.parse(ownConflicts.body).conflicts).toEqual([])
      const resolve = await call(base(), 'POST', paths.resolveConflict(conflict!.conflictId), {
        session: managerB,
        body: { resolution: 'take-device' },
      })
      expect(resolve.status).toBe(404)
      expect(resolve.text).not.toContain('Black tea')
      const none = await call(base(), 'GET', paths.syncHealth)
      expect(none.status).toBe(401)
    })

    it('refuses a resolve without the CSRF token, and merged data that breaks the schema', async () => {
      const [conflict] = AdminConflictListReply.parse(
        (await call(base(), 'GET', paths.conflicts, { session: owner })).body,
      ).conflicts
      const withoutCsrf = await call(base(), 'POST', paths.resolveConflict(conflict!.conflictId), {
        session: owner,
        csrf: false,
        body: { resolution: 'take-device' },
      })
      expect(withoutCsrf.status).toBe(403)
      expect(withoutCsrf.body).toMatchObject({ code: 'CSRF_REJECTED' })
      const badMerge = await call(base(), 'POST', paths.resolveConflict(conflict!.conflictId), {
        session: owner,
        body: { resolution: 'merge', data: { id: productId, name: 'Merged', priceCents: 1.5 } },
      })
      expect(badMerge.status).toBe(400)
      expect(badMerge.body).toMatchObject({ issues: [{ path: 'priceCents' }] })
      const noData = await call(base(), 'POST', paths.resolveConflict(conflict!.conflictId), {
        session: owner,
        body: { resolution: 'merge' },
      })
      expect(noData.status).toBe(400)
      expect(noData.body).toMatchObject({ issues: [{ path: 'data' }] })
      const [row] = await database.db
        .select({ status: syncConflicts.status })
        .from(syncConflicts)
        .where(eq(syncConflicts.id, conflict!.conflictId))
      expect(row?.status).toBe('open')
    })

    it('settles it with take-device as the owner; the record changes and the registers pull it', async () => {
      const [conflict] = AdminConflictListReply.parse(
        (await call(base(), 'GET', paths.conflicts, { session: owner })).body,
      ).conflicts
      const reply = await call(base(), 'POST', paths.resolveConflict(conflict!.conflictId), {
        session: owner,
        body: { resolution: 'take-device' },
      })
      expect(reply.status, reply.text).toBe(200)
      const settled = AdminResolveReply.parse(reply.body)
      expect(settled.record).toMatchObject({ version: 3, data: { name: 'Black tea' } })
      expect(settled.conflict).toMatchObject({
        status: 'resolved',
        resolution: 'take-client',
        resolvedBy: `admin:${ownerId}`,
      })
      const [record] = await database.db
        .select()
        .from(syncRecords)
        .where(and(eq(syncRecords.storeId, storeA), eq(syncRecords.id, productId)))
      expect(record).toMatchObject({ version: 3, data: { name: 'Black tea' } })

      // The listening register hears of it at once, and its next pull brings the record.
      await expect.poll(() => inboxA1).toContainEqual({ type: 'poke', headSeq: 3 })
      const pulled = await pull(tillA1)
      expect(pulled.changes.filter((change) => change.id === productId)).toMatchObject([
        { version: 3, data: { name: 'Black tea' } },
      ])

      const twice = await call(base(), 'POST', paths.resolveConflict(conflict!.conflictId), {
        session: owner,
        body: { resolution: 'keep-server' },
      })
      expect(twice.status).toBe(409)
      const open = await call(base(), 'GET', paths.conflicts, { session: owner })
      expect(AdminConflictListReply.parse(open.body).conflicts).toEqual([])
      const resolved = await call(base(), 'GET', `${paths.conflicts}?status=resolved`, {
        session: owner,
      })
      expect(AdminConflictListReply.parse(resolved.body).conflicts).toMatchObject([
        { conflictId: conflict!.conflictId, resolvedBy: `admin:${ownerId}` },
      ])
    })

    it('answers a bad query or id with a typed 400', async () => {
      const badStatus = await call(base(), 'GET', `${paths.conflicts}?status=maybe`, {
        session: owner,
      })
      expect(badStatus.status).toBe(400)
      expect(badStatus.body).toMatchObject({ issues: [{ path: 'status' }] })
      const badId = await call(base(), 'POST', paths.resolveConflict('not-a-uuid'), {
        session: owner,
        body: { resolution: 'keep-server' },
      })
      expect(badId.status).toBe(400)
      expect(badId.body).toMatchObject({ issues: [{ path: 'id' }] })
    })

    it('is listed in the OpenAPI document', () => {
      const documented = openApiDocument().paths as Record<string, Record<string, unknown>>
      expect(Object.keys(documented['/api/admin/sync-health'] ?? {})).toEqual(['get'])
      expect(Object.keys(documented['/api/admin/conflicts'] ?? {})).toEqual(['get'])
      expect(Object.keys(documented['/api/admin/conflicts/{id}/resolve'] ?? {})).toEqual(['post'])
    })
  })
}
