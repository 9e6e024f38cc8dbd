import { describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { call, callError, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { catalogBySku, rows, sell } from './salesSupport'

const tempDir = useTempDirs()

/** 3 lattes (14.25 + 1.18 tax = 15.43) and a croissant (3.25 + 0.27 = 3.52): 18.95. */
async function sellLattesAndCroissant(core: RegisterCore, payments?: Parameters<typeof sell>[2]) {
  const catalog = await catalogBySku(core)
  return sell(
    core,
    [
      { productId: catalog.get('COF-LAT')!.id, quantity: 3 },
      { productId: catalog.get('BAK-CRO')!.id, quantity: 1 },
    ],
    payments ?? [{ method: 'cash', amountCents: 2000 }],
  )
}

function refund(
  core: RegisterCore,
  orderId: string,
  lines: { orderItemId: string; quantity: number }[],
  extra: { refundTo?: 'original' | 'cash'; approvalId?: string; clientRequestId?: string } = {},
) {
  return call(core, 'refund:create', {
    clientRequestId: extra.clientRequestId ?? crypto.randomUUID(),
    orderId,
    lines,
    refundTo: extra.refundTo ?? 'original',
    reason: 'customer changed their mind',
    ...(extra.approvalId ? { approvalId: extra.approvalId } : {}),
  })
}

describe('refunds', () => {
  it('a partial refund then the rest give back exactly the sale, as new linked records', async () => {
    const core = openTestCore(tempDir())
    const sale = (await sellLattesAndCroissant(core)).order
    const [latte, croissant] = sale.items
    const first = await refund(core, sale.id, [{ orderItemId: latte!.id, quantity: 1 }])
    expect(first).toMatchObject({
      kind: 'REFUND',
      refundOfOrderId: sale.id,
      refundOfOrderNumber: sale.orderNumber,
      refundReason: 'customer changed their mind',
      itemCount: 1,
      totalCents: -514,
      syncStatus: 'PENDING',
    })
    expect(first.orderNumber).not.toBe(sale.orderNumber)
    expect(first.items[0]).toMatchObject({
      quantity: 1,
      refundOfItemId: latte!.id,
      name: 'Caffè Latte',
    })
    const rest = await refund(core, sale.id, [
      { orderItemId: latte!.id, quantity: 2 },
      { orderItemId: croissant!.id, quantity: 1 },
    ])

    const total = (key: 'totalCents' | 'taxCents' | 'subtotalCents' | 'discountCents') =>
      first[key] + rest[key]
    expect([total('totalCents'), total('taxCents'), total('subtotalCents')]).toEqual([
      -sale.totalCents,
      -sale.taxCents,
      -sale.subtotalCents,
    ])
    const after = await call(core, 'order:get', { id: sale.id })
    expect(after.items.map((item) => item.refundedQuantity)).toEqual([3, 1])
    expect(after.refunds.map((summary) => summary.id)).toEqual([first.id, rest.id])
    // Every unit came back, so Orders says Refunded; the stored sale is untouched: same figures,
    // status and sync state as when it was sold.
    expect(after).toMatchObject({
      status: 'REFUNDED',
      totalCents: sale.totalCents,
      syncStatus: 'PENDING',
    })
    expect(rows(core, 'select status from orders where id = ?', sale.id)).toEqual([
      { status: 'COMPLETED' },
    ])
    expect(rows(core, 'select updated_at from orders where id = ?', sale.id)).toEqual([
      { updated_at: sale.createdAt },
    ])
    // One outbox entry per order (the sale and each refund), plus the refunds' audit entries.
    expect(rows(core, 'select entity, entity_id from outbox order by id')).toEqual([
      { entity: 'order', entity_id: sale.id },
      { entity: 'order', entity_id: first.id },
      { entity: 'auditEvent', entity_id: expect.any(String) },
      { entity: 'order', entity_id: rest.id },
      { entity: 'auditEvent', entity_id: expect.any(String) },
    ])
    core.close()
  })

  it('never refunds more than was sold, in one refund or across several', async () => {
    const core = openTestCore(tempDir())
    const sale = (await sellLattesAndCroissant(core)).order
    const latte = sale.items[0]!
    const attempt = (quantity: number) =>
      callError(core, 'refund:create', {
        clientRequestId: crypto.randomUUID(),
        orderId: sale.id,
        lines: [{ orderItemId: latte.id, quantity }],
        refundTo: 'cash',
        reason: 'broken',
      })
    expect(await attempt(4)).toMatchObject({
      code: 'REFUND_EXCEEDS_SOLD',
      path: 'lines.0.quantity',
    })
    await refund(core, sale.id, [{ orderItemId: latte.id, quantity: 2 }])
    expect(await attempt(2)).toMatchObject({
      code: 'REFUND_EXCEEDS_SOLD',
      message: expect.stringContaining('Only 1 of 3'),
    })
    // Two lines naming one item count together.
    expect(
      await callError(core, 'refund:create', {
        clientRequestId: crypto.randomUUID(),
        orderId: sale.id,
        lines: [
          { orderItemId: latte.id, quantity: 1 },
          { orderItemId: latte.id, quantity: 1 },
        ],
        refundTo: 'cash',
        reason: 'broken',
      }),
    ).toMatchObject({ code: 'REFUND_EXCEEDS_SOLD', path: 'lines.1.quantity' })
    expect(rows(core, "select count(*) as n from orders where kind = 'REFUND'")).toEqual([{ n: 1 }])
    core.close()
  })

  it('stores a retried refund once', async () => {
    const core = openTestCore(tempDir())
    const sale = (await sellLattesAndCroissant(core)).order
    const clientRequestId = crypto.randomUUID()
    const lines = [{ orderItemId: sale.items[1]!.id, quantity: 1 }]
    const first = await refund(core, sale.id, lines, { clientRequestId })
    const again = await refund(core, sale.id, lines, { clientRequestId })
    expect(again.id).toBe(first.id)
    expect(rows(core, "select count(*) as n from orders where kind = 'REFUND'")).toEqual([{ n: 1 }])
    expect(rows(core, "select count(*) as n from outbox where entity = 'order'")).toEqual([
      { n: 2 },
    ])
    core.close()
  })

  it('gives back to the original tenders in proportion, or all in cash', async () => {
    const core = openTestCore(tempDir())
    // 18.95 paid 10.00 card + 8.95 cash.
    const sale = (
      await sellLattesAndCroissant(core, [
        { method: 'card', amountCents: 1000, referenceNumber: 'AUTH-1' },
        { method: 'cash', amountCents: 1000 },
      ])
    ).order
    const toOriginal = await refund(core, sale.id, [
      { orderItemId: sale.items[0]!.id, quantity: 1 },
    ])
    // 5.14 over 10.00 : 8.95 -> 2.7124 card, 2.4276 cash; the odd cent goes to the larger tender.
    expect(toOriginal.payments).toEqual([
      expect.objectContaining({
        method: 'card',
        label: 'Card',
        amountCents: -272,
        referenceNumber: 'AUTH-1',
      }),
      expect.objectContaining({ method: 'cash', label: 'Cash', amountCents: -242 }),
    ])
    const toCash = await refund(core, sale.id, [{ orderItemId: sale.items[1]!.id, quantity: 1 }], {
      refundTo: 'cash',
    })
    expect(toCash.payments).toEqual([
      expect.objectContaining({
        method: 'cash',
        amountCents: -352,
        tenderedCents: -352,
        changeCents: 0,
      }),
    ])
    core.close()
  })

  it('needs a manager for a cashier, and logs who approved it', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier' })
    const sale = (await sellLattesAndCroissant(core)).order
    const lines = [{ orderItemId: sale.items[0]!.id, quantity: 1 }]
    expect(
      await callError(core, 'refund:create', {
        clientRequestId: crypto.randomUUID(),
        orderId: sale.id,
        lines,
        refundTo: 'cash',
        reason: 'cold',
      }),
    ).toMatchObject({ code: 'APPROVAL_REQUIRED', path: 'refund' })
    const { approvalId, approver } = core.authority.approve('1234', 'refund')
    const made = await refund(core, sale.id, lines, { approvalId })
    expect(made.employeeName).toBe('Sam (cashier)')
    expect(rows(core, 'select action, subject_id, approved_by from audit_events')).toEqual([
      { action: 'refund.created', subject_id: made.id, approved_by: approver.employeeId },
    ])
    core.close()
  })

  it('refuses to refund a refund, or a line of another order', async () => {
    const core = openTestCore(tempDir())
    const sale = (await sellLattesAndCroissant(core)).order
    const other = (await sellLattesAndCroissant(core)).order
    const made = await refund(core, sale.id, [{ orderItemId: sale.items[0]!.id, quantity: 1 }])
    expect(
      await callError(core, 'refund:create', {
        clientRequestId: crypto.randomUUID(),
        orderId: made.id,
        lines: [{ orderItemId: made.items[0]!.id, quantity: 1 }],
        refundTo: 'cash',
        reason: 'x',
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'orderId' })
    expect(
      await callError(core, 'refund:create', {
        clientRequestId: crypto.randomUUID(),
        orderId: sale.id,
        lines: [{ orderItemId: other.items[0]!.id, quantity: 1 }],
        refundTo: 'cash',
        reason: 'x',
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'lines.0.orderItemId' })
    core.close()
  })
})

describe('finding an order by its number', () => {
  it('finds a sale as printed or typed in another case; a sale wins over a refund sharing its number', async () => {
    const core = openTestCore(tempDir(), { registerCode: 'R2' })
    const sale = (await sellLattesAndCroissant(core)).order
    const made = await refund(core, sale.id, [{ orderItemId: sale.items[0]!.id, quantity: 1 }])
    expect((await call(core, 'order:find', { orderNumber: sale.orderNumber })).id).toBe(sale.id)
    expect((await call(core, 'order:find', { orderNumber: made.orderNumber })).id).toBe(made.id)
    expect(
      (await call(core, 'order:find', { orderNumber: sale.orderNumber.toLowerCase() })).id,
    ).toBe(sale.id)
    core.database.sqlite
      .prepare('update orders set order_number = ? where id = ?')
      .run(sale.orderNumber, made.id)
    expect((await call(core, 'order:find', { orderNumber: sale.orderNumber })).id).toBe(sale.id)
    expect(await callError(core, 'order:find', { orderNumber: 'S01-R2-999999' })).toMatchObject({
      code: 'NOT_FOUND',
    })
    core.close()
  })
})
