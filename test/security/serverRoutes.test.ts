import { randomUUID } from 'node:crypto'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { buildServer } from '../../src/server/app'
import { hashPassword } from '../../src/server/auth/passwords'
import { createTokenSigner } from '../../src/server/auth/tokens'
import { defaultConfig, type ServerConfig } from '../../src/server/config'
import { openDatabase, type ServerDatabase } from '../../src/server/db/connection'
import { eq } from 'drizzle-orm'
import { adminUsers, devices, stores, tenants } from '../../src/server/db/schema'
import { issueEnrollmentCode } from '../../src/server/tenancy/enrollmentCodes'
import { StoreOptions } from '../../src/shared/store/options'

/**
 * Every route of the sync server, table-driven: who may call it, and that a token from another
 * tenant, an expired or revoked token, no token, a forged token and an oversized body are refused.
 * The table is checked against the app's own route list, so a new route fails this test until
 * it has a row.
 */

const secret = `routes-secret-${randomUUID()}`
const config: ServerConfig = defaultConfig({
  jwtSecret: secret,
  authRateLimit: { max: 100_000, windowMs: 60_000 },
  // A manual policy makes the server keep conflicts, so the conflict routes have data to guard.
  policies: { product: 'manual' },
})

type Auth = 'public' | 'credential' | 'device' | 'admin' | 'device-or-admin'
/** Request headers; a bearer token and the sync protocol version where a route needs them. */
type Headers = Record<string, string>
interface Device {
  deviceId: string
  storeId: string
  accessToken: string
  refreshToken: string
  headers: Headers
}
interface Fixture {
  storeA: { tenantId: string; storeId: string; code: string }
  storeB: { tenantId: string; storeId: string; code: string }
  a1: Device
  a2: Device
  b1: Device
  revoked: Device
  expired: Device
  adminA: Headers
  adminB: Headers
  expiredAdminA: Headers
  conflictIdA: string
  productIdA: string
  orderIdA: string
  /** An order id store B never uses: finding it in anything B reads is a leak. */
  onlyInA: string
}

let database: ServerDatabase
let app: FastifyInstance
let small: FastifyInstance
let fx: Fixture

const bearer = (token: string): Headers => ({
  authorization: `Bearer ${token}`,
  'x-sync-protocol': '1',
})

async function makeStore() {
  const [tenant] = await database.db
    .insert(tenants)
    .values({ name: `tenant ${randomUUID()}` })
    .returning()
  const [store] = await database.db
    .insert(stores)
    .values({ tenantId: tenant!.id, code: `S-${randomUUID().slice(0, 8)}`, name: 'Store' })
    .returning()
  const code = await issueEnrollmentCode(database.db, store!.id, { uses: null })
  return { tenantId: tenant!.id, storeId: store!.id, code }
}

async function enroll(on: FastifyInstance, code: string): Promise<Device> {
  const response = await on.inject({
    method: 'POST',
    url: '/api/auth/enroll',
    payload: {
      enrollmentCode: code,
      deviceId: randomUUID(),
      name: 'Till',
      fingerprint: `fp-${randomUUID()}`,
    },
  })
  expect(response.statusCode, response.body).toBe(200)
  const tokens = response.json<{
    accessToken: string
    refreshToken: string
    deviceId: string
    storeId: string
  }>()
  return { ...tokens, headers: bearer(tokens.accessToken) }
}

async function admin(on: FastifyInstance, tenantId: string): Promise<Headers> {
  const email = `admin-${randomUUID()}@example.test`
  await database.db
    .insert(adminUsers)
    .values({
      email,
      passwordHash: await hashPassword('correct horse battery'),
      role: 'tenant_admin',
      tenantId,
      storeId: null,
    })
    .onConflictDoNothing()
  const response = await on.inject({
    method: 'POST',
    url: '/api/admin/login',
    payload: { email, password: 'correct horse battery' },
  })
  expect(response.statusCode, response.body).toBe(200)
  return bearer(response.json<{ accessToken: string }>().accessToken)
}

const productChange = (id: string, name: string) => ({
  mutationId: randomUUID(),
  entity: 'product',
  id,
  op: 'upsert',
  baseVersion: 0,
  data: { id, name, priceCents: 199 },
})
const orderChange = (id: string, totalCents: number) => ({
  mutationId: randomUUID(),
  entity: 'order',
  id,
  op: 'upsert',
  baseVersion: 0,
  data: {
    order: { id, totalCents, status: 'COMPLETED' },
    items: [],
    payments: [{ amountCents: totalCents }],
  },
})

const heartbeatReport = (registerCode: string) => ({
  pending: 0,
  oldestPendingAt: null,
  deadRecords: 0,
  deadReasons: [],
  registerCode,
  appVersion: '1.0.0',
})

async function statsOf(headers: Headers, storeId: string): Promise<string> {
  const response = await app.inject({
    method: 'GET',
    url: `/api/sync/stats?storeId=${storeId}`,
    headers,
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.body
}

async function push(device: Device, changes: unknown[]) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/sync/batch-push',
    headers: device.headers,
    payload: { deviceId: device.deviceId, changes },
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ results: { status: string; conflictId?: string }[] }>().results
}

async function pullIds(device: Device): Promise<string[]> {
  const response = await app.inject({
    method: 'GET',
    url: '/api/sync/pull-changes',
    headers: device.headers,
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ changes: { id: string }[] }>().changes.map((change) => change.id)
}

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dataDir: null })
  app = await buildServer({ db: database.db, config })
  // Same database and secret: tokens minted here are genuine but already expired.
  const expiredIssuer = await buildServer({
    db: database.db,
    config: { ...config, accessTokenTtlSeconds: -60, refreshTokenTtlSeconds: -60 },
  })
  small = await buildServer({ db: database.db, config: { ...config, bodyLimitBytes: 4 * 1024 } })
  await Promise.all([app.ready(), expiredIssuer.ready(), small.ready()])

  const storeA = await makeStore()
  const storeB = await makeStore()
  const [a1, a2, b1, revoked, expired] = [
    await enroll(app, storeA.code),
    await enroll(app, storeA.code),
    await enroll(app, storeB.code),
    await enroll(app, storeA.code),
    await enroll(expiredIssuer, storeA.code),
  ]
  const adminA = await admin(app, storeA.tenantId)
  const adminB = await admin(app, storeB.tenantId)
  const expiredAdminA = await admin(expiredIssuer, storeA.tenantId)
  await expiredIssuer.close()

  // Store A's data: an order, and a product two registers edited at once (a stored conflict).
  const productIdA = randomUUID()
  const orderIdA = randomUUID()
  const onlyInA = randomUUID()
  await push(a1, [
    productChange(productIdA, 'Espresso'),
    orderChange(orderIdA, 1000),
    orderChange(onlyInA, 2000),
  ])
  const [conflict] = await push(a2, [productChange(productIdA, 'Espresso doppio')])
  expect(conflict).toMatchObject({ status: 'conflict' })
  const conflictIdA = conflict!.conflictId!
  expect(conflictIdA).toBeTruthy()

  const revoke = await app.inject({
    method: 'POST',
    url: `/api/admin/devices/${revoked.deviceId}/revoke`,
    headers: adminA,
  })
  expect(revoke.statusCode, revoke.body).toBe(200)

  fx = {
    storeA,
    storeB,
    a1,
    a2,
    b1,
    revoked,
    expired,
    adminA,
    adminB,
    expiredAdminA,
    conflictIdA,
    productIdA,
    orderIdA,
    onlyInA,
  }
})

