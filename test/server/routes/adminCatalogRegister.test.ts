import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import type { RunningServer } from '../../../src/server/main'
import type {
  AdminEmployeeReply,
  AdminProductListReply,
  AdminSaveReply,
} from '../../../src/shared/backoffice/catalog'
import {
  call as callRegister,
  demoPins,
  openTestCore,
  type TestCoreOptions,
} from '../../support/registerCore'
import { createTestStore, startTestSyncServer } from '../../support/syncServer'
import { useTempDirs } from '../../support/tempDir'
import { call, insertAdmin, signIn } from '../support/backofficeClient'
import { createStore } from '../support/harness'
import type { Session } from '../support/backofficeClient'

/**
 * The back office's edits reach a real register core (better-sqlite3 under Node) through sync:
 * a price changed while the register was shut down, and a PIN set in the back office that then
 * signs in on the register offline.
 */

const tempDir = useTempDirs('auraflow-bo-catalog-')
let server: RunningServer
const open: RegisterCore[] = []

const quiet = {
  isRealtimeEnabled: false,
  intervalMs: 3_600_000,
  backoff: { baseMs: 10, capMs: 50 },
}

beforeAll(async () => {
  server = await startTestSyncServer()
})
afterAll(async () => {
  await server?.stop()
})
afterEach(() => {
  for (const core of open.splice(0)) core.close()
})

function openRegister(dataDir: string, options: TestCoreOptions = {}) {
  const core = openTestCore(dataDir, {
    registerCode: 'B',
    fingerprint: 'machine-B',
    ...options,
    sync: quiet,
  })
  open.push(core)
  return core
}

async function syncClean(core: RegisterCore) {
  const status = await callRegister(core, 'sync:runNow')
  expect(status, JSON.stringify(status)).toMatchObject({
    state: 'idle',
    counts: { pending: 0, inFlight: 0, failed: 0, dead: 0 },
    lastError: null,
  })
}

async function ownerOf(storeId: string): Promise<Session> {
  const [store] = await server.database.db.query.stores.findMany({
    where: (stores, { eq }) => eq(stores.id, storeId),
  })
  const owner = await insertAdmin(server.database.db, 'tenant_admin', { tenantId: store!.tenantId })
  return signIn(server.url, owner.email)
}

