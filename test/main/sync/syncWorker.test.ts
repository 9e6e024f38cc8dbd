import { eq, sql } from 'drizzle-orm'
import { v4 as uuidv4 } from 'uuid'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RegisterCore, RegisterCoreOptions } from '../../../src/main/core'
import type { RunningServer } from '../../../src/server/main'
import { devices, stores } from '../../../src/server/db/schema'
import { call, callError, demoPins, openTestCore } from '../../support/registerCore'
import { createTestStore, startTestSyncServer } from '../../support/syncServer'
import { editable } from '../services/catalogFixtures'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('auraflow-sync-')
let server: RunningServer
const open: { core: RegisterCore; stop?: () => Promise<void> }[] = []

beforeAll(async () => {
  server = await startTestSyncServer()
})
afterAll(async () => {
  await server?.stop()
})
afterEach(async () => {
  for (const entry of open.splice(0)) {
    await entry.stop?.()
    entry.core.close()
  }
})

const quiet = {
  isRealtimeEnabled: false,
  intervalMs: 3_600_000,
  backoff: { baseMs: 10, capMs: 50 },
}

function register(dir: string, options: Partial<RegisterCoreOptions> = {}): RegisterCore {
  const core = openTestCore(dir, {
    fingerprint: 'machine-a',
    ...options,
    sync: { ...quiet, ...options.sync },
  })
  open.push({ core })
  return core
}

