import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerDatabase } from '../../../src/server/db/connection'
import { syncRecords } from '../../../src/server/db/schema'
import type { AdminStoreRulesReply } from '../../../src/shared/backoffice/rules'
import { StoreOptions } from '../../../src/shared/store/options'
import { STORE_RULES_ID } from '../../../src/shared/sync'
import { createStore } from './harness'
import type { Listening, Session } from './backofficeClient'
import { call, insertAdmin, listen, signIn } from './backofficeClient'

type Role = 'super' | 'owner' | 'managerA' | 'managerC' | 'none'
const ROLES: Role[] = ['super', 'owner', 'managerA', 'managerC', 'none']

const defaults = StoreOptions.parse({})

/**
 * GET/PUT /api/admin/stores/:storeId/rules on a real server (127.0.0.1:0) with cookie sessions:
 * every role on its own store and on others (404 outside the scope), CSRF, versions (409 on a
 * stale save), field errors naming the field, and the synced record registers pull.
 */
export function defineAdminRulesSuite(label: string, open: () => Promise<ServerDatabase>): void {
  describe(`back office store rules on ${label}`, () => {
    let database: ServerDatabase
    let server: Listening
    let storeA: string
    let storeB: string
    let storeC: string
    const sessions = {} as Record<Role, Session | null>
    const as = (role: Role, method: string, path: string, body?: unknown, csrf?: false) =>
      call(server.baseUrl, method, path, {
        session: sessions[role],
        ...(body !== undefined ? { body } : {}),
        ...(csrf === false ? { csrf: false as const } : {}),
      })
    const rulesOf = (storeId: string) => `/api/admin/stores/${storeId}/rules`
    const current = async (storeId: string) =>
      (await as('super', 'GET', rulesOf(storeId))).body as AdminStoreRulesReply

    beforeAll(async () => {
      database = await open()
      server = await listen(database.db)
      const a = await createStore(database.db)
      const b = await createStore(database.db, a.tenantId)
      const c = await createStore(database.db)
      storeA = a.storeId
      storeB = b.storeId
      storeC = c.storeId
      const superAdmin = await insertAdmin(database.db, 'super_admin')
      const owner = await insertAdmin(database.db, 'tenant_admin', { tenantId: a.tenantId })
      const managerA = await insertAdmin(database.db, 'store_manager', {
        tenantId: a.tenantId,
        storeIds: [a.storeId],
      })
      const managerC = await insertAdmin(database.db, 'store_manager', {
        tenantId: c.tenantId,
        storeIds: [c.storeId],
      })
      sessions.super = await signIn(server.baseUrl, superAdmin.email)
      sessions.owner = await signIn(server.baseUrl, owner.email)
      sessions.managerA = await signIn(server.baseUrl, managerA.email)
      sessions.managerC = await signIn(server.baseUrl, managerC.email)
      sessions.none = null
    }, 120_000)
    afterAll(async () => {
      await server?.app.close()
      await database?.close()
    })

    /** Store → role → status: the owner runs A and B, manager A only A, manager C only C. */
    const expected: Record<'A' | 'B' | 'C', Record<Role, number>> = {
      A: { super: 200, owner: 200, managerA: 200, managerC: 404, none: 401 },
      B: { super: 200, owner: 200, managerA: 404, managerC: 404, none: 401 },
      C: { super: 200, owner: 404, managerA: 404, managerC: 200, none: 401 },
    }

    for (const store of ['A', 'B', 'C'] as const)
      for (const method of ['GET', 'PUT'] as const)
        it(`${method} rules of store ${store}: each role in its scope, 404 outside, 401 without a session`, async () => {
          const storeId = { A: storeA, B: storeB, C: storeC }[store]
          for (const role of ROLES) {
            const body =
              method === 'PUT'
                ? { ...defaults, baseVersion: (await current(storeId)).version, pinAttempts: 4 }
                : undefined
            const reply = await as(role, method, rulesOf(storeId), body)
            expect(reply.status, `${role}: ${reply.text}`).toBe(expected[store][role])
            if (reply.status === 404) expect(reply.body).toMatchObject({ code: 'NOT_FOUND' })
            if (reply.status === 200)
              expect(reply.body).toMatchObject({ storeId, rules: { idleLockSeconds: 120 } })
          }
          if (method === 'PUT') {
            const noCsrf = await as('owner', 'PUT', rulesOf(storeId), { baseVersion: 0 }, false)
            expect(noCsrf.status).toBe(403)
          }
        })

    it('answers the defaults at version 0, then saves versions registers pull', async () => {
      const fresh = await createStore(database.db)
      const before = await current(fresh.storeId)
      expect(before).toEqual({
        storeId: fresh.storeId,
        version: 0,
        rules: defaults,
        updatedAt: null,
      })
      const rules = {
        ...defaults,
        discountLimitPercent: 7.5,
        approvals: ['refund', 'void'],
        tenderMethods: [
          { id: 'cash', kind: 'cash', label: 'Cash', requiresReference: false },
          { id: 'gift-card', kind: 'other', label: 'Gift card', requiresReference: true },
        ],
        embeddedBarcodes: [{ prefix: '27', kind: 'weight' }],
        denominationsCents: [5_000, 1_000, 100],
        requireOpenShift: false,
        closeShiftVarianceCents: 250,
      }
      const saved = await as('super', 'PUT', rulesOf(fresh.storeId), { ...rules, baseVersion: 0 })
      expect(saved.status, saved.text).toBe(200)
      expect(saved.body).toMatchObject({ version: 1, isChanged: true, rules })
      const [record] = await database.db
        .select()
        .from(syncRecords)
        .where(and(eq(syncRecords.storeId, fresh.storeId), eq(syncRecords.entity, 'storeRules')))
      expect(record).toMatchObject({ id: STORE_RULES_ID, version: 1, data: rules })
      expect(record!.lastDeviceId).toMatch(/^admin:/)
      // The same rules again: no new version.
      const again = await as('super', 'PUT', rulesOf(fresh.storeId), { ...rules, baseVersion: 1 })
      expect(again.body).toMatchObject({ version: 1, isChanged: false })
      expect(await current(fresh.storeId)).toMatchObject({ version: 1, rules })
    })

    it('refuses a stale baseVersion with 409 and keeps the stored rules', async () => {
      const fresh = await createStore(database.db)
      const path = rulesOf(fresh.storeId)
      await as('super', 'PUT', path, { ...defaults, baseVersion: 0, pinAttempts: 9 })
      const stale = await as('super', 'PUT', path, { ...defaults, baseVersion: 0, pinAttempts: 2 })
      expect(stale.status).toBe(409)
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT' })
      expect(await current(fresh.storeId)).toMatchObject({ version: 1, rules: { pinAttempts: 9 } })
    })

    it('names the failing field and writes nothing on bad input', async () => {
      const fresh = await createStore(database.db)
      const path = rulesOf(fresh.storeId)
      const cases: [unknown, string][] = [
        [{ ...defaults, baseVersion: 0, discountLimitPercent: 101 }, 'discountLimitPercent'],
        [{ ...defaults, baseVersion: 0, tenderMethods: [] }, 'tenderMethods'],
        [
          {
            ...defaults,
            baseVersion: 0,
            tenderMethods: [{ id: 'cash', kind: 'cash', label: '', requiresReference: false }],
          },
          'tenderMethods.0.label',
        ],
        [
          { ...defaults, baseVersion: 0, embeddedBarcodes: [{ prefix: '31', kind: 'price' }] },
          'embeddedBarcodes.0.prefix',
        ],
        [{ ...defaults, baseVersion: 0, approvals: ['launchRocket'] }, 'approvals.0'],
        [{ ...defaults, baseVersion: 0, idleLockSeconds: 1.5 }, 'idleLockSeconds'],
        [{ ...defaults, baseVersion: 0, closeShiftVarianceCents: -1 }, 'closeShiftVarianceCents'],
        [{ ...defaults, baseVersion: 0, closeShiftVarianceCents: 2.5 }, 'closeShiftVarianceCents'],
        [{ ...defaults, baseVersion: 0, pinAttemps: 3 }, '(root)'],
        [{ ...defaults }, 'baseVersion'],
      ]
      for (const [body, field] of cases) {
        const reply = await as('super', 'PUT', path, body)
        expect(reply.status, JSON.stringify(body)).toBe(400)
        expect(reply.body).toMatchObject({ code: 'VALIDATION' })
        const paths = (reply.body as { issues: { path: string }[] }).issues.map((i) => i.path)
        expect(paths).toContain(field)
      }
      expect(await current(fresh.storeId)).toMatchObject({ version: 0 })
    })
  })
}
