import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPin } from '../../../src/main/services/pin'
import type { ServerDatabase } from '../../../src/server/db/connection'
import { syncRecords } from '../../../src/server/db/schema'
import type {
  AdminEmployeeListReply,
  AdminEmployeeReply,
  AdminProductListReply,
  AdminRecordListReply,
  AdminSaveReply,
} from '../../../src/shared/backoffice/catalog'
import { createStore } from './harness'
import type { Listening, Reply, Session } from './backofficeClient'
import { call, insertAdmin, listen, signIn } from './backofficeClient'

type Role = 'super' | 'owner' | 'managerA' | 'none'
const ROLES: Role[] = ['super', 'owner', 'managerA', 'none']
/** Every catalog and staff route acts on store B here: the manager of store A gets 404. */
const ON_B: Record<Role, number> = { super: 200, owner: 200, managerA: 404, none: 401 }

interface Route {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE'
  /** Builds a fresh target (e.g. a category to delete) and returns the path. */
  path: () => Promise<string>
  body?: () => unknown
}

let pinSeed = 1000
const freshPin = () => String((pinSeed += 7))

/**
 * The back office's catalog and staff routes on a real server (127.0.0.1:0) with cookie sessions:
 * every route × role, CSRF, delete refusals with the reason, stale versions, field errors, and the
 * register's staff rules (PIN unique among active staff, last admin kept, a hash a register reads).
 */