async function enrolled(
  code: string,
  registerCode: string,
  options: Partial<RegisterCoreOptions> = {},
) {
  const core = register(tempDir(), { registerCode, ...options })
  const status = await call(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
  expect(status.enrollment).toBe('enrolled')
  return core
}

async function sell(core: RegisterCore, sku = 'COF-LAT', quantity = 1) {
  const catalog = await call(core, 'catalog:list')
  const product = catalog.products.find((candidate) => candidate.sku === sku)!
  const receipt = await call(core, 'sale:complete', {
    clientRequestId: uuidv4(),
    lines: [{ productId: product.id, quantity }],
    payments: [{ method: 'cash', amountCents: 100_00 }],
  })
  return receipt.order
}

const orderNumbers = async (core: RegisterCore) =>
  (await call(core, 'order:list', { limit: 200 })).map((order) => order.orderNumber).sort()

describe('register sync worker against a real server', () => {
  it('pushes sales and another register pulls them with their lines and totals', async () => {
    const { code } = await createTestStore(server)
    const a = await enrolled(code, 'A')
    const b = await enrolled(code, 'B')
    const sold = [await sell(a, 'COF-LAT', 2), await sell(a, 'KIT-BLT'), await sell(a, 'GRO-BEA')]
    expect((await call(a, 'sync:getStatus')).counts).toMatchObject({ pending: 3, synced: 0 })

    const afterPush = await call(a, 'sync:runNow')
    expect(afterPush).toMatchObject({
      state: 'idle',
      counts: { pending: 0, inFlight: 0, failed: 0, dead: 0, synced: 3 },
      lastError: null,
    })
    expect(afterPush.lastSuccessAt).not.toBeNull()
    expect((await call(a, 'order:get', { id: sold[0]!.id })).syncStatus).toBe('SYNCED')

    await call(b, 'sync:runNow')
    expect(await orderNumbers(b)).toEqual(sold.map((order) => order.orderNumber).sort())
    const copy = await call(b, 'order:get', { id: sold[0]!.id })
    expect(copy).toMatchObject({
      totalCents: sold[0]!.totalCents,
      taxCents: sold[0]!.taxCents,
      syncStatus: 'SYNCED',
    })
    expect(copy.items).toEqual(
      sold[0]!.items.map((item) =>
        expect.objectContaining({
          sku: item.sku,
          quantity: item.quantity,
          totalCents: item.totalCents,
        }),
      ),
    )
    expect(copy.payments[0]).toMatchObject({ method: 'cash', amountCents: sold[0]!.totalCents })
  })

  it('keeps selling offline, spends no attempts while unreachable, and catches up once back', async () => {
    const { code } = await createTestStore(server)
    const a = await enrolled(code, 'A')
    const realUrl = server.url
    // Point the register at a port where nothing listens: the server is "down".
    a.database.sqlite.prepare('update sync_state set server_url = ?').run('http://127.0.0.1:9')
    for (let index = 0; index < 5; index++) await sell(a)
    const offline = await call(a, 'sync:runNow')
    expect(offline.state).toBe('offline')
    expect(offline.counts).toMatchObject({ pending: 5, synced: 0, dead: 0 })
    expect(offline.lastError?.message).toMatch(/unreachable/)
    expect(a.database.sqlite.prepare('select max(attempts) as attempts from outbox').get()).toEqual(
      { attempts: 0 },
    )

    a.database.sqlite.prepare('update sync_state set server_url = ?').run(realUrl)
    const back = await call(a, 'sync:runNow')
    expect(back).toMatchObject({
      state: 'idle',
      counts: { pending: 0, synced: 5 },
      lastError: null,
    })
  })

  it('sends a sale again after a lost reply and the server still holds it once', async () => {
    const { code } = await createTestStore(server)
    const a = await enrolled(code, 'A')
    const b = await enrolled(code, 'B')
    const order = await sell(a)
    await call(a, 'sync:runNow')
    // As if the reply never arrived: the entry is still pending and goes again.
    a.database.sqlite.exec("update outbox set state = 'pending'")
    const again = await call(a, 'sync:runNow')
    expect(again.counts).toMatchObject({ pending: 0, synced: 1, dead: 0 })
    await call(b, 'sync:runNow')
    expect(await orderNumbers(b)).toEqual([order.orderNumber])
  })

  it('parks a record the server refuses as dead with its reason, and the rest still sync', async () => {
    const { code } = await createTestStore(server)
    const a = await enrolled(code, 'A')
    const good = [await sell(a), await sell(a)]
    const poison = await sell(a)
    // A NUL character is refused by the server's validation: a record it will never take.
    a.database.sqlite
      .prepare('update orders set currency = ? where id = ?')
      .run('US\u0000', poison.id)
    const status = await call(a, 'sync:runNow')
    expect(status.counts).toMatchObject({ synced: 2, dead: 1, pending: 0 })
    const dead = await call(a, 'sync:listDead')
    expect(dead).toEqual([
      expect.objectContaining({
        entityId: poison.id,
        label: poison.orderNumber,
        lastError: expect.stringMatching(/NUL characters are not accepted/),
      }),
    ])
    expect(good.every(Boolean)).toBe(true)

    a.database.sqlite.prepare('update orders set currency = ? where id = ?').run('USD', poison.id)
    await call(a, 'sync:retryDead', {})
    expect((await call(a, 'sync:runNow')).counts).toMatchObject({ synced: 3, dead: 0 })
  })

  it('stops and says so when the device is revoked', async () => {
    const { code } = await createTestStore(server)
    const a = await enrolled(code, 'A')
    await server.database.db
      .update(devices)
      .set({ revokedAt: new Date() })
      .where(eq(devices.id, a.device.deviceId))
    await sell(a)
    const status = await call(a, 'sync:runNow')
    expect(status.enrollment).toBe('revoked')
    expect(status.counts.pending).toBe(1)
    expect(status.lastError?.message).toMatch(/revoked/i)

    // A manager takes the register back with a new code: it becomes a new device and nothing is lost.
    const revokedDeviceId = a.device.deviceId
    a.authority.signIn(demoPins.admin)
    const again = await call(a, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
    // The sale is in; the audit of the re-enrollment follows with the next run.
    expect(again).toMatchObject({ enrollment: 'enrolled', counts: { pending: 1, synced: 1 } })
    expect((await call(a, 'sync:runNow')).counts).toMatchObject({ pending: 0, synced: 2 })
    expect(a.device.deviceId).not.toBe(revokedDeviceId)
  })

  it('asks a copied data folder to enroll again and gives the copy its own identity', async () => {
    const { code } = await createTestStore(server)
    const dir = tempDir()
    const original = register(dir, { fingerprint: 'machine-a' })
    await call(original, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
    const originalDevice = original.device
    original.close()
    open.splice(
      open.findIndex((entry) => entry.core === original),
      1,
    )

    const copy = register(dir, { fingerprint: 'machine-b' })
    expect((await call(copy, 'sync:getStatus')).enrollment).toBe('needs_reenrollment')
    await sell(copy)
    expect((await call(copy, 'sync:runNow')).counts.pending).toBe(1)

    copy.authority.signIn(demoPins.admin)
    const status = await call(copy, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
    expect(status).toMatchObject({ enrollment: 'enrolled', counts: { pending: 1, synced: 1 } })
    expect(copy.device.deviceId).not.toBe(originalDevice.deviceId)
    expect(copy.device.registerCode).not.toBe(originalDevice.registerCode)
  })

  it('refuses a wrong enrollment code and an unreachable server with field-level errors', async () => {
    const core = register(tempDir())
    expect(
      await callError(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: 'WRONG-CODE' }),
    ).toMatchObject({ code: 'SYNC_REFUSED', path: 'enrollmentCode' })
    expect(
      await callError(core, 'sync:enroll', {
        serverUrl: 'http://127.0.0.1:9',
        enrollmentCode: 'WHATEVER',
      }),
    ).toMatchObject({ code: 'SYNC_UNREACHABLE', path: 'serverUrl' })
    expect(
      await callError(core, 'sync:enroll', { serverUrl: 'ftp://x', enrollmentCode: 'WHATEVER' }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'serverUrl' })
    expect((await call(core, 'sync:getStatus')).enrollment).toBe('not_enrolled')
  })

  it('starts the scope again when its cursor is past the server retention (410 RESET)', async () => {
    const { code, storeId } = await createTestStore(server)
    const a = await enrolled(code, 'A')
    const b = await enrolled(code, 'B')
    await sell(a)
    await call(a, 'sync:runNow')
    await call(b, 'sync:runNow')
    await sell(a)
    await call(a, 'sync:runNow')
    await server.database.db
      .update(stores)
      .set({ purgedSeq: sql`${stores.headSeq}` })
      .where(eq(stores.id, storeId))
    const status = await call(b, 'sync:runNow')
    expect(status).toMatchObject({ state: 'idle', lastError: null })
    expect((await orderNumbers(b)).length).toBe(2)
  })

  it('joins concurrent "Sync now" presses into runs that push each sale once', async () => {
    const { code } = await createTestStore(server)
    const a = await enrolled(code, 'A')
    for (let index = 0; index < 3; index++) await sell(a)
    const results = await Promise.all(Array.from({ length: 5 }, () => call(a, 'sync:runNow')))
    for (const status of results) expect(status.counts).toMatchObject({ pending: 0, synced: 3 })
  })

  it('a price pulled from the server announces catalog:changed, so the grid shows it', async () => {
    const { code } = await createTestStore(server)
    const a = await enrolled(code, 'A')
    const b = await enrolled(code, 'B')
    const announced: unknown[] = []
    b.events.onAny((event, payload) => {
      if (event === 'catalog:changed') announced.push(payload)
    })
    await call(b, 'sync:runNow')
    announced.length = 0

    const [croissant] = await call(a, 'catalog:search', { query: 'BAK-CRO' })
    await call(a, 'catalog:saveProduct', { ...editable(croissant!), priceCents: 350 })
    await call(a, 'sync:runNow')
    await call(b, 'sync:runNow')
    expect(announced).toEqual([{ count: 1 }])
    const [pulled] = await call(b, 'catalog:search', { query: 'BAK-CRO' })
    expect(pulled?.priceCents).toBe(350)

    // Nothing new on the server: no announcement, the grid keeps what it shows.
    await call(b, 'sync:runNow')
    expect(announced).toHaveLength(1)
  })
})

describe('conflicts', () => {
  it('a stale local product edit is held for a manager (manual): the register shows the server row and logs the conflict', async () => {
    const { code } = await createTestStore(server)
    const a = await enrolled(code, 'A')
    const b = await enrolled(code, 'B')
    const productId = (await call(a, 'catalog:search', { query: 'DRK-LEM' }))[0]!.id
    const editPrice = (core: RegisterCore, priceCents: number) => {
      core.database.sqlite
        .prepare('update products set price_cents = ? where id = ?')
        .run(priceCents, productId)
      core.database.sqlite
        .prepare(
          "insert into outbox (mutation_id, entity, entity_id, operation, state, created_at, updated_at) values (?, 'product', ?, 'upsert', 'pending', ?, ?)",
        )
        .run(uuidv4(), productId, new Date().toISOString(), new Date().toISOString())
    }
    editPrice(a, 999)
    expect((await call(a, 'sync:runNow')).counts).toMatchObject({ synced: 1, dead: 0 })

    editPrice(b, 111)
    const status = await call(b, 'sync:runNow')
    expect(status).toMatchObject({
      state: 'idle',
      lastError: null,
      counts: { synced: 1, dead: 0, pending: 0 },
    })
    expect((await call(b, 'catalog:search', { query: 'DRK-LEM' }))[0]!.priceCents).toBe(999)
    const conflicts = b.database.sqlite
      .prepare('select entity, entity_id, resolution from sync_conflicts')
      .all()
    expect(conflicts).toEqual([{ entity: 'product', entity_id: productId, resolution: 'manual' }])
  })
})

describe('reinstalls and shared register codes', () => {
  it('a reinstalled register reusing its code numbers new sales after the orders it pulls back', async () => {
    const { code } = await createTestStore(server)
    const before = await enrolled(code, 'R9')
    await sell(before)
    await sell(before)
    await call(before, 'sync:runNow')

    const reinstalled = await enrolled(code, 'R9')
    expect(await orderNumbers(reinstalled)).toEqual(['S01-R9-000001', 'S01-R9-000002'])
    const next = await sell(reinstalled)
    expect(next.orderNumber).toBe('S01-R9-000003')
  })

  it('two live registers given the same code still sync each other instead of failing the pull', async () => {
    const { code } = await createTestStore(server)
    const first = await enrolled(code, 'DUP')
    const second = await enrolled(code, 'DUP')
    await sell(first)
    await sell(second)
    await call(first, 'sync:runNow')
    const status = await call(second, 'sync:runNow')
    expect(status).toMatchObject({ state: 'idle', lastError: null, counts: { synced: 1, dead: 0 } })
    expect((await call(second, 'order:list', { limit: 10 })).length).toBe(2)
  })
})

describe('realtime', () => {
  it('shows offline as soon as the live connection to the server drops', async () => {
    const ownServer = await startTestSyncServer()
    try {
      const { code } = await createTestStore(ownServer)
      const core = register(tempDir(), { sync: { ...quiet, isRealtimeEnabled: true } })
      await call(core, 'sync:enroll', { serverUrl: ownServer.url, enrollmentCode: code })
      open.find((entry) => entry.core === core)!.stop = core.startBackground()
      await expect
        .poll(async () => (await call(core, 'sync:getStatus')).isRealtimeConnected, {
          timeout: 10_000,
        })
        .toBe(true)
      await expect
        .poll(async () => (await call(core, 'sync:getStatus')).state, { timeout: 10_000 })
        .toBe('idle')
      await ownServer.stop()
      await expect
        .poll(async () => (await call(core, 'sync:getStatus')).state, { timeout: 10_000 })
        .toBe('offline')
    } finally {
      await ownServer.stop()
    }
  })

  it('a sale on register A reaches register B through a poke, without pressing anything', async () => {
    const { code } = await createTestStore(server)
    const a = await enrolled(code, 'A', {
      sync: { ...quiet, isRealtimeEnabled: true, commitDebounceMs: 10 },
    })
    const b = await enrolled(code, 'B', { sync: { ...quiet, isRealtimeEnabled: true } })
    for (const entry of open)
      if (entry.core === a || entry.core === b) entry.stop = entry.core.startBackground()
    await expect
      .poll(async () => (await call(b, 'sync:getStatus')).isRealtimeConnected, { timeout: 10_000 })
      .toBe(true)

    const arrived = new Promise<string[]>((resolve) => {
      b.events.onAny((event, payload) => {
        if (event === 'order:synced') resolve((payload as { orderIds: string[] }).orderIds)
      })
    })
    const order = await sell(a)
    expect(await arrived).toContain(order.id)
    expect(await orderNumbers(b)).toContain(order.orderNumber)
  })
})
