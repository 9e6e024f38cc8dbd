import { randomUUID } from 'node:crypto'
import { count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerDatabase } from '../../../src/server/db/connection'
import { adminSessions, devices, stores } from '../../../src/server/db/schema'
import { parseEnrollUri } from '../../../src/shared/backoffice/api'
import type {
  AdminListReply,
  EnrollmentCodeReply,
  RegisterListReply,
  SessionReply,
  StoreListReply,
  StoreReply,
} from '../../../src/shared/backoffice/api'
import { StoreOptions } from '../../../src/shared/store/options'
import { createStore, enroll } from './harness'
import type { Listening, Reply, Session } from './backofficeClient'
import { bearerLogin, call, insertAdmin, listen, PASSWORD, signIn } from './backofficeClient'

type Role = 'super' | 'owner' | 'managerA' | 'managerC' | 'none'
const ROLES: Role[] = ['super', 'owner', 'managerA', 'managerC', 'none']

interface World {
  tenant1: string
  tenant2: string
  storeA: string
  storeB: string
  storeC: string
  registerA: string
  registerC: string
  ids: Record<Exclude<Role, 'none'>, string>
  sessions: Record<Role, Session | null>
  managerB: { id: string; email: string }
}

interface Case {
  name: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: (role: Role) => string | Promise<string>
  body?: (role: Role) => unknown
  expected: Record<Role, number>
  check?: (role: Role, reply: Reply) => void
}

const code = () => `T${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`

/**
 * Every back-office route × every role, on a real server (127.0.0.1:0) and the database the caller
 * opens: a super admin, the owner (tenant admin) of tenant 1 (stores A and B), a store manager of A,
 * a store manager of store C in tenant 2, and no session. Allowed calls succeed; cross-tenant and
 * cross-store calls are refused (404 for things outside the scope, 403 for a role that may never).
 */
