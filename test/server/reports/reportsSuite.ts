import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerDatabase } from '../../../src/server/db/connection'
import { rowsOf } from '../../../src/server/db/connection'
import { stores } from '../../../src/server/db/schema'
import { rebuildReportProjection } from '../../../src/server/db/reportRepository'
import type {
  PaymentMethodsReply,
  RefundsReply,
  SalesReply,
  ShiftsReply,
  SummaryReply,
} from '../../../src/shared/backoffice/reports'
import type { BatchPushResponse } from '../../../src/shared/sync'
import { eq } from 'drizzle-orm'
import type { Listening, Reply } from '../support/backofficeClient'
import { bearerLogin, call, insertAdmin, listen } from '../support/backofficeClient'
import type { Device } from '../support/harness'
import { createStore, enroll } from '../support/harness'

/*
 * Reports on a real server (127.0.0.1:0): orders go in through the sync push route as a register
 * sends them; the reports must give the figures worked out by hand below, to the cent.
 *
 * Store A (America/New_York, UTC−4 in June), business day 2026-06-10:
 *   S1 10:05  2 coffee @250 (8.25 %: tax 41) + 1 muffin 300 (0 %)  = 841 cash         (Alice)
 *   S2 11:30  1 sandwich 1000 − 200 discount = 800 (8.25 %: tax 66) = 866 card 500 + cash 366 (Alice)
 *   R1 14:00  refund of S1: 1 coffee −250, tax −21                  = −271 cash       (Bob)
 *   V1 15:00  muffin 999, pushed COMPLETED then VOIDED               (never summed)
 *   S4 23:50  1 muffin 300 (0 %)                                    = 300 cash        (Bob)
 * and S3 at 00:10 on 2026-06-11 (04:10Z): 1 muffin 300 (0 %), cash: the next business day.
 * Store B (Asia/Dubai, UTC+4): SB1 at 00:30 on 2026-06-10 (20:30Z on the 9th): 2 coffee @250 (5 %: 25) = 525 card.
 */

const DAY = '2026-06-10'
const NEXT_DAY = '2026-06-11'

interface Line {
  productId: string
  name: string
  quantity: number
  unitPriceCents: number
  discountCents?: number
  rate: number
  netCents: number
  taxCents: number
}

function order(
  id: string,
  createdAt: string,
  lines: Line[],
  payments: { method: string; amountCents: number; label: string }[],
  extra: Record<string, unknown> = {},
) {
  const sum = (pick: (line: Line) => number) => lines.reduce((total, line) => total + pick(line), 0)
  const subtotalCents = sum((line) => line.netCents)
  const taxCents = sum((line) => line.taxCents)
  return {
    order: {
      id,
      orderNumber: `A-1-${id}`,
      status: 'COMPLETED',
      kind: 'SALE',
      subtotalCents,
      discountCents: sum((line) => line.discountCents ?? 0),
      taxCents,
      totalCents: subtotalCents + taxCents,
      currency: 'USD',
      createdAt,
      ...extra,
    },
    items: lines.map((line, index) => ({
      id: `${id}-i${index}`,
      productId: line.productId,
      name: line.name,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      taxRateBasisPoints: line.rate,
      discountCents: line.discountCents ?? 0,
      netCents: line.netCents,
      taxCents: line.taxCents,
      totalCents: line.netCents + line.taxCents,
    })),
    payments: payments.map((payment, index) => ({
      id: `${id}-p${index}`,
      tenderId: payment.method,
      ...payment,
    })),
  }
}

const MUFFIN_NAME = 'Muffin, "blueberry"'
const coffee = (quantity: number, rate = 825, taxCents = 41): Line => ({
  productId: 'p-coffee',
  name: 'Coffee',
  quantity,
  unitPriceCents: 250,
  rate,
  netCents: 250 * quantity,
  taxCents,
})
const muffin = (netCents = 300): Line => ({
  productId: 'p-muffin',
  name: MUFFIN_NAME,
  quantity: 1,
  unitPriceCents: netCents,
  rate: 0,
  netCents,
  taxCents: 0,
})
const cash = (amountCents: number) => ({ method: 'cash', amountCents, label: 'Cash' })
const card = (amountCents: number) => ({ method: 'card', amountCents, label: 'Card' })

interface ChangeInput {
  entity: string
  id: string
  data: unknown
  baseVersion?: number
}

