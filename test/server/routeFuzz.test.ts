import { and, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../../src/server/app'
import { openDatabase } from '../../src/server/db/connection'
import type { ServerDatabase } from '../../src/server/db/connection'
import { syncRecords } from '../../src/server/db/schema'
import { openApiDocument } from '../../src/server/http/openApi'
import { StoreOptions } from '../../src/shared/store/options'
import type { Device } from './support/harness'
import { createAdmin, createStore, enroll, orderEnvelope, testConfig } from './support/harness'

/**
 * Property over every route of the OpenAPI document, on a real server (127.0.0.1:0, PGlite):
 * near-valid and hostile requests (a leaf replaced by any JSON, by a number that overflows to
 * Infinity, a lone surrogate, NUL, deep nesting; wrong or missing tokens) never get a 5xx and
 * never hang, and afterwards the store holds exactly the records the 2xx replies said were written.
 * Bounded: FUZZ_RUNS runs (default 300), a 10 s timeout per request.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300)
const POISONS: Record<string, string> = {
  '"@@INFINITY@@"': '1e400',
  '"@@NEG_INFINITY@@"': '-1e400',
  '"@@SURROGATE@@"': '"\\ud800"',
  '"@@NUL@@"': '"a\\u0000b"',
  '"@@DEEP@@"': `${'['.repeat(200)}1${']'.repeat(200)}`,
}

type Auth = 'device' | 'manager' | 'super' | 'none' | 'garbage'
type Written = Map<string, number>

describe('every route under fuzzed requests (PGlite, real HTTP)', () => {
  let database: ServerDatabase
  let app: FastifyInstance
  let baseUrl: string
  let device: Device
  let storeId: string
  const headers: Record<Auth, Record<string, string>> = {
    device: {},
    manager: {},
    super: {},
    none: {},
    garbage: { authorization: 'Bearer not-a-token' },
  }
  /** (entity, id) -> highest version a 2xx reply reported written. */
  const written: Written = new Map()

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null })
    app = await buildServer({ db: database.db, config: testConfig() })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const store = await createStore(database.db)
    storeId = store.storeId
    device = await enroll(app, store.code)
    headers.device = device.headers
    headers.manager = await createAdmin(database.db, app, 'store_manager', { storeId })
    headers.super = await createAdmin(database.db, app, 'super_admin')
  })
  afterAll(async () => {
    await app?.close()
    await database?.close()
  })

  /** A valid request body per route, so mutations stay near the schema and sometimes apply. */
  function template(path: string, id: string): unknown {
    const seedOrder = {
      order: { id: `o-${id.slice(0, 6)}`, total: 10, subtotal: 10, tax: 0, items: [] },
      localId: id,
      syncVersion: 1,
      deviceId: device.deviceId,
      createdAt: 1_764_000_000_000,
    }
    switch (path) {
      case '/api/sync/batch-push':
        return {
          deviceId: device.deviceId,
          changes: [
            {
              mutationId: `m-${id}`,
              entity: 'order',
              id,
              op: 'upsert',
              baseVersion: 0,
              data: orderEnvelope(id),
            },
          ],
        }
      case '/api/sync/batch':
        return {
          deviceId: device.deviceId,
          orders: [seedOrder],
          transactions: [{ transaction: { id: 't', amount: 1.5 }, localId: `t-${id}` }],
          lastSyncTimestamp: 0,
        }
      case '/api/sync/order':
        return seedOrder
      case '/api/sync/transaction':
        return { transaction: { id: 't', amount: 0.1 + 0.2 }, localId: `t-${id}`, syncVersion: 1 }
      case '/api/sync/heartbeat':
        return {
          pending: 1,
          oldestPendingAt: null,
          deadRecords: 0,
          deadReasons: [],
          registerCode: 'R1',
          appVersion: '1.0.0',
        }
      case '/api/admin/products/{id}':
        return { sku: `SKU-${id.slice(0, 8)}`, name: 'Tea', priceCents: 250 }
      case '/api/admin/categories/{id}':
        return { name: 'Drinks', sortOrder: 1 }
      case '/api/admin/tax-rates/{id}':
        return { name: 'VAT', rateBasisPoints: 2000, isInclusive: true }
      case '/api/admin/employees/{id}':
        return {
          name: 'Sam',
          role: 'cashier',
          pin: `${1000 + (parseInt(id.slice(0, 4), 16) % 9000)}`,
        }
      case '/api/admin/employees/{id}/pin':
        return { pin: `${1000 + (parseInt(id.slice(0, 4), 16) % 9000)}` }
      case '/api/admin/suppliers/{id}':
        return {
          baseVersion: 0,
          name: 'Fuzz supplier',
          email: 'sales@fuzz.example',
          leadTimeDays: 2,
        }
      case '/api/admin/supplier-products/{id}':
        return { baseVersion: 0, supplierId: id, productId: id, costCents: 100, supplierSku: 'F-1' }
      case '/api/admin/suppliers/import':
        return { csv: 'name,email,lead_time_days\r\nFuzz Co,a@b.example,3\r\n', isApplied: true }
      case '/api/admin/supplier-costs/import':
        return { csv: 'supplier,product_sku,cost\r\nFuzz Co,SKU-1,1.50\r\n', isApplied: true }
      case '/api/admin/purchase-orders':
      case '/api/admin/purchase-orders/{id}':
        return {
          baseVersion: 1,
          supplierId: id,
          reference: 'PO-F',
          expectedAt: '2026-12-24',
          lines: [{ productId: id, quantity: 1.5, unitCostCents: 250 }],
        }
      case '/api/admin/purchase-orders/{id}/order':
      case '/api/admin/purchase-orders/{id}/cancel':
        return { baseVersion: 1 }
      case '/api/admin/purchase-orders/{id}/receive':
        return { movementId: id, lines: [{ productId: id, quantity: 2 }] }
      case '/api/admin/purchase-orders/{id}/email':
        return { to: 'supplier@fuzz.example' }
      case '/api/admin/supplier-invoices/{id}':
        return {
          baseVersion: 0,
          supplierId: id,
          invoiceNumber: 'INV-F',
          purchaseOrderIds: [id],
          totalCents: 375,
          issuedAt: '2026-12-01',
        }
      case '/api/admin/stock/transfers':
        return {
          fromStoreId: storeId,
          toStoreId: id,
          lines: [{ productId: 'p-1', variantId: null, quantity: 1.5 }],
        }
      case '/api/admin/stock/import':
        return { csv: 'sku,on_hand\r\nSKU-1,"2.5"\r\n', apply: false }
      case '/api/admin/stock/reorder-rules/{id}':
        return { productId: 'p-1', reorderPoint: 2, reorderQuantity: 10, baseVersion: 0 }
      case '/api/admin/conflicts/{id}/resolve':
        return { resolution: 'keep-server' }
      case '/api/sync/resolve-conflict':
        return { conflictId: id, resolution: 'keep-server' }
      case '/api/auth/enroll':
        return { enrollmentCode: 'NOPE-NOPE', deviceId: id, name: 'x', fingerprint: 'f' }
      case '/api/auth/refresh':
        return { refreshToken: `${id}${id}` }
      case '/api/admin/login':
        return { email: 'nobody@example.test', password: 'x' }
      case '/api/admin/tenants':
        return { name: 'Fuzz tenant' }
      case '/api/admin/stores':
        return { code: `F${id.slice(0, 8).replace(/-/g, '').toUpperCase()}`, name: 'Fuzz store' }
      case '/api/admin/stores/{storeId}/enrollment-codes':
        return { uses: 1 }
      case '/api/admin/stores/{storeId}':
        return { name: 'Fuzz renamed', timeZone: 'Europe/London', currency: 'GBP' }
      case '/api/admin/stores/{storeId}/rules':
        return { ...StoreOptions.parse({}), baseVersion: 0, discountLimitPercent: 15 }
      case '/api/admin/registers/{id}':
        return { name: 'Fuzz till' }
      case '/api/admin/enrollment-codes':
        return { storeId, expiresInMinutes: 60, uses: 1 }
      case '/api/admin/users':
        return {
          email: `fuzz-${id}@example.test`,
          password: 'long enough password',
          role: 'store_manager',
          storeIds: [storeId],
        }
      case '/api/admin/users/{id}':
        return { isDisabled: false, password: 'long enough password' }
      case '/api/backoffice/session':
        return { email: 'nobody@example.test', password: 'x' }
      case '/api/backoffice/setup':
        return {
          token: id,
          email: `owner-${id}@example.test`,
          password: 'long enough password',
          businessName: 'Fuzz',
          storeCode: 'FUZZ1',
          storeName: 'Fuzz',
          timeZone: 'UTC',
          currency: 'USD',
        }
      default:
        return {}
    }
  }

  const operations = Object.entries(
    openApiDocument().paths as Record<string, Record<string, unknown>>,
  ).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method })))

  const recordOperations = operations.filter(({ path }) =>
    /sync\/(batch|order|transaction|heartbeat)|admin\/(products|categories|tax-rates|employees)\//.test(
      path,
    ),
  )

  function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    if (value === null || typeof value !== 'object') return [prefix]
    const entries = Array.isArray(value)
      ? value.map((item, index) => [index, item] as const)
      : Object.entries(value)
    return [prefix, ...entries.flatMap(([key, item]) => leafPaths(item, [...prefix, key]))]
  }

  function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
    if (path.length === 0) return value
    const copy = structuredClone(root) as Record<string | number, unknown>
    let node = copy
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
    node[path.at(-1)!] = value
    return copy
  }

  /** Records a 2xx reply's writes: (entity, id) -> version. */
  function noteWrites(path: string, body: Record<string, unknown>): void {
    const note = (entity: string, id: string, version: number | null) => {
      if (version === null) return
      const key = `${entity}\u0000${id}`
      written.set(key, Math.max(written.get(key) ?? 0, version))
    }
    type Result = { entity?: string; id?: string; status: string; serverVersion: number | null }
    type Seed = { localId: string; status: string; syncVersion: number | null }
    const seed = (entity: string, replies: Seed[]) => {
      for (const reply of replies)
        if (reply.status === 'applied') note(entity, reply.localId, reply.syncVersion)
    }
    if (path === '/api/sync/batch-push')
      for (const result of body.results as Result[])
        if (result.status === 'applied') note(result.entity!, result.id!, result.serverVersion)
    if (path === '/api/sync/batch') {
      seed('order', body.syncedOrders as Seed[])
      seed('transaction', body.syncedTransactions as Seed[])
    }
    if (path === '/api/sync/order') seed('order', [body as unknown as Seed])
    if (path === '/api/sync/transaction') seed('transaction', [body as unknown as Seed])
    // Purchasing writes list every record they changed.
    const listed = body.written as { entity: string; id: string; version: number }[] | undefined
    if (Array.isArray(listed)) for (const item of listed) note(item.entity, item.id, item.version)
    if (
      /^\/api\/admin\/(products|categories|tax-rates|suppliers|supplier-products)\/\{id\}$/.test(
        path,
      )
    ) {
      const record = body.record as { entity: string; id: string; version: number }
      if (body.isChanged) note(record.entity, record.id, record.version)
    }
    if (path.startsWith('/api/admin/employees/')) {
      const employee = body.employee as { id: string; version: number }
      if (body.isChanged) note('employee', employee.id, employee.version)
    }
  }

  const poison = fc.constantFrom(...Object.keys(POISONS).map((text) => JSON.parse(text) as string))
  const replacement = fc.oneof(
    { weight: 3, arbitrary: poison },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  )

  it('answers every route without a 5xx or a hang, and stores exactly what 2xx replies reported', async () => {
    let served = 0
    await fc.assert(
      fc.asyncProperty(
        // Routes that carry records or free text twice as often: that is where storage can break.
        fc.oneof(fc.constantFrom(...operations), fc.constantFrom(...recordOperations)),
        fc.uuid({ version: 4 }),
        fc.constantFrom<Auth>('device', 'device', 'device', 'manager', 'super', 'none', 'garbage'),
        fc.option(fc.tuple(fc.nat(), replacement, fc.constantFrom('set', 'add')), { freq: 3 }),
        fc.option(
          fc.dictionary(
            fc.constantFrom(
              'since',
              'limit',
              'storeId',
              'status',
              'after',
              'tenantId',
              'deviceId',
              'productIds',
            ),
            fc.oneof(fc.string(), fc.constant('\u0000'), fc.constant('%ED%A0%80')),
          ),
          { freq: 3 },
        ),
        async ({ path, method }, id, auth, mutation, query) => {
          const url = path
            .replace('{id}', id)
            .replace('{deviceId}', id)
            .replace('{storeId}', auth === 'manager' ? storeId : id)
          let body = template(path, id)
          if (mutation) {
            const [at, value, mode] = mutation
            const paths = leafPaths(body)
            const target = paths[at % paths.length]!
            // Replace the value there, or (loose schemas carry extra fields) add one beside it.
            body =
              mode === 'add' && target.length > 0
                ? setAt(body, [...target.slice(0, -1), 'note'], value)
                : setAt(body, target, value)
          }
          let text = body === undefined ? undefined : JSON.stringify(body)
          for (const [marker, raw] of Object.entries(POISONS)) text = text?.split(marker).join(raw)
          const search = query
            ? `?${Object.entries(query)
                .map(
                  ([key, value]) =>
                    `${key}=${value.startsWith('%') ? value : encodeURIComponent(value)}`,
                )
                .join('&')}`
            : ''
          const isGet = method === 'get'
          const response = await fetch(`${baseUrl}${url}${search}`, {
            method: method.toUpperCase(),
            headers: {
              ...headers[auth],
              ...(isGet || text === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(isGet || text === undefined ? {} : { body: text }),
            signal: AbortSignal.timeout(10_000),
          })
          const reply = await response.text()
          expect(
            response.status,
            `${method} ${url}${search} ${text?.slice(0, 300)} -> ${reply.slice(0, 300)}`,
          ).toBeLessThan(500)
          expect(reply).not.toMatch(/Failed query|params:/)
          if (response.status < 300 && reply.startsWith('{'))
            noteWrites(path, JSON.parse(reply) as Record<string, unknown>)
          served += 1
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261202), endOnFailure: true },
    )
    expect(served).toBe(RUNS)
    const rows = await database.db
      .select({ entity: syncRecords.entity, id: syncRecords.id, version: syncRecords.version })
      .from(syncRecords)
      .where(and(eq(syncRecords.storeId, storeId)))
    const stored = new Map(rows.map((row) => [`${row.entity}\u0000${row.id}`, row.version]))
    expect(stored).toEqual(written)
    expect(written.size).toBeGreaterThan(5)
  }, 120_000)
})