describe('back office edits on a register', () => {
  it('brings a price edited in the back office to a register that was offline when it changed', async () => {
    const { storeId, code } = await createTestStore(server)
    const dataDir = tempDir()
    const register = openRegister(dataDir)
    const enrolled = await callRegister(register, 'sync:enroll', {
      serverUrl: server.url,
      enrollmentCode: code,
    })
    expect(enrolled.enrollment).toBe('enrolled')
    await syncClean(register)
    const before = (await callRegister(register, 'catalog:list')).products.find(
      (product) => product.variants.length === 0 && product.isActive,
    )!
    // The register goes offline: shut down, nothing syncs.
    open.splice(open.indexOf(register), 1)
    register.close()

    const owner = await ownerOf(storeId)
    const listed = await call(
      server.url,
      'GET',
      `/api/admin/products?storeId=${storeId}&limit=1000`,
      {
        session: owner,
      },
    )
    const onServer = (listed.body as AdminProductListReply).products.find(
      (row) => row.id === before.id,
    )
    const newPrice = before.priceCents + 1_25
    const saved = await call(
      server.url,
      'PUT',
      `/api/admin/products/${before.id}?storeId=${storeId}`,
      {
        session: owner,
        body: {
          ...(onServer ? { baseVersion: onServer.version } : {}),
          sku: before.sku,
          name: before.name,
          priceCents: newPrice,
          categoryId: before.categoryId,
          taxRateId: before.taxRateId,
          barcodes: before.barcodes,
        },
      },
    )
    expect(saved.status, saved.text).toBe(200)
    expect((saved.body as AdminSaveReply).isChanged).toBe(true)

    // Back online: the register's next sync brings the new price.
    const back = openRegister(dataDir)
    expect(
      (await callRegister(back, 'catalog:list')).products.find((p) => p.id === before.id),
    ).toMatchObject({ priceCents: before.priceCents })
    await syncClean(back)
    const after = (await callRegister(back, 'catalog:list')).products.find(
      (product) => product.id === before.id,
    )
    expect(after).toMatchObject({ name: before.name, priceCents: newPrice })
  })

  it('lets a person whose PIN was set in the back office sign in on a register after sync', async () => {
    const { storeId, code } = await createTestStore(server)
    const register = openRegister(tempDir())
    await callRegister(register, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
    await syncClean(register)
    const owner = await ownerOf(storeId)
    const id = crypto.randomUUID()
    const created = await call(server.url, 'PUT', `/api/admin/employees/${id}?storeId=${storeId}`, {
      session: owner,
      body: { name: 'Layla Haddad', role: 'cashier', pin: '864207' },
    })
    expect(created.status, created.text).toBe(200)
    // Reset the PIN: only the newest one signs in.
    const reset = await call(
      server.url,
      'POST',
      `/api/admin/employees/${id}/pin?storeId=${storeId}`,
      {
        session: owner,
        body: { pin: '531975' },
      },
    )
    expect(reset.status, reset.text).toBe(200)
    expect((reset.body as AdminEmployeeReply).employee.version).toBe(2)

    await callRegister(register, 'session:signOut')
    const refused = await register.registry.dispatch('session:signIn', { pin: '531975' })
    expect(refused.ok).toBe(false)
    // The demo manager starts the sync (a register also syncs on its own timer), then signs out.
    await callRegister(register, 'session:signIn', { pin: demoPins.manager })
    await syncClean(register)
    await callRegister(register, 'session:signOut')
    const session = await callRegister(register, 'session:signIn', { pin: '531975' })
    expect(session.employee).toMatchObject({ id, name: 'Layla Haddad', role: 'cashier' })
    await callRegister(register, 'session:signOut')
    const old = await register.registry.dispatch('session:signIn', { pin: '864207' })
    expect(old.ok).toBe(false)
  })
})

describe('one person in several stores, on their registers', () => {
  it('signs a person in on the registers of each store they work in, and no longer in a store taken away', async () => {
    const first = await createTestStore(server)
    const tenantId = (await server.database.db.query.stores.findFirst({
      where: (stores, { eq }) => eq(stores.id, first.storeId),
    }))!.tenantId
    const second = await createStore(server.database.db, tenantId)
    const registerA = openRegister(tempDir(), { registerCode: 'A', fingerprint: 'machine-A' })
    const registerB = openRegister(tempDir(), { registerCode: 'B', fingerprint: 'machine-B2' })
    for (const [register, code] of [
      [registerA, first.code],
      [registerB, second.code],
    ] as const) {
      const enrolled = await callRegister(register, 'sync:enroll', {
        serverUrl: server.url,
        enrollmentCode: code,
      })
      expect(enrolled.enrollment).toBe('enrolled')
      await syncClean(register)
    }
    const owner = await ownerOf(first.storeId)
    const id = crypto.randomUUID()
    const at = `/api/admin/employees/${id}?storeId=${first.storeId}`
    const saved = await call(server.url, 'PUT', at, {
      session: owner,
      body: {
        name: 'Yusuf Amari',
        role: 'cashier',
        pin: '739184',
        storeIds: [first.storeId, second.storeId],
      },
    })
    expect(saved.status, saved.text).toBe(200)
    const reset = await call(
      server.url,
      'POST',
      `/api/admin/employees/${id}/pin?storeId=${second.storeId}`,
      { session: owner, body: { pin: '462913' } },
    )
    expect(reset.status, reset.text).toBe(200)

    const signInAfterSync = async (register: RegisterCore, pin: string) => {
      await callRegister(register, 'session:signOut')
      await callRegister(register, 'session:signIn', { pin: demoPins.manager })
      await syncClean(register)
      await callRegister(register, 'session:signOut')
      return register.registry.dispatch('session:signIn', { pin })
    }
    for (const register of [registerA, registerB]) {
      const signedIn = await signInAfterSync(register, '462913')
      expect(signedIn).toMatchObject({ ok: true, value: { employee: { id, name: 'Yusuf Amari' } } })
      await callRegister(register, 'session:signOut')
      expect((await register.registry.dispatch('session:signIn', { pin: '739184' })).ok).toBe(false)
    }

    // Taken out of the second store: a synced delete there, still at work in the first.
    const moved = await call(server.url, 'PUT', at, {
      session: owner,
      body: { name: 'Yusuf Amari', role: 'cashier', storeIds: [first.storeId] },
    })
    expect(moved.status, moved.text).toBe(200)
    expect((await signInAfterSync(registerB, '462913')).ok).toBe(false)
    expect((await signInAfterSync(registerA, '462913')).ok).toBe(true)
  })
})

describe('modifier groups from the back office', () => {
  it('refuses a bad group naming its field, and brings a saved product’s groups to a register', async () => {
    const { storeId, code } = await createTestStore(server)
    const register = openRegister(tempDir())
    await callRegister(register, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
    await syncClean(register)
    const owner = await ownerOf(storeId)
    const id = crypto.randomUUID()
    const at = `/api/admin/products/${id}?storeId=${storeId}`
    const milk = {
      id: crypto.randomUUID(),
      name: 'Milk',
      minSelect: 1,
      maxSelect: 1,
      options: [
        { id: crypto.randomUUID(), name: 'Oat', priceCents: 40 },
        { id: crypto.randomUUID(), name: 'Whole', priceCents: 0 },
      ],
    }
    const extras = {
      id: crypto.randomUUID(),
      name: 'Extras',
      minSelect: 0,
      maxSelect: 3,
      options: [{ id: crypto.randomUUID(), name: 'Extra shot', priceCents: 60 }],
    }
    const product = { sku: `LAT-${id.slice(0, 6)}`, name: 'Back office latte', priceCents: 3_50 }
    const bad: [unknown, string][] = [
      [[{ ...milk, minSelect: 2 }], 'modifierGroups.0.minSelect'],
      [
        [milk, { ...extras, options: [{ ...extras.options[0], priceCents: -1 }] }],
        'modifierGroups.1.options.0.priceCents',
      ],
      [[{ ...extras, options: [] }], 'modifierGroups.0.options'],
      [[{ ...milk, name: ' ' }], 'modifierGroups.0.name'],
    ]
    for (const [modifierGroups, path] of bad) {
      const refused = await call(server.url, 'PUT', at, {
        session: owner,
        body: { ...product, modifierGroups },
      })
      expect(refused.status, refused.text).toBe(400)
      expect(refused.body).toMatchObject({ issues: [{ path }] })
    }
    const saved = await call(server.url, 'PUT', at, {
      session: owner,
      body: { ...product, baseVersion: 0, modifierGroups: [milk, extras] },
    })
    expect(saved.status, saved.text).toBe(200)
    expect((saved.body as AdminSaveReply).record.version).toBe(1)

    await syncClean(register)
    const onRegister = (await callRegister(register, 'catalog:list')).products.find(
      (one) => one.id === id,
    )
    expect(onRegister).toMatchObject({ name: 'Back office latte', priceCents: 3_50 })
    expect(onRegister?.modifierGroups).toEqual([milk, extras])
  })
})
