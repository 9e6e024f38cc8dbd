import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPin } from '../../../src/main/services/pin'
import type { ServerDatabase } from '../../../src/server/db/connection'
import { syncRecords } from '../../../src/server/db/schema'
import type {
  AdminEmployeeListReply,
  AdminEmployeeReply,
} from '../../../src/shared/backoffice/catalog'
import { createStore } from './harness'
import type { Listening, Reply, Session } from './backofficeClient'
import { call, insertAdmin, listen, signIn } from './backofficeClient'

type Who = 'super' | 'owner' | 'managerAC' | 'otherOwner'

/**
 * One person in several stores, on a real server (127.0.0.1:0): the same employee record (id,
 * name, role, PIN hash) in each chosen store, a synced delete from a store taken away, a PIN reset
 * reaching every store, one transaction for all (a refusal in one store writes nothing anywhere),
 * and a store manager changing only the stores they manage.
 */
export function defineAdminStaffStoresSuite(
  label: string,
  open: () => Promise<ServerDatabase>,
): void {
  describe(`back office staff in several stores on ${label}`, () => {
    let database: ServerDatabase
    let server: Listening
    let storeA: string
    let storeB: string
    let storeC: string
    let foreignStore: string
    const sessions = {} as Record<Who, Session>
    const as = (who: Who, method: string, path: string, body?: unknown) =>
      call(server.baseUrl, method, path, {
        session: sessions[who],
        ...(body !== undefined ? { body } : {}),
      })
    const put = (who: Who, store: string, id: string, body: unknown) =>
      as(who, 'PUT', `/api/admin/employees/${id}?storeId=${store}`, body)
    const employeeOf = (reply: Reply) => {
      expect(reply.status, reply.text).toBe(200)
      return (reply.body as AdminEmployeeReply).employee
    }
    const records = (id: string) =>
      database.db
        .select()
        .from(syncRecords)
        .where(and(eq(syncRecords.entity, 'employee'), eq(syncRecords.id, id)))
    const recordIn = async (store: string, id: string) =>
      (await records(id)).find((row) => row.storeId === store)
    const listIn = async (who: Who, store: string) => {
      const reply = await as(who, 'GET', `/api/admin/employees?storeId=${store}`)
      expect(reply.status, reply.text).toBe(200)
      return (reply.body as AdminEmployeeListReply).employees
    }
    let pinSeed = 4000
    const freshPin = () => String((pinSeed += 13))

    beforeAll(async () => {
      database = await open()
      server = await listen(database.db)
      const a = await createStore(database.db)
      storeA = a.storeId
      storeB = (await createStore(database.db, a.tenantId)).storeId
      storeC = (await createStore(database.db, a.tenantId)).storeId
      const foreign = await createStore(database.db)
      foreignStore = foreign.storeId
      const superAdmin = await insertAdmin(database.db, 'super_admin')
      const owner = await insertAdmin(database.db, 'tenant_admin', { tenantId: a.tenantId })
      const managerAC = await insertAdmin(database.db, 'store_manager', {
        tenantId: a.tenantId,
        storeIds: [storeA, storeC],
      })
      const otherOwner = await insertAdmin(database.db, 'tenant_admin', {
        tenantId: foreign.tenantId,
      })
      sessions.super = await signIn(server.baseUrl, superAdmin.email)
      sessions.owner = await signIn(server.baseUrl, owner.email)
      sessions.managerAC = await signIn(server.baseUrl, managerAC.email)
      sessions.otherOwner = await signIn(server.baseUrl, otherOwner.email)
    }, 120_000)
    afterAll(async () => {
      await server?.app.close()
      await database?.close()
    })

    it('writes one person into each chosen store, the same id, name, role and PIN hash', async () => {
      const id = randomUUID()
      const pin = freshPin()
      const created = employeeOf(
        await put('owner', storeA, id, {
          name: 'Mona Saleh',
          role: 'manager',
          pin,
          storeIds: [storeA, storeB],
          baseVersion: 0,
        }),
      )
      expect(created).toMatchObject({ id, version: 1, name: 'Mona Saleh', role: 'manager' })
      expect(created.storeIds.sort()).toEqual([storeA, storeB].sort())
      const [inA, inB] = [await recordIn(storeA, id), await recordIn(storeB, id)]
      expect(inA?.data).toEqual(inB?.data)
      expect(inA).toMatchObject({ deleted: false, lastDeviceId: expect.stringMatching(/^admin:/) })
      expect(verifyPin((inB!.data as { pinHash: string }).pinHash, pin)).toBe(true)
      expect(await recordIn(storeC, id)).toBeUndefined()
      // Listed in either store with both stores; a manager of A and C sees only store A.
      const listedB = (await listIn('owner', storeB)).find((one) => one.id === id)
      expect(listedB?.storeIds.sort()).toEqual([storeA, storeB].sort())
      const managed = (await listIn('managerAC', storeA)).find((one) => one.id === id)
      expect(managed?.storeIds).toEqual([storeA])
      expect(JSON.stringify(await listIn('owner', storeA))).not.toMatch(/pinHash|argon2/)
    })

    it('takes a person out of a store with a synced delete, and needs a PIN to add a store', async () => {
      const id = randomUUID()
      employeeOf(
        await put('owner', storeA, id, {
          name: 'Omar',
          role: 'cashier',
          pin: freshPin(),
          storeIds: [storeA, storeB],
        }),
      )
      const moved = employeeOf(
        await put('owner', storeA, id, { name: 'Omar', role: 'cashier', storeIds: [storeA] }),
      )
      expect(moved).toMatchObject({ storeIds: [storeA], version: 1 })
      expect(await recordIn(storeB, id)).toMatchObject({ deleted: true, version: 2, data: null })
      // A PIN must be unique in the store added, and a salted hash cannot be compared.
      const noPin = await put('owner', storeA, id, {
        name: 'Omar',
        role: 'cashier',
        storeIds: [storeA, storeC],
      })
      expect(noPin.status).toBe(400)
      expect(noPin.body).toMatchObject({ code: 'PIN_FOR_STORE', issues: [{ path: 'pin' }] })
      expect(await recordIn(storeC, id)).toBeUndefined()
      const pin = freshPin()
      const back = employeeOf(
        await put('owner', storeA, id, {
          name: 'Omar',
          role: 'cashier',
          pin,
          storeIds: [storeA, storeB, storeC],
        }),
      )
      expect(back.storeIds).toHaveLength(3)
      // Back in store B over its tombstone, with the new PIN everywhere.
      const inB = await recordIn(storeB, id)
      expect(inB).toMatchObject({ deleted: false, version: 3 })
      for (const store of [storeA, storeB, storeC]) {
        const row = await recordIn(store, id)
        expect(verifyPin((row!.data as { pinHash: string }).pinHash, pin)).toBe(true)
      }
      const none = await put('owner', storeA, id, { name: 'Omar', role: 'cashier', storeIds: [] })
      expect(none.status).toBe(400)
      expect(none.body).toMatchObject({ code: 'NO_STORE', issues: [{ path: 'storeIds' }] })
    })

    it('resets a PIN in every store the person works in', async () => {
      const id = randomUUID()
      const first = freshPin()
      employeeOf(
        await put('owner', storeB, id, {
          name: 'Rami',
          role: 'cashier',
          pin: first,
          storeIds: [storeA, storeB, storeC],
        }),
      )
      const second = freshPin()
      const reset = await as('owner', 'POST', `/api/admin/employees/${id}/pin?storeId=${storeB}`, {
        pin: second,
        baseVersion: 1,
      })
      expect(employeeOf(reset)).toMatchObject({ version: 2, storeIds: expect.any(Array) })
      expect(reset.text).not.toContain(second)
      for (const store of [storeA, storeB, storeC]) {
        const row = await recordIn(store, id)
        expect(row?.version).toBe(2)
        const { pinHash } = row!.data as { pinHash: string }
        expect(verifyPin(pinHash, second)).toBe(true)
        expect(verifyPin(pinHash, first)).toBe(false)
      }
    })

    it('writes nothing anywhere when one store refuses (PIN taken there, last admin there)', async () => {
      const takenPin = freshPin()
      const holder = randomUUID()
      employeeOf(
        await put('owner', storeC, holder, {
          name: 'Holder',
          role: 'admin',
          pin: takenPin,
          storeIds: [storeC],
        }),
      )
      const id = randomUUID()
      const firstPin = freshPin()
      employeeOf(
        await put('owner', storeA, id, {
          name: 'Sara',
          role: 'cashier',
          pin: firstPin,
          storeIds: [storeA, storeB],
        }),
      )
      const before = await records(id)
      const clash = await put('owner', storeA, id, {
        name: 'Sara Renamed',
        role: 'cashier',
        pin: takenPin,
        storeIds: [storeA, storeB, storeC],
      })
      expect(clash.status).toBe(409)
      expect(clash.body).toMatchObject({ code: 'PIN_TAKEN', issues: [{ path: 'pin' }] })
      expect(await records(id)).toEqual(before)
      // The only admin of store C cannot be taken out of it, and the rename elsewhere is undone too.
      const admin = randomUUID()
      employeeOf(
        await put('owner', storeC, admin, {
          name: 'Only admin',
          role: 'admin',
          pin: freshPin(),
          storeIds: [storeB, storeC],
        }),
      )
      employeeOf(
        await put('owner', storeC, holder, { name: 'Holder', role: 'cashier', storeIds: [storeC] }),
      )
      const kept = await records(admin)
      const lastAdmin = await put('owner', storeB, admin, {
        name: 'Renamed admin',
        role: 'admin',
        storeIds: [storeB],
      })
      expect(lastAdmin.status).toBe(409)
      expect(lastAdmin.body).toMatchObject({ code: 'LAST_ADMIN', issues: [{ path: 'storeIds' }] })
      expect(await records(admin)).toEqual(kept)
    })

    it('lets a store manager add and remove only the stores they manage', async () => {
      const id = randomUUID()
      employeeOf(
        await put('managerAC', storeA, id, { name: 'Hadi', role: 'cashier', pin: freshPin() }),
      )
      // Store B is not theirs: 404, as any store outside their scope; nothing written.
      const intoB = await put('managerAC', storeA, id, {
        name: 'Hadi',
        role: 'cashier',
        pin: freshPin(),
        storeIds: [storeA, storeB],
      })
      expect(intoB.status).toBe(404)
      expect(intoB.body).toMatchObject({ code: 'NOT_FOUND' })
      expect(await recordIn(storeB, id)).toBeUndefined()
      const intoC = employeeOf(
        await put('managerAC', storeA, id, {
          name: 'Hadi',
          role: 'cashier',
          pin: freshPin(),
          storeIds: [storeA, storeC],
        }),
      )
      expect(intoC.storeIds.sort()).toEqual([storeA, storeC].sort())
      // The owner adds store B; the manager still sees only A and C, and store B stays.
      employeeOf(
        await put('owner', storeA, id, {
          name: 'Hadi',
          role: 'cashier',
          pin: freshPin(),
          storeIds: [storeA, storeB, storeC],
        }),
      )
      const outOfA = employeeOf(
        await put('managerAC', storeA, id, { name: 'Hadi', role: 'cashier', storeIds: [storeC] }),
      )
      expect(outOfA.storeIds).toEqual([storeC])
      expect(await recordIn(storeA, id)).toMatchObject({ deleted: true })
      expect(await recordIn(storeB, id)).toMatchObject({ deleted: false })
      // Who the person is, and the PIN that signs them in at store B, stay the owner's to change.
      const rename = await put('managerAC', storeC, id, { name: 'Hadi K', role: 'cashier' })
      expect(rename.status).toBe(403)
      expect(rename.body).toMatchObject({ code: 'STAFF_SHARED', issues: [{ path: 'storeIds' }] })
      const pin = await as(
        'managerAC',
        'POST',
        `/api/admin/employees/${id}/pin?storeId=${storeC}`,
        {
          pin: freshPin(),
        },
      )
      expect(pin.status).toBe(403)
      // Out of every store they manage: the person stays in store B.
      const gone = employeeOf(
        await put('managerAC', storeC, id, { name: 'Hadi', role: 'cashier', storeIds: [] }),
      )
      expect(gone).toMatchObject({ storeIds: [], name: 'Hadi' })
      expect((await records(id)).filter((row) => !row.deleted).map((row) => row.storeId)).toEqual([
        storeB,
      ])
    })

    it("refuses another business's store: 404 for its owner, a field error for a super admin", async () => {
      const id = randomUUID()
      const body = { name: 'Lina', role: 'cashier', pin: freshPin() }
      const owner = await put('owner', storeA, id, { ...body, storeIds: [storeA, foreignStore] })
      expect(owner.status).toBe(404)
      const other = await put('otherOwner', foreignStore, id, { ...body, storeIds: [storeA] })
      expect(other.status).toBe(404)
      const superAdmin = await put('super', storeA, id, {
        ...body,
        storeIds: [storeA, foreignStore],
      })
      expect(superAdmin.status).toBe(400)
      expect(superAdmin.body).toMatchObject({
        code: 'OTHER_TENANT',
        issues: [{ path: 'storeIds' }],
      })
      const bad = await put('owner', storeA, id, { ...body, storeIds: ['nope'] })
      expect(bad.status).toBe(400)
      expect(bad.body).toMatchObject({ issues: [{ path: expect.stringMatching(/^storeIds/) }] })
      expect(await records(id)).toEqual([])
    })
  })
}
