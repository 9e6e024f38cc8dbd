import { and, eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { getStoreOptions } from '../../../src/main/store/identityRepository'
import { hashPassword } from '../../../src/server/auth/passwords'
import { adminUsers, stores, syncConflicts, syncRecords } from '../../../src/server/db/schema'
import type { RunningServer } from '../../../src/server/main'
import type { AdminStoreRulesReply } from '../../../src/shared/backoffice/rules'
import type { EventChannel } from '../../../src/shared/ipc/contract'
import { StoreOptions } from '../../../src/shared/store/options'
import { STORE_RULES_ID } from '../../../src/shared/sync'
import { call, demoPins, openTestCore } from '../../support/registerCore'
import { createTestStore, startTestSyncServer } from '../../support/syncServer'
import { useTempDirs } from '../../support/tempDir'

/**
 * The store's rules as one synced record, on a real server (127.0.0.1:0) and two register cores:
 * the back office's save reaches both registers, a manager's edit on one reaches the other and
 * the back office, and two offline edits leave one conflict with both versions kept.
 */

const tempDir = useTempDirs('auraflow-rules-')
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

async function enrolled(code: string, registerCode: string) {
  const core = openTestCore(tempDir(), {
    registerCode,
    fingerprint: `machine-${registerCode}-${crypto.randomUUID()}`,
    sync: quiet,
  })
  open.push(core)
  const status = await call(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
  expect(status.enrollment).toBe('enrolled')
  return core
}

async function syncClean(core: RegisterCore) {
  const status = await call(core, 'sync:runNow')
  expect(status, JSON.stringify(status)).toMatchObject({
    state: 'idle',
    counts: { pending: 0, inFlight: 0, failed: 0, dead: 0 },
    lastError: null,
  })
}

/** A store with two enrolled registers and an owner's bearer token for the back-office routes. */
async function storeWithTwoRegisters() {
  const { storeId, code } = await createTestStore(server)
  const a = await enrolled(code, 'RA')
  const b = await enrolled(code, 'RB')
  const [store] = await server.database.db.select().from(stores).where(eq(stores.id, storeId))
  const email = `owner-${crypto.randomUUID()}@example.test`
  await server.database.db.insert(adminUsers).values({
    email,
    passwordHash: await hashPassword('correct horse battery'),
    role: 'tenant_admin',
    tenantId: store!.tenantId,
  })
  const login = await fetch(`${server.url}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery' }),
  })
  const { accessToken } = (await login.json()) as { accessToken: string }
  const rulesApi = async (method: 'GET' | 'PUT', body?: unknown) => {
    const response = await fetch(`${server.url}/api/admin/stores/${storeId}/rules`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    expect(response.status, await response.clone().text()).toBe(200)
    return (await response.json()) as AdminStoreRulesReply
  }
  /** The owner settles a conflict as the back office's Conflicts page does. */
  const resolve = async (conflictId: string, resolution: 'keep-server' | 'take-device') => {
    const response = await fetch(`${server.url}/api/admin/conflicts/${conflictId}/resolve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ resolution }),
    })
    expect(response.status, await response.clone().text()).toBe(200)
  }
  return { storeId, a, b, rulesApi, resolve }
}

const serverRules = (storeId: string) =>
  server.database.db
    .select()
    .from(syncRecords)
    .where(and(eq(syncRecords.storeId, storeId), eq(syncRecords.entity, 'storeRules')))

/** A manager's save on the register's settings screen: the whole form, some fields changed. */
const editRules = (core: RegisterCore, changes: Partial<StoreOptions>) =>
  call(core, 'settings:update', { options: { ...getStoreOptions(core.database.db), ...changes } })

function eventsOf(core: RegisterCore): EventChannel[] {
  const seen: EventChannel[] = []
  core.events.onAny((event) => seen.push(event))
  return seen
}

