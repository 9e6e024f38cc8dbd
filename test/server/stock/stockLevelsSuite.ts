import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerDatabase } from '../../../src/server/db/connection'
import { rowsOf } from '../../../src/server/db/connection'
import type {
  StockHistoryReply,
  StockImportReply,
  StockLevelsReply,
} from '../../../src/shared/backoffice/stockOffice'
import type { BatchPushResponse } from '../../../src/shared/sync'
import { enroll } from '../support/harness'
import type { StockWorld } from './stockFixture'
import { BEANS, MUG, SHIRT, SHIRT_L, SHIRT_S, TEA, openStockWorld } from './stockFixture'

/** "12.34" → 1234, exactly. */
const centsOf = (amount: string) => {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.')
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  return amount.startsWith('-') ? -cents : cents
}

/**
 * Stock on hand, valuation at average cost, history and the stock-level CSV import in the back
 * office, on a real server with the figures of stockFixture.ts worked out by hand.
 */
export function defineStockLevelsSuite(label: string, open: () => Promise<ServerDatabase>): void {
  describe(`back office stock levels on ${label}`, () => {
    let world: StockWorld
    const levelsOf = async (storeId: string, role: 'owner' | 'managerA' = 'owner') => {
      const reply = await world.as(role, 'GET', `/api/admin/stock/levels?storeId=${storeId}`)
      expect(reply.status, reply.text).toBe(200)
      return (reply.body as StockLevelsReply).stores[0]!
    }

    beforeAll(async () => {
      world = await openStockWorld(open)
    }, 120_000)
    afterAll(async () => {
      await world?.server.app.close()
      await world?.database.close()
    })

    it('lists tracked products with on hand, reorder flags and value at average cost, to the cent', async () => {
      const levels = await levelsOf(world.a.storeId)
      const rows = Object.fromEntries(
        levels.rows.map((row) => [
          row.sku,
          [row.onHand, row.isNegative, row.averageCostCents, row.costSource, row.valueCents],
        ]),
      )
      expect(rows).toEqual({
        BEANS: [11.333, false, 481, 'receipts', 5451],
        MUG: [-2, true, 300, 'receipts', 0],
        'SHIRT-S': [3, false, 1001, 'receipts', 3003],
        'SHIRT-L': [0, false, 1001, 'receipts', 0],
        TEA: [0, false, 199, 'supplier', 0],
      })
      expect(levels.totals).toEqual({
        valueCents: 8454,
        negativeCount: 1,
        lowCount: 0,
        noCostCount: 0,
      })
      expect(levels.rows.find((row) => row.sku === 'SHIRT-S')).toMatchObject({
        productId: SHIRT,
        variantId: SHIRT_S,
        name: 'Shirt — S',
      })

      const found = await world.as(
        'owner',
        'GET',
        `/api/admin/stock/levels?storeId=${world.a.storeId}&q=shirt`,
      )
      expect((found.body as StockLevelsReply).stores[0]!.rows.map((row) => row.sku)).toEqual([
        'SHIRT-L',
        'SHIRT-S',
      ])
    })

    it('shows an owner every store side by side, and keeps a manager to their store (404)', async () => {
      const both = await world.as(
        'owner',
        'GET',
        `/api/admin/stock/levels?storeIds=${world.a.storeId},${world.b.storeId}`,
      )
      expect(both.status).toBe(200)
      expect((both.body as StockLevelsReply).stores.map((store) => store.storeId).sort()).toEqual(
        [world.a.storeId, world.b.storeId].sort(),
      )
      const all = (await world.as('owner', 'GET', '/api/admin/stock/levels'))
        .body as StockLevelsReply
      expect(all.stores).toHaveLength(2)
      expect((await levelsOf(world.a.storeId, 'managerA')).totals.valueCents).toBe(8454)
      for (const [role, storeId] of [
        ['managerA', world.b.storeId],
        ['managerC', world.a.storeId],
        ['owner', world.c.storeId],
      ] as const) {
        for (const path of [
          `/api/admin/stock/levels?storeId=${storeId}`,
          `/api/admin/stock/history?storeId=${storeId}&productId=${BEANS}`,
        ]) {
          const reply = await world.as(role, 'GET', path)
          expect(reply.status, `${role} ${path}`).toBe(404)
        }
      }
      const notMine = await world.as('managerA', 'GET', '/api/admin/stock/levels')
      expect((notMine.body as StockLevelsReply).stores.map((store) => store.storeId)).toEqual([
        world.a.storeId,
      ])
    })

    it('exports the valuation as CSV whose lines add up to the total', async () => {
      const reply = await world.as(
        'owner',
        'GET',
        `/api/admin/stock/levels?storeId=${world.a.storeId}&format=csv`,
      )
      expect(reply.status).toBe(200)
      expect(reply.headers.get('content-type')).toContain('text/csv')
      const [header, ...rows] = reply.text
        .trimEnd()
        .split('\r\n')
        .map((row) => row.split(','))
      expect(header).toEqual([
        'sku',
        'name',
        'product_id',
        'variant_id',
        'on_hand',
        'reorder_point',
        'average_cost',
        'cost_source',
        'value',
        'flags',
      ])
      const total = rows.pop()!
      expect(total[8]).toBe('84.54')
      expect(rows.reduce((sum, row) => sum + centsOf(row[8]!), 0)).toBe(8454)
      expect(rows.find((row) => row[0] === 'BEANS')!.slice(4, 9)).toEqual([
        '11.333',
        '',
        '4.81',
        'receipts',
        '54.51',
      ])
      expect(rows.find((row) => row[0] === 'MUG')![9]).toBe('negative')
      const several = await world.as('owner', 'GET', '/api/admin/stock/levels?format=csv')
      expect(several.status).toBe(400)
    })

    it('lists a product’s movements newest first with the running balance, a page at a time', async () => {
      const path = `/api/admin/stock/history?storeId=${world.a.storeId}&productId=${BEANS}`
      const first = (await world.as('owner', 'GET', `${path}&limit=2`)).body as StockHistoryReply
      expect(first.onHand).toBe(11.333)
      expect(first.entries.map((entry) => [entry.kind, entry.quantity, entry.balance])).toEqual([
        ['ADJUSTMENT', -1, 11.333],
        ['SALE', -3, 12.333],
      ])
      expect(first.entries[0]).toMatchObject({ reason: 'DAMAGE', reference: null })
      expect(first.entries[1]).toMatchObject({
        by: 'Alice',
        reference: { kind: 'order', id: 'o-1' },
      })
      expect(first.nextBefore).toBe(first.entries[1]!.seq)
      const second = (await world.as('owner', 'GET', `${path}&limit=2&before=${first.nextBefore}`))
        .body as StockHistoryReply
      const third = (await world.as('owner', 'GET', `${path}&limit=2&before=${second.nextBefore}`))
        .body as StockHistoryReply
      expect(
        [...second.entries, ...third.entries].map((entry) => [entry.quantity, entry.balance]),
      ).toEqual([
        [0.333, 15.333],
        [5, 15],
        [10, 10],
      ])
      expect(second.entries[0]!.reference).toMatchObject({ kind: 'purchaseOrder', id: 'po-3' })
      expect(third.nextBefore).toBeNull()

      const variant = (
        await world.as(
          'owner',
          'GET',
          `/api/admin/stock/history?storeId=${world.a.storeId}&productId=${SHIRT}&variantId=${SHIRT_S}`,
        )
      ).body as StockHistoryReply
      expect(variant.entries.map((entry) => entry.balance)).toEqual([3])
      const none = await world.as(
        'owner',
        'GET',
        `/api/admin/stock/history?storeId=${world.a.storeId}&productId=no-such`,
      )
      expect(none.status).toBe(404)
      const bad = await world.as('owner', 'GET', `${path}&limit=0`)
      expect(bad.status).toBe(400)
    })

    it('previews a stock-level CSV, refuses the whole file for one bad row, then sets on hand with one count', async () => {
      const url = `/api/admin/stock/import?storeId=${world.a.storeId}`
      const bad = [
        'sku,on_hand',
        'BEANS,12',
        'NOPE,1',
        'MUG,-1',
        'SHIRT,4',
        'TEA,lots',
        'BEANS,3',
        'TEA,1.2345',
      ].join('\n')
      const preview = await world.as('owner', 'POST', url, { csv: bad })
      expect(preview.status, preview.text).toBe(200)
      const body = preview.body as StockImportReply
      expect(body.rows.map((row) => [row.line, row.sku, row.error !== null])).toEqual([
        [2, 'BEANS', false],
        [3, 'NOPE', true],
        [4, 'MUG', true],
        [5, 'SHIRT', true],
        [6, 'TEA', true],
        [7, 'BEANS', true],
        [8, 'TEA', true],
      ])
      expect(body.rows[0]).toMatchObject({ expected: 11.333, counted: 12, difference: 0.667 })
      expect(body.errorCount).toBe(6)
      const refused = await world.as('owner', 'POST', url, { csv: bad, apply: true })
      expect(refused.status).toBe(422)
      expect(refused.body).toMatchObject({ code: 'IMPORT_HAS_ERRORS' })
      expect(
        (await levelsOf(world.a.storeId)).rows.find((row) => row.sku === 'BEANS')!.onHand,
      ).toBe(11.333)

      for (const csv of [
        'name,qty\nBEANS,1',
        'sku,on_hand\n',
        `sku,on_hand\n${'BEANS,1\n'.repeat(501)}`,
      ]) {
        const reply = await world.as('owner', 'POST', url, { csv })
        expect(reply.status, csv.slice(0, 20)).toBe(422)
        expect(reply.body).toMatchObject({ code: 'BAD_CSV' })
      }
      expect(
        (
          await world.as('managerA', 'POST', `/api/admin/stock/import?storeId=${world.b.storeId}`, {
            csv: 'sku,on_hand\nBEANS,1',
          })
        ).status,
      ).toBe(404)

      const good = '\uFEFFsku,name,on_hand\r\nMUG,"Mug, big",5\r\n"SHIRT-L",x,2.5\r\n'
      const applied = await world.as('owner', 'POST', url, { csv: good, apply: true })
      expect(applied.status, applied.text).toBe(200)
      const done = applied.body as StockImportReply
      expect(done.isApplied).toBe(true)
      const levels = await levelsOf(world.a.storeId)
      const bySku = Object.fromEntries(levels.rows.map((row) => [row.sku, row.onHand]))
      expect(bySku).toMatchObject({ MUG: 5, 'SHIRT-L': 2.5, BEANS: 11.333 })
      const history = (
        await world.as(
          'owner',
          'GET',
          `/api/admin/stock/history?storeId=${world.a.storeId}&productId=${MUG}`,
        )
      ).body as StockHistoryReply
      expect(history.entries[0]).toMatchObject({
        movementId: done.movementId,
        kind: 'COUNT',
        quantity: 7,
        balance: 5,
      })
      // The one COUNT movement holds both lines with what was expected and counted.
      const data = rowsOf<{ data: { lines: unknown[] } }>(
        await world.database.db.execute(
          sql`select data from sync_records where entity = 'stockMovement' and id = ${done.movementId}`,
        ),
      )
      expect(data[0]!.data.lines).toEqual([
        { productId: MUG, variantId: null, quantity: 7, expected: -2, counted: 5 },
        { productId: SHIRT, variantId: SHIRT_L, quantity: 2.5, expected: 0, counted: 2.5 },
      ])
      expect(TEA).toBe('p-tea')
    })

    it('answers odd input on every stock route with a 4xx or 2xx, never a 5xx', async () => {
      const A = world.a.storeId
      const odd = ['%00', '%ED%A0%80', "'", '1e309', '-1', '%F0%9F%98%80', 'x'.repeat(300)]
      const bodies: unknown[] = [
        null,
        [],
        'text',
        { csv: 'sku,on_hand\nA\u0000B,1' },
        { csv: '"unterminated,1\n' },
        {
          fromStoreId: A,
          toStoreId: world.b.storeId,
          lines: [{ productId: 'a\u0000', quantity: 1 }],
        },
        { productId: '\u0000', reorderPoint: 1e308, reorderQuantity: 1 },
      ]
      for (const value of odd) {
        for (const path of [
          `/api/admin/stock/levels?storeId=${A}&q=${value}`,
          `/api/admin/stock/levels?storeIds=${value}`,
          `/api/admin/stock/history?storeId=${A}&productId=${value}`,
          `/api/admin/stock/history?storeId=${A}&productId=${BEANS}&variantId=${value}&before=${value}`,
          `/api/admin/stock/transfers?storeId=${value}`,
        ]) {
          const reply = await world.as('owner', 'GET', path)
          expect(reply.status, `${path} ${reply.text}`).toBeLessThan(500)
        }
        const cancel = await world.as(
          'owner',
          'POST',
          `/api/admin/stock/transfers/${value}/cancel?storeId=${A}`,
        )
        expect(cancel.status).toBeLessThan(500)
      }
      for (const body of bodies)
        for (const path of [
          `/api/admin/stock/import?storeId=${A}`,
          '/api/admin/stock/transfers',
          `/api/admin/stock/reorder-rules/77777777-7777-4777-8777-777777777777?storeId=${A}`,
        ]) {
          const reply = await world.as(
            'owner',
            path.includes('reorder') ? 'PUT' : 'POST',
            path,
            body,
          )
          expect(reply.status, `${path} ${JSON.stringify(body)} ${reply.text}`).toBeLessThan(500)
        }
    })

    it('refuses to change or delete a stock movement once recorded; on hand stays', async () => {
      const till = await enroll(world.server.app, world.a.code, 'Till A')
      const id = randomUUID()
      const data = {
        id,
        kind: 'ADJUSTMENT',
        reason: 'CORRECTION',
        createdAt: '2026-11-02T10:00:00.000Z',
        lines: [{ productId: TEA, variantId: null, quantity: 4 }],
      }
      const push = async (change: Record<string, unknown>) => {
        const response = await fetch(`${world.server.baseUrl}/api/sync/batch-push`, {
          method: 'POST',
          headers: { ...till.headers, 'content-type': 'application/json' },
          body: JSON.stringify({
            deviceId: till.deviceId,
            changes: [{ mutationId: randomUUID(), entity: 'stockMovement', id, ...change }],
          }),
        })
        expect(response.status).toBe(200)
        return ((await response.json()) as BatchPushResponse).results[0]!
      }
      expect((await push({ op: 'upsert', baseVersion: 0, data })).status).toBe('applied')
      const deleted = await push({ op: 'delete', baseVersion: 1 })
      expect([deleted.status, deleted.error?.code]).toEqual(['rejected', 'APPEND_ONLY'])
      const changed = await push({
        op: 'upsert',
        baseVersion: 1,
        data: { ...data, lines: [{ ...data.lines[0], quantity: 40 }] },
      })
      expect([changed.status, changed.error?.code]).toEqual(['rejected', 'APPEND_ONLY'])
      const tea = (await levelsOf(world.a.storeId)).rows.find((row) => row.sku === 'TEA')!
      expect(tea.onHand).toBe(4)
      expect(SHIRT_L).toBeDefined()
    })
  })
}
