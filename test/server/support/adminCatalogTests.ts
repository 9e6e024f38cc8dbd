import { expect, it } from 'vitest'
import type { PullChangesResponse } from '../../../src/shared/sync'
import { createAdmin, createStore, mutationId, uuid } from './harness'
import type { SuiteContext } from './suiteContext'

const espresso = {
  sku: 'COF-ESP',
  name: 'Espresso',
  priceCents: 2_80,
  barcodes: ['4006381333931', '0012345678905'],
  variants: [
    {
      id: '0b5e2d8e-52f1-4c1e-9d55-0a3b0b7f0c11',
      name: 'Double',
      priceCents: 3_40,
      sku: null,
      barcode: null,
    },
  ],
  modifierGroups: [
    {
      id: '6f1c9a1e-8d7b-4a52-b0a4-3c8e1b2f9d21',
      name: 'Extras',
      minSelect: 0,
      maxSelect: 2,
      options: [{ id: 'a3c5e7f9-1b2d-4e6f-8a0b-c2d4e6f8a0b1', name: 'Extra shot', priceCents: 60 }],
    },
  ],
  trackStock: true,
}

/** The back office's catalog endpoints. */
export function adminCatalogTests(ctx: SuiteContext): void {
  const put = (url: string, headers: Record<string, string>, payload: unknown) =>
    ctx.app.inject({ method: 'PUT', url, headers, payload: payload as object })

  it('writes an admin product edit as a new version that registers pull', async () => {
    const { setUp, app, db, pull, pushOk } = ctx
    const { store, a } = await setUp()
    const manager = await createAdmin(db, app, 'store_manager', { storeId: store.storeId })
    const id = uuid()
    // The register created the product; the manager renames and reprices it.
    await pushOk(a, [
      {
        mutationId: mutationId(),
        entity: 'product',
        id,
        op: 'upsert',
        baseVersion: 0,
        data: { id, name: 'Espreso', sku: 'COF-ESP', priceCents: 250 },
      },
    ])
    const before = (await pull(a)).json<PullChangesResponse>()
    const saved = await put(`/api/admin/products/${id}`, manager, { ...espresso, baseVersion: 1 })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json()).toMatchObject({
      isChanged: true,
      record: { version: 2, seq: before.headSeq + 1, data: { name: 'Espresso', priceCents: 2_80 } },
    })
    const after = (await pull(a, before.nextSyncToken)).json<PullChangesResponse>()
    expect(after.changes).toEqual([
      expect.objectContaining({
        entity: 'product',
        id,
        version: 2,
        deviceId: expect.stringMatching(/^admin:/),
        data: expect.objectContaining({
          id,
          name: 'Espresso',
          barcode: '4006381333931',
          barcodes: espresso.barcodes,
          variants: espresso.variants,
          modifierGroups: espresso.modifierGroups,
          trackStock: true,
          pricingUnit: 'each',
          isActive: true,
        }),
      }),
    ])
    // The same save again changes nothing; a save from a stale version is refused.
    const again = await put(`/api/admin/products/${id}`, manager, espresso)
    expect(again.json()).toMatchObject({ isChanged: false, record: { version: 2 } })
    const stale = await put(`/api/admin/products/${id}`, manager, { ...espresso, baseVersion: 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' })
    const sameSku = await put(`/api/admin/products/${uuid()}`, manager, espresso)
    expect(sameSku.statusCode).toBe(409)
    expect(sameSku.json()).toMatchObject({ code: 'SKU_TAKEN' })
    const listed = await app.inject({ method: 'GET', url: '/api/admin/products', headers: manager })
    expect(listed.json()).toMatchObject({
      products: [{ id, version: 2, data: { name: 'Espresso' } }],
      nextAfter: null,
    })
  })

  it('writes an admin category and names the store for a tenant admin', async () => {
    const { setUp, app, db, pull } = ctx
    const { store, a } = await setUp()
    const tenantAdmin = await createAdmin(db, app, 'tenant_admin', { tenantId: store.tenantId })
    const id = uuid()
    const body = { name: 'Pastries', color: '#aa7744', sortOrder: 3 }
    const noStore = await put(`/api/admin/categories/${id}`, tenantAdmin, body)
    expect(noStore.statusCode).toBe(400)
    expect(noStore.json()).toMatchObject({ code: 'STORE_REQUIRED' })
    const saved = await put(
      `/api/admin/categories/${id}?storeId=${store.storeId}`,
      tenantAdmin,
      body,
    )
    expect(saved.statusCode, saved.body).toBe(200)
    const pulled = (await pull(a)).json<PullChangesResponse>()
    expect(pulled.changes).toEqual([
      expect.objectContaining({ entity: 'category', id, data: { id, ...body } }),
    ])
  })

  it('refuses another tenant, a device token and no token', async () => {
    const { setUp, app, db, pull } = ctx
    const { store } = await setUp()
    const other = await createStore(db)
    const otherAdmin = await createAdmin(db, app, 'tenant_admin', { tenantId: other.tenantId })
    const otherManager = await createAdmin(db, app, 'store_manager', { storeId: other.storeId })
    const { a } = await ctx.setUp()
    const id = uuid()
    const url = `/api/admin/products/${id}?storeId=${store.storeId}`
    for (const headers of [otherAdmin, otherManager]) {
      const response = await put(url, headers, espresso)
      expect(response.statusCode, response.body).toBe(404)
      const listed = await app.inject({
        method: 'GET',
        url: `/api/admin/products?storeId=${store.storeId}`,
        headers,
      })
      expect(listed.statusCode).toBe(404)
    }
    expect((await put(url, a.headers, espresso)).statusCode).toBe(403)
    expect((await put(url, {}, espresso)).statusCode).toBe(401)
    // A manager of the other store writes only there, whatever the id.
    const own = await put(`/api/admin/products/${id}`, otherManager, espresso)
    expect(own.statusCode).toBe(200)
    const storeA = await createAdmin(db, app, 'store_manager', { storeId: store.storeId })
    const listed = await app.inject({ method: 'GET', url: '/api/admin/products', headers: storeA })
    expect(listed.json()).toEqual({ products: [], nextAfter: null })
    expect((await pull(a)).json<PullChangesResponse>().changes).toEqual([])
  })

  it('refuses a bad body with 400 naming the path', async () => {
    const { setUp, app, db } = ctx
    const { store } = await setUp()
    const manager = await createAdmin(db, app, 'store_manager', { storeId: store.storeId })
    const id = uuid()
    const cases: [unknown, string][] = [
      [{ ...espresso, priceCents: 2.5 }, 'priceCents'],
      [{ ...espresso, name: '   ' }, 'name'],
      [{ ...espresso, barcodes: ['ok', 'bad code!'] }, 'barcodes.1'],
      [{ ...espresso, variants: [{ ...espresso.variants[0], id: 'nope' }] }, 'variants.0.id'],
      [{ ...espresso, colour: 'red' }, '(root)'],
    ]
    for (const [body, path] of cases) {
      const response = await put(`/api/admin/products/${id}`, manager, body)
      expect(response.statusCode, JSON.stringify(body)).toBe(400)
      expect(response.json()).toMatchObject({ code: 'VALIDATION', issues: [{ path }] })
      expect(response.json<{ message: string }>().message).toContain(path)
    }
    const badId = await put('/api/admin/products/not-a-uuid', manager, espresso)
    expect(badId.statusCode).toBe(400)
    expect(badId.json()).toMatchObject({ issues: [{ path: 'id' }] })
    const listed = await app.inject({ method: 'GET', url: '/api/admin/products', headers: manager })
    expect(listed.json()).toEqual({ products: [], nextAfter: null })
  })

  it('lists the operations in the OpenAPI document', async () => {
    const document = (await ctx.app.inject('/api/docs/json')).json<{
      paths: Record<string, Record<string, unknown>>
    }>()
    expect(Object.keys(document.paths['/api/admin/products'] ?? {})).toEqual(['get'])
    expect(document.paths['/api/admin/products/{id}']?.put).toMatchObject({
      requestBody: { content: { 'application/json': { schema: expect.any(Object) } } },
    })
    expect(Object.keys(document.paths['/api/admin/categories/{id}'] ?? {})).toEqual([
      'put',
      'delete',
    ])
  })
}
