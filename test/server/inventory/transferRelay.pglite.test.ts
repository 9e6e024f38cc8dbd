import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSyncClient, type SyncClient } from '../../../src/main/sync/syncClient'
import { stores, syncRecords, tenants } from '../../../src/server/db/schema'
import { createTransferRelay } from '../../../src/server/inventory/transferRelay'
import type { RunningServer } from '../../../src/server/main'
import { writeServerChange } from '../../../src/server/sync/serverWrite'
import { issueEnrollmentCode } from '../../../src/server/tenancy/enrollmentCodes'
import { startTestSyncServer } from '../../support/syncServer'

/**
 * Stores a register can send stock to (GET /api/sync/stores: device token only, its own tenant
 * only) and the transfer relay (a transfer pushed into the sending store appears in the receiving
 * store, once, never back, never across tenants), on a real server with PGlite.
 */

let server: RunningServer
let client: SyncClient

beforeAll(async () => {
  server = await startTestSyncServer()
  client = createSyncClient({ serverUrl: server.url })
})
afterAll(async () => {
  await client?.close()
  await server?.stop()
})

async function tenantWithStores(names: string[]) {
  const db = server.database.db
  const suffix = crypto.randomUUID().slice(0, 8)
  const [tenant] = await db
    .insert(tenants)
    .values({ name: `tenant ${suffix}` })
    .returning()
  const made = []
  for (const [index, name] of names.entries()) {
    const [store] = await db
      .insert(stores)
      .values({ tenantId: tenant!.id, code: `T-${suffix}-${index}`, name })
      .returning()
    made.push(store!)
  }
  return made
}

async function deviceOf(storeId: string) {
  const enrollmentCode = await issueEnrollmentCode(server.database.db, storeId, { uses: null })
  const deviceId = crypto.randomUUID()
  const tokens = await client.enroll({
    enrollmentCode,
    deviceId,
    name: 'Till',
    fingerprint: `machine-${deviceId}`,
  })
  return { deviceId, token: tokens.accessToken }
}

function transfer(fromStoreId: string, toStoreId: string, quantity = 5) {
  return {
    id: crypto.randomUUID(),
    fromStoreId,
    toStoreId,
    status: 'SENT' as const,
    createdAt: '2026-12-02T10:00:00.000Z',
    lines: [{ productId: crypto.randomUUID(), variantId: null, quantity }],
  }
}

async function push(device: { deviceId: string; token: string }, data: { id: string }) {
  const reply = await client.push(device.token, {
    deviceId: device.deviceId,
    changes: [
      {
        mutationId: crypto.randomUUID(),
        entity: 'stockTransfer',
        id: data.id,
        op: 'upsert',
        baseVersion: 0,
        data,
      },
    ],
  })
  expect(reply.results[0]!.status).toBe('applied')
}

async function recordIn(storeId: string, id: string) {
  const [row] = await server.database.db
    .select()
    .from(syncRecords)
    .where(
      and(
        eq(syncRecords.storeId, storeId),
        eq(syncRecords.entity, 'stockTransfer'),
        eq(syncRecords.id, id),
      ),
    )
  return row ?? null
}

describe('GET /api/sync/stores', () => {
  it('lists the other stores of the device’s tenant only, and needs a device token', async () => {
    const [main, second, third] = await tenantWithStores(['Main St', 'Harbour', 'Airport'])
    const [foreign] = await tenantWithStores(['Elsewhere'])
    const device = await deviceOf(main!.id)
    const reply = await client.stores(device.token)
    expect(reply.stores.map((store) => store.name).sort()).toEqual(['Airport', 'Harbour'])
    expect(reply.stores.map((store) => store.storeId).sort()).toEqual(
      [second!.id, third!.id].sort(),
    )
    expect(reply.stores.some((store) => store.storeId === foreign!.id)).toBe(false)

    const anonymous = await fetch(`${server.url}/api/sync/stores`, {
      headers: { 'x-sync-protocol': '1' },
    })
    expect(anonymous.status).toBe(401)
    const forged = await fetch(`${server.url}/api/sync/stores`, {
      headers: { 'x-sync-protocol': '1', authorization: 'Bearer not-a-token' },
    })
    expect(forged.status).toBe(401)
    // The foreign tenant's device sees its tenant's stores only: none other than its own.
    expect((await client.stores((await deviceOf(foreign!.id)).token)).stores).toEqual([])
  })
})

