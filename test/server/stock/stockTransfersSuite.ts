import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerDatabase } from '../../../src/server/db/connection'
import { rowsOf } from '../../../src/server/db/connection'
import type { StockLevelsReply } from '../../../src/shared/backoffice/stockOffice'
import type {
  ReorderRuleListReply,
  SuggestedOrderReply,
  TransferListReply,
  TransferReply,
} from '../../../src/shared/backoffice/stockTransfers'
import type { StockWorld } from './stockFixture'
import { BEANS, SHIRT, SHIRT_S, TEA, openStockWorld } from './stockFixture'

const RULE_ID = '33333333-3333-4333-8333-333333333333'

/**
 * Transfers between stores (both copies, derived receipts, receive and cancel), reorder rules and
 * the suggested order, on a real server with the figures of stockFixture.ts.
 */
export function defineStockTransfersSuite(
  label: string,
  open: () => Promise<ServerDatabase>,
): void {
  describe(`back office transfers and reorder on ${label}`, () => {
    let world: StockWorld
    const onHand = async (storeId: string, sku: string) => {
      const reply = await world.as('owner', 'GET', `/api/admin/stock/levels?storeId=${storeId}`)
      const levels = (reply.body as StockLevelsReply).stores[0]!
      return levels.rows.find((row) => row.sku === sku)
    }
    const copies = async (id: string) =>
      rowsOf<{ storeId: string; data: unknown; version: number }>(
        await world.database.db.execute(sql`
          select store_id::text as "storeId", data, version from sync_records
          where entity = 'stockTransfer' and id = ${id} order by store_id`),
      )
    const movementsOf = async (refId: string) =>
      rowsOf<{ storeId: string; data: { kind: string; note?: string; lines: unknown[] } }>(
        await world.database.db.execute(sql`
          select store_id::text as "storeId", data from sync_records
          where entity = 'stockMovement' and data->>'refId' = ${refId} order by seq`),
      )
    const send = (role: 'owner' | 'managerA' | 'super', body: unknown) =>
      world.as(role, 'POST', '/api/admin/stock/transfers', body)

    beforeAll(async () => {
      world = await openStockWorld(open)
    }, 120_000)
    afterAll(async () => {
      await world?.server.app.close()
      await world?.database.close()
    })

    it('sends a transfer: the same record in both stores and the sender’s TRANSFER_OUT, at its average cost', async () => {
      const A = world.a.storeId
      const B = world.b.storeId
      const reply = await send('owner', {
        fromStoreId: A,
        toStoreId: B,
        lines: [
          { productId: BEANS, quantity: 2 },
          { productId: SHIRT, variantId: SHIRT_S, quantity: 1 },
        ],
      })
      expect(reply.status, reply.text).toBe(200)
      const { transfer } = reply.body as TransferReply
      expect(transfer).toMatchObject({ status: 'SENT', direction: 'outgoing', isOutstanding: true })
      expect(
        transfer.lines.map((line) => [line.name, line.sent, line.received, line.unitCostCents]),
      ).toEqual([
        ['Beans', 2, 0, 481],
        ['Shirt — S', 1, 0, 1001],
      ])
      const [first, second] = await copies(transfer.id)
      expect([first!.storeId, second!.storeId].sort()).toEqual([A, B].sort())
      expect(first!.data).toEqual(second!.data)
      expect(first!.data).toMatchObject({
        id: transfer.id,
        fromStoreId: A,
        toStoreId: B,
        status: 'SENT',
      })
      const moved = await movementsOf(transfer.id)
      expect(moved.map((row) => [row.storeId, row.data.kind])).toEqual([[A, 'TRANSFER_OUT']])
      expect(moved[0]!.data.lines).toEqual([
        { productId: BEANS, variantId: null, quantity: -2, unitCostCents: 481 },
        { productId: SHIRT, variantId: SHIRT_S, quantity: -1, unitCostCents: 1001 },
      ])
      expect((await onHand(A, 'BEANS'))!.onHand).toBe(9.333)

      const incoming = (await world.as('owner', 'GET', `/api/admin/stock/transfers?storeId=${B}`))
        .body as TransferListReply
      expect(incoming.transfers.map((one) => [one.id, one.direction, one.isOutstanding])).toEqual([
        [transfer.id, 'incoming', true],
      ])

      const received = await world.as(
        'owner',
        'POST',
        `/api/admin/stock/transfers/${transfer.id}/receive?storeId=${B}`,
      )
      expect(received.status, received.text).toBe(200)
      const done = (received.body as TransferReply).transfer
      expect(done.status).toBe('RECEIVED')
      expect(done.lines.map((line) => [line.sent, line.received])).toEqual([
        [2, 2],
        [1, 1],
      ])
      const after = await copies(transfer.id)
      expect(after.map((copy) => (copy.data as { status: string }).status)).toEqual([
        'RECEIVED',
        'RECEIVED',
      ])
      expect(after[0]!.data).toEqual(after[1]!.data)
      // At B the beans arrive at A's average cost: B's own average is now 4.81.
      expect(await onHand(B, 'BEANS')).toMatchObject({
        onHand: 2,
        averageCostCents: 481,
        valueCents: 962,
      })
      const again = await world.as(
        'owner',
        'POST',
        `/api/admin/stock/transfers/${transfer.id}/receive?storeId=${B}`,
      )
      expect(again.status).toBe(409)
      const fromSender = await world.as(
        'owner',
        'POST',
        `/api/admin/stock/transfers/${transfer.id}/receive?storeId=${A}`,
      )
      expect(fromSender.status).toBe(409)
    })

    it('derives what arrived from TRANSFER_IN movements, and cancels only an unreceived transfer', async () => {
      const A = world.a.storeId
      const B = world.b.storeId
      const sent = (
        await send('owner', {
          fromStoreId: A,
          toStoreId: B,
          lines: [{ productId: TEA, quantity: 2 }],
        })
      ).body as TransferReply
      const id = sent.transfer.id
      // A register at B receives one of the two offline.
      await world.movement(B, {
        kind: 'TRANSFER_IN',
        refId: id,
        lines: [{ productId: TEA, variantId: null, quantity: 1 }],
      })
      const list = (await world.as('owner', 'GET', `/api/admin/stock/transfers?storeId=${A}`))
        .body as TransferListReply
      const listed = list.transfers.find((one) => one.id === id)!
      expect(listed.lines.map((line) => [line.sent, line.received])).toEqual([[2, 1]])
      expect(listed.isOutstanding).toBe(true)
      const refused = await world.as(
        'owner',
        'POST',
        `/api/admin/stock/transfers/${id}/cancel?storeId=${A}`,
      )
      expect(refused.status).toBe(409)
      expect(refused.body).toMatchObject({ code: 'ALREADY_RECEIVED' })
      const rest = await world.as(
        'owner',
        'POST',
        `/api/admin/stock/transfers/${id}/receive?storeId=${B}`,
      )
      expect((rest.body as TransferReply).transfer.lines.map((line) => line.received)).toEqual([2])
      // Seqs are per store: compared as a set.
      const lines = (await movementsOf(id)).map((row) => row.data.lines)
      expect(lines).toHaveLength(3)
      expect(lines).toEqual(
        expect.arrayContaining([
          [{ productId: TEA, variantId: null, quantity: -2, unitCostCents: 199 }],
          [{ productId: TEA, variantId: null, quantity: 1 }],
          [{ productId: TEA, variantId: null, quantity: 1, unitCostCents: 199 }],
        ]),
      )

      const teaAtA = (await onHand(A, 'TEA'))!.onHand
      const other = (
        await send('owner', {
          fromStoreId: A,
          toStoreId: B,
          lines: [{ productId: TEA, quantity: 3 }],
        })
      ).body as TransferReply
      expect((await onHand(A, 'TEA'))!.onHand).toBe(teaAtA - 3)
      const cancelAtB = await world.as(
        'owner',
        'POST',
        `/api/admin/stock/transfers/${other.transfer.id}/cancel?storeId=${B}`,
      )
      expect(cancelAtB.status).toBe(409)
      const cancelled = await world.as(
        'owner',
        'POST',
        `/api/admin/stock/transfers/${other.transfer.id}/cancel?storeId=${A}`,
      )
      expect(cancelled.status, cancelled.text).toBe(200)
      expect((cancelled.body as TransferReply).transfer).toMatchObject({
        status: 'CANCELLED',
        isOutstanding: false,
      })
      expect(
        (await copies(other.transfer.id)).map((copy) => (copy.data as { status: string }).status),
      ).toEqual(['CANCELLED', 'CANCELLED'])
      const back = (await movementsOf(other.transfer.id)).at(-1)!
      expect([back.storeId, back.data.kind, back.data.note]).toEqual([
        A,
        'TRANSFER_IN',
        'cancelled',
      ])
      expect((await onHand(A, 'TEA'))!.onHand).toBe(teaAtA)
      const twice = await world.as(
        'owner',
        'POST',
        `/api/admin/stock/transfers/${other.transfer.id}/cancel?storeId=${A}`,
      )
      expect(twice.status).toBe(409)
    })

    it('keeps transfers within the caller’s stores and one business; bad lines are 422', async () => {
      const A = world.a.storeId
      const B = world.b.storeId
      const C = world.c.storeId
      const line = [{ productId: BEANS, quantity: 1 }]
      expect((await send('managerA', { fromStoreId: A, toStoreId: B, lines: line })).status).toBe(
        404,
      )
      expect((await send('owner', { fromStoreId: A, toStoreId: C, lines: line })).status).toBe(404)
      const tenants = await send('super', { fromStoreId: A, toStoreId: C, lines: line })
      expect([tenants.status, (tenants.body as { code: string }).code]).toEqual([
        422,
        'OTHER_TENANT',
      ])
      const same = await send('owner', { fromStoreId: A, toStoreId: A, lines: line })
      expect([same.status, (same.body as { code: string }).code]).toEqual([422, 'SAME_STORE'])
      const unknown = await send('owner', {
        fromStoreId: A,
        toStoreId: B,
        lines: [{ productId: 'nope', quantity: 1 }],
      })
      expect([unknown.status, (unknown.body as { code: string }).code]).toEqual([
        422,
        'UNKNOWN_PRODUCT',
      ])
      for (const quantity of [0, -1, 1.2345, 'x'])
        expect(
          (
            await send('owner', {
              fromStoreId: A,
              toStoreId: B,
              lines: [{ productId: BEANS, quantity }],
            })
          ).status,
        ).toBe(400)
      expect(
        (await world.as('managerA', 'GET', `/api/admin/stock/transfers?storeId=${B}`)).status,
      ).toBe(404)
      const managerList = await world.as(
        'managerA',
        'GET',
        `/api/admin/stock/transfers?storeId=${A}`,
      )
      expect(managerList.status).toBe(200)
      const anyId = (managerList.body as TransferListReply).transfers[0]!.id
      expect(
        (
          await world.as(
            'managerA',
            'POST',
            `/api/admin/stock/transfers/${anyId}/cancel?storeId=${A}`,
          )
        ).status,
      ).toBe(404)
    })

    it('sets reorder points and suggests an order up to point + reorder quantity, by supplier', async () => {
      const A = world.a.storeId
      const url = `/api/admin/stock/reorder-rules/${RULE_ID}?storeId=${A}`
      const saved = await world.as('owner', 'PUT', url, {
        productId: BEANS,
        reorderPoint: 12,
        reorderQuantity: 20,
        preferredSupplierId: 'sup-roastery',
        baseVersion: 0,
      })
      expect(saved.status, saved.text).toBe(200)
      const stale = await world.as('owner', 'PUT', url, {
        productId: BEANS,
        reorderPoint: 1,
        reorderQuantity: 1,
        baseVersion: 0,
      })
      expect(stale.status).toBe(409)
      const twin = await world.as(
        'owner',
        'PUT',
        `/api/admin/stock/reorder-rules/44444444-4444-4444-8444-444444444444?storeId=${A}`,
        {
          productId: BEANS,
          reorderPoint: 1,
          reorderQuantity: 1,
        },
      )
      expect([twin.status, (twin.body as { code: string }).code]).toEqual([409, 'RULE_EXISTS'])
      const badSupplier = await world.as(
        'owner',
        'PUT',
        `/api/admin/stock/reorder-rules/55555555-5555-4555-8555-555555555555?storeId=${A}`,
        {
          productId: TEA,
          reorderPoint: 1,
          reorderQuantity: 1,
          preferredSupplierId: 'nobody',
        },
      )
      expect(badSupplier.status).toBe(422)
      await world.as(
        'owner',
        'PUT',
        `/api/admin/stock/reorder-rules/66666666-6666-4666-8666-666666666666?storeId=${A}`,
        {
          productId: TEA,
          reorderPoint: 100,
          reorderQuantity: 0.5,
        },
      )
      const rules = (await world.as('owner', 'GET', `/api/admin/stock/reorder-rules?storeId=${A}`))
        .body as ReorderRuleListReply
      expect(rules.rules).toHaveLength(2)
      expect(rules.suppliers).toEqual([{ id: 'sup-roastery', name: 'Roastery' }])

      const beans = (await onHand(A, 'BEANS'))!
      expect(beans).toMatchObject({ reorderPoint: 12, isLow: true })
      const tea = (await onHand(A, 'TEA'))!
      const suggested = (
        await world.as('owner', 'GET', `/api/admin/stock/suggested-order?storeId=${A}`)
      ).body as SuggestedOrderReply
      expect(
        suggested.groups.map((group) => [
          group.supplierName,
          group.lines.map((line) => [
            line.sku,
            line.orderQuantity,
            line.unitCostCents,
            line.lineCostCents,
          ]),
        ]),
      ).toEqual([
        // 12 + 20 − 9.333 = 22.667 @ 4.60 = 104.2682 → 104.27
        ['Roastery', [['BEANS', 22.667, 460, 10427]]],
        [null, [['TEA', 100 + 0.5 - tea.onHand, 199, Math.round((100.5 - tea.onHand) * 199)]]],
      ])
      expect(beans.onHand).toBe(9.333)
      expect(
        (
          await world.as(
            'managerA',
            'GET',
            `/api/admin/stock/suggested-order?storeId=${world.b.storeId}`,
          )
        ).status,
      ).toBe(404)
    })
  })
}
