import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerDatabase } from '../../../src/server/db/connection'
import { rowsOf } from '../../../src/server/db/connection'
import { auditPageSql } from '../../../src/server/db/auditRepository'
import { stores } from '../../../src/server/db/schema'
import type { AuditReply } from '../../../src/shared/backoffice/audit'
import type { Listening, Reply } from '../support/backofficeClient'
import { bearerLogin, call, insertAdmin, listen } from '../support/backofficeClient'
import type { Device } from '../support/harness'
import { createStore, enroll } from '../support/harness'
import { parseCsv } from '../reports/reportsSuite'
import { audit, DANA, GHOST, people, push, SAM } from './auditFixture'

/*
 * The audit log route on a real server (127.0.0.1:0): audit events go in through the sync push
 * route as a register sends them; the route answers them in words.
 *
 * Store A "Downtown" (America/New_York, UTC−4 in June), Till A, business day 2026-06-10:
 *   E1 10:05 Sam opens a shift with $100.00
 *   E2 11:00 Sam refunds $12.50 on order A-1-0042, approved by Dana: reason `spilt, "badly"`
 *   E3 12:00 Sam opens the drawer without a sale, approved by Dana: reason `=SUM(A1)`
 *   E6 13:00 someone unknown: loyalty.adjusted { points: 5 }
 *   E4 23:50 Dana voids a sale of 2 coffees ($5.00)
 *   E5 00:10 on the 11th: Sam takes $20.00 out of the drawer (the next business day)
 * Store B "Marina" (Asia/Dubai): EB1 00:30 on the 10th (20:30Z on the 9th), Sam opens a shift.
 */

const DAY = '2026-06-10'
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

