import { and, eq } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { syncRecords } from '../../../src/server/db/schema'
import { mutationId, orderEnvelope, uuid } from './harness'
import type { SuiteContext } from './suiteContext'

const change = (entity: string, id: string, data: unknown, baseVersion = 0) => ({
  mutationId: mutationId(),
  entity,
  id,
  op: 'upsert',
  baseVersion,
  data,
})

const shiftData = (id: string, status: 'OPEN' | 'CLOSED', countedCashCents?: number) => ({
  id,
  employeeId: 'e-manager',
  registerCode: 'R1',
  openedAt: '2026-11-21T08:00:00Z',
  openingCashCents: 100_00,
  status,
  ...(status === 'CLOSED'
    ? { closedAt: '2026-11-21T17:00:00Z', closingCashCents: countedCashCents ?? 0 }
    : {}),
})

/** The selling-day rules: refunds, shifts, cash movements and audit events. */
export function sellingTests(ctx: SuiteContext): void {
  it('keeps a refund immutable: no status move, no edit, no delete', async () => {
    const { setUp, pushOk } = ctx
    const { a } = await setUp()
    const saleId = uuid()
    const refundId = uuid()
    const refund = (status: string, totalCents = -250) => {
      const envelope = orderEnvelope(refundId, { status, items: 1, totalCents })
      return {
        ...envelope,
        order: { ...envelope.order, kind: 'REFUND', refundOfOrderId: saleId },
        items: envelope.items.map((item) => ({ ...item, refundOfItemId: `${saleId}-i0` })),
      }
    }
    expect(
      await pushOk(a, [ctx.orderChange(saleId), change('order', refundId, refund('COMPLETED'))]),
    ).toMatchObject([{ status: 'applied' }, { status: 'applied' }])
    // A sale may still move to REFUNDED; its refund may not move at all.
    const [sale] = await pushOk(a, [
      ctx.orderChange(saleId, { status: 'REFUNDED', baseVersion: 1 }),
    ])
    expect(sale).toMatchObject({ status: 'applied', serverVersion: 2 })
    const refused = await pushOk(a, [
      change('order', refundId, refund('REFUNDED'), 1),
      change('order', refundId, refund('COMPLETED', -100), 1),
      { mutationId: mutationId(), entity: 'order', id: refundId, op: 'delete', baseVersion: 1 },
    ])
    expect(refused.map((result) => [result.status, result.error?.code])).toEqual([
      ['rejected', 'IMMUTABLE_SALE'],
      ['rejected', 'IMMUTABLE_SALE'],
      ['rejected', 'IMMUTABLE_SALE'],
    ])
  })

  it('lets a shift close once and never reopen', async () => {
    const { setUp, pushOk } = ctx
    const { a } = await setUp()
    const id = uuid()
    await pushOk(a, [change('shift', id, shiftData(id, 'OPEN'))])
    const [closed] = await pushOk(a, [change('shift', id, shiftData(id, 'CLOSED', 104_50), 1)])
    expect(closed).toMatchObject({ status: 'applied', serverVersion: 2 })
    const refused = await pushOk(a, [
      change('shift', id, shiftData(id, 'OPEN'), 2),
      change('shift', id, shiftData(id, 'CLOSED', 99_00), 2),
      { mutationId: mutationId(), entity: 'shift', id, op: 'delete', baseVersion: 2 },
    ])
    expect(refused.map((result) => [result.status, result.error?.code])).toEqual([
      ['rejected', 'SHIFT_CLOSED'],
      ['rejected', 'SHIFT_CLOSED'],
      ['rejected', 'SHIFT_CLOSED'],
    ])
    // Sending the closed shift again is a duplicate, not a refusal: a lost reply stays harmless.
    const [again] = await pushOk(a, [change('shift', id, shiftData(id, 'CLOSED', 104_50), 1)])
    expect(again).toMatchObject({ status: 'duplicate', serverVersion: 2 })
  })

  it('accepts an order for a shift it holds as closed', async () => {
    const { setUp, pushOk, db } = ctx
    const { store, a, b } = await setUp()
    const shiftId = uuid()
    await pushOk(a, [change('shift', shiftId, shiftData(shiftId, 'OPEN'))])
    await pushOk(a, [change('shift', shiftId, shiftData(shiftId, 'CLOSED', 100_00), 1)])
    const orderId = uuid()
    const envelope = orderEnvelope(orderId)
    const [late] = await pushOk(b, [
      change('order', orderId, { ...envelope, order: { ...envelope.order, shiftId } }),
    ])
    expect(late).toMatchObject({ status: 'applied', serverVersion: 1 })
    const [row] = await db
      .select()
      .from(syncRecords)
      .where(and(eq(syncRecords.storeId, store.storeId), eq(syncRecords.id, orderId)))
    expect(row?.data).toMatchObject({ order: { shiftId } })
  })

  it('keeps cash movements and audit events append-only', async () => {
    const { setUp, pushOk } = ctx
    const { a } = await setUp()
    const movementId = uuid()
    const eventId = uuid()
    const movement = (amountCents: number) => ({
      id: movementId,
      shiftId: uuid(),
      kind: 'OUT',
      amountCents,
      reason: 'Milk',
      employeeId: 'e-manager',
      createdAt: '2026-11-21T10:00:00Z',
    })
    const event = (action: string) => ({
      id: eventId,
      action,
      employeeId: 'e-cashier',
      approvedBy: 'e-manager',
      details: { amountCents: 500 },
      createdAt: '2026-11-21T10:00:00Z',
    })
    const first = movement(20_00)
    expect(
      await pushOk(a, [
        change('cashMovement', movementId, first),
        change('auditEvent', eventId, event('drawer.open')),
      ]),
    ).toMatchObject([{ status: 'applied' }, { status: 'applied' }])
    const refused = await pushOk(a, [
      change('cashMovement', movementId, { ...first, amountCents: 2_00 }, 1),
      change('auditEvent', eventId, event('nothing happened'), 1),
      { mutationId: mutationId(), entity: 'auditEvent', id: eventId, op: 'delete', baseVersion: 1 },
    ])
    expect(refused.map((result) => [result.status, result.error?.code])).toEqual([
      ['rejected', 'APPEND_ONLY'],
      ['rejected', 'APPEND_ONLY'],
      ['rejected', 'APPEND_ONLY'],
    ])
  })
}