describe('stock transfer relay', () => {
  it('copies a pushed transfer into the receiving store once, and never back', async () => {
    const [storeA, storeB] = await tenantWithStores(['A', 'B'])
    const device = await deviceOf(storeA!.id)
    const relay = createTransferRelay(server.database.db, null)
    try {
      const sent = transfer(storeA!.id, storeB!.id)
      await push(device, sent)
      // The app's own relay may already have run (woken by the push): either way one copy.
      await relay.relayStore(storeA!.id)
      const copy = await recordIn(storeB!.id, sent.id)
      expect(copy?.data).toEqual(sent)
      expect(copy?.lastDeviceId).toBe('relay:transfer')
      const version = copy!.version
      expect(await relay.relayStore(storeA!.id)).toBe(0)
      expect(await relay.relayStore(storeB!.id)).toBe(0)
      expect((await recordIn(storeB!.id, sent.id))!.version).toBe(version)

      // The back office writing B's copy with the same data: unchanged, still compatible.
      const same = await writeServerChange(server.database.db, {
        storeId: storeB!.id,
        writerId: 'admin:test',
        entity: 'stockTransfer',
        id: sent.id,
        data: sent,
      })
      expect(same.kind).toBe('unchanged')

      // A's record changed later (cancelled in the back office): the change is relayed.
      await writeServerChange(server.database.db, {
        storeId: storeA!.id,
        writerId: 'admin:test',
        entity: 'stockTransfer',
        id: sent.id,
        data: { ...sent, status: 'CANCELLED' },
      })
      await relay.relayStore(storeA!.id)
      expect((await recordIn(storeB!.id, sent.id))!.data).toMatchObject({ status: 'CANCELLED' })

      // B's copy edited after A's record: left alone, and never copied back into A.
      await writeServerChange(server.database.db, {
        storeId: storeB!.id,
        writerId: 'admin:test',
        entity: 'stockTransfer',
        id: sent.id,
        data: { ...sent, status: 'RECEIVED' },
      })
      expect(await relay.relayStore(storeA!.id)).toBe(0)
      expect(await relay.relayStore(storeB!.id)).toBe(0)
      expect((await recordIn(storeA!.id, sent.id))!.data).toMatchObject({ status: 'CANCELLED' })
      expect((await recordIn(storeB!.id, sent.id))!.data).toMatchObject({ status: 'RECEIVED' })
    } finally {
      await relay.close()
    }
  })

  it('leaves a transfer addressed to another tenant’s store (or none) where it is, told once', async () => {
    const [storeA] = await tenantWithStores(['A'])
    const [foreign] = await tenantWithStores(['Foreign'])
    const device = await deviceOf(storeA!.id)
    const refusals: string[] = []
    const relay = createTransferRelay(server.database.db, null, {
      onRefused: (refusal) => refusals.push(refusal.reason),
    })
    try {
      const toForeign = transfer(storeA!.id, foreign!.id)
      const toNowhere = transfer(storeA!.id, crypto.randomUUID())
      await push(device, toForeign)
      await push(device, toNowhere)
      expect(await relay.relayStore(storeA!.id)).toBe(0)
      expect(await relay.relayStore(storeA!.id)).toBe(0)
      expect(await recordIn(foreign!.id, toForeign.id)).toBeNull()
      expect(refusals.sort()).toEqual(['another tenant’s store', 'no such store'])
    } finally {
      await relay.close()
    }
  })

  it('relays on its own after a push (woken by the bus)', async () => {
    const [storeA, storeB] = await tenantWithStores(['A', 'B'])
    const device = await deviceOf(storeA!.id)
    const sent = transfer(storeA!.id, storeB!.id, 2.5)
    await push(device, sent)
    const deadline = Date.now() + 5_000
    while (!(await recordIn(storeB!.id, sent.id)) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50))
    expect((await recordIn(storeB!.id, sent.id))?.data).toEqual(sent)
  })
})