export function defineBackofficeMatrix(label: string, open: () => Promise<ServerDatabase>): void {
  describe(`back office routes × roles on ${label}`, () => {
    let database: ServerDatabase
    let server: Listening
    let world: World
    const base = () => server.baseUrl

    beforeAll(async () => {
      database = await open()
      server = await listen(database.db)
      const { db } = database
      const a = await createStore(db)
      const b = await createStore(db, a.tenantId)
      const c = await createStore(db)
      const registerA = (await enroll(server.app, a.code, 'Till A')).deviceId
      const registerC = (await enroll(server.app, c.code, 'Till C')).deviceId
      const superAdmin = await insertAdmin(db, 'super_admin')
      const owner = await insertAdmin(db, 'tenant_admin', { tenantId: a.tenantId })
      const managerA = await insertAdmin(db, 'store_manager', {
        tenantId: a.tenantId,
        storeIds: [a.storeId],
      })
      // An old row: the single admin_users.store_id, no admin_store_access row.
      const managerC = await insertAdmin(db, 'store_manager', {
        tenantId: c.tenantId,
        legacyStoreId: c.storeId,
      })
      const managerB = await insertAdmin(db, 'store_manager', {
        tenantId: a.tenantId,
        storeIds: [b.storeId],
      })
      world = {
        tenant1: a.tenantId,
        tenant2: c.tenantId,
        storeA: a.storeId,
        storeB: b.storeId,
        storeC: c.storeId,
        registerA,
        registerC,
        ids: {
          super: superAdmin.id,
          owner: owner.id,
          managerA: managerA.id,
          managerC: managerC.id,
        },
        sessions: {
          super: await signIn(base(), superAdmin.email),
          owner: await signIn(base(), owner.email),
          managerA: await signIn(base(), managerA.email),
          managerC: await signIn(base(), managerC.email),
          none: null,
        },
        managerB,
      }
    }, 120_000)
    afterAll(async () => {
      await server?.app.close()
      await database?.close()
    })

    const cases = (): Case[] => [
      {
        name: 'GET /api/admin/stores lists the caller’s stores only',
        method: 'GET',
        path: () => '/api/admin/stores',
        expected: { super: 200, owner: 200, managerA: 200, managerC: 200, none: 401 },
        check: (role, reply) => {
          const ids = (reply.body as StoreListReply).stores.map((store) => store.id)
          const { storeA, storeB, storeC } = world
          if (role === 'super')
            expect(ids).toEqual(expect.arrayContaining([storeA, storeB, storeC]))
          if (role === 'owner') expect(ids.sort()).toEqual([storeA, storeB].sort())
          if (role === 'managerA') expect(ids).toEqual([storeA])
          if (role === 'managerC') expect(ids).toEqual([storeC])
        },
      },
      {
        name: 'GET /api/admin/stores/A',
        method: 'GET',
        path: () => `/api/admin/stores/${world.storeA}`,
        expected: { super: 200, owner: 200, managerA: 200, managerC: 404, none: 401 },
        check: (_role, reply) =>
          expect((reply.body as StoreReply).store).toMatchObject({
            id: world.storeA,
            registerCount: 1,
            currency: 'USD',
            timeZone: 'UTC',
            locale: 'en',
          }),
      },
      {
        name: 'GET /api/admin/stores/B (another store of the same tenant)',
        method: 'GET',
        path: () => `/api/admin/stores/${world.storeB}`,
        expected: { super: 200, owner: 200, managerA: 404, managerC: 404, none: 401 },
      },
      {
        name: 'GET /api/admin/stores/A/rules',
        method: 'GET',
        path: () => `/api/admin/stores/${world.storeA}/rules`,
        expected: { super: 200, owner: 200, managerA: 200, managerC: 404, none: 401 },
        check: (_role, reply) => expect(reply.body).toMatchObject({ storeId: world.storeA }),
      },
      {
        // Each allowed save is a new version, in role order: super 1, owner 2, manager A 3.
        name: 'PUT /api/admin/stores/A/rules',
        method: 'PUT',
        path: () => `/api/admin/stores/${world.storeA}/rules`,
        body: (role) => ({
          ...StoreOptions.parse({}),
          baseVersion: { super: 0, owner: 1, managerA: 2, managerC: 3, none: 3 }[role],
          pinAttempts: ROLES.indexOf(role) + 2,
        }),
        expected: { super: 200, owner: 200, managerA: 200, managerC: 404, none: 401 },
        check: (role, reply) =>
          expect(reply.body).toMatchObject({ rules: { pinAttempts: ROLES.indexOf(role) + 2 } }),
      },
      {
        name: 'PATCH /api/admin/stores/A changes only the fields sent',
        method: 'PATCH',
        path: () => `/api/admin/stores/${world.storeA}`,
        body: (role) => ({ phone: `+44 ${role}` }),
        expected: { super: 200, owner: 200, managerA: 403, managerC: 404, none: 401 },
        check: (role, reply) =>
          expect((reply.body as StoreReply).store).toMatchObject({
            phone: `+44 ${role}`,
            timeZone: 'UTC',
            name: 'Test store',
          }),
      },
      {
        name: 'POST /api/admin/stores in tenant 1',
        method: 'POST',
        path: () => '/api/admin/stores',
        body: () => ({
          code: code(),
          name: 'New store',
          timeZone: 'Europe/London',
          currency: 'GBP',
          tenantId: world.tenant1,
        }),
        expected: { super: 200, owner: 200, managerA: 403, managerC: 403, none: 401 },
        check: (_role, reply) =>
          expect((reply.body as StoreReply).store).toMatchObject({
            tenantId: world.tenant1,
            timeZone: 'Europe/London',
            currency: 'GBP',
            registerCount: 0,
          }),
      },
      {
        name: 'DELETE /api/admin/stores/A (it has a register)',
        method: 'DELETE',
        path: () => `/api/admin/stores/${world.storeA}`,
        expected: { super: 409, owner: 409, managerA: 403, managerC: 404, none: 401 },
        check: (role, reply) => {
          if (reply.status === 409)
            expect(reply.body).toMatchObject({
              code: 'STORE_IN_USE',
              message: expect.stringContaining('1 register'),
            })
        },
      },
      {
        name: 'GET /api/admin/registers?storeId=A',
        method: 'GET',
        path: () => `/api/admin/registers?storeId=${world.storeA}`,
        expected: { super: 200, owner: 200, managerA: 200, managerC: 404, none: 401 },
        check: (_role, reply) =>
          expect((reply.body as RegisterListReply).registers.map((r) => r.id)).toContain(
            world.registerA,
          ),
      },
      {
        name: 'GET /api/admin/registers (whole scope)',
        method: 'GET',
        path: () => '/api/admin/registers',
        expected: { super: 200, owner: 200, managerA: 200, managerC: 200, none: 401 },
        check: (role, reply) => {
          const seen = (reply.body as RegisterListReply).registers
          const storeIds = new Set(seen.map((register) => register.storeId))
          if (role === 'owner') expect(storeIds.has(world.storeC)).toBe(false)
          if (role === 'managerA') expect([...storeIds]).toEqual([world.storeA])
          if (role === 'managerC') expect([...storeIds]).toEqual([world.storeC])
          if (role === 'super')
            expect(seen.map((register) => register.id)).toEqual(
              expect.arrayContaining([world.registerA, world.registerC]),
            )
        },
      },
      {
        name: 'PATCH /api/admin/registers/:id renames',
        method: 'PATCH',
        path: () => `/api/admin/registers/${world.registerA}`,
        body: (role) => ({ name: `Till of ${role}` }),
        expected: { super: 200, owner: 200, managerA: 200, managerC: 404, none: 401 },
        check: (role, reply) =>
          expect(reply.body).toMatchObject({ register: { name: `Till of ${role}` } }),
      },
      {
        name: 'POST /api/admin/registers/:id/revoke',
        method: 'POST',
        path: async () => {
          const fresh = await call(base(), 'POST', '/api/admin/enrollment-codes', {
            session: world.sessions.owner,
            body: { storeId: world.storeA },
          })
          return `/api/admin/registers/${(await enroll(server.app, (fresh.body as EnrollmentCodeReply).code)).deviceId}/revoke`
        },
        expected: { super: 200, owner: 200, managerA: 200, managerC: 404, none: 401 },
        check: (_role, reply) =>
          expect(reply.body).toMatchObject({ register: { revokedAt: expect.any(String) } }),
      },
      {
        name: 'POST /api/admin/enrollment-codes for store A',
        method: 'POST',
        path: () => '/api/admin/enrollment-codes',
        body: () => ({ storeId: world.storeA, expiresInMinutes: 30, uses: 2 }),
        expected: { super: 200, owner: 200, managerA: 200, managerC: 404, none: 401 },
        check: (_role, reply) => {
          const issued = reply.body as EnrollmentCodeReply
          expect(issued).toMatchObject({ storeId: world.storeA, uses: 2 })
          expect(issued.enrollUri).toContain(encodeURIComponent(issued.code))
          expect(issued.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/)
          const minutes = (Date.parse(issued.expiresAt) - Date.now()) / 60_000
          expect(minutes).toBeGreaterThan(28)
          expect(minutes).toBeLessThanOrEqual(30)
        },
      },
      {
        name: 'POST /api/admin/enrollment-codes for store B',
        method: 'POST',
        path: () => '/api/admin/enrollment-codes',
        body: () => ({ storeId: world.storeB }),
        expected: { super: 200, owner: 200, managerA: 404, managerC: 404, none: 401 },
      },
      {
        name: 'GET /api/admin/users',
        method: 'GET',
        path: () => '/api/admin/users',
        expected: { super: 200, owner: 200, managerA: 403, managerC: 403, none: 401 },
        check: (role, reply) => {
          const users = (reply.body as AdminListReply).users
          if (role === 'owner') {
            expect(users.every((user) => user.tenantId === world.tenant1)).toBe(true)
            expect(users.map((user) => user.id)).toContain(world.ids.managerA)
          }
          if (role === 'super')
            expect(users.map((user) => user.id)).toEqual(
              expect.arrayContaining([world.ids.managerC, world.ids.owner, world.ids.super]),
            )
        },
      },
      {
        name: 'POST /api/admin/users: a store manager of store B',
        method: 'POST',
        path: () => '/api/admin/users',
        body: () => ({
          email: `made-${randomUUID()}@example.test`,
          password: PASSWORD,
          role: 'store_manager',
          storeIds: [world.storeB],
        }),
        expected: { super: 200, owner: 200, managerA: 403, managerC: 403, none: 401 },
        check: (_role, reply) =>
          expect(reply.body).toMatchObject({
            user: { role: 'store_manager', tenantId: world.tenant1, storeIds: [world.storeB] },
          }),
      },
      {
        name: "PATCH /api/admin/users/:id binds another manager's stores",
        method: 'PATCH',
        path: () => `/api/admin/users/${world.managerB.id}`,
        body: () => ({ storeIds: [world.storeB, world.storeA] }),
        expected: { super: 200, owner: 200, managerA: 404, managerC: 404, none: 401 },
        check: (_role, reply) =>
          expect((reply.body as { user: { storeIds: string[] } }).user.storeIds.sort()).toEqual(
            [world.storeA, world.storeB].sort(),
          ),
      },
      {
        name: 'PATCH /api/admin/users/:self sets their own password',
        method: 'PATCH',
        path: (role) => `/api/admin/users/${world.ids[role === 'none' ? 'owner' : role]}`,
        body: () => ({ password: PASSWORD }),
        expected: { super: 200, owner: 200, managerA: 200, managerC: 200, none: 401 },
      },
      {
        name: 'GET /api/admin/tenants',
        method: 'GET',
        path: () => '/api/admin/tenants',
        expected: { super: 200, owner: 200, managerA: 403, managerC: 403, none: 401 },
      },
    ]

    it('answers every route × role as the role allows (cookie sessions with CSRF)', async () => {
      const outcomes: string[] = []
      const expected: string[] = []
      for (const item of cases()) {
        for (const role of ROLES) {
          const path = await item.path(role)
          const reply = await call(base(), item.method, path, {
            session: world.sessions[role],
            ...(item.body ? { body: item.body(role) } : {}),
          })
          outcomes.push(`${item.name} as ${role}: ${reply.status}`)
          expected.push(`${item.name} as ${role}: ${item.expected[role]}`)
          if (reply.status === item.expected[role] && reply.status < 300) item.check?.(role, reply)
          if (reply.status >= 400)
            expect(reply.body, `${item.name} as ${role}`).toMatchObject({
              code: expect.any(String),
              message: expect.any(String),
            })
        }
      }
      expect(outcomes).toEqual(expected)
    }, 120_000)

    it('refuses the owner everything of another tenant, without telling what exists', async () => {
      const owner = world.sessions.owner
      const steps: [string, string, unknown, number][] = [
        ['GET', `/api/admin/stores/${world.storeC}`, undefined, 404],
        ['GET', `/api/admin/stores/${randomUUID()}`, undefined, 404],
        ['PATCH', `/api/admin/stores/${world.storeC}`, { name: 'Mine now' }, 404],
        ['DELETE', `/api/admin/stores/${world.storeC}`, undefined, 404],
        ['GET', `/api/admin/stores?tenantId=${world.tenant2}`, undefined, 403],
        ['POST', '/api/admin/stores', { code: code(), name: 'x', tenantId: world.tenant2 }, 403],
        ['GET', `/api/admin/registers?storeId=${world.storeC}`, undefined, 404],
        ['PATCH', `/api/admin/registers/${world.registerC}`, { name: 'Mine' }, 404],
        ['POST', `/api/admin/registers/${world.registerC}/revoke`, undefined, 404],
        ['POST', '/api/admin/enrollment-codes', { storeId: world.storeC }, 404],
        ['PATCH', `/api/admin/users/${world.ids.managerC}`, { isDisabled: true }, 404],
        ['PATCH', `/api/admin/users/${world.ids.super}`, { isDisabled: true }, 404],
        [
          'POST',
          '/api/admin/users',
          {
            email: `x-${randomUUID()}@example.test`,
            password: PASSWORD,
            role: 'store_manager',
            storeIds: [world.storeC],
          },
          404,
        ],
      ]
      const seen = []
      for (const [method, path, body] of steps) {
        const reply = await call(base(), method, path, {
          session: owner,
          ...(body === undefined ? {} : { body }),
        })
        seen.push(`${method} ${path} ${reply.status}`)
        // A refusal names nothing of the other tenant.
        expect(reply.text).not.toContain(world.storeC)
        expect(reply.text).not.toContain(world.tenant2)
      }
      expect(seen).toEqual(steps.map(([method, path, , status]) => `${method} ${path} ${status}`))
      const [revoked] = await database.db
        .select({ revokedAt: devices.revokedAt, name: devices.name })
        .from(devices)
        .where(eq(devices.id, world.registerC))
      expect(revoked).toEqual({ revokedAt: null, name: 'Till C' })
    })

    it('accepts bearer tokens without a CSRF token, and refuses a device token', async () => {
      const owner = await insertAdmin(database.db, 'tenant_admin', { tenantId: world.tenant1 })
      const token = await bearerLogin(base(), owner.email)
      const listed = await call(base(), 'GET', '/api/admin/stores', { bearer: token })
      expect(listed.status).toBe(200)
      const issued = await call(base(), 'POST', '/api/admin/enrollment-codes', {
        bearer: token,
        body: { storeId: world.storeB },
      })
      expect(issued.status, issued.text).toBe(200)
      const device = await enroll(server.app, (issued.body as EnrollmentCodeReply).code)
      const asDevice = await call(base(), 'GET', '/api/admin/registers', {
        bearer: device.accessToken,
      })
      expect(asDevice.status).toBe(403)
    })

    it('deletes an unused store and its enrollment codes, then answers 404 for it', async () => {
      const created = await call(base(), 'POST', '/api/admin/stores', {
        session: world.sessions.owner,
        body: { code: code(), name: 'Pop-up' },
      })
      expect(created.status, created.text).toBe(200)
      const storeId = (created.body as StoreReply).store.id
      await call(base(), 'POST', '/api/admin/enrollment-codes', {
        session: world.sessions.owner,
        body: { storeId },
      })
      const deleted = await call(base(), 'DELETE', `/api/admin/stores/${storeId}`, {
        session: world.sessions.owner,
      })
      expect(deleted.status, deleted.text).toBe(204)
      const [left] = await database.db
        .select({ total: count() })
        .from(stores)
        .where(eq(stores.id, storeId))
      expect(left?.total).toBe(0)
      const again = await call(base(), 'GET', `/api/admin/stores/${storeId}`, {
        session: world.sessions.owner,
      })
      expect(again.status).toBe(404)
    })

    it('refuses a cookie request that changes something without the CSRF token', async () => {
      const owner = world.sessions.owner!
      const body = { name: 'No CSRF' }
      const path = `/api/admin/stores/${world.storeB}`
      const missing = await call(base(), 'PATCH', path, { session: owner, body, csrf: false })
      expect(missing.status).toBe(403)
      expect(missing.body).toMatchObject({ code: 'CSRF_REJECTED' })
      const wrong = await call(base(), 'PATCH', path, { session: owner, body, csrf: 'guess' })
      expect(wrong.status).toBe(403)
      const other = await call(base(), 'PATCH', path, {
        session: owner,
        body,
        csrf: world.sessions.super!.csrfToken,
      })
      expect(other.status).toBe(403)
      const read = await call(base(), 'GET', path, { session: owner, csrf: false })
      expect((read.body as StoreReply).store.name).toBe('Test store')
      const right = await call(base(), 'PATCH', path, { session: owner, body })
      expect((right.body as StoreReply).store.name).toBe('No CSRF')
    })

    it('signs in with HttpOnly SameSite=Strict cookie, answers who is signed in, signs out', async () => {
      const manager = await insertAdmin(database.db, 'store_manager', {
        tenantId: world.tenant1,
        storeIds: [world.storeA, world.storeB],
      })
      const wrong = await call(base(), 'POST', '/api/backoffice/session', {
        body: { email: manager.email, password: 'not the password' },
      })
      const unknown = await call(base(), 'POST', '/api/backoffice/session', {
        body: { email: `nobody-${randomUUID()}@example.test`, password: 'not the password' },
      })
      expect([wrong.status, unknown.status]).toEqual([401, 401])
      expect(wrong.body).toEqual(unknown.body)
      expect(wrong.headers.getSetCookie()).toEqual([])

      const signedIn = await call(base(), 'POST', '/api/backoffice/session', {
        body: { email: manager.email.toUpperCase(), password: PASSWORD },
      })
      expect(signedIn.status, signedIn.text).toBe(200)
      const [cookie] = signedIn.headers.getSetCookie()
      expect(cookie).toMatch(/^auraflow_session=[\w-]{40,};/)
      expect(cookie).toMatch(/; HttpOnly/i)
      expect(cookie).toMatch(/; SameSite=Strict/i)
      expect(cookie).toMatch(/; Path=\//i)
      expect(cookie).not.toMatch(/; Secure/i)
      const reply = signedIn.body as SessionReply
      expect(reply).toMatchObject({
        admin: { id: manager.id, role: 'store_manager', tenantId: world.tenant1 },
        idleMinutes: 30,
      })
      expect(reply.admin.storeIds.sort()).toEqual([world.storeA, world.storeB].sort())
      const session: Session = { cookie: cookie!.split(';')[0]!, csrfToken: reply.csrfToken, reply }

      const me = await call(base(), 'GET', '/api/backoffice/session', { session })
      expect(me.status).toBe(200)
      expect((me.body as SessionReply).csrfToken).toBe(reply.csrfToken)
      const anonymous = await call(base(), 'GET', '/api/backoffice/session')
      expect(anonymous.status).toBe(401)

      // Sign-out needs the CSRF token while the session lives: another site cannot sign you out.
      const forged = await call(base(), 'DELETE', '/api/backoffice/session', {
        session,
        csrf: false,
      })
      expect(forged.status).toBe(403)
      const out = await call(base(), 'DELETE', '/api/backoffice/session', { session })
      expect(out.status).toBe(204)
      expect(out.headers.getSetCookie().join()).toMatch(/auraflow_session=;/)
      const rows = await database.db
        .select({ total: count() })
        .from(adminSessions)
        .where(eq(adminSessions.adminId, manager.id))
      expect(rows[0]?.total).toBe(0)
      const after = await call(base(), 'GET', '/api/admin/stores', { session })
      expect(after.status).toBe(401)
    })

    it('ends a session idle too long or past its absolute lifetime', async () => {
      const admin = await insertAdmin(database.db, 'tenant_admin', { tenantId: world.tenant1 })
      const idle = await signIn(base(), admin.email)
      const old = await signIn(base(), admin.email)
      expect((await call(base(), 'GET', '/api/admin/stores', { session: idle })).status).toBe(200)
      const idHashOf = (session: Session) =>
        sql`encode(sha256(convert_to(${session.cookie.split('=')[1]!}, 'UTF8')), 'hex')`
      await database.db
        .update(adminSessions)
        .set({ lastSeenAt: sql`now() - interval '31 minutes'` })
        .where(eq(adminSessions.idHash, idHashOf(idle)))
      await database.db
        .update(adminSessions)
        .set({ createdAt: sql`now() - interval '12 hours 1 minute'` })
        .where(eq(adminSessions.idHash, idHashOf(old)))
      const idleReply = await call(base(), 'GET', '/api/admin/stores', { session: idle })
      expect(idleReply.status).toBe(401)
      expect(idleReply.body).toMatchObject({ code: 'SESSION_EXPIRED' })
      expect((await call(base(), 'GET', '/api/backoffice/session', { session: old })).status).toBe(
        401,
      )
      // 29 minutes idle is still fine, and the request moves last_seen forward.
      const fresh = await signIn(base(), admin.email)
      await database.db
        .update(adminSessions)
        .set({ lastSeenAt: sql`now() - interval '29 minutes'` })
        .where(eq(adminSessions.idHash, idHashOf(fresh)))
      expect((await call(base(), 'GET', '/api/admin/stores', { session: fresh })).status).toBe(200)
      const [touched] = await database.db
        .select({
          isRecent: sql<boolean>`${adminSessions.lastSeenAt} > now() - interval '1 minute'`,
        })
        .from(adminSessions)
        .where(eq(adminSessions.idHash, idHashOf(fresh)))
      expect(touched?.isRecent).toBe(true)
    })

    it("stops a disabled admin's sessions and bearer tokens at once", async () => {
      const manager = await insertAdmin(database.db, 'store_manager', {
        tenantId: world.tenant1,
        storeIds: [world.storeA],
      })
      const session = await signIn(base(), manager.email)
      const token = await bearerLogin(base(), manager.email)
      expect((await call(base(), 'GET', '/api/admin/registers', { session })).status).toBe(200)
      const disabled = await call(base(), 'PATCH', `/api/admin/users/${manager.id}`, {
        session: world.sessions.owner,
        body: { isDisabled: true },
      })
      expect(disabled.status, disabled.text).toBe(200)
      expect(disabled.body).toMatchObject({ user: { disabledAt: expect.any(String) } })
      expect((await call(base(), 'GET', '/api/admin/registers', { session })).status).toBe(401)
      expect((await call(base(), 'GET', '/api/admin/registers', { bearer: token })).status).toBe(
        401,
      )
      const refused = await call(base(), 'POST', '/api/backoffice/session', {
        body: { email: manager.email, password: PASSWORD },
      })
      expect(refused.status).toBe(401)
      const selfDisable = await call(base(), 'PATCH', `/api/admin/users/${world.ids.owner}`, {
        session: world.sessions.owner,
        body: { isDisabled: true },
      })
      expect(selfDisable.status).toBe(409)
      expect(selfDisable.body).toMatchObject({ issues: [{ path: 'isDisabled' }] })
      await call(base(), 'PATCH', `/api/admin/users/${manager.id}`, {
        session: world.sessions.owner,
        body: { isDisabled: false },
      })
      // Re-enabled: a new sign-in works; the old session stays gone.
      expect((await call(base(), 'GET', '/api/admin/registers', { session })).status).toBe(401)
      const again = await signIn(base(), manager.email)
      expect((await call(base(), 'GET', '/api/admin/registers', { session: again })).status).toBe(
        200,
      )
    })

    it("ends a user's other sessions when their password changes", async () => {
      const manager = await insertAdmin(database.db, 'store_manager', {
        tenantId: world.tenant1,
        storeIds: [world.storeA],
      })
      const first = await signIn(base(), manager.email)
      const second = await signIn(base(), manager.email)
      const changed = await call(base(), 'PATCH', `/api/admin/users/${manager.id}`, {
        session: second,
        body: { password: 'a brand new password' },
      })
      expect(changed.status, changed.text).toBe(200)
      expect(
        (await call(base(), 'GET', '/api/backoffice/session', { session: first })).status,
      ).toBe(401)
      expect(
        (await call(base(), 'GET', '/api/backoffice/session', { session: second })).status,
      ).toBe(200)
      // An owner resetting it ends every session of that user, the new password signs in.
      await call(base(), 'PATCH', `/api/admin/users/${manager.id}`, {
        session: world.sessions.owner,
        body: { password: PASSWORD },
      })
      expect(
        (await call(base(), 'GET', '/api/backoffice/session', { session: second })).status,
      ).toBe(401)
      expect((await signIn(base(), manager.email)).reply.admin.id).toBe(manager.id)
    })

    it("shows a register's last heartbeat, and an enrollment code enrolls as many times as its uses", async () => {
      const issued = await call(base(), 'POST', '/api/admin/enrollment-codes', {
        session: world.sessions.managerA,
        body: { storeId: world.storeA, uses: 1, role: 'station' },
      })
      const reply = issued.body as EnrollmentCodeReply
      expect(parseEnrollUri(reply.enrollUri)).toEqual({ serverUrl: base(), code: reply.code })
      const device = await enroll(server.app, reply.code, 'Kitchen')
      await expect(enroll(server.app, reply.code, 'Second')).rejects.toThrow(/401/)
      const beat = await call(base(), 'POST', '/api/sync/heartbeat', {
        bearer: device.accessToken,
        body: {
          pending: 3,
          oldestPendingAt: null,
          deadRecords: 1,
          deadReasons: [{ label: 'Order 12', reason: 'refused' }],
          registerCode: 'K1',
          appVersion: '1.4.2',
        },
      })
      expect(beat.status, beat.text).toBe(200)
      await call(base(), 'GET', '/api/sync/pull-changes', { bearer: device.accessToken })
      const listed = await call(base(), 'GET', `/api/admin/registers?storeId=${world.storeA}`, {
        session: world.sessions.managerA,
      })
      const kitchen = (listed.body as RegisterListReply).registers.find(
        (register) => register.id === device.deviceId,
      )
      expect(kitchen).toMatchObject({
        name: 'Kitchen',
        role: 'station',
        appVersion: '1.4.2',
        pending: 3,
        refused: 1,
        revokedAt: null,
        lastSeenAt: expect.any(String),
      })
      const never = (listed.body as RegisterListReply).registers.find(
        (register) => register.id === world.registerA,
      )
      expect(never).toMatchObject({ appVersion: null, pending: null, refused: null })
    })

    it('answers bad input with 400 naming the field, never a 500', async () => {
      const owner = world.sessions.owner
      const steps: [string, string, unknown, string][] = [
        ['POST', '/api/admin/stores', { code: 'no-dash', name: 'x' }, 'code'],
        [
          'POST',
          '/api/admin/stores',
          { code: code(), name: 'x', timeZone: 'Mars/Base' },
          'timeZone',
        ],
        ['POST', '/api/admin/stores', { code: code(), name: 'x', currency: 'usd' }, 'currency'],
        ['POST', '/api/admin/stores', { code: code(), name: '  ' }, 'name'],
        ['POST', '/api/admin/stores', { code: code(), name: 'x', extra: 1 }, '(root)'],
        ['PATCH', `/api/admin/stores/${world.storeA}`, { locale: 'fr' }, 'locale'],
        ['PATCH', `/api/admin/stores/${world.storeA}`, { code: 'NEW' }, '(root)'],
        ['PATCH', `/api/admin/registers/${world.registerA}`, { name: '' }, 'name'],
        ['POST', '/api/admin/enrollment-codes', { storeId: 'nope' }, 'storeId'],
        [
          'POST',
          '/api/admin/enrollment-codes',
          { storeId: world.storeA, expiresInMinutes: 1 },
          'expiresInMinutes',
        ],
        ['POST', '/api/admin/enrollment-codes', { storeId: world.storeA, uses: 0 }, 'uses'],
        [
          'POST',
          '/api/admin/users',
          { email: 'not-an-email', password: PASSWORD, role: 'store_manager' },
          'email',
        ],
        [
          'POST',
          '/api/admin/users',
          { email: `a-${randomUUID()}@example.test`, password: 'short', role: 'tenant_admin' },
          'password',
        ],
        [
          'POST',
          '/api/admin/users',
          { email: `a-${randomUUID()}@example.test`, password: PASSWORD, role: 'super_admin' },
          'role',
        ],
        [
          'POST',
          '/api/admin/users',
          { email: `a-${randomUUID()}@example.test`, password: PASSWORD, role: 'store_manager' },
          'storeIds',
        ],
        ['PATCH', `/api/admin/users/${world.ids.managerA}`, { storeIds: ['x'] }, 'storeIds.0'],
        ['PATCH', `/api/admin/users/${world.ids.owner}`, { storeIds: [world.storeA] }, 'storeIds'],
        ['POST', '/api/backoffice/session', { email: 'nope', password: 'x' }, 'email'],
      ]
      const seen = []
      for (const [method, path, body] of steps) {
        const reply = await call(base(), method, path, { session: owner, body })
        const issues = (reply.body as { issues?: { path: string }[] } | null)?.issues ?? []
        seen.push(`${method} ${path} ${JSON.stringify(body)} -> ${reply.status} ${issues[0]?.path}`)
        expect(reply.status, reply.text).toBeLessThan(500)
      }
      expect(seen).toEqual(
        steps.map(
          ([method, path, body, field]) =>
            `${method} ${path} ${JSON.stringify(body)} -> 400 ${field}`,
        ),
      )
      const taken = await call(base(), 'POST', '/api/admin/users', {
        session: owner,
        body: { email: 'SUPER_ADMIN@example.test', password: PASSWORD, role: 'tenant_admin' },
      })
      expect(taken.status).toBe(200)
      const twice = await call(base(), 'POST', '/api/admin/users', {
        session: owner,
        body: { email: 'super_admin@example.test', password: PASSWORD, role: 'tenant_admin' },
      })
      expect(twice.status).toBe(409)
      expect(twice.body).toMatchObject({ code: 'EMAIL_TAKEN', issues: [{ path: 'email' }] })
    })
  })
}