afterAll(async () => {
  await app?.close()
  await small?.close()
  await database?.close()
})

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: string
  auth: Auth
  /** A well-formed request on store A's behalf, given whose headers to send. */
  request(headers: Headers, deviceId?: string): InjectOptions
  /** Store B's device and admin act on store A and are refused; store A is left as it was. */
  crossTenant(): Promise<void>
}

const seedOrder = (deviceId: string) => ({
  order: { id: randomUUID(), total: '1.50', items: [] },
  localId: randomUUID(),
  syncVersion: 1,
  deviceId,
})

const storeCode = () => `X${randomUUID().slice(0, 8).replace(/-/g, '').toUpperCase()}`

/**
 * The purchasing routes (suppliers, their costs, purchase orders, supplier invoices): each needs
 * the back office's session, and store B's admin naming store A's records is a 404 that writes
 * nothing A's registers would pull.
 */
const purchasingRoutes: [RouteCase['method'], string, unknown?][] = [
  ['GET', '/api/admin/suppliers'],
  ['PUT', '/api/admin/suppliers/:id', { baseVersion: 0, name: 'Scope Co' }],
  ['GET', '/api/admin/suppliers.csv'],
  ['POST', '/api/admin/suppliers/import', { csv: 'name\r\nScope Co\r\n', isApplied: true }],
  ['GET', '/api/admin/supplier-products'],
  [
    'PUT',
    '/api/admin/supplier-products/:id',
    {
      baseVersion: 0,
      supplierId: '00000000-0000-4000-8000-000000000001',
      productId: 'p',
      costCents: 1,
    },
  ],
  ['DELETE', '/api/admin/supplier-products/:id'],
  ['GET', '/api/admin/supplier-costs.csv'],
  [
    'POST',
    '/api/admin/supplier-costs/import',
    { csv: 'supplier,product_sku,cost\r\nScope Co,SKU-1,1.50\r\n', isApplied: true },
  ],
  ['GET', '/api/admin/purchase-orders'],
  [
    'POST',
    '/api/admin/purchase-orders',
    { supplierId: '00000000-0000-4000-8000-000000000001', lines: [] },
  ],
  ['GET', '/api/admin/purchase-orders/:id'],
  ['PUT', '/api/admin/purchase-orders/:id', { baseVersion: 1, lines: [] }],
  ['GET', '/api/admin/purchase-orders/:id/pdf'],
  ['POST', '/api/admin/purchase-orders/:id/order', { baseVersion: 1 }],
  ['POST', '/api/admin/purchase-orders/:id/cancel', { baseVersion: 1 }],
  ['POST', '/api/admin/purchase-orders/:id/receive', { movementId: 'm-1', lines: [] }],
  ['POST', '/api/admin/purchase-orders/:id/email', {}],
  ['GET', '/api/admin/supplier-invoices'],
  [
    'PUT',
    '/api/admin/supplier-invoices/:id',
    {
      baseVersion: 0,
      supplierId: '00000000-0000-4000-8000-000000000001',
      invoiceNumber: 'I-1',
      totalCents: 1,
    },
  ],
]

function purchasingCase([method, url, payload]: (typeof purchasingRoutes)[number]): RouteCase {
  const target = (storeId: string) => `${url.replace(':id', randomUUID())}?storeId=${storeId}`
  const send = (headers: Headers, storeId: string): InjectOptions => ({
    method,
    url: target(storeId),
    headers: { ...headers },
    ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
  })
  return {
    method,
    url,
    auth: 'admin',
    request: (headers) => send(headers, fx.storeA.storeId),
    crossTenant: async () => {
      const before = await pullIds(fx.a1)
      const foreign = await app.inject(send(fx.adminB, fx.storeA.storeId))
      expect(foreign.statusCode, `${method} ${url} ${foreign.body}`).toBe(404)
      expect(await pullIds(fx.a1)).toEqual(before)
    },
  }
}

