import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../../src/server/app'
import type { ServerConfig } from '../../../src/server/config'
import { defaultConfig } from '../../../src/server/config'
import type { Database } from '../../../src/server/db/connection'
import { adminUsers, stores, tenants } from '../../../src/server/db/schema'
import { hashPassword } from '../../../src/server/auth/passwords'
import type { RealtimeBus } from '../../../src/server/realtime/bus'
import { issueEnrollmentCode } from '../../../src/server/tenancy/enrollmentCodes'
import type { TokenResponse } from '../../../src/shared/sync'

export const testConfig = (overrides: Partial<ServerConfig> = {}): ServerConfig =>
  defaultConfig({
    jwtSecret: 'test-secret-that-is-long-enough-0123456789',
    authRateLimit: { max: 1000, windowMs: 60_000 },
    ...overrides,
  })

export async function makeApp(
  db: Database,
  overrides: Partial<ServerConfig> = {},
  bus?: RealtimeBus,
): Promise<FastifyInstance> {
  const app = await buildServer({ db, config: testConfig(overrides), ...(bus ? { bus } : {}) })
  await app.ready()
  return app
}

export interface TestStore {
  tenantId: string
  storeId: string
  code: string
}

/** A fresh tenant and store per test: tests share one database without seeing each other. */
export async function createStore(db: Database, tenantId?: string): Promise<TestStore> {
  let tenant = tenantId
  if (!tenant) {
    const [row] = await db
      .insert(tenants)
      .values({ name: `tenant ${randomUUID()}` })
      .returning()
    tenant = row!.id
  }
  const [store] = await db
    .insert(stores)
    .values({ tenantId: tenant, code: `S-${randomUUID().slice(0, 8)}`, name: 'Test store' })
    .returning()
  const code = await issueEnrollmentCode(db, store!.id, { uses: null })
  return { tenantId: tenant, storeId: store!.id, code }
}

export interface Device extends TokenResponse {
  headers: Record<string, string>
}

export async function enroll(
  app: FastifyInstance,
  code: string,
  name = 'Register',
): Promise<Device> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/enroll',
    payload: {
      enrollmentCode: code,
      deviceId: randomUUID(),
      name,
      fingerprint: `fp-${randomUUID()}`,
    },
  })
  if (response.statusCode !== 200)
    throw new Error(`enroll failed ${response.statusCode}: ${response.body}`)
  const tokens = response.json<TokenResponse>()
  return {
    ...tokens,
    headers: { authorization: `Bearer ${tokens.accessToken}`, 'x-sync-protocol': '1' },
  }
}

export async function createAdmin(
  db: Database,
  app: FastifyInstance,
  role: 'super_admin' | 'tenant_admin' | 'store_manager',
  scope: { tenantId?: string; storeId?: string } = {},
): Promise<Record<string, string>> {
  const email = `${role}-${randomUUID()}@example.test`
  await db.insert(adminUsers).values({
    email,
    passwordHash: await hashPassword('correct horse battery'),
    role,
    tenantId: scope.tenantId ?? null,
    storeId: scope.storeId ?? null,
  })
  const response = await app.inject({
    method: 'POST',
    url: '/api/admin/login',
    payload: { email, password: 'correct horse battery' },
  })
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`)
  return { authorization: `Bearer ${response.json<{ accessToken: string }>().accessToken}` }
}

let counter = 0
export const uuid = () => randomUUID()
export const mutationId = () => `m-${++counter}-${randomUUID()}`

export function orderEnvelope(
  id: string,
  overrides: { status?: string; totalCents?: number; items?: number } = {},
) {
  const items = Array.from({ length: overrides.items ?? 4 }, (_, index) => ({
    id: `${id}-i${index}`,
    productId: `p${index}`,
    name: `Item ${index}`,
    quantity: 1,
    unitPriceCents: 250,
    totalCents: 250,
  }))
  const totalCents = overrides.totalCents ?? items.length * 250
  return {
    order: {
      id,
      orderNumber: `S1-R1-${id.slice(0, 6)}`,
      status: overrides.status ?? 'COMPLETED',
      subtotalCents: totalCents,
      taxCents: 0,
      totalCents,
    },
    items,
    payments: [{ id: `${id}-p`, method: 'cash', amountCents: totalCents }],
  }
}

export function product(id: string, name: string, priceCents = 199) {
  return { id, name, priceCents }
}