export function defineAdminCatalogSuite(label: string, open: () => Promise<ServerDatabase>): void {
  describe(`back office catalog and staff on ${label}`, () => {
    let database: ServerDatabase
    let server: Listening
    let storeA: string
    let storeB: string
    const sessions = {} as Record<Role, Session | null>
    const as = (role: Role, method: string, path: string, body?: unknown, csrf?: false) =>
      call(server.baseUrl, method, path, {
        session: sessions[role],
        ...(body !== undefined ? { body } : {}),
        ...(csrf === false ? { csrf: false as const } : {}),
      })
    const owner = (method: string, path: string, body?: unknown) => as('owner', method, path, body)
    const onB = (path: string) => `${path}${path.includes('?') ? '&' : '?'}storeId=${storeB}`

    beforeAll(async () => {
      database = await open()
      server = await listen(database.db)
      const a = await createStore(database.db)
      const b = await createStore(database.db, a.tenantId)
      storeA = a.storeId
      storeB = b.storeId
      const superAdmin = await insertAdmin(database.db, 'super_admin')
      const ownerRow = await insertAdmin(database.db, 'tenant_admin', { tenantId: a.tenantId })
      const managerA = await insertAdmin(database.db, 'store_manager', {
        tenantId: a.tenantId,
        storeIds: [a.storeId],
      })
      sessions.super = await signIn(server.baseUrl, superAdmin.email)
      sessions.owner = await signIn(server.baseUrl, ownerRow.email)
      sessions.managerA = await signIn(server.baseUrl, managerA.email)
      sessions.none = null
    }, 120_000)
    afterAll(async () => {
      await server?.app.close()
      await database?.close()
    })

    async function saved(reply: Reply): Promise<AdminSaveReply> {
      expect(reply.status, reply.text).toBe(200)
      return reply.body as AdminSaveReply
    }
    const newCategory = async (name = 'Drinks') => {
      const id = randomUUID()
      await saved(await owner('PUT', onB(`/api/admin/categories/${id}`), { name }))
      return id
    }
    const newTaxRate = async () => {
      const id = randomUUID()
      await saved(
        await owner('PUT', onB(`/api/admin/tax-rates/${id}`), {
          name: 'VAT',
          rateBasisPoints: 2000,
          isInclusive: true,
        }),
      )
      return id
    }
    const newEmployee = async (role = 'cashier', pin = freshPin()) => {
      const id = randomUUID()
      const reply = await owner('PUT', onB(`/api/admin/employees/${id}`), {
        name: `Person ${id.slice(0, 4)}`,
        role,
        pin,
      })
      expect(reply.status, reply.text).toBe(200)
      return id
    }
    const product = (overrides: Record<string, unknown> = {}) => ({
      sku: `SKU-${randomUUID().slice(0, 8)}`,
      name: 'Flat white',
      priceCents: 3_20,
      ...overrides,
    })

    const routes: Record<string, Route> = {
      'GET products': { method: 'GET', path: async () => onB('/api/admin/products') },
      'PUT product': {
        method: 'PUT',
        path: async () => onB(`/api/admin/products/${randomUUID()}`),
        body: () => product(),
      },
      'GET categories': { method: 'GET', path: async () => onB('/api/admin/categories') },
      'PUT category': {
        method: 'PUT',
        path: async () => onB(`/api/admin/categories/${randomUUID()}`),
        body: () => ({ name: 'Pastries', color: '#aa7744' }),
      },
      'DELETE category': {
        method: 'DELETE',
        path: async () => onB(`/api/admin/categories/${await newCategory()}`),
      },
      'GET tax rates': { method: 'GET', path: async () => onB('/api/admin/tax-rates') },
      'PUT tax rate': {
        method: 'PUT',
        path: async () => onB(`/api/admin/tax-rates/${randomUUID()}`),
        body: () => ({ name: 'Reduced', rateBasisPoints: 500 }),
      },
      'DELETE tax rate': {
        method: 'DELETE',
        path: async () => onB(`/api/admin/tax-rates/${await newTaxRate()}`),
      },
      'GET employees': { method: 'GET', path: async () => onB('/api/admin/employees') },
      'PUT employee': {
        method: 'PUT',
        path: async () => onB(`/api/admin/employees/${randomUUID()}`),
        body: () => ({ name: 'Noor', role: 'manager', pin: freshPin() }),
      },
      'POST employee PIN': {
        method: 'POST',
        path: async () => onB(`/api/admin/employees/${await newEmployee()}/pin`),
        body: () => ({ pin: freshPin() }),
      },
    }

    for (const [name, route] of Object.entries(routes)) {
      it(`${name}: owner and super admin 200, manager of store A on store B 404, no session 401, no CSRF 403`, async () => {
        for (const role of ROLES) {
          const reply = await as(role, route.method, await route.path(), route.body?.())
          expect(reply.status, `${role}: ${reply.text}`).toBe(ON_B[role])
          if (role === 'managerA') expect(reply.body).toMatchObject({ code: 'NOT_FOUND' })
        }
        // The manager works in their own store.
        const own = (await route.path()).replace(storeB, storeA)
        if (route.method === 'GET') expect((await as('managerA', 'GET', own)).status).toBe(200)
        if (route.method !== 'GET') {
          const reply = await as('owner', route.method, await route.path(), route.body?.(), false)
          expect(reply.status, reply.text).toBe(403)
        }
      })
    }

    it('creates, lists and edits a product with all the register editor fields', async () => {
      const categoryId = await newCategory('Coffee')
      const taxRateId = await newTaxRate()
      const id = randomUUID()
      const body = product({
        categoryId,
        taxRateId,
        barcodes: ['4006381333931'],
        trackStock: true,
        pricingUnit: 'each',
        isActive: true,
        variants: [{ id: randomUUID(), name: 'Large', priceCents: 3_80, sku: null, barcode: null }],
        modifierGroups: [
          {
            id: randomUUID(),
            name: 'Milk',
            minSelect: 0,
            maxSelect: 1,
            options: [{ id: randomUUID(), name: 'Oat', priceCents: 40 }],
          },
        ],
      })
      const created = await saved(
        await owner('PUT', onB(`/api/admin/products/${id}`), { ...body, baseVersion: 0 }),
      )
      expect(created.record).toMatchObject({ version: 1, data: { categoryId, taxRateId } })
      const edited = await saved(
        await owner('PUT', onB(`/api/admin/products/${id}`), {
          ...body,
          priceCents: 3_50,
          baseVersion: 1,
        }),
      )
      expect(edited.record).toMatchObject({ version: 2, data: { priceCents: 3_50 } })
      const listed = (await owner('GET', onB('/api/admin/products?limit=1000')))
        .body as AdminProductListReply
      expect(listed.products.find((row) => row.id === id)).toMatchObject({
        version: 2,
        data: { priceCents: 3_50, barcodes: ['4006381333931'] },
      })
      // The other store never sees it.
      const inA = (await owner('GET', `/api/admin/products?storeId=${storeA}`))
        .body as AdminProductListReply
      expect(inA.products.map((row) => row.id)).not.toContain(id)
    })

    it('refuses to delete a category or tax rate a product uses, saying how many', async () => {
      const categoryId = await newCategory('Bakery')
      const taxRateId = await newTaxRate()
      const ids = [randomUUID(), randomUUID()]
      for (const id of ids)
        await saved(
          await owner('PUT', onB(`/api/admin/products/${id}`), product({ categoryId, taxRateId })),
        )
      const refused = await owner('DELETE', onB(`/api/admin/categories/${categoryId}`))
      expect(refused.status).toBe(409)
      expect(refused.body).toMatchObject({ code: 'IN_USE' })
      expect((refused.body as { message: string }).message).toMatch(/^2 products use this category/)
      const refusedRate = await owner('DELETE', onB(`/api/admin/tax-rates/${taxRateId}`))
      expect(refusedRate.status).toBe(409)
      expect((refusedRate.body as { message: string }).message).toMatch(/tax rate/)
      // Nothing half-done: both still listed.
      const categories = (await owner('GET', onB('/api/admin/categories')))
        .body as AdminRecordListReply
      expect(categories.records.map((row) => row.id)).toContain(categoryId)
      // Move the products away: the delete goes through, and registers pull a tombstone.
      for (const id of ids)
        await saved(await owner('PUT', onB(`/api/admin/products/${id}`), product()))
      const deleted = await saved(await owner('DELETE', onB(`/api/admin/categories/${categoryId}`)))
      expect(deleted.record).toMatchObject({ deleted: true, version: 2 })
      const after = (await owner('GET', onB('/api/admin/categories'))).body as AdminRecordListReply
      expect(after.records.map((row) => row.id)).not.toContain(categoryId)
      expect((await owner('DELETE', onB(`/api/admin/categories/${categoryId}`))).status).toBe(404)
      const rateGone = await owner('DELETE', onB(`/api/admin/tax-rates/${taxRateId}?baseVersion=1`))
      expect(rateGone.status, rateGone.text).toBe(200)
    })

    it('refuses a stale baseVersion with 409 and keeps the stored record', async () => {
      const id = randomUUID()
      const body = product()
      await saved(await owner('PUT', onB(`/api/admin/products/${id}`), body))
      await saved(await owner('PUT', onB(`/api/admin/products/${id}`), { ...body, priceCents: 1 }))
      const stale = await owner('PUT', onB(`/api/admin/products/${id}`), {
        ...body,
        priceCents: 9_99,
        baseVersion: 1,
      })
      expect(stale.status).toBe(409)
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT' })
      const categoryId = await newCategory()
      await saved(
        await owner('PUT', onB(`/api/admin/categories/${categoryId}`), { name: 'Renamed' }),
      )
      const staleCategory = await owner('PUT', onB(`/api/admin/categories/${categoryId}`), {
        name: 'Old',
        baseVersion: 1,
      })
      expect(staleCategory.status).toBe(409)
      const staleDelete = await owner(
        'DELETE',
        onB(`/api/admin/categories/${categoryId}?baseVersion=1`),
      )
      expect(staleDelete.status).toBe(409)
      const taxRateId = await newTaxRate()
      const staleRate = await owner('PUT', onB(`/api/admin/tax-rates/${taxRateId}`), {
        name: 'VAT',
        rateBasisPoints: 1,
        baseVersion: 0,
      })
      expect(staleRate.status).toBe(409)
      const employeeId = await newEmployee()
      const stalePerson = await owner('PUT', onB(`/api/admin/employees/${employeeId}`), {
        name: 'Late',
        role: 'cashier',
        baseVersion: 0,
      })
      expect(stalePerson.status).toBe(409)
      const [row] = await database.db
        .select()
        .from(syncRecords)
        .where(and(eq(syncRecords.storeId, storeB), eq(syncRecords.id, id)))
      expect(row).toMatchObject({ version: 2, data: expect.objectContaining({ priceCents: 1 }) })
    })

    it('keeps one default tax rate per store', async () => {
      const store = await createStore(database.db)
      const at = (id: string) => `/api/admin/tax-rates/${id}?storeId=${store.storeId}`
      const [first, second] = [randomUUID(), randomUUID()]
      await saved(
        await as('super', 'PUT', at(first), { name: 'A', rateBasisPoints: 1, isDefault: true }),
      )
      await saved(
        await as('super', 'PUT', at(second), { name: 'B', rateBasisPoints: 2, isDefault: true }),
      )
      const listed = (await as('super', 'GET', `/api/admin/tax-rates?storeId=${store.storeId}`))
        .body as AdminRecordListReply
      const defaults = listed.records.filter(
        (row) => (row.data as { isDefault?: boolean }).isDefault,
      )
      expect(defaults.map((row) => row.id)).toEqual([second])
      expect(listed.records.find((row) => row.id === first)).toMatchObject({ version: 2 })
    })

    it('answers bad input with 400 naming the field', async () => {
      const cases: [string, string, unknown, string][] = [
        ['PUT', `/api/admin/products/${randomUUID()}`, product({ priceCents: -1 }), 'priceCents'],
        ['PUT', `/api/admin/products/${randomUUID()}`, product({ sku: '' }), 'sku'],
        ['PUT', `/api/admin/categories/${randomUUID()}`, { name: 'x', color: 'red' }, 'color'],
        ['PUT', `/api/admin/tax-rates/${randomUUID()}`, { name: 'VAT' }, 'rateBasisPoints'],
        ['PUT', `/api/admin/tax-rates/${randomUUID()}`, { name: '', rateBasisPoints: 1 }, 'name'],
        [
          'PUT',
          `/api/admin/employees/${randomUUID()}`,
          { name: 'A', role: 'boss', pin: '1234' },
          'role',
        ],
        [
          'PUT',
          `/api/admin/employees/${randomUUID()}`,
          { name: 'A', role: 'cashier', pin: '12' },
          'pin',
        ],
        // A new person needs a PIN, as on the register.
        ['PUT', `/api/admin/employees/${randomUUID()}`, { name: 'A', role: 'cashier' }, 'pin'],
        ['POST', `/api/admin/employees/${randomUUID()}/pin`, { pin: 'abcd' }, 'pin'],
      ]
      for (const [method, path, body, field] of cases) {
        const reply = await owner(method, onB(path), body)
        expect(reply.status, `${path} ${reply.text}`).toBe(400)
        expect(reply.body).toMatchObject({ issues: [{ path: field }] })
      }
      const badId = await owner('DELETE', onB('/api/admin/tax-rates/nope'))
      expect(badId.body).toMatchObject({ issues: [{ path: 'id' }] })
      const badVersion = await owner(
        'DELETE',
        onB(`/api/admin/tax-rates/${randomUUID()}?baseVersion=x`),
      )
      expect(badVersion.body).toMatchObject({ issues: [{ path: 'baseVersion' }] })
    })

    it('keeps PINs unique among active staff, keeps the last admin, and never shows a PIN', async () => {
      const store = await createStore(database.db)
      const at = (path: string) => `${path}?storeId=${store.storeId}`
      const superCall = (method: string, path: string, body?: unknown) =>
        as('super', method, at(path), body)
      const adminId = randomUUID()
      const put = (id: string, body: unknown) =>
        superCall('PUT', `/api/admin/employees/${id}`, body)
      expect((await put(adminId, { name: 'Owner', role: 'admin', pin: '2580' })).status).toBe(200)
      const cashierId = randomUUID()
      const clash = await put(cashierId, { name: 'Sam', role: 'cashier', pin: '2580' })
      expect(clash.status).toBe(409)
      expect(clash.body).toMatchObject({ code: 'PIN_TAKEN', issues: [{ path: 'pin' }] })
      expect((await put(cashierId, { name: 'Sam', role: 'cashier', pin: '1470' })).status).toBe(200)
      const reset = await superCall('POST', `/api/admin/employees/${cashierId}/pin`, {
        pin: '2580',
      })
      expect(reset.status).toBe(409)
      // The last active admin can be neither demoted nor deactivated.
      const demote = await put(adminId, { name: 'Owner', role: 'manager' })
      expect(demote.status).toBe(409)
      expect(demote.body).toMatchObject({ code: 'LAST_ADMIN', issues: [{ path: 'role' }] })
      const deactivate = await put(adminId, { name: 'Owner', role: 'admin', isActive: false })
      expect(deactivate.body).toMatchObject({ code: 'LAST_ADMIN', issues: [{ path: 'isActive' }] })
      // With a second admin the first may step down; their old PIN is then free for someone else.
      expect((await put(cashierId, { name: 'Sam', role: 'admin' })).status).toBe(200)
      const stepped = await put(adminId, { name: 'Owner', role: 'admin', isActive: false })
      expect(stepped.status, stepped.text).toBe(200)
      const newPin = await superCall('POST', `/api/admin/employees/${cashierId}/pin`, {
        pin: '2580',
      })
      expect(newPin.status, newPin.text).toBe(200)
      expect((newPin.body as AdminEmployeeReply).employee).toMatchObject({
        role: 'admin',
        version: 3,
      })
      // Coming back needs a new PIN (the old one may be someone else's now).
      const back = await put(adminId, { name: 'Owner', role: 'admin', isActive: true })
      expect(back.body).toMatchObject({ issues: [{ path: 'pin' }] })
      const listed = await superCall('GET', '/api/admin/employees')
      expect((listed.body as AdminEmployeeListReply).employees).toEqual([
        expect.objectContaining({ id: cashierId, name: 'Sam', role: 'admin', isActive: true }),
        expect.objectContaining({ id: adminId, name: 'Owner', isActive: false }),
      ])
      expect(listed.text).not.toMatch(/pinHash|argon2|2580/)
      expect(newPin.text).not.toMatch(/pinHash|argon2|2580/)
      // The synced record carries a hash the register's own check accepts.
      const [row] = await database.db
        .select()
        .from(syncRecords)
        .where(and(eq(syncRecords.storeId, store.storeId), eq(syncRecords.id, cashierId)))
      const { pinHash } = row!.data as { pinHash: string }
      expect(verifyPin(pinHash, '2580')).toBe(true)
      expect(verifyPin(pinHash, '1470')).toBe(false)
    })
  })
}