describe('store rules through sync', () => {
  it('a register that never saw the rules pushes nothing, and reads its local options', async () => {
    const { storeId, a, rulesApi } = await storeWithTwoRegisters()
    await call(a, 'customer:create', { name: 'Someone' })
    await syncClean(a)
    expect(await serverRules(storeId)).toEqual([])
    expect(getStoreOptions(a.database.db)).toEqual(StoreOptions.parse({ requireOpenShift: false }))
    const read = await rulesApi('GET')
    expect(read).toMatchObject({ version: 0, updatedAt: null, rules: StoreOptions.parse({}) })
  })

  it('a back-office save reaches both registers at their next sync, approvals included', async () => {
    const { a, b, rulesApi } = await storeWithTwoRegisters()
    const seenByA = eventsOf(a)
    const defaults = StoreOptions.parse({})
    const saved = await rulesApi('PUT', {
      ...defaults,
      baseVersion: 0,
      discountLimitPercent: 5,
      approvals: ['refund'],
      tenderMethods: [
        ...defaults.tenderMethods,
        { id: 'gift-card', kind: 'other', label: 'Gift card', requiresReference: true },
      ],
      idleLockSeconds: 45,
    })
    expect(saved).toMatchObject({ version: 1, isChanged: true })
    // Before its sync, register A still asks a manager for a no-sale.
    a.authority.signIn(demoPins.cashier)
    expect(() => a.authority.authorize('noSale', undefined)).toThrow(/manager must approve/)
    for (const core of [a, b]) {
      await syncClean(core)
      const options = getStoreOptions(core.database.db)
      expect(options).toMatchObject({ discountLimitPercent: 5, approvals: ['refund'] })
      expect(options.tenderMethods.map((tender) => tender.label)).toContain('Gift card')
      const settings = await call(core, 'settings:get')
      expect(settings.options.idleLockSeconds).toBe(45)
    }
    // The approval check reads the new rules without a restart; the renderer is told.
    expect(a.authority.authorize('noSale', undefined).approvedBy).toBeNull()
    expect(() => a.authority.authorize('refund', undefined)).toThrow(/manager must approve/)
    expect(seenByA).toContain('settings:changed')
    expect(seenByA).toContain('session:changed')
    // Nothing goes back up: pulling the rules is no edit.
    expect(a.store.syncOutbox.counts().pending).toBe(0)
  })

  it("a manager's edit on one register reaches the other and the back office", async () => {
    const { storeId, a, b, rulesApi } = await storeWithTwoRegisters()
    const edited = await editRules(a, { discountLimitPercent: 12, pinAttempts: 3 })
    expect(edited.options.discountLimitPercent).toBe(12)
    // Applied on A at once, with its audit event.
    expect(getStoreOptions(a.database.db).pinAttempts).toBe(3)
    const audit = await call(a, 'audit:list', { limit: 5 })
    expect(audit.map((event) => event.action)).toContain('store.optionsChanged')
    await syncClean(a)
    await syncClean(b)
    expect(getStoreOptions(b.database.db)).toMatchObject({
      discountLimitPercent: 12,
      pinAttempts: 3,
    })
    const [record] = await serverRules(storeId)
    expect(record).toMatchObject({ id: STORE_RULES_ID, version: 1 })
    expect(await rulesApi('GET')).toMatchObject({
      version: 1,
      rules: { discountLimitPercent: 12, pinAttempts: 3 },
    })
    // A second edit on B starts from version 1 and is applied, not a conflict.
    await editRules(b, { idleLockSeconds: 600 })
    await syncClean(b)
    await syncClean(a)
    expect(getStoreOptions(a.database.db)).toMatchObject({
      idleLockSeconds: 600,
      discountLimitPercent: 12,
    })
  })

  it('two offline edits: one conflict in the queue, both versions kept', async () => {
    const { storeId, a, b, rulesApi, resolve } = await storeWithTwoRegisters()
    await editRules(a, { discountLimitPercent: 30 })
    await syncClean(a)
    await syncClean(b)
    // Both offline from here: each manager changes the rules from version 1.
    await editRules(a, { discountLimitPercent: 40 })
    await editRules(b, { discountLimitPercent: 50 })
    await syncClean(a)
    await syncClean(b)
    const [record] = await serverRules(storeId)
    expect(record).toMatchObject({ version: 2, data: { discountLimitPercent: 40 } })
    const conflicts = await server.database.db
      .select()
      .from(syncConflicts)
      .where(and(eq(syncConflicts.storeId, storeId), eq(syncConflicts.entity, 'storeRules')))
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]).toMatchObject({
      status: 'open',
      recordId: STORE_RULES_ID,
      baseVersion: 1,
      serverVersion: 2,
      clientData: { discountLimitPercent: 50 },
    })
    // Both registers run on the version in force; the other waits in the queue.
    expect(getStoreOptions(a.database.db).discountLimitPercent).toBe(40)
    expect(getStoreOptions(b.database.db).discountLimitPercent).toBe(40)
    // The manager console on a register lists it, with both sides.
    const listed = await call(b, 'manager:listConflicts')
    expect(listed.find((conflict) => conflict.entity === 'storeRules')).toMatchObject({
      label: 'Store rules',
      serverData: { discountLimitPercent: 40 },
      deviceData: { discountLimitPercent: 50 },
    })
    // Take device: the waiting edit becomes the rules everywhere.
    await resolve(conflicts[0]!.id, 'take-device')
    expect(await rulesApi('GET')).toMatchObject({
      version: 3,
      rules: { discountLimitPercent: 50 },
    })
    for (const core of [a, b]) {
      await syncClean(core)
      expect(getStoreOptions(core.database.db).discountLimitPercent).toBe(50)
    }
  })
})
