import { expect, it } from 'vitest'
import { createAdmin, createStore, enroll } from './harness'
import type { SuiteContext } from './suiteContext'

interface StoreReply {
  store: { id: string; tenantId: string; code: string; name: string }
}

/** Tenants and stores created through the admin API (issue 12, item 18). */
export function provisioningTests(ctx: SuiteContext): void {
  const call = (method: 'GET' | 'POST', url: string, headers: object, payload?: object) =>
    ctx.app.inject({
      method,
      url,
      headers: headers as Record<string, string>,
      ...(payload ? { payload } : {}),
    })
  const code = () => `P${Math.random().toString(36).slice(2, 10).toUpperCase()}`

  it('lets a super admin create a tenant and a store that registers enroll in', async () => {
    const { app, db } = ctx
    const superAdmin = await createAdmin(db, app, 'super_admin')
    const tenant = await call('POST', '/api/admin/tenants', superAdmin, { name: 'Bakery chain' })
    expect(tenant.statusCode, tenant.body).toBe(200)
    const tenantId = tenant.json<{ tenant: { id: string } }>().tenant.id
    const missingTenant = await call('POST', '/api/admin/stores', superAdmin, {
      code: code(),
      name: 'x',
    })
    expect(missingTenant.json()).toMatchObject({ code: 'TENANT_REQUIRED' })
    const storeCode = code()
    const created = await call('POST', '/api/admin/stores', superAdmin, {
      code: storeCode,
      name: 'Harbour',
      tenantId,
    })
    expect(created.statusCode, created.body).toBe(200)
    const { store } = created.json<StoreReply>()
    expect(store).toMatchObject({ code: storeCode, name: 'Harbour', tenantId })
    const again = await call('POST', '/api/admin/stores', superAdmin, {
      code: storeCode,
      name: 'Twice',
      tenantId,
    })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ code: 'STORE_CODE_TAKEN' })
    const issued = await call('POST', `/api/admin/stores/${store.id}/enrollment-codes`, superAdmin)
    const device = await enroll(app, issued.json<{ code: string }>().code)
    expect(device.storeId).toBe(store.id)
    const listed = await call('GET', `/api/admin/stores?tenantId=${tenantId}`, superAdmin)
    expect(listed.json()).toEqual({ stores: [expect.objectContaining({ id: store.id })] })
  })

  it('scopes store creation to the tenant admin and refuses managers and devices', async () => {
    const { app, db } = ctx
    const home = await createStore(db)
    const other = await createStore(db)
    const tenantAdmin = await createAdmin(db, app, 'tenant_admin', { tenantId: home.tenantId })
    const manager = await createAdmin(db, app, 'store_manager', { storeId: home.storeId })
    const own = await call('POST', '/api/admin/stores', tenantAdmin, { code: code(), name: 'Two' })
    expect(own.statusCode, own.body).toBe(200)
    expect(own.json<StoreReply>().store.tenantId).toBe(home.tenantId)
    const foreign = await call('POST', '/api/admin/stores', tenantAdmin, {
      code: code(),
      name: 'Theirs',
      tenantId: other.tenantId,
    })
    expect(foreign.statusCode).toBe(403)
    expect(
      (await call('POST', '/api/admin/tenants', tenantAdmin, { name: 'Mine' })).statusCode,
    ).toBe(403)
    expect(
      (await call('POST', '/api/admin/stores', manager, { code: code(), name: 'No' })).statusCode,
    ).toBe(403)
    const device = await enroll(app, home.code)
    expect(
      (await call('POST', '/api/admin/stores', device.headers, { code: code(), name: 'No' }))
        .statusCode,
    ).toBe(403)
    const bad = await call('POST', '/api/admin/stores', tenantAdmin, { code: 'a-b', name: 'x' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'code' }] })
    const listed = await call('GET', '/api/admin/stores', tenantAdmin)
    expect(listed.json<{ stores: { tenantId: string }[] }>().stores.map((s) => s.tenantId)).toEqual(
      [home.tenantId, home.tenantId],
    )
    const managerView = await call('GET', '/api/admin/stores', manager)
    expect(managerView.json()).toEqual({ stores: [expect.objectContaining({ id: home.storeId })] })
    const document = (await app.inject('/api/docs/json')).json<{ paths: Record<string, object> }>()
    expect(Object.keys(document.paths['/api/admin/stores'] ?? {})).toEqual(['get', 'post'])
    expect(Object.keys(document.paths['/api/admin/tenants'] ?? {})).toEqual(['get', 'post'])
  })
}
