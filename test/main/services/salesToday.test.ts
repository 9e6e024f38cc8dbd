import { v4 as uuidv4 } from 'uuid'
import { afterEach, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { call, callError, demoPins, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('auraflow-sales-today-')
const open: RegisterCore[] = []
afterEach(() => {
  for (const core of open.splice(0)) core.close()
})

/** A register whose clock the test sets, so "today" and its hours are fixed. */
function registerAt(start: Date) {
  const clock = { now: start }
  const core = openTestCore(tempDir(), { now: () => clock.now })
  open.push(core)
  return { core, clock }
}

async function sell(core: RegisterCore, lines: [sku: string, quantity: number][], cardCents = 0) {
  const products = new Map((await call(core, 'catalog:list')).products.map((p) => [p.sku, p]))
  const receipt = await call(core, 'sale:complete', {
    clientRequestId: uuidv4(),
    lines: lines.map(([sku, quantity]) => ({
      productId: products.get(sku)!.id,
      quantity,
      modifierOptionIds: [],
    })),
    payments: [
      ...(cardCents > 0 ? [{ method: 'card' as const, amountCents: cardCents }] : []),
      { method: 'cash' as const, amountCents: 1_000_00 },
    ],
  })
  return receipt.order
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

describe('manager:getSalesToday', () => {
  it("adds up today's sales and refunds by hour, tender and product, leaving yesterday out", async () => {
    const day = (hour: number, minute: number, dayOffset = 0) =>
      new Date(2030, 0, 15 + dayOffset, hour, minute)
    const { core, clock } = registerAt(day(18, 0, -1))
    // Yesterday evening: the day's biggest line, which must not count today.
    await sell(core, [['COF-CLD', 9]])

    clock.now = day(10, 30)
    const first = await sell(core, [
      ['COF-LAT', 5],
      ['TEA-EGR', 2],
    ])
    clock.now = day(14, 5)
    const second = await sell(
      core,
      [
        ['COF-ESP', 4],
        ['COF-DBL', 1],
      ],
      1_00,
    )
    clock.now = day(14, 40)
    const third = await sell(core, [
      ['TEA-CHA', 6],
      ['TEA-GRN', 5],
    ])
    clock.now = day(15, 10)
    const latte = first.items.find((item) => item.sku === 'COF-LAT')!
    const refund = await call(core, 'refund:create', {
      clientRequestId: uuidv4(),
      orderId: first.id,
      lines: [{ orderItemId: latte.id, quantity: 2 }],
      refundTo: 'cash',
      reason: 'spilled',
    })
    expect(refund.totalCents).toBeLessThan(0)

    clock.now = day(17, 0)
    const report = await call(core, 'manager:getSalesToday')
    const today = [first, second, third, refund]
    expect(report).toMatchObject({ date: '2030-01-15', currency: first.currency, orderCount: 3 })
    expect(report.totalCents).toBe(sum(today.map((order) => order.totalCents)))

    expect(report.byHour).toHaveLength(24)
    const hours = Object.fromEntries(
      report.byHour
        .filter((slot) => slot.count > 0 || slot.totalCents !== 0)
        .map((s) => [s.hour, s]),
    )
    expect(hours).toEqual({
      10: { hour: 10, totalCents: first.totalCents, count: 1 },
      14: { hour: 14, totalCents: second.totalCents + third.totalCents, count: 2 },
      // A refund lowers its hour's money but is not a sale.
      15: { hour: 15, totalCents: refund.totalCents, count: 0 },
    })

    const expectedByLabel = new Map<string, { kind: string; totalCents: number }>()
    for (const payment of today.flatMap((order) => order.payments)) {
      const label = payment.label ?? payment.method
      const entry = expectedByLabel.get(label) ?? { kind: payment.method, totalCents: 0 }
      entry.totalCents += payment.amountCents
      expectedByLabel.set(label, entry)
    }
    expect(
      Object.fromEntries(
        report.byMethod.map(({ label, kind, totalCents }) => [label, { kind, totalCents }]),
      ),
    ).toEqual(Object.fromEntries(expectedByLabel))
    expect(report.byMethod.find((method) => method.kind === 'card')?.totalCents).toBe(1_00)
    // Cash taken less cash handed back for the refund.
    const cash = today.flatMap((order) => order.payments).filter((p) => p.method === 'cash')
    expect(report.byMethod.find((method) => method.kind === 'cash')?.totalCents).toBe(
      sum(cash.map((payment) => payment.amountCents)),
    )

    const lineTotal = (sku: string) =>
      sum(
        today
          .flatMap((order) => order.items)
          .filter((item) => item.sku === sku)
          .map((item) => item.totalCents),
      )
    expect(report.topProducts).toEqual([
      { name: 'Chai Latte', quantity: 6, totalCents: lineTotal('TEA-CHA') },
      { name: 'Sencha Green Tea', quantity: 5, totalCents: lineTotal('TEA-GRN') },
      { name: 'Espresso', quantity: 4, totalCents: lineTotal('COF-ESP') },
      // Five sold, two given back.
      { name: 'Caffè Latte', quantity: 3, totalCents: lineTotal('COF-LAT') },
      { name: 'Earl Grey Tea', quantity: 2, totalCents: lineTotal('TEA-EGR') },
    ])
  })

  it('is empty on a day without sales', async () => {
    const { core } = registerAt(new Date(2030, 5, 1, 9, 0))
    const report = await call(core, 'manager:getSalesToday')
    expect(report).toMatchObject({
      date: '2030-06-01',
      totalCents: 0,
      orderCount: 0,
      byMethod: [],
      topProducts: [],
    })
    expect(report.byHour.every((slot) => slot.totalCents === 0 && slot.count === 0)).toBe(true)
  })
})

describe('manager console access', () => {
  const channels = ['manager:getHealth', 'manager:listConflicts', 'manager:getSalesToday'] as const

  it('refuses a cashier and asks for a sign-in when nobody is signed in', async () => {
    const cashier = openTestCore(tempDir(), { signIn: 'cashier' })
    open.push(cashier)
    for (const channel of channels)
      expect(await callError(cashier, channel)).toMatchObject({ code: 'FORBIDDEN' })
    expect(
      await callError(cashier, 'manager:resolveConflict', {
        conflictId: uuidv4(),
        resolution: 'keep-server',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' })

    cashier.authority.signOut()
    for (const channel of channels)
      expect(await callError(cashier, channel)).toMatchObject({ code: 'SIGN_IN_REQUIRED' })

    cashier.authority.signIn(demoPins.admin)
    expect((await call(cashier, 'manager:getSalesToday')).orderCount).toBe(0)
  })

  it('shows an unenrolled register only itself, with its live outbox', async () => {
    const core = openTestCore(tempDir())
    open.push(core)
    await sell(core, [['COF-ESP', 1]])
    const health = await call(core, 'manager:getHealth')
    expect(health).toMatchObject({
      enrolled: false,
      serverReachable: false,
      fetchedAt: null,
      headSeq: null,
      registers: [{ deviceId: core.device.deviceId, isThisRegister: true, pending: 1 }],
    })
    expect(health.registers).toHaveLength(1)
    expect(await call(core, 'manager:listConflicts')).toEqual([])
  })
})
