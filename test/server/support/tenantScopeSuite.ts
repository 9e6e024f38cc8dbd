import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerDatabase } from '../../../src/server/db/connection'
import { createStore, enroll } from './harness'
import type { Listening, Reply, Session } from './backofficeClient'
import { call, insertAdmin, listen, signIn } from './backofficeClient'

type Who = 'super' | 'ownerOne' | 'managerOne'

/**
 * `?tenantId=` on the back office's list routes: a super admin acts within one tenant (stores,
 * registers, sync health, conflicts, reports, users of that tenant only); a tenant admin may name
 * only their own tenant (403 otherwise); a store manager none (403).
 */
export function defineTenantScopeSuite(label: string, open: () => Promise<ServerDatabase>): void {
  describe(`a super admin within one tenant on ${label}`, () => {
    let database: ServerDatabase
    let server: Listening
    const tenant = { one: '', two: '' }
    const stores = { one: [] as string[], two: [] as string[] }
    const registers = { one: '', two: '' }
    const sessions = {} as Record<Who, Session>
    const get = (who: Who, path: string) =>
      call(server.baseUrl, 'GET', path, { session: sessions[who] })
    const range = 'from=2026-11-01&to=2026-11-30'
    const routes = (tenantId: string): Record<string, string> => ({
      stores: `/api/admin/stores?tenantId=${tenantId}`,
      registers: `/api/admin/registers?tenantId=${tenantId}`,
      syncHealth: `/api/admin/sync-health?tenantId=${tenantId}`,
      conflicts: `/api/admin/conflicts?tenantId=${tenantId}`,
      reports: `/api/admin/reports/summary?${range}&tenantId=${tenantId}`,
      users: `/api/admin/users?tenantId=${tenantId}`,
      audit: `/api/admin/audit?${range}&tenantId=${tenantId}`,
    })

    beforeAll(async () => {
      database = await open()
      server = await listen(database.db)
      const first = await createStore(database.db)
      const second = await createStore(database.db, first.tenantId)
      const other = await createStore(database.db)
      tenant.one = first.tenantId
      tenant.two = other.tenantId
      stores.one = [first.storeId, second.storeId]
      stores.two = [other.storeId]
      registers.one = (await enroll(server.app, first.code, 'Till one')).deviceId
      registers.two = (await enroll(server.app, other.code, 'Till two')).deviceId
      const superAdmin = await insertAdmin(database.db, 'super_admin')
      const ownerOne = await insertAdmin(database.db, 'tenant_admin', { tenantId: tenant.one })
      await insertAdmin(database.db, 'tenant_admin', { tenantId: tenant.two })
      const managerOne = await insertAdmin(database.db, 'store_manager', {
        tenantId: tenant.one,
        storeIds: [first.storeId],
      })
      sessions.super = await signIn(server.baseUrl, superAdmin.email)
      sessions.ownerOne = await signIn(server.baseUrl, ownerOne.email)
      sessions.managerOne = await signIn(server.baseUrl, managerOne.email)
    }, 120_000)
    afterAll(async () => {
      await server?.app.close()
      await database?.close()
    })

    it('answers a super admin with the named tenant only, on every list route', async () => {
      const everything = await get('super', '/api/admin/stores')
      expect(everything.text).toContain(stores.two[0]!)
      for (const [which, own, others] of [
        ['one', stores.one, stores.two],
        ['two', stores.two, stores.one],
      ] as const) {
        const tenantId = tenant[which]
        const paths = routes(tenantId)
        const replies: Record<string, Reply> = Object.fromEntries(
          await Promise.all(
            Object.entries(paths).map(async ([name, path]) => [name, await get('super', path)]),
          ),
        )
        for (const [name, reply] of Object.entries(replies))
          expect(reply.status, `${name}: ${reply.text}`).toBe(200)
        const storeIdsOf = (body: unknown, key: 'stores') =>
          (body as Record<typeof key, { id?: string; storeId?: string }[]>)[key].map(
            (store) => store.id ?? store.storeId,
          )
        expect(storeIdsOf(replies.stores!.body, 'stores').sort()).toEqual([...own].sort())
        expect(storeIdsOf(replies.syncHealth!.body, 'stores').sort()).toEqual([...own].sort())
        expect((replies.reports!.body as { storeIds: string[] }).storeIds.sort()).toEqual(
          [...own].sort(),
        )
        expect((replies.audit!.body as { storeIds: string[] }).storeIds.sort()).toEqual(
          [...own].sort(),
        )
        const registerIds = (replies.registers!.body as { registers: { id: string }[] }).registers
        expect(registerIds.map((register) => register.id)).toEqual([registers[which]])
        const users = (replies.users!.body as { users: { tenantId: string | null }[] }).users
        expect(users.length).toBeGreaterThan(0)
        expect(users.every((user) => user.tenantId === tenantId)).toBe(true)
        for (const reply of Object.values(replies))
          for (const store of others) expect(reply.text).not.toContain(store)
      }
    })

    it('lets a tenant admin name only their own tenant, and a store manager none', async () => {
      for (const [name, path] of Object.entries(routes(tenant.one))) {
        const own = await get('ownerOne', path)
        expect(own.status, `${name}: ${own.text}`).toBe(200)
        const manager = await get('managerOne', path)
        expect(manager.status, `${name}: ${manager.text}`).toBe(403)
        expect(manager.body).toMatchObject({ code: 'FORBIDDEN' })
      }
      for (const [name, path] of Object.entries(routes(tenant.two))) {
        const other = await get('ownerOne', path)
        expect(other.status, `${name}: ${other.text}`).toBe(403)
        expect(other.text).not.toContain(stores.two[0]!)
      }
    })

    it('refuses a malformed tenant id naming the field', async () => {
      for (const [name, path] of Object.entries(routes('nope'))) {
        const reply = await get('super', path)
        expect(reply.status, `${name}: ${reply.text}`).toBe(400)
        expect(reply.body).toMatchObject({ issues: [{ path: 'tenantId' }] })
      }
    })
  })
}