export function defineAuditSuite(label: string, open: () => Promise<ServerDatabase>): void {
  describe(`the audit log route on ${label}`, () => {
    let database: ServerDatabase
    let server: Listening
    let storeA: string
    let storeB: string
    let storeC: string
    let tillA: Device
    let owner: string
    let managerA: string
    let ownerC: string

    const get = (path: string, bearer = owner): Promise<Reply> =>
      call(server.baseUrl, 'GET', path, { bearer })
    const page = async (path: string, bearer = owner) => {
      const reply = await get(path, bearer)
      expect(reply.status, reply.text).toBe(200)
      return reply.body as AuditReply
    }
    const dayA = () => `/api/admin/audit?from=${DAY}&to=${DAY}&storeIds=${storeA}`

    beforeAll(async () => {
      database = await open()
      server = await listen(database.db)
      const { db } = database
      const a = await createStore(db)
      const b = await createStore(db, a.tenantId)
      const c = await createStore(db)
      storeA = a.storeId
      storeB = b.storeId
      storeC = c.storeId
      await db
        .update(stores)
        .set({ timeZone: 'America/New_York', name: 'Downtown' })
        .where(eq(stores.id, storeA))
      await db
        .update(stores)
        .set({ timeZone: 'Asia/Dubai', name: 'Marina' })
        .where(eq(stores.id, storeB))
      tillA = await enroll(server.app, a.code, 'Till A')
      const tillB = await enroll(server.app, b.code, 'Till B')
      owner = await bearerLogin(
        server.baseUrl,
        (await insertAdmin(db, 'tenant_admin', { tenantId: a.tenantId })).email,
      )
      managerA = await bearerLogin(
        server.baseUrl,
        (await insertAdmin(db, 'store_manager', { tenantId: a.tenantId, storeIds: [storeA] }))
          .email,
      )
      ownerC = await bearerLogin(
        server.baseUrl,
        (await insertAdmin(db, 'tenant_admin', { tenantId: c.tenantId })).email,
      )
      await push(server, tillA, [
        ...people,
        {
          entity: 'product',
          id: 'p-coffee',
          data: { id: 'p-coffee', name: 'Coffee', priceCents: 250 },
        },
        {
          entity: 'order',
          id: 'S1',
          data: {
            order: {
              id: 'S1',
              orderNumber: 'A-1-0042',
              status: 'COMPLETED',
              totalCents: 1250,
              createdAt: '2026-06-09T14:00:00.000Z',
            },
            items: [],
            payments: [],
          },
        },
        audit('E1', '2026-06-10T14:05:00.000Z', 'shift.opened', SAM, { openingCashCents: 10000 }),
        audit(
          'E2',
          '2026-06-10T15:00:00.000Z',
          'refund.created',
          SAM,
          { saleId: 'S1', totalCents: -1250, refundTo: 'original', reason: 'spilt, "badly"' },
          { approvedBy: DANA, subjectId: 'R1' },
        ),
        audit(
          'E3',
          '2026-06-10T16:00:00.000Z',
          'drawer.noSale',
          SAM,
          { reason: '=SUM(A1)' },
          { approvedBy: DANA },
        ),
        audit('E6', '2026-06-10T17:00:00.000Z', 'loyalty.adjusted', GHOST, {
          points: 5,
          nested: { a: 1 },
        }),
        audit('E4', '2026-06-11T03:50:00.000Z', 'sale.voided', DANA, {
          reason: 'left',
          itemCount: 2,
          totalCents: 500,
          lines: [{ productId: 'p-coffee', quantity: 2 }],
        }),
        audit('E5', '2026-06-11T04:10:00.000Z', 'cash.movement', SAM, {
          kind: 'OUT',
          amountCents: 2000,
          reason: 'milk',
        }),
      ])
      await push(server, tillB, [
        ...people,
        audit('EB1', '2026-06-09T20:30:00.000Z', 'shift.opened', SAM, { openingCashCents: 5000 }),
      ])
    })

    afterAll(async () => {
      await server?.app.close()
      await database?.close()
    })

    it('answers one store’s business day in words, newest first, in its time zone', async () => {
      const reply = await page(dayA())
      expect(reply.rows.map((row) => row.id)).toEqual(['E4', 'E6', 'E3', 'E2', 'E1'])
      const refund = reply.rows.find((row) => row.id === 'E2')!
      expect(refund).toMatchObject({
        storeName: 'Downtown',
        register: 'Till A',
        registerId: tillA.deviceId,
        whenLocal: '2026-06-10 11:00',
        who: 'Sam',
        approvedBy: 'Dana (manager)',
        actionLabel: 'Refund',
        amountCents: 1250,
        amount: '$12.50',
        description:
          'Sam refunded $12.50 on order A-1-0042 to the original payment: spilt, "badly", approved by Dana (manager)',
      })
      expect(reply.rows[0]).toMatchObject({
        whenLocal: '2026-06-10 23:50',
        description: 'Dana voided a sale of 2 items (Coffee) worth $5.00: left',
      })
      const unknown = reply.rows.find((row) => row.id === 'E6')!
      expect(unknown.description).toMatch(
        /^unknown employee #\w{6}: loyalty adjusted \(points: 5\)$/,
      )
      for (const row of reply.rows) {
        for (const words of [row.description, row.who, row.approvedBy, row.register])
          expect(words, row.id).not.toMatch(UUID)
        expect(row.description).not.toContain('{')
      }
      expect(reply.nextCursor).toBeNull()
    })

    it('adds the stores of a tenant, each by its own business day', async () => {
      const reply = await page(`/api/admin/audit?from=${DAY}&to=${DAY}`)
      expect(reply.storeIds.sort()).toEqual([storeA, storeB].sort())
      expect(reply.rows.map((row) => row.id)).toEqual(['E4', 'E6', 'E3', 'E2', 'E1', 'EB1'])
      expect(reply.rows.at(-1)).toMatchObject({
        storeName: 'Marina',
        whenLocal: '2026-06-10 00:30',
      })
      const next = await page(`/api/admin/audit?from=2026-06-11&to=2026-06-11&storeIds=${storeA}`)
      expect(next.rows.map((row) => row.id)).toEqual(['E5'])
    })

    it('speaks Arabic when asked', async () => {
      const reply = await page(`${dayA()}&lang=ar`)
      const refund = reply.rows.find((row) => row.id === 'E2')!
      expect(refund.actionLabel).toBe('استرداد')
      expect(refund.description).toContain('استرد Sam')
      expect(refund.approvedBy).toBe('Dana (مدير)')
    })

    it('filters by action, employee (who or approver), register and words', async () => {
      const ids = async (extra: string) =>
        (await page(`${dayA()}&${extra}`)).rows.map((row) => row.id)
      expect(await ids('action=refund.created')).toEqual(['E2'])
      expect(await ids(`employeeId=${DANA}`)).toEqual(['E4', 'E3', 'E2'])
      expect(await ids(`registerId=${tillA.deviceId}`)).toEqual(['E4', 'E6', 'E3', 'E2', 'E1'])
      expect(await ids(`registerId=${randomUUID()}`)).toEqual([])
      expect(await ids(`registerId=${tillA.deviceId.toUpperCase()}`)).toHaveLength(5)
      expect(await ids('q=dana')).toEqual(['E4', 'E3', 'E2'])
      expect(await ids('q=SPILT')).toEqual(['E2'])
      expect(await ids('q=till%20a')).toHaveLength(5)
      expect(await ids('q=100%25')).toEqual([])
      expect(await ids('q=voided')).toEqual(['E4'])
    })

    it('pages with a cursor: every row once, in order', async () => {
      const seen: string[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const reply: AuditReply = await page(
          `/api/admin/audit?from=${DAY}&to=${DAY}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
        expect(reply.rows.length).toBeLessThanOrEqual(2)
        seen.push(...reply.rows.map((row) => row.id))
        cursor = reply.nextCursor
        pages++
      } while (cursor && pages < 10)
      expect(seen).toEqual(['E4', 'E6', 'E3', 'E2', 'E1', 'EB1'])
      expect(pages).toBe(3)
    })

    it('exports CSV in words with the reports’ escaping', async () => {
      const reply = await get(`${dayA()}&format=csv&limit=1`)
      expect(reply.status).toBe(200)
      expect(reply.headers.get('content-type')).toContain('text/csv')
      expect(reply.headers.get('content-disposition')).toContain(`audit-log-${DAY}-${DAY}.csv`)
      const rows = parseCsv(reply.text)
      expect(rows[0]).toEqual([
        'When (store time)',
        'Store',
        'Register',
        'Who',
        'Action',
        'Description',
        'Approved by',
        'Amount',
        'Currency',
      ])
      // The export holds every filtered row, not a page.
      expect(rows.slice(1).map((row) => row[4])).toEqual([
        'Sale voided',
        'Other',
        'Drawer opened (no sale)',
        'Refund',
        'Shift opened',
      ])
      expect(rows[4]).toEqual([
        '2026-06-10 11:00',
        'Downtown',
        'Till A',
        'Sam',
        'Refund',
        'Sam refunded $12.50 on order A-1-0042 to the original payment: spilt, "badly", approved by Dana (manager)',
        'Dana (manager)',
        '12.50',
        'USD',
      ])
      expect(reply.text).toContain(
        '"Sam refunded $12.50 on order A-1-0042 to the original payment: spilt, ""badly"", approved by Dana (manager)"',
      )
      expect(rows[3]![5]).toBe(
        'Sam opened the drawer without a sale: =SUM(A1), approved by Dana (manager)',
      )
      expect(reply.text).not.toMatch(UUID)
      const arabic = parseCsv((await get(`${dayA()}&format=csv&lang=ar`)).text)
      expect(arabic[0]![0]).toBe('الوقت (بتوقيت المتجر)')
    })

    it('keeps a store manager to their stores and refuses other tenants', async () => {
      expect(
        (await get(`/api/admin/audit?from=${DAY}&to=${DAY}&storeIds=${storeB}`, managerA)).status,
      ).toBe(404)
      expect(
        (await get(`/api/admin/audit?from=${DAY}&to=${DAY}&storeIds=${storeA},${storeB}`, managerA))
          .status,
      ).toBe(404)
      const own = await page(`/api/admin/audit?from=${DAY}&to=${DAY}`, managerA)
      expect(own.storeIds).toEqual([storeA])
      expect(own.rows.map((row) => row.id)).toEqual(['E4', 'E6', 'E3', 'E2', 'E1'])
      expect((await get(dayA(), ownerC)).status).toBe(404)
      expect((await get(`${dayA()}&format=csv`, ownerC)).status).toBe(404)
      const foreign = await page(`/api/admin/audit?from=${DAY}&to=${DAY}`, ownerC)
      expect(foreign.storeIds).toEqual([storeC])
      expect(foreign.rows).toEqual([])
      expect((await call(server.baseUrl, 'GET', dayA())).status).toBe(401)
    })

    it('answers a bad query with 400 naming the field', async () => {
      const cases: [string, string][] = [
        [`from=2026-13-01&to=${DAY}`, 'from'],
        [`from=${DAY}`, 'to'],
        [`from=${DAY}&to=2026-06-01`, 'to'],
        [`from=${DAY}&to=${DAY}&storeIds=nope`, 'storeIds.0'],
        [`from=${DAY}&to=${DAY}&registerId=nope`, 'registerId'],
        [`from=${DAY}&to=${DAY}&action=${encodeURIComponent('{"a":1}')}`, 'action'],
        [`from=${DAY}&to=${DAY}&limit=0`, 'limit'],
        [`from=${DAY}&to=${DAY}&limit=many`, 'limit'],
        [`from=${DAY}&to=${DAY}&cursor=garbage`, 'cursor'],
        [`from=${DAY}&to=${DAY}&lang=fr`, 'lang'],
        [`from=${DAY}&to=${DAY}&format=xlsx`, 'format'],
        [`from=${DAY}&to=${DAY}&colour=red`, '(root)'],
      ]
      for (const [query, field] of cases) {
        const reply = await get(`/api/admin/audit?${query}`)
        expect(reply.status, query).toBe(400)
        const issues = (reply.body as { issues: { path: string }[] }).issues
        expect(
          issues.map((issue) => issue.path),
          query,
        ).toContain(field)
      }
    })

    it('never refuses a push for a time it cannot read; the server’s time stands in', async () => {
      await push(server, tillA, [
        audit('ODD', '2026-02-30T10:00:00Z', 'drawer.noSale', SAM, { reason: 'odd clock' }),
        audit('LOCAL', '2026-06-10T10:00:00', 'drawer.noSale', SAM, { reason: 'no zone' }),
      ])
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
        new Date(),
      )
      const reply = await page(
        `/api/admin/audit?from=${today}&to=${today}&storeIds=${storeA}&action=drawer.noSale`,
      )
      expect(reply.rows.map((row) => row.id).sort()).toEqual(['LOCAL', 'ODD'])
    })

    it('reads each store’s events by a backward scan of the audit index', async () => {
      const range = (id: string) => ({
        id,
        timeZone: 'UTC',
        lo: '2026-06-10T00:00:00Z',
        hi: '2026-06-11T00:00:00Z',
      })
      const statement = auditPageSql([range(storeA), range(storeB)], {
        stores: [],
        from: DAY,
        to: DAY,
        limit: 100,
        q: 'dana',
        cursor: { at: '2026-06-10T16:00:00.000000Z', storeId: storeA, id: 'E3' },
      })
      const plan = await database.db.transaction(async (tx) => {
        // A few rows would be read in full anyway; this asks whether the index can serve them.
        await tx.execute(sql`set local enable_seqscan = off`)
        return rowsOf<Record<string, string>>(await tx.execute(sql`explain ${statement}`))
      })
      const text = plan.map((row) => Object.values(row)[0]).join('\n')
      expect(text.match(/Index Scan Backward using sync_records_audit_idx/g), text).toHaveLength(2)
    })
  })
}
