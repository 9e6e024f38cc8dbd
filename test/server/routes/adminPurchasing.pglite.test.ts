import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AdminRecordListReply, AdminSaveReply } from '../../../src/shared/backoffice/catalog'
import type {
  PurchaseOrderListReply,
  PurchaseOrderReply,
  SupplierInvoiceListReply,
  SupplierInvoiceReply,
} from '../../../src/shared/backoffice/purchasing'
import type { BatchPushResponse } from '../../../src/shared/sync'
import { call } from '../support/backofficeClient'
import { enroll, mutationId } from '../support/harness'
import type { PurchasingFixture } from '../support/purchasingFixture'
import { ok, onStore, purchasingFixture } from '../support/purchasingFixture'

/** Purchasing routes on a real server (PGlite): scope, order states, receipts, invoice matching. */
describe('back office purchasing (PGlite, real HTTP)', () => {
  let fx: PurchasingFixture
  let a: string
  let b: string

  beforeAll(async () => {
    fx = await purchasingFixture()
    a = fx.storeA.storeId
    b = fx.storeB.storeId
  }, 120_000)
  afterAll(async () => {
    await fx?.close()
  })

  const poPath = (storeId: string, id: string, action = '') =>
    onStore(`/api/admin/purchase-orders/${id}${action ? `/${action}` : ''}`, storeId)

  it('saves, edits and deactivates a supplier; a stale edit is 409 and changes nothing', async () => {
    const id = await fx.supplier(a, { name: 'Bean Co', contactName: 'Sam' })
    const path = onStore(`/api/admin/suppliers/${id}`, a)
    const edited = ok<AdminSaveReply>(
      await fx.as(fx.managerA, 'PUT', path, { baseVersion: 1, name: 'Bean Co', isActive: false }),
    )
    expect(edited.record.version).toBe(2)
    expect(edited.record.data).toMatchObject({
      name: 'Bean Co',
      isActive: false,
      contactName: null,
    })
    const stale = await fx.as(fx.owner, 'PUT', path, { baseVersion: 1, name: 'Other name' })
    expect(stale.status).toBe(409)
    expect((stale.body as { code: string }).code).toBe('VERSION_CONFLICT')
    const list = ok<AdminRecordListReply>(
      await fx.as(fx.owner, 'GET', onStore('/api/admin/suppliers', a)),
    )
    expect(list.records.find((record) => record.id === id)?.data).toMatchObject({
      name: 'Bean Co',
    })
    const badEmail = await fx.as(
      fx.owner,
      'PUT',
      onStore(`/api/admin/suppliers/${randomUUID()}`, a),
      {
        name: 'X',
        email: 'not-mail',
      },
    )
    expect(badEmail.status).toBe(400)
  })

  it("keeps a store manager of A out of B's suppliers, costs and orders (404)", async () => {
    const supplierB = await fx.supplier(b)
    const productB = await fx.product(b)
    const { purchaseOrder } = await fx.order(b, {
      supplierId: supplierB,
      lines: [{ productId: productB, quantity: 2, unitCostCents: 100 }],
    })
    const tries: [string, string, unknown?][] = [
      ['GET', onStore('/api/admin/suppliers', b)],
      ['PUT', onStore(`/api/admin/suppliers/${supplierB}`, b), { baseVersion: 1, name: 'Mine' }],
      ['GET', onStore('/api/admin/supplier-products', b)],
      ['GET', onStore('/api/admin/purchase-orders', b)],
      ['GET', poPath(b, purchaseOrder.id)],
      ['POST', poPath(b, purchaseOrder.id, 'order'), { baseVersion: 1 }],
      ['POST', poPath(b, purchaseOrder.id, 'cancel'), { baseVersion: 1 }],
      ['GET', poPath(b, purchaseOrder.id, 'pdf')],
      ['GET', onStore('/api/admin/supplier-invoices', b)],
      ['GET', onStore('/api/admin/suppliers.csv', b)],
      ['POST', onStore('/api/admin/suppliers/import', b), { csv: 'name\nX\n', isApplied: true }],
    ]
    for (const [method, path, body] of tries) {
      const reply = await fx.as(fx.managerA, method, path, body)
      expect(reply.status, `${method} ${path}`).toBe(404)
    }
    // The order in B is untouched; the same manager works in A.
    const still = ok<{ purchaseOrder: { status: string } }>(
      await fx.as(fx.owner, 'GET', poPath(b, purchaseOrder.id)),
    )
    expect(still.purchaseOrder.status).toBe('DRAFT')
    expect((await fx.as(fx.managerA, 'GET', onStore('/api/admin/suppliers', a))).status).toBe(200)
    // An order's id from store B asked for under store A is simply not there.
    expect((await fx.as(fx.managerA, 'GET', poPath(a, purchaseOrder.id))).status).toBe(404)
  })

  it('takes the supplier cost by default; edits only a draft; a cancelled order cannot be ordered', async () => {
    const supplier = await fx.supplier(a)
    const beans = await fx.product(a)
    const milk = await fx.product(a)
    await fx.cost(a, supplier, beans, 1234)
    const created = await fx.order(a, {
      supplierId: supplier,
      reference: 'PO-1',
      expectedAt: '2026-12-10',
      lines: [
        { productId: beans, quantity: 10 },
        { productId: milk, quantity: 4, unitCostCents: 250 },
      ],
    })
    const order = created.purchaseOrder
    expect(order.status).toBe('DRAFT')
    expect(order.lines.map((line) => line.unitCostCents)).toEqual([1234, 250])
    expect(order.totalCents).toBe(10 * 1234 + 4 * 250)
    expect(created.written).toEqual([{ entity: 'purchaseOrder', id: order.id, version: 1 }])

    const edit = (baseVersion: number, quantity: number) =>
      fx.as(fx.owner, 'PUT', poPath(a, order.id), {
        baseVersion,
        supplierId: supplier,
        reference: 'PO-1',
        lines: [{ productId: beans, quantity }],
      })
    const edited = ok<PurchaseOrderReply>(await edit(1, 12))
    expect(edited.purchaseOrder.lines).toHaveLength(1)
    expect(edited.purchaseOrder.totalCents).toBe(12 * 1234)
    // Two managers: the one who loaded version 1 is refused, nothing overwritten.
    const stale = await edit(1, 99)
    expect(stale.status).toBe(409)
    expect((stale.body as { code: string }).code).toBe('VERSION_CONFLICT')

    const ordered = ok<PurchaseOrderReply>(
      await fx.as(fx.owner, 'POST', poPath(a, order.id, 'order'), { baseVersion: 2 }),
    )
    expect(ordered.purchaseOrder.status).toBe('ORDERED')
    const lateEdit = await edit(3, 20)
    expect(lateEdit.status).toBe(409)
    expect((lateEdit.body as { code: string }).code).toBe('PURCHASE_ORDER_NOT_DRAFT')
    const twice = await fx.as(fx.owner, 'POST', poPath(a, order.id, 'order'), { baseVersion: 3 })
    expect((twice.body as { code: string }).code).toBe('PURCHASE_ORDER_NOT_DRAFT')

    ok(await fx.as(fx.owner, 'POST', poPath(a, order.id, 'cancel'), { baseVersion: 3 }))
    const reorder = await fx.as(fx.owner, 'POST', poPath(a, order.id, 'order'), { baseVersion: 4 })
    expect(reorder.status).toBe(409)
    const receipt = await fx.as(fx.owner, 'POST', poPath(a, order.id, 'receive'), {
      movementId: randomUUID(),
      lines: [{ productId: beans, quantity: 1 }],
    })
    expect((receipt.body as { code: string }).code).toBe('PURCHASE_ORDER_NOT_ORDERED')
    const final = ok<{ purchaseOrder: { status: string; lines: { ordered: number }[] } }>(
      await fx.as(fx.owner, 'GET', poPath(a, order.id)),
    )
    expect(final.purchaseOrder.status).toBe('CANCELLED')
    expect(final.purchaseOrder.lines[0]!.ordered).toBe(12)

    const emptyOrder = await fx.order(a, { supplierId: supplier, lines: [] })
    const empty = await fx.as(fx.owner, 'POST', poPath(a, emptyOrder.purchaseOrder.id, 'order'), {
      baseVersion: 1,
    })
    expect(empty.status).toBe(422)
    const unknown = await fx.as(fx.owner, 'POST', onStore('/api/admin/purchase-orders', a), {
      supplierId: randomUUID(),
      lines: [],
    })
    expect((unknown.body as { code: string }).code).toBe('UNKNOWN_SUPPLIER')
    ok(
      await fx.as(fx.owner, 'PUT', onStore(`/api/admin/suppliers/${supplier}`, a), {
        baseVersion: 1,
        name: 'Gone quiet',
        isActive: false,
      }),
    )
    const inactive = await fx.as(fx.owner, 'POST', onStore('/api/admin/purchase-orders', a), {
      supplierId: supplier,
      lines: [],
    })
    expect((inactive.body as { code: string }).code).toBe('SUPPLIER_INACTIVE')
  })

  it('two managers saving one order at once: one save wins, the other gets 409; a register edit offline becomes a conflict to resolve', async () => {
    const supplier = await fx.supplier(a)
    const beans = await fx.product(a)
    const { purchaseOrder } = await fx.order(a, {
      supplierId: supplier,
      reference: 'PO-RACE',
      lines: [{ productId: beans, quantity: 1, unitCostCents: 100 }],
    })
    const edit = (quantity: number) =>
      fx.as(quantity === 2 ? fx.owner : fx.managerA, 'PUT', poPath(a, purchaseOrder.id), {
        baseVersion: 1,
        supplierId: supplier,
        reference: 'PO-RACE',
        lines: [{ productId: beans, quantity }],
      })
    const replies = await Promise.all([edit(2), edit(3)])
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409])
    const winner = replies.find((reply) => reply.status === 200)!.body as PurchaseOrderReply
    const now = ok<{ purchaseOrder: { version: number; lines: { ordered: number }[] } }>(
      await fx.as(fx.owner, 'GET', poPath(a, purchaseOrder.id)),
    )
    expect(now.purchaseOrder.version).toBe(2)
    expect(now.purchaseOrder.lines[0]!.ordered).toBe(winner.purchaseOrder.lines[0]!.ordered)

    // A register edited version 1 offline: stored as a conflict for a manager, nothing overwritten.
    const till = await enroll(fx.server.app, fx.storeA.code)
    const push = await call(fx.server.baseUrl, 'POST', '/api/sync/batch-push', {
      bearer: till.accessToken,
      body: {
        deviceId: till.deviceId,
        changes: [
          {
            mutationId: mutationId(),
            entity: 'purchaseOrder',
            id: purchaseOrder.id,
            op: 'upsert',
            baseVersion: 1,
            data: {
              id: purchaseOrder.id,
              supplierId: supplier,
              status: 'DRAFT',
              reference: 'PO-RACE',
              createdAt: purchaseOrder.createdAt,
              lines: [{ productId: beans, variantId: null, quantity: 9, unitCostCents: 100 }],
            },
          },
        ],
      },
    })
    expect((push.body as BatchPushResponse).results[0]?.status, push.text).toBe('conflict')
    const conflicts = ok<{ conflicts: { entity: string; recordId?: string; id: string }[] }>(
      await fx.as(fx.owner, 'GET', '/api/admin/conflicts?status=open'),
    )
    expect(conflicts.conflicts.some((conflict) => conflict.entity === 'purchaseOrder')).toBe(true)
    const after = ok<{ purchaseOrder: { version: number } }>(
      await fx.as(fx.owner, 'GET', poPath(a, purchaseOrder.id)),
    )
    expect(after.purchaseOrder.version).toBe(2)
  })

  it('derives partly received and received from RECEIPT movements of the back office and of a register', async () => {
    const supplier = await fx.supplier(a)
    const beans = await fx.product(a)
    const milk = await fx.product(a)
    const { purchaseOrder } = await fx.order(a, {
      supplierId: supplier,
      lines: [
        { productId: beans, quantity: 10, unitCostCents: 500 },
        { productId: milk, quantity: 2.5, unitCostCents: 333 },
      ],
    })
    ok(await fx.as(fx.owner, 'POST', poPath(a, purchaseOrder.id, 'order'), { baseVersion: 1 }))
    const movementId = randomUUID()
    const receive = () =>
      fx.as(fx.managerA, 'POST', poPath(a, purchaseOrder.id, 'receive'), {
        movementId,
        lines: [{ productId: beans, quantity: 4 }],
      })
    const first = ok<PurchaseOrderReply>(await receive())
    expect(first.purchaseOrder.status).toBe('PARTIALLY_RECEIVED')
    expect(first.written).toEqual([{ entity: 'stockMovement', id: movementId, version: 1 }])
    // Sent again (a retry): the same receipt, counted once.
    const again = ok<PurchaseOrderReply>(await receive())
    expect(again.isChanged).toBe(false)
    expect(again.purchaseOrder.lines[0]).toMatchObject({ ordered: 10, received: 4, outstanding: 6 })

    // A register receives the rest by scanning, offline, and pushes its movement later.
    const till = await enroll(fx.server.app, fx.storeA.code)
    const scanId = randomUUID()
    const push = await call(fx.server.baseUrl, 'POST', '/api/sync/batch-push', {
      bearer: till.accessToken,
      body: {
        deviceId: till.deviceId,
        changes: [
          {
            mutationId: mutationId(),
            entity: 'stockMovement',
            id: scanId,
            op: 'upsert',
            baseVersion: 0,
            data: {
              id: scanId,
              kind: 'RECEIPT',
              refId: purchaseOrder.id,
              createdAt: new Date().toISOString(),
              lines: [
                { productId: beans, variantId: null, quantity: 7, unitCostCents: 500 },
                { productId: milk, variantId: null, quantity: 2.5, unitCostCents: 333 },
              ],
            },
          },
        ],
      },
    })
    expect((push.body as BatchPushResponse).results[0]?.status, push.text).toBe('applied')
    const list = ok<PurchaseOrderListReply>(
      await fx.as(fx.owner, 'GET', onStore('/api/admin/purchase-orders', a)),
    )
    const view = list.purchaseOrders.find((order) => order.id === purchaseOrder.id)!
    expect(view.status).toBe('RECEIVED')
    expect(
      view.lines.map(({ ordered, received, outstanding }) => [ordered, received, outstanding]),
    ).toEqual([
      [10, 11, 0],
      [2.5, 2.5, 0],
    ])
    // 2.5 × 333 = 832.5 → 833 (half-up, per line); 11 × 500 received.
    expect(view.totalCents).toBe(5000 + 833)
    expect(view.receivedCents).toBe(5500 + 833)
    // The receipts moved stock on hand of store A.
    const stock = ok<{ products: { productId: string; onHand: number }[] }>(
      await fx.as(fx.owner, 'GET', `/api/admin/stock?storeId=${a}&productIds=${beans}`),
    )
    expect(stock.products[0]?.onHand).toBe(11)
  })

  it('matches an invoice to what was received, to the cent, and shows the difference otherwise', async () => {
    const supplier = await fx.supplier(a)
    const other = await fx.supplier(a)
    const flour = await fx.product(a)
    const { purchaseOrder } = await fx.order(a, {
      supplierId: supplier,
      lines: [{ productId: flour, quantity: 3.333, unitCostCents: 299 }],
    })
    ok(await fx.as(fx.owner, 'POST', poPath(a, purchaseOrder.id, 'order'), { baseVersion: 1 }))
    ok(
      await fx.as(fx.owner, 'POST', poPath(a, purchaseOrder.id, 'receive'), {
        movementId: randomUUID(),
        lines: [{ productId: flour, quantity: 1.5 }],
      }),
    )
    // 1.5 × 2.99 = 4.485 → 4.49
    const invoiceId = randomUUID()
    const save = (body: Record<string, unknown>) =>
      fx.as(fx.owner, 'PUT', onStore(`/api/admin/supplier-invoices/${invoiceId}`, a), {
        supplierId: supplier,
        invoiceNumber: 'INV-77',
        purchaseOrderIds: [purchaseOrder.id],
        issuedAt: '2026-12-01',
        dueAt: '2026-12-31',
        ...body,
      })
    const off = ok<SupplierInvoiceReply>(await save({ baseVersion: 0, totalCents: 448 }))
    expect(off.invoice).toMatchObject({
      receivedCents: 449,
      differenceCents: -1,
      isMatched: false,
      status: 'OPEN',
    })
    const matched = ok<SupplierInvoiceReply>(await save({ baseVersion: 1, totalCents: 449 }))
    expect(matched.invoice).toMatchObject({
      differenceCents: 0,
      isMatched: true,
      status: 'MATCHED',
    })
    const paid = ok<SupplierInvoiceReply>(
      await save({ baseVersion: 2, totalCents: 449, status: 'PAID' }),
    )
    expect(paid.invoice.status).toBe('PAID')
    const list = ok<SupplierInvoiceListReply>(
      await fx.as(fx.managerA, 'GET', onStore('/api/admin/supplier-invoices', a)),
    )
    expect(list.invoices.find((invoice) => invoice.id === invoiceId)?.status).toBe('PAID')
    const wrongSupplier = await fx.as(
      fx.owner,
      'PUT',
      onStore(`/api/admin/supplier-invoices/${randomUUID()}`, a),
      {
        supplierId: other,
        invoiceNumber: 'X',
        purchaseOrderIds: [purchaseOrder.id],
        totalCents: 1,
      },
    )
    expect(wrongSupplier.status).toBe(422)
    expect((wrongSupplier.body as { issues: { path: string }[] }).issues[0]?.path).toBe(
      'purchaseOrderIds.0',
    )
  })
})
