import { eq } from 'drizzle-orm'
import { v4 as uuidv4 } from 'uuid'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { devices } from '../../../src/server/db/schema'
import type { RunningServer } from '../../../src/server/main'
import {
  call,
  callError,
  demoPins,
  openTestCore,
  type TestCoreOptions,
} from '../../support/registerCore'
import { createTestStore, startTestSyncServer } from '../../support/syncServer'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('auraflow-enroll-')
let server: RunningServer
let otherServer: RunningServer
const open: RegisterCore[] = []

beforeAll(async () => {
  ;[server, otherServer] = await Promise.all([startTestSyncServer(), startTestSyncServer()])
}, 120_000)
afterAll(async () => {
  await Promise.all([server?.stop(), otherServer?.stop()])
})
afterEach(() => {
  for (const core of open.splice(0)) core.close()
})

function register(options: TestCoreOptions = {}): RegisterCore {
  const core = openTestCore(tempDir(), {
    fingerprint: 'machine-a',
    sync: { isRealtimeEnabled: false, intervalMs: 3_600_000 },
    ...options,
  })
  open.push(core)
  return core
}

async function sell(core: RegisterCore) {
  const product = (await call(core, 'catalog:list')).products[0]!
  await call(core, 'sale:complete', {
    clientRequestId: uuidv4(),
    lines: [{ productId: product.id, quantity: 1 }],
    payments: [{ method: 'cash', amountCents: 100_00 }],
  })
}

const devicesOf = async (target: RunningServer, storeId: string) =>
  target.database.db.select().from(devices).where(eq(devices.storeId, storeId))

describe('enrolling a register', () => {
  it('is refused to a cashier and to a locked register, before the server is asked', async () => {
    const { storeId, code } = await createTestStore(server)
    const input = { serverUrl: server.url, enrollmentCode: code }
    const cashier = register({ signIn: 'cashier' })
    expect(await callError(cashier, 'sync:enroll', input)).toMatchObject({ code: 'FORBIDDEN' })
    cashier.authority.signOut()
    expect(await callError(cashier, 'sync:enroll', input)).toMatchObject({
      code: 'SIGN_IN_REQUIRED',
    })
    expect((await call(register(), 'sync:getStatus')).enrollment).toBe('not_enrolled')
    expect(await devicesOf(server, storeId)).toEqual([])
  })

  it('lets a manager enroll a new register, and only an admin enroll it again', async () => {
    const { code } = await createTestStore(server)
    const input = { serverUrl: server.url, enrollmentCode: code }
    const core = register()
    expect((await call(core, 'sync:enroll', input)).enrollment).toBe('enrolled')
    expect(await callError(core, 'sync:enroll', input)).toMatchObject({ code: 'FORBIDDEN' })

    core.authority.signIn(demoPins.admin)
    expect((await call(core, 'sync:enroll', input)).enrollment).toBe('enrolled')
    const [audit] = await call(core, 'audit:list', { limit: 5 })
    expect(audit).toMatchObject({ action: 'sync.reenrolled', employeeName: 'Ada (admin)' })
  })

  it('will not move a register with unsynced sales to another server', async () => {
    const home = await createTestStore(server)
    const elsewhere = await createTestStore(otherServer)
    const core = register({ signIn: 'admin' })
    await call(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: home.code })
    await sell(core)
    const before = await call(core, 'sync:getStatus')
    expect(before.counts.pending).toBe(1)

    expect(
      await callError(core, 'sync:enroll', {
        serverUrl: otherServer.url,
        enrollmentCode: elsewhere.code,
      }),
    ).toMatchObject({ code: 'UNSYNCED_WORK' })
    expect(await call(core, 'sync:getStatus')).toMatchObject({
      enrollment: 'enrolled',
      serverUrl: server.url,
      counts: { pending: 1 },
    })
    expect(await devicesOf(otherServer, elsewhere.storeId)).toEqual([])

    // Once the store has everything, an admin may move it.
    expect((await call(core, 'sync:runNow')).counts.pending).toBe(0)
    const moved = await call(core, 'sync:enroll', {
      serverUrl: otherServer.url,
      enrollmentCode: elsewhere.code,
    })
    expect(moved).toMatchObject({ enrollment: 'enrolled', serverUrl: otherServer.url })
  })

  it('will not take a revoked register with unsynced sales into another store', async () => {
    const home = await createTestStore(server)
    const elsewhere = await createTestStore(server)
    const core = register({ signIn: 'admin' })
    await call(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: home.code })
    await call(core, 'sync:runNow')
    await server.database.db
      .update(devices)
      .set({ revokedAt: new Date() })
      .where(eq(devices.id, core.device.deviceId))
    await sell(core)
    expect((await call(core, 'sync:runNow')).enrollment).toBe('revoked')

    expect(
      await callError(core, 'sync:enroll', {
        serverUrl: server.url,
        enrollmentCode: elsewhere.code,
      }),
    ).toMatchObject({ code: 'UNSYNCED_WORK' })
    expect(await call(core, 'sync:getStatus')).toMatchObject({
      enrollment: 'revoked',
      counts: { pending: 1 },
    })

    // Its own store takes it back, and the sale goes there.
    const back = await call(core, 'sync:enroll', {
      serverUrl: server.url,
      enrollmentCode: home.code,
    })
    expect(back.enrollment).toBe('enrolled')
    expect((await call(core, 'sync:runNow')).counts).toMatchObject({ pending: 0, dead: 0 })
  })
})
