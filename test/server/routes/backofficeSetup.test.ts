import { randomUUID } from 'node:crypto'
import { count } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import type { ServerDatabase } from '../../../src/server/db/connection'
import { adminSessions, adminUsers, devices, stores, tenants } from '../../../src/server/db/schema'
import { bootstrap } from '../../../src/server/tenancy/bootstrap'
import type { SessionReply, StoreListReply } from '../../../src/shared/backoffice/api'
import type { Listening, Session } from '../support/backofficeClient'
import { call, insertAdmin, listen, PASSWORD, sessionCookieFrom } from '../support/backofficeClient'

const TOKEN = 'first-run-token-0123456789abcdef'
const setupBody = (overrides: Record<string, unknown> = {}) => ({
  token: TOKEN,
  email: 'Owner@Bakery.example',
  password: PASSWORD,
  businessName: 'Bakery Ltd',
  storeCode: 'MAIN',
  storeName: 'Main street',
  timeZone: 'Europe/Paris',
  currency: 'EUR',
  ...overrides,
})

/** First run (an empty database, PGlite, real HTTP) and the sign-in limits. */
describe('back office first run and sign-in limits', () => {
  const opened: { database: ServerDatabase; servers: Listening[] }[] = []
  afterEach(async () => {
    for (const { database, servers } of opened.splice(0)) {
      for (const server of servers) await server.app.close()
      await database.close()
    }
  })
  async function fresh() {
    const database = await openDatabase({ kind: 'pglite', dataDir: null })
    const entry = { database, servers: [] as Listening[] }
    opened.push(entry)
    const start = async (
      ...args: Parameters<typeof listen> extends [unknown, ...infer R] ? R : never
    ) => {
      const server = await listen(database.db, ...args)
      entry.servers.push(server)
      return server
    }
    return { db: database.db, start }
  }
  const totals = async (db: ServerDatabase['db']) => ({
    tenants: (await db.select({ n: count() }).from(tenants))[0]!.n,
    stores: (await db.select({ n: count() }).from(stores))[0]!.n,
    admins: (await db.select({ n: count() }).from(adminUsers))[0]!.n,
    sessions: (await db.select({ n: count() }).from(adminSessions))[0]!.n,
  })

  it('creates the business, its store and the owner once, and signs the owner in', async () => {
    const { db, start } = await fresh()
    const server = await start({}, TOKEN)
    const base = server.baseUrl
    expect((await call(base, 'GET', '/api/backoffice/setup')).body).toEqual({ isSetupNeeded: true })

    const wrongToken = await call(base, 'POST', '/api/backoffice/setup', {
      body: setupBody({ token: 'guessed' }),
    })
    expect(wrongToken.status).toBe(403)
    expect(wrongToken.body).toMatchObject({ issues: [{ path: 'token' }] })
    const badCode = await call(base, 'POST', '/api/backoffice/setup', {
      body: setupBody({ storeCode: 'main-1' }),
    })
    expect(badCode.status).toBe(400)
    expect(badCode.body).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'storeCode' }] })
    expect(await totals(db)).toEqual({ tenants: 0, stores: 0, admins: 0, sessions: 0 })

    const done = await call(base, 'POST', '/api/backoffice/setup', { body: setupBody() })
    expect(done.status, done.text).toBe(200)
    const reply = done.body as SessionReply
    expect(reply.admin).toMatchObject({ email: 'owner@bakery.example', role: 'tenant_admin' })
    const cookie = sessionCookieFrom(done.headers)
    expect(done.headers.getSetCookie()[0]).toMatch(/HttpOnly/i)
    const session: Session = { cookie: cookie!, csrfToken: reply.csrfToken, reply }
    const listed = await call(base, 'GET', '/api/admin/stores', { session })
    expect((listed.body as StoreListReply).stores).toEqual([
      expect.objectContaining({
        code: 'MAIN',
        name: 'Main street',
        timeZone: 'Europe/Paris',
        currency: 'EUR',
        tenantId: reply.admin.tenantId,
      }),
    ])
    const tenantList = await call(base, 'GET', '/api/admin/tenants', { session })
    expect(tenantList.body).toMatchObject({ tenants: [{ name: 'Bakery Ltd' }] })
    expect((await call(base, 'GET', '/api/backoffice/setup')).body).toEqual({
      isSetupNeeded: false,
    })

    const twice = await call(base, 'POST', '/api/backoffice/setup', {
      body: setupBody({ email: 'second@bakery.example', storeCode: 'TWO' }),
    })
    expect(twice.status).toBe(409)
    expect(twice.body).toMatchObject({ code: 'SETUP_DONE' })
    // A restart prints a new token, but an admin exists: set-up stays closed.
    const restarted = await start({}, 'another-token-0123456789')
    const afterRestart = await call(restarted.baseUrl, 'POST', '/api/backoffice/setup', {
      body: setupBody({ token: 'another-token-0123456789', storeCode: 'TWO' }),
    })
    expect(afterRestart.status).toBe(409)
    expect(await totals(db)).toMatchObject({ tenants: 1, stores: 1, admins: 1 })
  })

  it('leaves nothing behind when the store code is taken, and the link still works after', async () => {
    const { db, start } = await fresh()
    const [other] = await db.insert(tenants).values({ name: 'Someone else' }).returning()
    await db.insert(stores).values({ tenantId: other!.id, code: 'TAKEN', name: 'Theirs' })
    const server = await start({}, TOKEN)
    const failed = await call(server.baseUrl, 'POST', '/api/backoffice/setup', {
      body: setupBody({ storeCode: 'TAKEN' }),
    })
    expect(failed.status).toBe(409)
    expect(failed.body).toMatchObject({ code: 'STORE_CODE_TAKEN', issues: [{ path: 'storeCode' }] })
    expect(failed.headers.getSetCookie()).toEqual([])
    expect(await totals(db)).toEqual({ tenants: 1, stores: 1, admins: 0, sessions: 0 })

    const retried = await call(server.baseUrl, 'POST', '/api/backoffice/setup', {
      body: setupBody({ storeCode: 'MAIN' }),
    })
    expect(retried.status, retried.text).toBe(200)
    expect(await totals(db)).toEqual({ tenants: 2, stores: 2, admins: 1, sessions: 1 })
  })

  it('takes over the demo business a fresh server made, keeping registers enrolled in it', async () => {
    const { db, start } = await fresh()
    const first = await bootstrap(db, null)
    expect(first.storeCode).toBe('DEMO')
    const server = await start({}, TOKEN)
    const done = await call(server.baseUrl, 'POST', '/api/backoffice/setup', { body: setupBody() })
    expect(done.status, done.text).toBe(200)
    const reply = done.body as SessionReply
    // The untouched demo store became the owner's store: one business, one store, no orphan.
    expect(await totals(db)).toMatchObject({ tenants: 1, stores: 1, admins: 1 })
    const [tenant] = await db.select().from(tenants)
    expect(tenant).toMatchObject({ id: reply.admin.tenantId, name: 'Bakery Ltd', isStarter: false })
    const [store] = await db.select().from(stores)
    expect(store).toMatchObject({ tenantId: tenant!.id, code: 'MAIN', timeZone: 'Europe/Paris' })
  })

  it('keeps a demo store that already has a register, beside the new store, in the owner business', async () => {
    const { db, start } = await fresh()
    await bootstrap(db, null)
    const [demo] = await db.select().from(stores)
    await db.insert(devices).values({
      id: randomUUID(),
      tenantId: demo!.tenantId,
      storeId: demo!.id,
      name: 'Till 1',
      fingerprint: 'fp',
    })
    const server = await start({}, TOKEN)
    const done = await call(server.baseUrl, 'POST', '/api/backoffice/setup', { body: setupBody() })
    expect(done.status, done.text).toBe(200)
    const session: Session = {
      cookie: sessionCookieFrom(done.headers)!,
      csrfToken: (done.body as SessionReply).csrfToken,
      reply: done.body as SessionReply,
    }
    const listed = await call(server.baseUrl, 'GET', '/api/admin/stores', { session })
    expect((listed.body as StoreListReply).stores.map((row) => row.code).sort()).toEqual([
      'DEMO',
      'MAIN',
    ])
    expect(await totals(db)).toMatchObject({ tenants: 1, stores: 2, admins: 1 })
  })

  it('refuses set-up on a server started without a set-up token', async () => {
    const { db, start } = await fresh()
    const server = await start({})
    const refused = await call(server.baseUrl, 'POST', '/api/backoffice/setup', {
      body: setupBody(),
    })
    expect(refused.status).toBe(403)
    expect(await totals(db)).toMatchObject({ tenants: 0, admins: 0 })
  })

  it('rate-limits sign-in, and marks the cookie Secure when configured', async () => {
    const { db, start } = await fresh()
    const admin = await insertAdmin(db, 'super_admin')
    const limited = await start({ authRateLimit: { max: 3, windowMs: 60_000 } })
    const statuses = []
    for (let attempt = 0; attempt < 4; attempt += 1)
      statuses.push(
        (
          await call(limited.baseUrl, 'POST', '/api/backoffice/session', {
            body: { email: admin.email, password: 'wrong password' },
          })
        ).status,
      )
    expect(statuses).toEqual([401, 401, 401, 429])
    const secure = await start({
      adminSession: { idleMinutes: 5, absoluteHours: 12, secureCookie: 'always' },
    })
    const signedIn = await call(secure.baseUrl, 'POST', '/api/backoffice/session', {
      body: { email: admin.email, password: PASSWORD },
    })
    expect(signedIn.headers.getSetCookie()[0]).toMatch(/; Secure/i)
    expect(signedIn.body).toMatchObject({ idleMinutes: 5 })
  })
})
