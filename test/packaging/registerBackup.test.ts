import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { v4 as uuidv4 } from 'uuid'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { backupRegister, restoreRegister } from '../../scripts/backupRegister'
import type { RegisterCore } from '../../src/main/core'
import type { RunningServer } from '../../src/server/main'
import { syncRecords } from '../../src/server/db/schema'
import { call, demoPins, openTestCore } from '../support/registerCore'
import { createTestStore, startTestSyncServer } from '../support/syncServer'
import { useTempDirs } from '../support/tempDir'

/**
 * docs/operations.md, "Restoring a register": a backup taken while sales were waiting to sync,
 * restored after they did sync, pushes them again — and the server still holds each sale once.
 */
const tempDir = useTempDirs('auraflow-backup-')
let server: RunningServer
const open: RegisterCore[] = []
beforeAll(async () => {
  server = await startTestSyncServer()
})
afterAll(async () => {
  await server?.stop()
})
afterEach(() => {
  for (const core of open.splice(0)) core.close()
})

const quiet = {
  isRealtimeEnabled: false,
  intervalMs: 3_600_000,
  backoff: { baseMs: 10, capMs: 50 },
}

function register(dataDir: string, fingerprint = 'machine-a'): RegisterCore {
  const core = openTestCore(dataDir, { registerCode: 'R1', fingerprint, sync: quiet })
  open.push(core)
  return core
}

function closeRegister(core: RegisterCore) {
  open.splice(open.indexOf(core), 1)
  core.close()
}

async function sell(core: RegisterCore) {
  const { products } = await call(core, 'catalog:list')
  const receipt = await call(core, 'sale:complete', {
    clientRequestId: uuidv4(),
    lines: [{ productId: products[0]!.id, quantity: 1 }],
    payments: [{ method: 'cash', amountCents: 50_00 }],
  })
  return receipt.order
}

/** How many times the server stores each order id of this store. */
async function serverOrders(storeId: string): Promise<Map<string, number>> {
  const rows = await server.database.db
    .select({ id: syncRecords.id })
    .from(syncRecords)
    .where(and(eq(syncRecords.storeId, storeId), eq(syncRecords.entity, 'order')))
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.id, (counts.get(row.id) ?? 0) + 1)
  return counts
}

async function soldAndBackedUp() {
  const { storeId, code } = await createTestStore(server)
  const dataDir = tempDir()
  const core = register(dataDir)
  await call(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
  // Three sales waiting to sync when the backup is taken, from the live register.
  const pending = [await sell(core), await sell(core), await sell(core)]
  const backupFile = join(tempDir(), 'register-backup.db')
  const backup = await backupRegister({ dataDir, outFile: backupFile })
  expect(backup).toMatchObject({ integrity: 'ok', orders: 3, unsynced: 3 })
  // Modes: the copy carries the register's tokens.
  expect(statSync(backupFile).mode & 0o777).toBe(0o600)
  expect(existsSync(`${backupFile}-wal`)).toBe(false)

  // Then they sync, and one more sale is made and synced before the register is lost.
  expect((await call(core, 'sync:runNow')).counts).toMatchObject({ pending: 0, synced: 3 })
  const later = await sell(core)
  expect((await call(core, 'sync:runNow')).counts).toMatchObject({ pending: 0, synced: 4 })
  closeRegister(core)
  const before = await serverOrders(storeId)
  expect([...before.values()]).toEqual([1, 1, 1, 1])
  return { storeId, code, dataDir, backupFile, pending, later, before }
}

describe('register backup and restore', () => {
  it('restores on the same machine: the pending sales are pushed again and stay one each', async () => {
    const { storeId, dataDir, backupFile, pending, later, before } = await soldAndBackedUp()
    const restored = restoreRegister({ dataDir, backupFile })
    expect(restored).toMatchObject({ orders: 3, unsynced: 3 })
    // The replaced database is kept aside, and no stale WAL is left to be replayed into the copy.
    expect(restored.keptAside[0]).toMatch(/register\.db\.before-restore-[^/]+$/)
    expect(existsSync(restored.keptAside[0]!)).toBe(true)
    expect(existsSync(join(dataDir, 'register.db-wal'))).toBe(false)

    const core = register(dataDir)
    expect((await call(core, 'sync:getStatus')).counts.pending).toBe(3)
    const status = await call(core, 'sync:runNow')
    expect(status).toMatchObject({
      enrollment: 'enrolled',
      lastError: null,
      counts: { pending: 0, dead: 0, failed: 0 },
    })
    expect(await serverOrders(storeId)).toEqual(before)
    // The sale made after the backup comes back from the server.
    const ids = (await call(core, 'order:list', { limit: 50 })).map((order) => order.id).sort()
    expect(ids).toEqual([...pending.map((order) => order.id), later.id].sort())
    // Order numbers carry on after the recovered sale rather than reusing its number.
    const next = await sell(core)
    const numbers = (await call(core, 'order:list', { limit: 50 })).map(
      (order) => order.orderNumber,
    )
    expect(new Set(numbers).size).toBe(5)
    expect(next.orderNumber).not.toBe(later.orderNumber)
  })

  it('restores onto replacement hardware: re-enrolled as a new device, still one sale each', async () => {
    const { storeId, code, dataDir, backupFile, before } = await soldAndBackedUp()
    const replacement = tempDir()
    restoreRegister({ dataDir: replacement, backupFile })
    expect(existsSync(join(dataDir, 'register.db'))).toBe(true)

    const core = register(replacement, 'machine-b')
    expect((await call(core, 'sync:getStatus')).enrollment).toBe('needs_reenrollment')
    // Taking an enrolled register's data onto new hardware is an admin's job.
    core.authority.signIn(demoPins.admin)
    const status = await call(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
    expect(status.enrollment).toBe('enrolled')
    const synced = await call(core, 'sync:runNow')
    expect(synced).toMatchObject({ lastError: null, counts: { pending: 0, dead: 0, failed: 0 } })
    expect(await serverOrders(storeId)).toEqual(before)
    // The lost register's later sale is pulled in, and numbering carries on after it.
    await sell(core)
    const numbers = (await call(core, 'order:list', { limit: 50 })).map(
      (order) => order.orderNumber,
    )
    expect(numbers).toHaveLength(5)
    expect(new Set(numbers).size).toBe(5)
  })

  it('backs up a register that is selling at the same moment', async () => {
    const dataDir = tempDir()
    const core = register(dataDir)
    const selling = Promise.all(Array.from({ length: 20 }, () => sell(core)))
    const backup = await backupRegister({ dataDir, outFile: join(tempDir(), 'live.db') })
    await selling
    expect(backup.integrity).toBe('ok')
    expect(backup.orders).toBeLessThanOrEqual(20)
    // Every order in the copy is whole: its items and its payment came with it.
    const again = restoreRegister({ dataDir: tempDir(), backupFile: backup.file })
    expect(again.orders).toBe(backup.orders)
  })
})