const routes: RouteCase[] = [
  {
    method: 'GET',
    url: '/api/admin/tenants',
    auth: 'admin',
    request: (headers) => ({ method: 'GET', url: '/api/admin/tenants', headers: { ...headers } }),
    crossTenant: async () => {
      const own = await app.inject({ method: 'GET', url: '/api/admin/tenants', headers: fx.adminB })
      expect(own.statusCode, own.body).toBe(200)
      expect(own.body).toContain(fx.storeB.tenantId)
      expect(own.body).not.toContain(fx.storeA.tenantId)
    },
  },
  {
    method: 'POST',
    url: '/api/admin/tenants',
    auth: 'admin',
    request: (headers) => ({
      method: 'POST',
      url: '/api/admin/tenants',
      headers: { ...headers },
      payload: { name: 'Another tenant' },
    }),
    crossTenant: async () => {
      // Only a super admin creates tenants.
      const response = await app.inject({
        method: 'POST',
        url: '/api/admin/tenants',
        headers: fx.adminB,
        payload: { name: 'Mine now' },
      })
      expect(response.statusCode).toBe(403)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/stores',
    auth: 'admin',
    request: (headers) => ({ method: 'GET', url: '/api/admin/stores', headers: { ...headers } }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/stores?tenantId=${fx.storeA.tenantId}`,
        headers: fx.adminB,
      })
      expect(foreign.statusCode).toBe(403)
      const own = await app.inject({ method: 'GET', url: '/api/admin/stores', headers: fx.adminB })
      expect(own.statusCode, own.body).toBe(200)
      expect(own.body).toContain(fx.storeB.storeId)
      expect(own.body).not.toContain(fx.storeA.storeId)
    },
  },
  {
    method: 'POST',
    url: '/api/admin/stores',
    auth: 'admin',
    request: (headers) => ({
      method: 'POST',
      url: '/api/admin/stores',
      headers: { ...headers },
      payload: { code: storeCode(), name: 'Branch' },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'POST',
        url: '/api/admin/stores',
        headers: fx.adminB,
        payload: { code: storeCode(), name: 'Branch', tenantId: fx.storeA.tenantId },
      })
      expect(foreign.statusCode).toBe(403)
      const own = await app.inject({
        method: 'POST',
        url: '/api/admin/stores',
        headers: fx.adminB,
        payload: { code: storeCode(), name: 'Branch' },
      })
      expect(own.statusCode, own.body).toBe(200)
      expect(own.json()).toMatchObject({ store: { tenantId: fx.storeB.tenantId } })
    },
  },
  {
    method: 'GET',
    url: '/api/admin/products',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/products?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/admin/products?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
      })
      expect(response.statusCode).toBe(404)
      expect(response.body).not.toContain(fx.productIdA)
      const own = await app.inject({
        method: 'GET',
        url: `/api/admin/products?storeId=${fx.storeB.storeId}`,
        headers: { ...fx.adminB },
      })
      expect(own.statusCode, own.body).toBe(200)
      expect(own.body).not.toContain(fx.productIdA)
    },
  },
  {
    method: 'PUT',
    url: '/api/admin/products/:id',
    auth: 'admin',
    request: (headers) => ({
      method: 'PUT',
      url: `/api/admin/products/${randomUUID()}?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
      payload: { sku: 'SEC-PROBE', name: 'Probe', priceCents: 100 },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'PUT',
        url: `/api/admin/products/${fx.productIdA}?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
        payload: { sku: 'SEC-PROBE', name: 'Hijacked', priceCents: 1 },
      })
      expect(response.statusCode).toBe(404)
      const pulled = await app.inject({
        method: 'GET',
        url: '/api/sync/pull-changes',
        headers: fx.a1.headers,
      })
      expect(pulled.body).not.toContain('Hijacked')
    },
  },
  {
    method: 'PUT',
    url: '/api/admin/categories/:id',
    auth: 'admin',
    request: (headers) => ({
      method: 'PUT',
      url: `/api/admin/categories/${randomUUID()}?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
      payload: { name: 'Probe' },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'PUT',
        url: `/api/admin/categories/${randomUUID()}?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
        payload: { name: 'Hijacked' },
      })
      expect(response.statusCode).toBe(404)
      const pulled = await app.inject({
        method: 'GET',
        url: '/api/sync/pull-changes',
        headers: fx.a1.headers,
      })
      expect(pulled.body).not.toContain('Hijacked')
    },
  },
  {
    method: 'GET',
    url: '/healthz',
    auth: 'public',
    request: () => ({ method: 'GET', url: '/healthz' }),
    crossTenant: async () => {},
  },
  {
    method: 'GET',
    url: '/readyz',
    auth: 'public',
    request: () => ({ method: 'GET', url: '/readyz' }),
    crossTenant: async () => {},
  },
  {
    method: 'GET',
    url: '/api/docs/json',
    auth: 'public',
    request: () => ({ method: 'GET', url: '/api/docs/json' }),
    crossTenant: async () => {},
  },
  {
    method: 'POST',
    url: '/api/auth/enroll',
    auth: 'credential',
    request: () => ({
      method: 'POST',
      url: '/api/auth/enroll',
      payload: {
        enrollmentCode: fx.storeA.code,
        deviceId: randomUUID(),
        name: 'Till',
        fingerprint: 'fp',
      },
    }),
    crossTenant: async () => {
      // Store B's register cannot move into store A with A's code.
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/enroll',
        payload: {
          enrollmentCode: fx.storeA.code,
          deviceId: fx.b1.deviceId,
          name: 'Till',
          fingerprint: 'fp',
        },
      })
      expect(response.statusCode).toBe(409)
      expect(response.json()).toMatchObject({ code: 'DEVICE_ENROLLED_ELSEWHERE' })
    },
  },
  {
    method: 'POST',
    url: '/api/auth/refresh',
    auth: 'credential',
    request: () => ({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: randomUUID() },
    }),
    crossTenant: async () => {
      // Scope comes from the refresh token's device, never from anything the caller says.
      const extra = await enroll(app, fx.storeB.code)
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        payload: { refreshToken: extra.refreshToken, storeId: fx.storeA.storeId },
      })
      if (response.statusCode === 200)
        expect(response.json()).toMatchObject({ storeId: fx.storeB.storeId })
      else expect(response.statusCode).toBe(400)
      expect(await pullIds(fx.b1)).not.toContain(fx.onlyInA)
    },
  },
  {
    method: 'POST',
    url: '/api/admin/login',
    auth: 'credential',
    request: () => ({
      method: 'POST',
      url: '/api/admin/login',
      payload: { email: 'nobody@example.test', password: 'x' },
    }),
    crossTenant: async () => {},
  },
  {
    method: 'POST',
    url: '/api/admin/devices/:deviceId/revoke',
    auth: 'admin',
    request: (headers) => ({
      method: 'POST',
      url: `/api/admin/devices/${randomUUID()}/revoke`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'POST',
        url: `/api/admin/devices/${fx.a1.deviceId}/revoke`,
        headers: { ...fx.adminB },
      })
      expect(response.statusCode).toBe(404)
      const byDevice = await app.inject({
        method: 'POST',
        url: `/api/admin/devices/${fx.a1.deviceId}/revoke`,
        headers: { ...fx.b1.headers },
      })
      expect(byDevice.statusCode).toBe(403)
      expect(await pullIds(fx.a1)).toContain(fx.orderIdA)
    },
  },
  {
    method: 'POST',
    url: '/api/admin/stores/:storeId/enrollment-codes',
    auth: 'admin',
    request: (headers) => ({
      method: 'POST',
      url: `/api/admin/stores/${fx.storeA.storeId}/enrollment-codes`,
      headers: { ...headers },
      payload: {},
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'POST',
        url: `/api/admin/stores/${fx.storeA.storeId}/enrollment-codes`,
        headers: { ...fx.adminB },
        payload: {},
      })
      expect(response.statusCode).toBe(404)
      expect(response.body).not.toMatch(/"code":"[A-Z0-9-]{6,}"/)
    },
  },
  {
    method: 'POST',
    url: '/api/sync/batch-push',
    auth: 'device',
    request: (headers, deviceId = fx.a1.deviceId) => ({
      method: 'POST',
      url: '/api/sync/batch-push',
      headers: { ...headers },
      payload: { deviceId, changes: [] },
    }),
    crossTenant: async () => {
      const asA = await app.inject({
        method: 'POST',
        url: '/api/sync/batch-push',
        headers: { ...fx.b1.headers },
        payload: { deviceId: fx.a1.deviceId, changes: [orderChange(fx.orderIdA, 1)] },
      })
      expect(asA.statusCode).toBe(403)
      // Reusing A's record id from B writes B's own record; A's order keeps its total.
      await push(fx.b1, [orderChange(fx.orderIdA, 1)])
      const pulled = await app.inject({
        method: 'GET',
        url: '/api/sync/pull-changes',
        headers: fx.a1.headers,
      })
      const orderA = pulled
        .json<{ changes: { id: string; data: { order: { totalCents: number } } }[] }>()
        .changes.find((c) => c.id === fx.orderIdA)
      expect(orderA?.data.order.totalCents).toBe(1000)
    },
  },
  {
    method: 'GET',
    url: '/api/sync/pull-changes',
    auth: 'device',
    request: (headers) => ({
      method: 'GET',
      url: '/api/sync/pull-changes',
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const tokenA = (
        await app.inject({ method: 'GET', url: '/api/sync/pull-changes', headers: fx.a1.headers })
      ).json<{ nextSyncToken: string }>().nextSyncToken
      const withA = await app.inject({
        method: 'GET',
        url: `/api/sync/pull-changes?since=${encodeURIComponent(tokenA)}`,
        headers: fx.b1.headers,
      })
      expect(withA.statusCode).toBe(400)
      const own = await pullIds(fx.b1)
      expect(own).not.toContain(fx.productIdA)
      expect(own).not.toContain(fx.onlyInA)
      const byAdmin = await app.inject({
        method: 'GET',
        url: '/api/sync/pull-changes',
        headers: fx.adminB,
      })
      expect(byAdmin.statusCode).toBe(403)
    },
  },
  {
    method: 'POST',
    url: '/api/sync/resolve-conflict',
    auth: 'device-or-admin',
    request: (headers) => ({
      method: 'POST',
      url: `/api/sync/resolve-conflict?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
      payload: { conflictId: randomUUID(), resolution: 'keep-server' },
    }),
    crossTenant: async () => {
      const payload = { conflictId: fx.conflictIdA, resolution: 'take-client' }
      const byDevice = await app.inject({
        method: 'POST',
        url: '/api/sync/resolve-conflict',
        headers: { ...fx.b1.headers },
        payload,
      })
      expect(byDevice.statusCode).toBe(404)
      const byDeviceNamingA = await app.inject({
        method: 'POST',
        url: `/api/sync/resolve-conflict?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.b1.headers },
        payload,
      })
      expect(byDeviceNamingA.statusCode).toBe(403)
      const byAdmin = await app.inject({
        method: 'POST',
        url: `/api/sync/resolve-conflict?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
        payload,
      })
      expect(byAdmin.statusCode).toBe(403)
      const stillOpen = await app.inject({
        method: 'GET',
        url: `/api/sync/conflicts?storeId=${fx.storeA.storeId}`,
        headers: fx.adminA,
      })
      expect(
        stillOpen
          .json<{ conflicts: { conflictId: string }[] }>()
          .conflicts.map((c) => c.conflictId),
      ).toContain(fx.conflictIdA)
    },
  },
  {
    method: 'GET',
    url: '/api/sync/conflicts',
    auth: 'device-or-admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/sync/conflicts?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      for (const headers of [fx.b1.headers, fx.adminB])
        expect(
          (
            await app.inject({
              method: 'GET',
              url: `/api/sync/conflicts?storeId=${fx.storeA.storeId}`,
              headers: { ...headers },
            })
          ).statusCode,
        ).toBe(403)
      const own = await app.inject({
        method: 'GET',
        url: '/api/sync/conflicts',
        headers: fx.b1.headers,
      })
      expect(own.statusCode).toBe(200)
      expect(own.body).not.toContain(fx.conflictIdA)
    },
  },
  {
    method: 'POST',
    url: '/api/sync/heartbeat',
    auth: 'device',
    request: (headers) => ({
      method: 'POST',
      url: '/api/sync/heartbeat',
      headers: { ...headers },
      payload: heartbeatReport('A1'),
    }),
    crossTenant: async () => {
      // A report lands on the token's own device only: whatever B says, A's row is untouched.
      const before = await statsOf(fx.adminA, fx.storeA.storeId)
      const byB = await app.inject({
        method: 'POST',
        url: `/api/sync/heartbeat?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.b1.headers },
        payload: { ...heartbeatReport('HIJACK'), deviceId: fx.a1.deviceId },
      })
      expect(byB.statusCode).toBe(400)
      const byAdmin = await app.inject({
        method: 'POST',
        url: '/api/sync/heartbeat',
        headers: { ...fx.adminB },
        payload: heartbeatReport('HIJACK'),
      })
      expect(byAdmin.statusCode).toBe(403)
      const own = await app.inject({
        method: 'POST',
        url: '/api/sync/heartbeat',
        headers: { ...fx.b1.headers },
        payload: heartbeatReport('B-ONLY'),
      })
      expect(own.statusCode, own.body).toBe(200)
      const after = await statsOf(fx.adminA, fx.storeA.storeId)
      expect(after).not.toContain('HIJACK')
      expect(after).not.toContain('B-ONLY')
      expect(JSON.parse(after).devices).toEqual(JSON.parse(before).devices)
    },
  },
  {
    method: 'GET',
    url: '/api/sync/stats',
    auth: 'device-or-admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/sync/stats?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      for (const headers of [fx.b1.headers, fx.adminB])
        expect(
          (
            await app.inject({
              method: 'GET',
              url: `/api/sync/stats?storeId=${fx.storeA.storeId}`,
              headers: { ...headers },
            })
          ).statusCode,
        ).toBe(403)
      const own = await app.inject({
        method: 'GET',
        url: '/api/sync/stats',
        headers: fx.b1.headers,
      })
      expect(own.json()).toMatchObject({ storeId: fx.storeB.storeId })
      expect(own.body).not.toContain(fx.a1.deviceId)
    },
  },
  {
    method: 'GET',
    url: '/api/sync/stores',
    auth: 'device',
    request: (headers) => ({ method: 'GET', url: '/api/sync/stores', headers: { ...headers } }),
    crossTenant: async () => {
      // Each device sees its own tenant's other stores: store A (another tenant) never.
      const own = await app.inject({
        method: 'GET',
        url: '/api/sync/stores',
        headers: fx.b1.headers,
      })
      expect(own.statusCode, own.body).toBe(200)
      expect(own.body).not.toContain(fx.storeA.storeId)
      const admin = await app.inject({
        method: 'GET',
        url: '/api/sync/stores',
        headers: fx.adminB,
      })
      expect(admin.statusCode).toBe(403)
    },
  },
  {
    method: 'POST',
    url: '/api/sync/batch',
    auth: 'device',
    request: (headers) => ({
      method: 'POST',
      url: '/api/sync/batch',
      headers: { ...headers },
      payload: { deviceId: fx.a1.deviceId, orders: [], transactions: [] },
    }),
    crossTenant: async () => {
      const asA = await app.inject({
        method: 'POST',
        url: '/api/sync/batch',
        headers: { ...fx.b1.headers },
        payload: { deviceId: fx.a1.deviceId, orders: [], transactions: [] },
      })
      expect(asA.statusCode).toBe(403)
      const own = await app.inject({
        method: 'POST',
        url: '/api/sync/batch',
        headers: { ...fx.b1.headers },
        payload: { deviceId: fx.b1.deviceId, orders: [], transactions: [] },
      })
      expect(own.statusCode, own.body).toBe(200)
      expect(own.body).not.toContain(fx.productIdA)
      expect(own.body).not.toContain(fx.onlyInA)
    },
  },
  {
    method: 'POST',
    url: '/api/sync/order',
    auth: 'device',
    request: (headers) => ({
      method: 'POST',
      url: '/api/sync/order',
      headers: { ...headers },
      payload: seedOrder(fx.a1.deviceId),
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/sync/order',
        headers: { ...fx.b1.headers },
        payload: seedOrder(fx.a1.deviceId),
      })
      expect(response.statusCode).toBe(403)
    },
  },
  {
    method: 'POST',
    url: '/api/sync/transaction',
    auth: 'device',
    request: (headers) => ({
      method: 'POST',
      url: '/api/sync/transaction',
      headers: { ...headers },
      payload: {
        transaction: { id: randomUUID(), amount: 1 },
        localId: randomUUID(),
        deviceId: fx.a1.deviceId,
      },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/sync/transaction',
        headers: { ...fx.b1.headers },
        payload: {
          transaction: { id: randomUUID(), amount: 1 },
          localId: randomUUID(),
          deviceId: fx.a1.deviceId,
        },
      })
      expect(response.statusCode).toBe(403)
    },
  },
  {
    method: 'GET',
    url: '/api/sync/updates',
    auth: 'device',
    request: (headers) => ({
      method: 'GET',
      url: `/api/sync/updates?deviceId=${fx.a1.deviceId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      expect(
        (
          await app.inject({
            method: 'GET',
            url: `/api/sync/updates?deviceId=${fx.a1.deviceId}`,
            headers: fx.b1.headers,
          })
        ).statusCode,
      ).toBe(403)
      const own = await app.inject({
        method: 'GET',
        url: `/api/sync/updates?deviceId=${fx.b1.deviceId}`,
        headers: fx.b1.headers,
      })
      expect(own.statusCode).toBe(200)
      expect(own.body).not.toContain(fx.onlyInA)
    },
  },
  {
    method: 'GET',
    url: '/api/sync/ws',
    auth: 'device',
    request: (headers) => ({ method: 'GET', url: '/api/sync/ws', headers: { ...headers } }),
    crossTenant: async () => {
      // A socket joins its token's store room only: B's hello names store B.
      type InjectWS = (
        path: string,
        context: { headers: Headers },
        options: { onInit(socket: WebSocket): void },
      ) => Promise<WebSocket>
      let hello: Promise<string> = Promise.resolve('')
      const socket = await (app as FastifyInstance & { injectWS: InjectWS }).injectWS(
        '/api/sync/ws',
        { headers: { authorization: fx.b1.headers.authorization! } },
        // Listen before the upgrade completes: the server greets at once.
        {
          onInit: (ws) =>
            (hello = new Promise((resolve) => ws.once('message', (data) => resolve(String(data))))),
        },
      )
      const greeting = await hello
      socket.terminate()
      expect(JSON.parse(greeting)).toMatchObject({ type: 'hello', storeId: fx.storeB.storeId })
      const byAdmin = await app.inject({
        method: 'GET',
        url: '/api/sync/ws',
        headers: { ...fx.adminB },
      })
      expect(byAdmin.statusCode).toBe(403)
    },
  },
  // The back office (issue 14): its admin routes, its cookie session and first run, the web app.
  {
    method: 'GET',
    url: '*',
    auth: 'public',
    request: () => ({ method: 'GET', url: '/stores' }),
    crossTenant: async () => {},
  },
  {
    method: 'GET',
    url: '/api/admin/stores/:storeId',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/stores/${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/admin/stores/${fx.storeA.storeId}`,
        headers: fx.adminB,
      })
      expect(response.statusCode).toBe(404)
      expect(response.body).not.toContain(fx.storeA.storeId)
    },
  },
  {
    method: 'PATCH',
    url: '/api/admin/stores/:storeId',
    auth: 'admin',
    request: (headers) => ({
      method: 'PATCH',
      url: `/api/admin/stores/${fx.storeA.storeId}`,
      headers: { ...headers },
      payload: { phone: '+1 555' },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'PATCH',
        url: `/api/admin/stores/${fx.storeA.storeId}`,
        headers: fx.adminB,
        payload: { name: 'Hijacked' },
      })
      expect(response.statusCode).toBe(404)
      const [store] = await database.db
        .select({ name: stores.name })
        .from(stores)
        .where(eq(stores.id, fx.storeA.storeId))
      expect(store?.name).toBe('Store')
    },
  },
  {
    method: 'GET',
    url: '/api/admin/stores/:storeId/rules',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/stores/${fx.storeA.storeId}/rules`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/admin/stores/${fx.storeA.storeId}/rules`,
        headers: fx.adminB,
      })
      expect(response.statusCode).toBe(404)
      expect(response.body).not.toContain('tenderMethods')
    },
  },
  {
    method: 'PUT',
    url: '/api/admin/stores/:storeId/rules',
    auth: 'admin',
    request: (headers) => ({
      method: 'PUT',
      url: `/api/admin/stores/${fx.storeA.storeId}/rules`,
      headers: { ...headers },
      payload: { ...StoreOptions.parse({}), baseVersion: 0, discountLimitPercent: 10 },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'PUT',
        url: `/api/admin/stores/${fx.storeA.storeId}/rules`,
        headers: fx.adminB,
        payload: { ...StoreOptions.parse({}), baseVersion: 0, discountLimitPercent: 99 },
      })
      expect(response.statusCode).toBe(404)
      const rules = await app.inject({
        method: 'GET',
        url: `/api/admin/stores/${fx.storeA.storeId}/rules`,
        headers: fx.adminA,
      })
      expect(rules.json()).not.toMatchObject({ rules: { discountLimitPercent: 99 } })
    },
  },
  {
    method: 'DELETE',
    url: '/api/admin/stores/:storeId',
    auth: 'admin',
    request: (headers) => ({
      method: 'DELETE',
      url: `/api/admin/stores/${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'DELETE',
        url: `/api/admin/stores/${fx.storeA.storeId}`,
        headers: fx.adminB,
      })
      expect(response.statusCode).toBe(404)
      expect(await pullIds(fx.a1)).toContain(fx.orderIdA)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/registers',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/registers?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/registers?storeId=${fx.storeA.storeId}`,
        headers: fx.adminB,
      })
      expect(foreign.statusCode).toBe(404)
      const own = await app.inject({
        method: 'GET',
        url: '/api/admin/registers',
        headers: fx.adminB,
      })
      expect(own.statusCode, own.body).toBe(200)
      expect(own.body).toContain(fx.b1.deviceId)
      expect(own.body).not.toContain(fx.a1.deviceId)
      // Naming the other tenant (what a super admin may do) is refused to a tenant admin.
      const named = await app.inject({
        method: 'GET',
        url: `/api/admin/registers?tenantId=${fx.storeA.tenantId}`,
        headers: fx.adminB,
      })
      expect(named.statusCode, named.body).toBe(403)
      expect(named.body).not.toContain(fx.a1.deviceId)
    },
  },
  {
    method: 'PATCH',
    url: '/api/admin/registers/:id',
    auth: 'admin',
    request: (headers) => ({
      method: 'PATCH',
      url: `/api/admin/registers/${fx.a2.deviceId}`,
      headers: { ...headers },
      payload: { name: 'Till 2' },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'PATCH',
        url: `/api/admin/registers/${fx.a1.deviceId}`,
        headers: fx.adminB,
        payload: { name: 'Hijacked' },
      })
      expect(response.statusCode).toBe(404)
      const [device] = await database.db
        .select({ name: devices.name })
        .from(devices)
        .where(eq(devices.id, fx.a1.deviceId))
      expect(device?.name).toBe('Till')
    },
  },
  {
    method: 'POST',
    url: '/api/admin/registers/:id/revoke',
    auth: 'admin',
    request: (headers) => ({
      method: 'POST',
      url: `/api/admin/registers/${randomUUID()}/revoke`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'POST',
        url: `/api/admin/registers/${fx.a1.deviceId}/revoke`,
        headers: fx.adminB,
      })
      expect(response.statusCode).toBe(404)
      expect(await pullIds(fx.a1)).toContain(fx.orderIdA)
    },
  },
  {
    method: 'POST',
    url: '/api/admin/enrollment-codes',
    auth: 'admin',
    request: (headers) => ({
      method: 'POST',
      url: '/api/admin/enrollment-codes',
      headers: { ...headers },
      payload: { storeId: fx.storeA.storeId },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/admin/enrollment-codes',
        headers: fx.adminB,
        payload: { storeId: fx.storeA.storeId },
      })
      expect(response.statusCode).toBe(404)
      expect(response.body).not.toMatch(/"code":"[A-Z0-9-]{6,}"/)
    },
  },
  {
    method: 'DELETE',
    url: '/api/admin/categories/:id',
    auth: 'admin',
    request: (headers) => ({
      method: 'DELETE',
      url: `/api/admin/categories/${randomUUID()}?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'DELETE',
        url: `/api/admin/categories/${randomUUID()}?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
      })
      expect(response.statusCode).toBe(404)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/categories',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/categories?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/admin/categories?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
      })
      expect(response.statusCode).toBe(404)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/tax-rates',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/tax-rates?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/admin/tax-rates?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
      })
      expect(response.statusCode).toBe(404)
    },
  },
  {
    method: 'PUT',
    url: '/api/admin/tax-rates/:id',
    auth: 'admin',
    request: (headers) => ({
      method: 'PUT',
      url: `/api/admin/tax-rates/${randomUUID()}?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
      payload: { name: 'Probe', rateBasisPoints: 500 },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'PUT',
        url: `/api/admin/tax-rates/${randomUUID()}?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
        payload: { name: 'Hijacked', rateBasisPoints: 500 },
      })
      expect(response.statusCode).toBe(404)
      const pulled = await app.inject({
        method: 'GET',
        url: '/api/sync/pull-changes',
        headers: fx.a1.headers,
      })
      expect(pulled.body).not.toContain('Hijacked')
    },
  },
  {
    method: 'DELETE',
    url: '/api/admin/tax-rates/:id',
    auth: 'admin',
    request: (headers) => ({
      method: 'DELETE',
      url: `/api/admin/tax-rates/${randomUUID()}?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'DELETE',
        url: `/api/admin/tax-rates/${randomUUID()}?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
      })
      expect(response.statusCode).toBe(404)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/employees',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/employees?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/admin/employees?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
      })
      expect(response.statusCode).toBe(404)
    },
  },
  {
    method: 'PUT',
    url: '/api/admin/employees/:id',
    auth: 'admin',
    request: (headers) => ({
      method: 'PUT',
      url: `/api/admin/employees/${randomUUID()}?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
      payload: {
        name: 'Probe',
        role: 'cashier',
        pin: `${1000 + Math.floor(Math.random() * 8999)}`,
      },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'PUT',
        url: `/api/admin/employees/${randomUUID()}?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
        payload: { name: 'Hijacked', role: 'admin', pin: '987654' },
      })
      expect(response.statusCode).toBe(404)
      // From their own store, naming another business's store among the person's stores: 404 too.
      const viaOwnStore = await app.inject({
        method: 'PUT',
        url: `/api/admin/employees/${randomUUID()}?storeId=${fx.storeB.storeId}`,
        headers: { ...fx.adminB },
        payload: {
          name: 'Hijacked',
          role: 'admin',
          pin: '987655',
          storeIds: [fx.storeB.storeId, fx.storeA.storeId],
        },
      })
      expect(viaOwnStore.statusCode, viaOwnStore.body).toBe(404)
      const pulled = await app.inject({
        method: 'GET',
        url: '/api/sync/pull-changes',
        headers: fx.a1.headers,
      })
      expect(pulled.body).not.toContain('Hijacked')
    },
  },
  {
    method: 'POST',
    url: '/api/admin/employees/:id/pin',
    auth: 'admin',
    request: (headers) => ({
      method: 'POST',
      url: `/api/admin/employees/${randomUUID()}/pin?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
      payload: { pin: '4321' },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'POST',
        url: `/api/admin/employees/${randomUUID()}/pin?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
        payload: { pin: '4321' },
      })
      expect(response.statusCode).toBe(404)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/users',
    auth: 'admin',
    request: (headers) => ({ method: 'GET', url: '/api/admin/users', headers: { ...headers } }),
    crossTenant: async () => {
      const own = await app.inject({ method: 'GET', url: '/api/admin/users', headers: fx.adminB })
      expect(own.statusCode, own.body).toBe(200)
      expect(own.body).toContain(fx.storeB.tenantId)
      expect(own.body).not.toContain(fx.storeA.tenantId)
      const named = await app.inject({
        method: 'GET',
        url: `/api/admin/users?tenantId=${fx.storeA.tenantId}`,
        headers: fx.adminB,
      })
      expect(named.statusCode, named.body).toBe(403)
      expect(named.body).not.toContain(fx.storeA.tenantId)
    },
  },
  {
    method: 'POST',
    url: '/api/admin/users',
    auth: 'admin',
    request: (headers) => ({
      method: 'POST',
      url: '/api/admin/users',
      headers: { ...headers },
      payload: {
        email: `manager-${randomUUID()}@example.test`,
        password: 'long enough password',
        role: 'store_manager',
        storeIds: [fx.storeA.storeId],
      },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: fx.adminB,
        payload: {
          email: `manager-${randomUUID()}@example.test`,
          password: 'long enough password',
          role: 'store_manager',
          storeIds: [fx.storeA.storeId],
        },
      })
      expect(response.statusCode).toBe(404)
    },
  },
  {
    method: 'PATCH',
    url: '/api/admin/users/:id',
    auth: 'admin',
    request: (headers) => ({
      method: 'PATCH',
      url: `/api/admin/users/${randomUUID()}`,
      headers: { ...headers },
      payload: { isDisabled: false },
    }),
    crossTenant: async () => {
      const [adminOfA] = await database.db
        .select({ id: adminUsers.id })
        .from(adminUsers)
        .where(eq(adminUsers.tenantId, fx.storeA.tenantId))
      const response = await app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${adminOfA!.id}`,
        headers: fx.adminB,
        payload: { isDisabled: true },
      })
      expect(response.statusCode).toBe(404)
      expect(
        (await app.inject({ method: 'GET', url: '/api/admin/users', headers: fx.adminA }))
          .statusCode,
      ).toBe(200)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/reports/summary',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/reports/summary?from=2026-01-01&to=2026-01-31&storeIds=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/reports/summary?from=2026-01-01&to=2026-01-31&storeIds=${fx.storeA.storeId}`,
        headers: fx.adminB,
      })
      expect(foreign.statusCode).toBe(404)
      const own = await app.inject({
        method: 'GET',
        url: '/api/admin/reports/summary?from=2026-01-01&to=2026-01-31',
        headers: fx.adminB,
      })
      expect(own.statusCode, own.body).toBe(200)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/reports/sales',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/reports/sales?from=2026-01-01&to=2026-01-31&storeIds=${fx.storeA.storeId}&groupBy=day`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/reports/sales?from=2026-01-01&to=2026-01-31&storeIds=${fx.storeA.storeId}&groupBy=day`,
        headers: fx.adminB,
      })
      expect(foreign.statusCode).toBe(404)
      const own = await app.inject({
        method: 'GET',
        url: '/api/admin/reports/sales?from=2026-01-01&to=2026-01-31&groupBy=day',
        headers: fx.adminB,
      })
      expect(own.statusCode, own.body).toBe(200)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/reports/payment-methods',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/reports/payment-methods?from=2026-01-01&to=2026-01-31&storeIds=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/reports/payment-methods?from=2026-01-01&to=2026-01-31&storeIds=${fx.storeA.storeId}`,
        headers: fx.adminB,
      })
      expect(foreign.statusCode).toBe(404)
      const own = await app.inject({
        method: 'GET',
        url: '/api/admin/reports/payment-methods?from=2026-01-01&to=2026-01-31',
        headers: fx.adminB,
      })
      expect(own.statusCode, own.body).toBe(200)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/reports/refunds',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/reports/refunds?from=2026-01-01&to=2026-01-31&storeIds=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/reports/refunds?from=2026-01-01&to=2026-01-31&storeIds=${fx.storeA.storeId}`,
        headers: fx.adminB,
      })
      expect(foreign.statusCode).toBe(404)
      const own = await app.inject({
        method: 'GET',
        url: '/api/admin/reports/refunds?from=2026-01-01&to=2026-01-31',
        headers: fx.adminB,
      })
      expect(own.statusCode, own.body).toBe(200)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/reports/shifts',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/reports/shifts?from=2026-01-01&to=2026-01-31&storeIds=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/reports/shifts?from=2026-01-01&to=2026-01-31&storeIds=${fx.storeA.storeId}`,
        headers: fx.adminB,
      })
      expect(foreign.statusCode).toBe(404)
      const own = await app.inject({
        method: 'GET',
        url: '/api/admin/reports/shifts?from=2026-01-01&to=2026-01-31',
        headers: fx.adminB,
      })
      expect(own.statusCode, own.body).toBe(200)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/audit',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/audit?from=2026-01-01&to=2026-01-31&storeIds=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      for (const format of ['json', 'csv']) {
        const foreign = await app.inject({
          method: 'GET',
          url: `/api/admin/audit?from=2026-01-01&to=2026-01-31&storeIds=${fx.storeA.storeId}&format=${format}`,
          headers: fx.adminB,
        })
        expect(foreign.statusCode).toBe(404)
      }
      const own = await app.inject({
        method: 'GET',
        url: '/api/admin/audit?from=2026-01-01&to=2026-01-31',
        headers: fx.adminB,
      })
      expect(own.statusCode, own.body).toBe(200)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/stock',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/stock?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/stock?storeId=${fx.storeA.storeId}`,
        headers: fx.adminB,
      })
      expect(foreign.statusCode).toBe(404)
      expect(foreign.body).not.toContain('products')
      const own = await app.inject({
        method: 'GET',
        url: `/api/admin/stock?storeId=${fx.storeB.storeId}`,
        headers: fx.adminB,
      })
      expect(own.statusCode, own.body).toBe(200)
      expect(own.json()).toMatchObject({ storeId: fx.storeB.storeId, products: [] })
    },
  },
  {
    method: 'GET',
    url: '/api/admin/stock/levels',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/stock/levels?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/stock/levels?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
      })
      expect(foreign.statusCode, foreign.body).toBe(404)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/stock/history',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/stock/history?storeId=${fx.storeA.storeId}&productId=${fx.productIdA}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/stock/history?storeId=${fx.storeA.storeId}&productId=${fx.productIdA}`,
        headers: { ...fx.adminB },
      })
      expect(foreign.statusCode, foreign.body).toBe(404)
    },
  },
  {
    method: 'POST',
    url: '/api/admin/stock/import',
    auth: 'admin',
    request: (headers) => ({
      method: 'POST',
      url: `/api/admin/stock/import?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
      payload: { csv: 'sku,on_hand\nNOPE,1' },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'POST',
        url: `/api/admin/stock/import?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
        payload: { csv: 'sku,on_hand\nNOPE,1' },
      })
      expect(foreign.statusCode, foreign.body).toBe(404)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/stock/transfers',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/stock/transfers?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/stock/transfers?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
      })
      expect(foreign.statusCode, foreign.body).toBe(404)
    },
  },
  {
    method: 'POST',
    url: '/api/admin/stock/transfers',
    auth: 'admin',
    request: (headers) => ({
      method: 'POST',
      url: `/api/admin/stock/transfers`,
      headers: { ...headers },
      payload: {
        fromStoreId: fx.storeA.storeId,
        toStoreId: fx.storeB.storeId,
        lines: [{ productId: fx.productIdA, quantity: 1 }],
      },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'POST',
        url: `/api/admin/stock/transfers`,
        headers: { ...fx.adminB },
        payload: {
          fromStoreId: fx.storeA.storeId,
          toStoreId: fx.storeB.storeId,
          lines: [{ productId: fx.productIdA, quantity: 1 }],
        },
      })
      expect(foreign.statusCode, foreign.body).toBe(404)
    },
  },
  {
    method: 'POST',
    url: '/api/admin/stock/transfers/:id/receive',
    auth: 'admin',
    request: (headers) => ({
      method: 'POST',
      url: `/api/admin/stock/transfers/${randomUUID()}/receive?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'POST',
        url: `/api/admin/stock/transfers/${randomUUID()}/receive?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
      })
      expect(foreign.statusCode, foreign.body).toBe(404)
    },
  },
  {
    method: 'POST',
    url: '/api/admin/stock/transfers/:id/cancel',
    auth: 'admin',
    request: (headers) => ({
      method: 'POST',
      url: `/api/admin/stock/transfers/${randomUUID()}/cancel?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'POST',
        url: `/api/admin/stock/transfers/${randomUUID()}/cancel?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
      })
      expect(foreign.statusCode, foreign.body).toBe(404)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/stock/reorder-rules',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/stock/reorder-rules?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/stock/reorder-rules?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
      })
      expect(foreign.statusCode, foreign.body).toBe(404)
    },
  },
  {
    method: 'PUT',
    url: '/api/admin/stock/reorder-rules/:id',
    auth: 'admin',
    request: (headers) => ({
      method: 'PUT',
      url: `/api/admin/stock/reorder-rules/${randomUUID()}?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
      payload: { productId: fx.productIdA, reorderPoint: 1, reorderQuantity: 2 },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'PUT',
        url: `/api/admin/stock/reorder-rules/${randomUUID()}?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
        payload: { productId: fx.productIdA, reorderPoint: 1, reorderQuantity: 2 },
      })
      expect(foreign.statusCode, foreign.body).toBe(404)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/stock/suggested-order',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/stock/suggested-order?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/stock/suggested-order?storeId=${fx.storeA.storeId}`,
        headers: { ...fx.adminB },
      })
      expect(foreign.statusCode, foreign.body).toBe(404)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/sync-health',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/sync-health?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/sync-health?storeId=${fx.storeA.storeId}`,
        headers: fx.adminB,
      })
      expect(foreign.statusCode).toBe(404)
      const own = await app.inject({
        method: 'GET',
        url: '/api/admin/sync-health',
        headers: fx.adminB,
      })
      expect(own.statusCode, own.body).toBe(200)
      expect(own.body).toContain(fx.b1.deviceId)
      expect(own.body).not.toContain(fx.a1.deviceId)
    },
  },
  {
    method: 'GET',
    url: '/api/admin/conflicts',
    auth: 'admin',
    request: (headers) => ({
      method: 'GET',
      url: `/api/admin/conflicts?storeId=${fx.storeA.storeId}`,
      headers: { ...headers },
    }),
    crossTenant: async () => {
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/admin/conflicts?storeId=${fx.storeA.storeId}`,
        headers: fx.adminB,
      })
      expect(foreign.statusCode).toBe(404)
      const own = await app.inject({
        method: 'GET',
        url: '/api/admin/conflicts',
        headers: fx.adminB,
      })
      expect(own.statusCode, own.body).toBe(200)
      expect(own.body).not.toContain(fx.conflictIdA)
    },
  },
  {
    method: 'POST',
    url: '/api/admin/conflicts/:id/resolve',
    auth: 'admin',
    request: (headers) => ({
      method: 'POST',
      url: `/api/admin/conflicts/${randomUUID()}/resolve`,
      headers: { ...headers },
      payload: { resolution: 'keep-server' },
    }),
    crossTenant: async () => {
      const response = await app.inject({
        method: 'POST',
        url: `/api/admin/conflicts/${fx.conflictIdA}/resolve`,
        headers: fx.adminB,
        payload: { resolution: 'take-device' },
      })
      expect(response.statusCode).toBe(404)
      const stillOpen = await app.inject({
        method: 'GET',
        url: `/api/admin/conflicts?storeId=${fx.storeA.storeId}`,
        headers: fx.adminA,
      })
      expect(stillOpen.body).toContain(fx.conflictIdA)
    },
  },
  {
    method: 'GET',
    url: '/api/backoffice/session',
    auth: 'public',
    request: () => ({ method: 'GET', url: '/api/backoffice/session' }),
    crossTenant: async () => {},
  },
  {
    method: 'POST',
    url: '/api/backoffice/session',
    auth: 'credential',
    request: () => ({
      method: 'POST',
      url: '/api/backoffice/session',
      payload: { email: 'nobody@example.test', password: 'x' },
    }),
    crossTenant: async () => {},
  },
  {
    method: 'DELETE',
    url: '/api/backoffice/session',
    auth: 'public',
    request: () => ({ method: 'DELETE', url: '/api/backoffice/session' }),
    crossTenant: async () => {},
  },
  {
    method: 'GET',
    url: '/api/backoffice/setup',
    auth: 'public',
    request: () => ({ method: 'GET', url: '/api/backoffice/setup' }),
    crossTenant: async () => {},
  },
  {
    method: 'POST',
    url: '/api/backoffice/setup',
    auth: 'credential',
    request: () => ({
      method: 'POST',
      url: '/api/backoffice/setup',
      payload: { token: 'not-the-token' },
    }),
    crossTenant: async () => {
      // Set-up is closed once any admin exists, whatever token is presented.
      const response = await app.inject({
        method: 'POST',
        url: '/api/backoffice/setup',
        payload: {
          token: 'x',
          email: 'owner@example.test',
          password: 'long enough password',
          businessName: 'Takeover',
          storeCode: 'TAKE',
          storeName: 'Takeover',
          timeZone: 'UTC',
          currency: 'USD',
        },
      })
      expect(response.statusCode).toBe(409)
    },
  },
  ...purchasingRoutes.map(purchasingCase),
]

/** `printRoutes` as "METHOD /path" lines (HEAD is Fastify's automatic twin of GET). */
function appRoutes(instance: FastifyInstance): string[] {
  const found: string[] = []
  const stack: { depth: number; path: string }[] = []
  for (const line of instance.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│\s]*)[├└]── (\S+) \(([^)]+)\)/.exec(line)
    if (!match) continue
    const depth = match[1]!.length
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop()
    const path = (stack[stack.length - 1]?.path ?? '') + match[2]!
    stack.push({ depth, path })
    for (const method of match[3]!.split(', '))
      if (method !== 'HEAD') found.push(`${method} ${path}`)
  }
  return found.sort()
}

describe('sync server routes', () => {
  it('has one row for every route the app serves', () => {
    const served = appRoutes(app)
    expect(served.length).toBeGreaterThan(15)
    expect(routes.map((route) => `${route.method} ${route.url}`).sort()).toEqual(served)
  })

  const guarded = routes.filter(
    (route) =>
      route.auth === 'device' || route.auth === 'admin' || route.auth === 'device-or-admin',
  )
  const forged = async () => bearer(await createSyncTokenWithOtherSecret())

  it.each(guarded.map((route) => [`${route.method} ${route.url}`, route] as const))(
    '%s refuses no token, a forged token and an expired token',
    async (_name, route) => {
      const withToken = (headers: Headers) => route.request(headers)
      const expiredHeaders = route.auth === 'admin' ? fx.expiredAdminA : fx.expired.headers
      for (const headers of [{ 'x-sync-protocol': '1' }, await forged(), expiredHeaders]) {
        const response = await app.inject(withToken(headers))
        expect(
          response.statusCode,
          `${JSON.stringify(headers).slice(0, 40)} ${response.body}`,
        ).toBe(401)
      }
    },
  )

  it.each(
    guarded
      .filter((route) => route.auth !== 'admin')
      .map((route) => [`${route.method} ${route.url}`, route] as const),
  )('%s refuses a revoked device', async (_name, route) => {
    const response = await app.inject(route.request(fx.revoked.headers, fx.revoked.deviceId))
    expect(response.statusCode, response.body).toBe(401)
  })

  it.each(
    guarded
      .filter((route) => route.auth === 'admin')
      .map((route) => [`${route.method} ${route.url}`, route] as const),
  )('%s refuses a device token', async (_name, route) => {
    const response = await app.inject(route.request(fx.a1.headers))
    expect(response.statusCode, response.body).toBe(403)
  })

  it('refuses a revoked refresh token and an expired one', async () => {
    for (const token of [fx.revoked.refreshToken, fx.expired.refreshToken]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        payload: { refreshToken: token },
      })
      expect(response.statusCode).toBe(401)
    }
  })

  it.each(routes.map((route) => [`${route.method} ${route.url}`, route] as const))(
    '%s refuses another tenant',
    async (_name, route) => {
      await route.crossTenant()
    },
  )

  it.each(
    routes
      .filter((route) => route.method === 'POST' || route.method === 'PUT')
      .map((route) => [`${route.method} ${route.url}`, route] as const),
  )('%s refuses an oversized body with 413 and writes nothing', async (_name, route) => {
    const headers = route.auth === 'admin' ? fx.adminA : fx.a1.headers
    const request = route.request(headers)
    const before = await pullIds(fx.a1)
    const response = await small.inject({
      ...request,
      payload: { padding: 'x'.repeat(8 * 1024), deviceId: fx.a1.deviceId },
    })
    expect(response.statusCode, response.body).toBe(413)
    expect(await pullIds(fx.a1)).toEqual(before)
  })
})

/** A well-formed device token for store A's register, signed with a secret the server never had. */
let forgedToken: Promise<string> | null = null
function createSyncTokenWithOtherSecret(): Promise<string> {
  forgedToken ??= createTokenSigner(`not-the-server-secret-${randomUUID()}`).sign(
    {
      typ: 'device',
      sub: fx.a1.deviceId,
      sid: fx.storeA.storeId,
      tid: fx.storeA.tenantId,
      role: 'register',
    },
    600,
  )
  return forgedToken
}
