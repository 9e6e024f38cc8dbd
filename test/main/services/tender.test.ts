import { v7 as uuidv7 } from 'uuid'
import { describe, expect, it } from 'vitest'
import { shifts } from '../../../src/main/store/schema'
import { call, callError, openTestCore, tableCounts } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { catalogBySku, rows, sell } from './salesSupport'

const tempDir = useTempDirs()

describe('taking payment', () => {
  it('splits a sale over card (with its reference) and cash, change from the cash', async () => {
    const core = openTestCore(tempDir())
    const latte = (await catalogBySku(core)).get('COF-LAT')!
    // 2 x 4.75 = 9.50 + 0.78 tax = 10.28.
    const receipt = await sell(
      core,
      [{ productId: latte.id, quantity: 2 }],
      [
        { method: 'card', amountCents: 1000, referenceNumber: 'AUTH-771' },
        { method: 'cash', amountCents: 100 },
      ],
    )
    expect(receipt.changeCents).toBe(72)
    expect(receipt.order.payments).toEqual([
      expect.objectContaining({
        method: 'card',
        label: 'Card',
        amountCents: 1000,
        referenceNumber: 'AUTH-771',
      }),
      expect.objectContaining({
        method: 'cash',
        label: 'Cash',
        tenderedCents: 100,
        changeCents: 72,
        amountCents: 28,
      }),
    ])
    expect(rows(core, 'select tender_id from payments order by method')).toEqual([
      { tender_id: 'card' },
      { tender_id: 'cash' },
    ])
    core.close()
  })

  it('needs a voucher number for a voucher, then records it under its label', async () => {
    const core = openTestCore(tempDir())
    const latte = (await catalogBySku(core)).get('COF-LAT')!
    const draft = {
      clientRequestId: crypto.randomUUID(),
      lines: [{ productId: latte.id, quantity: 1 }],
      payments: [
        { method: 'other' as const, amountCents: 300 },
        { method: 'cash' as const, amountCents: 500 },
      ],
    }
    expect(await callError(core, 'sale:complete', draft)).toMatchObject({
      code: 'PAYMENT_INVALID',
      path: 'payments.0.referenceNumber',
    })
    expect(
      await callError(core, 'sale:complete', {
        ...draft,
        payments: [
          { method: 'card', tenderId: 'voucher', amountCents: 300, referenceNumber: 'V1' },
        ],
      }),
    ).toMatchObject({ code: 'PAYMENT_INVALID', path: 'payments.0.tenderId' })
    const receipt = await call(core, 'sale:complete', {
      ...draft,
      payments: [
        { method: 'other', tenderId: 'voucher', amountCents: 300, referenceNumber: 'GIFT-9' },
        { method: 'cash', amountCents: 500 },
      ],
    })
    expect(receipt.order.payments[0]).toMatchObject({ label: 'Voucher', referenceNumber: 'GIFT-9' })
    core.close()
  })

  it('refuses a sale that is not fully paid, or a card above what is due', async () => {
    const core = openTestCore(tempDir())
    const latte = (await catalogBySku(core)).get('COF-LAT')!
    const attempt = (payments: unknown[]) =>
      callError(core, 'sale:complete', {
        clientRequestId: crypto.randomUUID(),
        lines: [{ productId: latte.id, quantity: 2 }],
        payments,
      })
    expect(
      await attempt([
        { method: 'card', amountCents: 500 },
        { method: 'cash', amountCents: 500 },
      ]),
    ).toMatchObject({
      code: 'PAYMENT_INSUFFICIENT',
    })
    expect(await attempt([{ method: 'card', amountCents: 2000 }])).toMatchObject({
      code: 'PAYMENT_INVALID',
    })
    expect(tableCounts(core)).toMatchObject({ orders: 0, payments: 0, outbox: 0 })
    core.close()
  })
})

describe('selling needs an open shift when the store says so', () => {
  it('refuses without one, and files the sale under the open shift', async () => {
    const core = openTestCore(tempDir(), { requireOpenShift: true })
    const latte = (await catalogBySku(core)).get('COF-LAT')!
    const draft = {
      clientRequestId: crypto.randomUUID(),
      lines: [{ productId: latte.id, quantity: 1 }],
      payments: [{ method: 'cash' as const, amountCents: 600 }],
    }
    expect(await callError(core, 'sale:complete', draft)).toMatchObject({ code: 'SHIFT_REQUIRED' })

    const now = new Date().toISOString()
    const shiftId = uuidv7()
    core.database.db
      .insert(shifts)
      .values({
        id: shiftId,
        deviceId: core.device.deviceId,
        updatedAt: now,
        registerCode: core.device.registerCode,
        openedBy: core.authority.current()!.employeeId,
        openedAt: now,
        openingCashCents: 10_000,
        status: 'OPEN',
      })
      .run()
    const receipt = await call(core, 'sale:complete', draft)
    expect(receipt.order.shiftId).toBe(shiftId)
    core.close()
  })

  it('needs someone signed in', async () => {
    const core = openTestCore(tempDir())
    const latte = (await catalogBySku(core)).get('COF-LAT')!
    core.authority.signOut()
    expect(
      await callError(core, 'sale:complete', {
        clientRequestId: crypto.randomUUID(),
        lines: [{ productId: latte.id, quantity: 1 }],
        payments: [{ method: 'cash', amountCents: 600 }],
      }),
    ).toMatchObject({ code: 'SIGN_IN_REQUIRED' })
    core.close()
  })
})