async function push(server: Listening, device: Device, changes: ChangeInput[]) {
  const response = await fetch(`${server.baseUrl}/api/sync/batch-push`, {
    method: 'POST',
    headers: { ...device.headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      deviceId: device.deviceId,
      changes: changes.map((change) => ({
        mutationId: randomUUID(),
        entity: change.entity,
        id: change.id,
        op: 'upsert',
        baseVersion: change.baseVersion ?? 0,
        data: change.data,
      })),
    }),
  })
  const body = (await response.json()) as BatchPushResponse
  expect(response.status).toBe(200)
  return body.results
}

/** A CSV parser for the test (RFC 4180 quoting), independent of the server's writer. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"'
        index++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      index++
    } else field += char
  }
  return rows
}

/** "12.34" → 1234, "-0.05" → −5: exact, no floating point. */
const centsOf = (amount: string) => {
  const negative = amount.startsWith('-')
  const [whole, fraction = ''] = amount.replace('-', '').split('.')
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  return negative ? -cents : cents
}

/** The business day of an instant in a time zone (en-CA prints YYYY-MM-DD). */
const dayIn = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant)

export function defineReportSuite(label: string, open: () => Promise<ServerDatabase>): void {
  describe(`reports on ${label}`, () => {
    let database: ServerDatabase
    let server: Listening
    let storeA: string
    let storeB: string
    let storeC: string
    let tillA: Device
    let tillB: Device
    let owner: string
    let managerA: string
    let ownerC: string

    const get = (path: string, bearer = owner): Promise<Reply> =>
      call(server.baseUrl, 'GET', path, { bearer })
    const both = () => `storeIds=${storeA},${storeB}`

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
      await db.update(stores).set({ timeZone: 'America/New_York' }).where(eq(stores.id, storeA))
      await db.update(stores).set({ timeZone: 'Asia/Dubai' }).where(eq(stores.id, storeB))
      tillA = await enroll(server.app, a.code, 'Till A')
      tillB = await enroll(server.app, b.code, 'Till B')
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

      const catalog: ChangeInput[] = [
        { entity: 'category', id: 'c-drinks', data: { id: 'c-drinks', name: 'Drinks' } },
        { entity: 'category', id: 'c-food', data: { id: 'c-food', name: 'Food' } },
        {
          entity: 'product',
          id: 'p-coffee',
          data: { id: 'p-coffee', name: 'Coffee', priceCents: 250, categoryId: 'c-drinks' },
        },
        {
          entity: 'product',
          id: 'p-muffin',
          data: { id: 'p-muffin', name: MUFFIN_NAME, priceCents: 300, categoryId: 'c-food' },
        },
        {
          entity: 'product',
          id: 'p-sandwich',
          data: { id: 'p-sandwich', name: 'Sandwich', priceCents: 1000, categoryId: 'c-food' },
        },
        {
          entity: 'employee',
          id: 'e-alice',
          data: { id: 'e-alice', name: 'Alice', role: 'cashier' },
        },
        { entity: 'employee', id: 'e-bob', data: { id: 'e-bob', name: 'Bob', role: 'manager' } },
      ]
      const sandwich: Line = {
        productId: 'p-sandwich',
        name: 'Sandwich',
        quantity: 1,
        unitPriceCents: 1000,
        discountCents: 200,
        rate: 825,
        netCents: 800,
        taxCents: 66,
      }
      const orders: ChangeInput[] = [
        {
          entity: 'order',
          id: 'S1',
          data: order('S1', '2026-06-10T14:05:00.000Z', [coffee(2), muffin()], [cash(841)], {
            employeeId: 'e-alice',
          }),
        },
        {
          entity: 'order',
          id: 'S2',
          data: order('S2', '2026-06-10T15:30:00.000Z', [sandwich], [card(500), cash(366)], {
            employeeId: 'e-alice',
          }),
        },
        {
          entity: 'order',
          id: 'R1',
          data: order(
            'R1',
            '2026-06-10T18:00:00.000Z',
            [{ ...coffee(1), netCents: -250, taxCents: -21 }],
            [cash(-271)],
            { kind: 'REFUND', refundOfOrderId: 'S1', refundReason: 'spilt', employeeId: 'e-bob' },
          ),
        },
        {
          entity: 'order',
          id: 'V1',
          data: order('V1', '2026-06-10T19:00:00.000Z', [muffin(999)], [cash(999)]),
        },
        {
          entity: 'order',
          id: 'S4',
          data: order('S4', '2026-06-11T03:50:00.000Z', [muffin()], [cash(300)], {
            employeeId: 'e-bob',
          }),
        },
        {
          entity: 'order',
          id: 'S3',
          data: order('S3', '2026-06-11T04:10:00.000Z', [muffin()], [cash(300)], {
            employeeId: 'e-bob',
          }),
        },
      ]
      const results = await push(server, tillA, [...catalog, ...orders])
      expect(results.map((result) => result.status)).toEqual(results.map(() => 'applied'))

      // The void: the sale was pushed completed, then its record moved to VOIDED.
      const voided = order('V1', '2026-06-10T19:00:00.000Z', [muffin(999)], [cash(999)], {
        status: 'VOIDED',
      })
      expect(
        (
          await push(server, tillA, [{ entity: 'order', id: 'V1', data: voided, baseVersion: 1 }])
        )[0]?.status,
      ).toBe('applied')

      const storeB_orders: ChangeInput[] = [
        ...catalog.filter((change) => change.entity !== 'order'),
        {
          entity: 'order',
          id: 'SB1',
          data: order('SB1', '2026-06-09T20:30:00.000Z', [coffee(2, 500, 25)], [card(525)]),
        },
      ]
      const resultsB = await push(server, tillB, storeB_orders)
      expect(resultsB.every((result) => result.status === 'applied')).toBe(true)
    }, 120_000)

    afterAll(async () => {
      await server?.app.close()
      await database?.close()
    })

    it('sums the sales summary of one store to the cent, in its time zone', async () => {
      const reply = await get(`/api/admin/reports/summary?from=${DAY}&to=${DAY}&storeIds=${storeA}`)
      expect(reply.status).toBe(200)
      const { summary } = reply.body as SummaryReply
      expect(summary).toEqual({
        salesCount: 3,
        refundCount: 1,
        voidCount: 1,
        grossCents: 2100,
        discountCents: 200,
        refundCents: -250,
        netCents: 1650,
        taxCents: 86,
        totalCents: 1736,
        averageTicketCents: 669,
        taxByRate: [
          { rateBasisPoints: 0, taxableCents: 600, taxCents: 0 },
          { rateBasisPoints: 825, taxableCents: 1050, taxCents: 86 },
        ],
        tenders: [
          {
            method: 'cash',
            label: 'Cash',
            count: 4,
            salesCents: 1507,
            refundCents: -271,
            netCents: 1236,
          },
          {
            method: 'card',
            label: 'Card',
            count: 1,
            salesCents: 500,
            refundCents: 0,
            netCents: 500,
          },
        ],
      })
    })

    it('adds two stores in different time zones, each by its own business day', async () => {
      const reply = await get(`/api/admin/reports/summary?from=${DAY}&to=${DAY}&${both()}`)
      const { summary, currencies } = reply.body as SummaryReply
      expect(currencies).toEqual(['USD'])
      expect(summary).toMatchObject({
        salesCount: 4,
        grossCents: 2600,
        netCents: 2150,
        taxCents: 111,
        totalCents: 2261,
      })
      expect(summary.taxByRate).toContainEqual({
        rateBasisPoints: 500,
        taxableCents: 500,
        taxCents: 25,
      })
      // Store B's sale at 00:30 Dubai is not on the 9th there.
      const before = await get(`/api/admin/reports/summary?from=2026-06-09&to=2026-06-09&${both()}`)
      expect((before.body as SummaryReply).summary.salesCount).toBe(0)
    })

    it('groups by day and by local hour; a sale just after midnight is the next day', async () => {
      const byDay = (
        await get(
          `/api/admin/reports/sales?from=${DAY}&to=${NEXT_DAY}&storeIds=${storeA}&groupBy=day`,
        )
      ).body as SalesReply
      expect(
        byDay.rows.map((row) => [row.key, row.salesCount, row.netCents, row.totalCents]),
      ).toEqual([
        [DAY, 3, 1650, 1736],
        [NEXT_DAY, 1, 300, 300],
      ])
      expect(byDay.totals).toMatchObject({ salesCount: 4, netCents: 1950, totalCents: 2036 })

      const byHour = (
        await get(`/api/admin/reports/sales?from=${DAY}&to=${DAY}&storeIds=${storeA}&groupBy=hour`)
      ).body as SalesReply
      expect(byHour.rows.map((row) => [row.label, row.totalCents])).toEqual([
        ['10:00', 841],
        ['11:00', 866],
        ['14:00', -271],
        ['23:00', 300],
      ])
    })

    it('groups by item and by category with units sold less units refunded', async () => {
      const byItem = (
        await get(`/api/admin/reports/sales?from=${DAY}&to=${DAY}&storeIds=${storeA}&groupBy=item`)
      ).body as SalesReply
      const items = Object.fromEntries(
        byItem.rows.map((row) => [row.label, [row.quantity, row.netCents, row.taxCents]]),
      )
      expect(items).toEqual({
        Coffee: ['1.000', 250, 20],
        [MUFFIN_NAME]: ['2.000', 600, 0],
        Sandwich: ['1.000', 800, 66],
      })
      expect(byItem.totals).toMatchObject({ quantity: '4', netCents: 1650, taxCents: 86 })

      const byCategory = (
        await get(
          `/api/admin/reports/sales?from=${DAY}&to=${DAY}&storeIds=${storeA}&groupBy=category`,
        )
      ).body as SalesReply
      expect(byCategory.rows.map((row) => [row.label, row.netCents])).toEqual([
        ['Food', 1400],
        ['Drinks', 250],
      ])
    })

    it('adds cost of goods and margin by item and in the summary, to the cent', async () => {
      // Coffee: received 10 @ 0.80 and 3 @ 0.95 → average (800 + 285) / 13 = 83.46 → 83 cents.
      // Muffin: no receipt; the lowest supplier cost, 1.20 (of 1.20 and 1.30). Sandwich: no cost.
      const receipt = (id: string, quantity: number, unitCostCents: number) => ({
        entity: 'stockMovement',
        id,
        data: {
          id,
          kind: 'RECEIPT',
          refId: 'po-1',
          createdAt: '2026-06-01T10:00:00.000Z',
          lines: [{ productId: 'p-coffee', variantId: null, quantity, unitCostCents }],
        },
      })
      const offer = (id: string, costCents: number) => ({
        entity: 'supplierProduct',
        id,
        data: { id, supplierId: `sup-${id}`, productId: 'p-muffin', costCents },
      })
      const results = await push(server, tillA, [
        receipt(randomUUID(), 10, 80),
        receipt(randomUUID(), 3, 95),
        offer(randomUUID(), 130),
        offer(randomUUID(), 120),
      ])
      expect(results.map((result) => result.status)).toEqual(results.map(() => 'applied'))

      const query = `from=${DAY}&to=${DAY}&storeIds=${storeA}`
      const byItem = (await get(`/api/admin/reports/sales?${query}&groupBy=item`))
        .body as SalesReply
      const items = Object.fromEntries(
        byItem.rows.map((row) => [
          row.label,
          [row.quantity, row.netCents, row.cogsCents, row.marginCents, row.marginBasisPoints],
        ]),
      )
      expect(items).toEqual({
        // 2 sold − 1 refunded = 1 × 83; margin 250 − 83 = 167 = 66.80 %.
        Coffee: ['1.000', 250, 83, 167, 6680],
        [MUFFIN_NAME]: ['2.000', 600, 240, 360, 6000],
        Sandwich: ['1.000', 800, null, null, null],
      })
      const expected = {
        cogsCents: 323,
        costedNetCents: 850,
        marginCents: 527,
        marginBasisPoints: 6200,
        noCostItemCount: 1,
      }
      expect(byItem.costOfGoods).toEqual(expected)
      expect(byItem.totals).toMatchObject({ cogsCents: 323, marginCents: 527, netCents: 1650 })
      const summary = (await get(`/api/admin/reports/summary?${query}`)).body as SummaryReply
      expect(summary.costOfGoods).toEqual(expected)

      const csv = parseCsv(
        (await get(`/api/admin/reports/sales?${query}&groupBy=item&format=csv`)).text,
      )
      const sandwich = csv.find((row) => row[1] === 'Sandwich')!
      expect(sandwich.slice(11)).toEqual(['no cost', '', ''])
      expect(csv.find((row) => row[0] === 'total')!.slice(11)).toEqual(['3.23', '5.27', '62.00'])
      const summaryCsv = parseCsv(
        (await get(`/api/admin/reports/summary?${query}&format=csv`)).text,
      )
      expect(summaryCsv.find((row) => row[0] === 'Cost of goods')![2]).toBe('3.23')
      expect(summaryCsv.find((row) => row[1] === 'percent')![2]).toBe('62.00')
      expect(summaryCsv.find((row) => row[0] === 'Items with no cost')![2]).toBe('1')
    })

    it('groups by employee, register, store and payment method', async () => {
      const query = `from=${DAY}&to=${DAY}&storeIds=${storeA}`
      const byEmployee = (await get(`/api/admin/reports/sales?${query}&groupBy=employee`))
        .body as SalesReply
      expect(
        byEmployee.rows.map((row) => [row.label, row.salesCount, row.refundCount, row.totalCents]),
      ).toEqual([
        ['Alice', 2, 0, 1707],
        ['Bob', 1, 1, 29],
      ])
      const byRegister = (await get(`/api/admin/reports/sales?${query}&groupBy=register`))
        .body as SalesReply
      expect(byRegister.rows.map((row) => [row.label, row.totalCents])).toEqual([['Till A', 1736]])
      const byStore = (
        await get(`/api/admin/reports/sales?from=${DAY}&to=${DAY}&${both()}&groupBy=store`)
      ).body as SalesReply
      expect(byStore.rows.map((row) => row.totalCents).sort()).toEqual([1736, 525].sort())
      const methods = (await get(`/api/admin/reports/payment-methods?${query}`))
        .body as PaymentMethodsReply
      expect(methods.totals).toMatchObject({
        count: 5,
        salesCents: 2007,
        refundCents: -271,
        netCents: 1736,
      })
    })

    it('lists the refund and the void with who, where and why', async () => {
      const reply = (
        await get(`/api/admin/reports/refunds?from=${DAY}&to=${DAY}&storeIds=${storeA}`)
      ).body as RefundsReply
      expect(
        reply.rows.map((row) => [
          row.orderId,
          row.kind,
          row.totalCents,
          row.register,
          row.employee,
          row.reason,
        ]),
      ).toEqual([
        ['R1', 'refund', -271, 'Till A', 'Bob', 'spilt'],
        ['V1', 'void', 999, 'Till A', null, null],
      ])
      expect(reply).toMatchObject({
        refundCount: 1,
        refundTotalCents: -271,
        voidCount: 1,
        voidTotalCents: 999,
      })
    })

    it('counts a re-pushed and an updated order once', async () => {
      const s1 = order('S1', '2026-06-10T14:05:00.000Z', [coffee(2), muffin()], [cash(841)], {
        employeeId: 'e-alice',
        status: 'PARTIALLY_REFUNDED',
      })
      const [updated] = await push(server, tillA, [
        { entity: 'order', id: 'S1', data: s1, baseVersion: 1 },
      ])
      expect(updated?.status).toBe('applied')
      const [again] = await push(server, tillA, [
        { entity: 'order', id: 'S1', data: s1, baseVersion: 2 },
      ])
      expect(['applied', 'duplicate']).toContain(again?.status)
      const summary = (
        (await get(`/api/admin/reports/summary?from=${DAY}&to=${DAY}&storeIds=${storeA}`))
          .body as SummaryReply
      ).summary
      expect(summary).toMatchObject({ salesCount: 3, grossCents: 2100, totalCents: 1736 })
      const rows = rowsOf<{ status: string; lines: number }>(
        await database.db.execute(sql`select o.status,
          (select count(*)::int from report_order_lines l where l.store_id = o.store_id and l.order_id = o.order_id) as lines
          from report_orders o where o.store_id = ${storeA}::uuid and o.order_id = 'S1'`),
      )
      expect(rows).toEqual([{ status: 'PARTIALLY_REFUNDED', lines: 2 }])
    })

    it('rebuilds the projection from the records to the same figures (the backfill)', async () => {
      const path = `/api/admin/reports/summary?from=${DAY}&to=${NEXT_DAY}&${both()}`
      const before = (await get(path)).body as SummaryReply
      await database.db.execute(sql`delete from report_orders`)
      await database.db.execute(sql`delete from report_order_lines`)
      await database.db.execute(sql`delete from report_payments`)
      expect(((await get(path)).body as SummaryReply).summary.salesCount).toBe(0)
      expect(await rebuildReportProjection(database.db)).toBeGreaterThanOrEqual(7)
      const after = (await get(path)).body as SummaryReply
      expect({ ...after, projection: null }).toEqual({ ...before, projection: null })
      expect(after.projection.isCurrent).toBe(true)
    })

    it("includes a sale pushed just now in today's figures", async () => {
      const now = new Date()
      const today = dayIn(now, 'America/New_York')
      const path = `/api/admin/reports/summary?from=${today}&to=${today}&storeIds=${storeA}`
      const before = ((await get(path)).body as SummaryReply).summary
      const id = `NOW-${randomUUID()}`
      await push(server, tillA, [
        { entity: 'order', id, data: order(id, now.toISOString(), [coffee(1, 0, 0)], [cash(250)]) },
      ])
      const after = ((await get(path)).body as SummaryReply).summary
      expect(after.salesCount).toBe(before.salesCount + 1)
      expect(after.totalCents).toBe(before.totalCents + 250)
    })

    it('exports every report as CSV whose totals equal the JSON', async () => {
      const query = `from=${DAY}&to=${DAY}&storeIds=${storeA}`
      const json = (await get(`/api/admin/reports/sales?${query}&groupBy=item`)).body as SalesReply
      const csv = await get(`/api/admin/reports/sales?${query}&groupBy=item&format=csv`)
      expect(csv.status).toBe(200)
      expect(csv.headers.get('content-type')).toContain('text/csv')
      expect(csv.headers.get('content-disposition')).toBe(
        `attachment; filename="sales-by-item-${DAY}-${DAY}.csv"`,
      )
      const [header, ...rows] = parseCsv(csv.text)
      expect(header).toEqual([
        'item',
        'label',
        'sales',
        'refunds',
        'quantity',
        'gross',
        'discounts',
        'refunds_amount',
        'net',
        'tax',
        'total',
        'cogs',
        'margin',
        'margin_percent',
      ])
      const body = rows.filter((row) => row[0] !== 'total')
      const total = rows.find((row) => row[0] === 'total')!
      expect(body.map((row) => row[1])).toContain(MUFFIN_NAME)
      for (const [column, key] of [
        [8, 'netCents'],
        [9, 'taxCents'],
        [10, 'totalCents'],
      ] as const) {
        expect(body.reduce((sum, row) => sum + centsOf(row[column]!), 0)).toBe(json.totals[key])
        expect(centsOf(total[column]!)).toBe(json.totals[key])
      }

      const summary = (await get(`/api/admin/reports/summary?${query}`)).body as SummaryReply
      const summaryCsv = parseCsv(
        (await get(`/api/admin/reports/summary?${query}&format=csv`)).text,
      )
      expect(centsOf(summaryCsv.find((row) => row[0] === 'Total')![2]!)).toBe(
        summary.summary.totalCents,
      )
      expect(centsOf(summaryCsv.find((row) => row[0] === 'Net sales')![2]!)).toBe(
        summary.summary.netCents,
      )

      for (const report of ['payment-methods', 'refunds', 'shifts']) {
        const reply = await get(`/api/admin/reports/${report}?${query}&format=csv`)
        expect(reply.status).toBe(200)
        expect(reply.headers.get('content-disposition')).toContain('attachment')
      }
      const refunds = parseCsv((await get(`/api/admin/reports/refunds?${query}&format=csv`)).text)
      expect(refunds.slice(1).reduce((sum, row) => sum + centsOf(row[7]!), 0)).toBe(-271 + 999)
    })

    it('lists shifts with over and short', async () => {
      const shift = {
        id: 'shift-1',
        employeeId: 'e-bob',
        openedAt: '2026-06-10T12:00:00.000Z',
        closedAt: '2026-06-10T22:00:00.000Z',
        openingCashCents: 10000,
        closingCashCents: 11230,
        expectedCashCents: 11236,
        countedCashCents: 11230,
        differenceCents: -6,
        status: 'CLOSED',
        zReport: { shiftId: 'shift-1' },
      }
      await push(server, tillA, [{ entity: 'shift', id: 'shift-1', data: shift }])
      const reply = (
        await get(`/api/admin/reports/shifts?from=${DAY}&to=${DAY}&storeIds=${storeA}`)
      ).body as ShiftsReply
      expect(reply.rows).toEqual([
        expect.objectContaining({
          shiftId: 'shift-1',
          register: 'Till A',
          openedBy: 'Bob',
          overShortCents: -6,
          hasZReport: true,
        }),
      ])
      expect(reply.overShortCents).toBe(-6)
    })

    it('keeps a store manager to their stores and refuses other tenants', async () => {
      const summary = `/api/admin/reports/summary?from=${DAY}&to=${DAY}`
      expect((await get(`${summary}&storeIds=${storeB}`, managerA)).status).toBe(404)
      expect((await get(`${summary}&${both()}`, managerA)).status).toBe(404)
      const own = await get(summary, managerA)
      expect(own.status).toBe(200)
      expect((own.body as SummaryReply).storeIds).toEqual([storeA])
      expect((own.body as SummaryReply).summary.totalCents).toBe(1736)
      expect((await get(`${summary}&storeIds=${storeA}`, ownerC)).status).toBe(404)
      const ownerCView = (await get(summary, ownerC)).body as SummaryReply
      expect(ownerCView.storeIds).toEqual([storeC])
      expect(ownerCView.summary.salesCount).toBe(0)
      expect((await call(server.baseUrl, 'GET', summary)).status).toBe(401)
      const csv = await get(
        `/api/admin/reports/sales?from=${DAY}&to=${DAY}&storeIds=${storeB}&groupBy=day&format=csv`,
        managerA,
      )
      expect(csv.status).toBe(404)
    })

    it('never refuses a push for data it cannot read; the record time stands in', async () => {
      const now = new Date()
      const today = dayIn(now, 'America/New_York')
      const path = `/api/admin/reports/summary?from=${today}&to=${today}&storeIds=${storeA}`
      const before = ((await get(path)).body as SummaryReply).summary
      const data = {
        order: {
          id: 'ODD',
          status: 'COMPLETED',
          totalCents: 100,
          createdAt: '2026-02-30T10:00:00Z',
        },
        items: [
          {
            productId: 'p-odd',
            quantity: 1,
            unitPriceCents: 100,
            netCents: 'abc',
            taxRateBasisPoints: 1e30,
          },
        ],
        payments: [{ method: 'cash', amountCents: 100 }],
      }
      const [result] = await push(server, tillA, [{ entity: 'order', id: 'ODD', data }])
      expect(result?.status).toBe('applied')
      const after = ((await get(path)).body as SummaryReply).summary
      expect(after.salesCount).toBe(before.salesCount + 1)
      expect(after.totalCents).toBe(before.totalCents + 100)
    })

    it('moves a store’s orders to their new days when its time zone changes', async () => {
      const path = `/api/admin/reports/summary?from=2026-06-09&to=2026-06-09&storeIds=${storeB}`
      await database.db.update(stores).set({ timeZone: 'UTC' }).where(eq(stores.id, storeB))
      expect(((await get(path)).body as SummaryReply).summary.totalCents).toBe(525)
      await database.db.update(stores).set({ timeZone: 'Asia/Dubai' }).where(eq(stores.id, storeB))
      expect(((await get(path)).body as SummaryReply).summary.totalCents).toBe(0)
      await expect(
        database.db.update(stores).set({ timeZone: 'Mars/Olympus' }).where(eq(stores.id, storeB)),
      ).rejects.toThrow()
    })

    it('answers a bad query with 400 naming the field', async () => {
      const cases: [string, string][] = [
        [`/api/admin/reports/summary?from=2026-13-01&to=${DAY}`, 'from'],
        [`/api/admin/reports/summary?from=${DAY}`, 'to'],
        [`/api/admin/reports/summary?from=${DAY}&to=2026-06-01`, 'to'],
        [`/api/admin/reports/summary?from=2024-01-01&to=${DAY}`, 'to'],
        [`/api/admin/reports/sales?from=${DAY}&to=${DAY}&groupBy=weekly`, 'groupBy'],
        [`/api/admin/reports/sales?from=${DAY}&to=${DAY}`, 'groupBy'],
        [`/api/admin/reports/summary?from=${DAY}&to=${DAY}&storeIds=not-a-store`, 'storeIds.0'],
        [`/api/admin/reports/summary?from=${DAY}&to=${DAY}&format=xlsx`, 'format'],
        [`/api/admin/reports/summary?from=${DAY}&to=${DAY}&colour=red`, '(root)'],
      ]
      for (const [path, field] of cases) {
        const reply = await get(path)
        expect(reply.status, path).toBe(400)
        const issues = (reply.body as { issues: { path: string }[] }).issues
        expect(
          issues.map((issue) => issue.path),
          path,
        ).toContain(field)
      }
    })
  })
}
