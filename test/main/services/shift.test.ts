import { v4 as uuidv4 } from 'uuid'
import { describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { updateStoreOptions } from '../../../src/main/store/identityRepository'
import { Session } from '../../../src/shared/ipc/staffSchemas'
import { call, callError, demoPins, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { outboxByEntity, storeSale, type StoredSale } from './shiftFixtures'

const tempDir = useTempDirs()

const denominations = [10_000, 5_000, 2_000, 1_000, 500, 100, 25, 10, 5, 1]

/** A drawer count that adds up to `cents`, largest bills first. */
function countsFor(cents: number) {
  let left = cents
  return denominations.map((denominationCents) => {
    const count = Math.floor(left / denominationCents)
    left -= count * denominationCents
    return { denominationCents, count }
  })
}

const sum = (sales: StoredSale[], pick: (sale: StoredSale) => number) =>
  sales.reduce((total, sale) => total + pick(sale), 0)

async function openWithThreeSales(core: RegisterCore) {
  const shift = await call(core, 'shift:open', { openingCashCents: 10_000 })
  const sales = [
    await storeSale(core, {
      shiftId: shift.id,
      lines: [
        { sku: 'COF-LAT', quantity: 2 },
        { sku: 'BAK-CRO', quantity: 1 },
      ],
      payments: [{ method: 'cash', amountCents: 2_000 }],
    }),
    await storeSale(core, {
      shiftId: shift.id,
      lines: [
        { sku: 'GRO-BEA', quantity: 1 },
        { sku: 'COF-ESP', quantity: 1 },
      ],
      payments: [
        { method: 'card', amountCents: 1_000 },
        { method: 'cash', amountCents: 1_000 },
      ],
    }),
    await storeSale(core, {
      shiftId: shift.id,
      lines: [{ sku: 'GRO-MLK', quantity: 2 }],
      payments: [{ method: 'cash', amountCents: 5_000 }],
    }),
  ]
  return { shift, sales }
}

describe('a shift', () => {
  it('opens, sells, moves cash and closes with a count difference; the Z report equals the sales to the cent', async () => {
    const core = openTestCore(tempDir(), { signIn: 'manager', requireOpenShift: true })
    const { shift, sales } = await openWithThreeSales(core)
    await call(core, 'shift:recordCashMovement', {
      kind: 'IN',
      amountCents: 500,
      reason: 'Float top-up',
    })
    await call(core, 'shift:recordCashMovement', {
      kind: 'OUT',
      amountCents: 2_000,
      reason: 'Safe drop',
    })

    const expectedCash = 10_000 + sum(sales, (sale) => sale.paidCents.cash) + 500 - 2_000
    const preview = await call(core, 'shift:preview')
    expect(preview.cash).toMatchObject({ expectedCents: expectedCash, countedCents: null })

    // One quarter short.
    const report = await call(core, 'shift:close', { counts: countsFor(expectedCash - 25) })
    expect(report.sales).toMatchObject({
      count: 3,
      totalCents: sum(sales, (sale) => sale.totalCents),
      taxCents: sum(sales, (sale) => sale.taxCents),
    })
    expect(report.refunds).toEqual({ count: 0, totalCents: 0, taxCents: 0 })
    expect(report.netTotalCents).toBe(sum(sales, (sale) => sale.totalCents))
    expect(
      report.byMethod.map((method) => [method.tenderId, method.salesCents, method.count]),
    ).toEqual([
      ['cash', sum(sales, (sale) => sale.paidCents.cash), 3],
      ['card', sum(sales, (sale) => sale.paidCents.card), 1],
    ])
    expect(report.taxByRate.map((rate) => rate.rateBasisPoints)).toEqual([225, 825])
    expect(report.taxByRate.reduce((total, rate) => total + rate.taxCents, 0)).toBe(
      report.sales.taxCents,
    )
    expect(report.cash).toMatchObject({
      openingCents: 10_000,
      inCents: 500,
      outCents: 2_000,
      expectedCents: expectedCash,
      countedCents: expectedCash - 25,
      differenceCents: -25,
    })
    expect(report).toMatchObject({
      shiftId: shift.id,
      openedByName: 'Maya (manager)',
      closedByName: 'Maya (manager)',
      late: { count: 0, totalCents: 0 },
    })
    expect(report.cashMovements.items.map((item) => item.reason)).toEqual([
      'Float top-up',
      'Safe drop',
    ])

    expect((await call(core, 'session:get')).shift).toBeNull()
    const [listed] = await call(core, 'shift:list')
    expect(listed).toMatchObject({
      id: shift.id,
      status: 'CLOSED',
      expectedCashCents: expectedCash,
      countedCashCents: expectedCash - 25,
      differenceCents: -25,
    })
    expect(await call(core, 'shift:getReport', { shiftId: shift.id })).toEqual(report)
    expect(outboxByEntity(core)).toMatchObject({ shift: 2, cashMovement: 2, auditEvent: 4 })
    const actions = (await call(core, 'audit:list', {})).map((event) => event.action)
    expect(actions).toEqual(['shift.closed', 'cash.movement', 'cash.movement', 'shift.opened'])
    core.close()
  })

  it('keeps an order that arrives after close in the late bucket, figures unchanged', async () => {
    const core = openTestCore(tempDir(), { signIn: 'manager', requireOpenShift: true })
    const { shift } = await openWithThreeSales(core)
    const closed = await call(core, 'shift:close', { counts: countsFor(10_000) })
    const late = await storeSale(core, {
      shiftId: shift.id,
      lines: [{ sku: 'COF-ESP', quantity: 1 }],
      payments: [{ method: 'card', amountCents: 325 }],
      isLate: true,
    })
    const report = await call(core, 'shift:getReport', { shiftId: shift.id })
    expect(report.late).toEqual({ count: 1, totalCents: late.totalCents })
    expect({ ...report, late: closed.late }).toEqual(closed)
    core.close()
  })

  it('refuses a second open shift, and closing or moving cash with none open', async () => {
    const core = openTestCore(tempDir(), { signIn: 'manager', requireOpenShift: true })
    expect((await callError(core, 'shift:close', { counts: countsFor(0) })).code).toBe(
      'SHIFT_REQUIRED',
    )
    expect(
      (
        await callError(core, 'shift:recordCashMovement', {
          kind: 'IN',
          amountCents: 1,
          reason: 'x',
        })
      ).code,
    ).toBe('SHIFT_REQUIRED')
    expect((await callError(core, 'shift:preview')).code).toBe('SHIFT_REQUIRED')
    await call(core, 'shift:open', { openingCashCents: 0 })
    expect((await callError(core, 'shift:open', { openingCashCents: 0 })).code).toBe('SHIFT_OPEN')
    expect(outboxByEntity(core)).toMatchObject({ shift: 1 })
    core.close()
  })

  it('refuses a count with a bill the store does not use and stays open', async () => {
    const core = openTestCore(tempDir(), { signIn: 'manager', requireOpenShift: true })
    await call(core, 'shift:open', { openingCashCents: 0 })
    const refused = await callError(core, 'shift:close', {
      counts: [
        { denominationCents: 100, count: 1 },
        { denominationCents: 300, count: 1 },
      ],
    })
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', path: 'counts.1.denominationCents' })
    expect((await call(core, 'session:get')).shift?.status).toBe('OPEN')
    core.close()
  })

  it('keeps the open shift across a restart', async () => {
    const dir = tempDir()
    const core = openTestCore(dir, { signIn: 'cashier', requireOpenShift: true })
    const shift = await call(core, 'shift:open', { openingCashCents: 7_500 })
    core.close()
    const reopened = openTestCore(dir, { signIn: 'cashier', requireOpenShift: true })
    expect((await call(reopened, 'session:get')).shift).toEqual(shift)
    expect((await call(reopened, 'shift:preview')).cash.expectedCents).toBe(7_500)
    reopened.close()
  })

  it('lets a cashier close unless the store protects closing', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier', requireOpenShift: true })
    await call(core, 'shift:open', { openingCashCents: 0 })
    const options = (await call(core, 'settings:get')).options
    updateStoreOptions(
      core.database.db,
      { approvals: [...options.approvals, 'closeShift'] },
      new Date().toISOString(),
    )
    expect((await callError(core, 'shift:close', { counts: countsFor(0) })).code).toBe(
      'APPROVAL_REQUIRED',
    )
    const { approvalId } = await call(core, 'session:approve', {
      pin: demoPins.manager,
      action: 'closeShift',
    })
    const report = await call(core, 'shift:close', { counts: countsFor(0), approvalId })
    expect(report.closedByName).toBe('Sam (cashier)')

    await call(core, 'shift:open', { openingCashCents: 0 })
    updateStoreOptions(core.database.db, { approvals: options.approvals }, new Date().toISOString())
    await call(core, 'shift:close', { counts: countsFor(0) })
    core.close()
  })

  it('tells the renderer when a shift opens and closes', async () => {
    const core = openTestCore(tempDir(), { signIn: 'manager', requireOpenShift: true })
    const shifts: (string | null)[] = []
    core.events.onAny((event, payload) => {
      if (event === 'session:changed') shifts.push(Session.parse(payload).shift?.status ?? null)
    })
    await call(core, 'shift:open', { openingCashCents: 0 })
    await call(core, 'shift:close', { counts: countsFor(0) })
    expect(shifts).toEqual(['OPEN', null])
    core.close()
  })

  it('counts no-sale drawer opens in the report', async () => {
    const core = openTestCore(tempDir(), { signIn: 'manager', requireOpenShift: true })
    await call(core, 'shift:open', { openingCashCents: 0 })
    const { auditEventId } = await call(core, 'drawer:open', { reason: 'Gave change for parking' })
    expect(auditEventId).toBeTruthy()
    expect((await call(core, 'shift:preview')).noSaleCount).toBe(1)
    core.close()
  })

  it('reports sales made through sale:complete in the open shift', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier', requireOpenShift: true })
    const catalog = await call(core, 'catalog:list')
    const latte = catalog.products.find((product) => product.sku === 'COF-LAT')!
    expect((await callError(core, 'sale:complete', sellLatte(latte.id))).code).toBe(
      'SHIFT_REQUIRED',
    )
    await call(core, 'shift:open', { openingCashCents: 10_000 })
    const receipts = [
      await call(core, 'sale:complete', sellLatte(latte.id)),
      await call(core, 'sale:complete', sellLatte(latte.id)),
    ]
    const report = await call(core, 'shift:preview')
    const totals = receipts.reduce((total, receipt) => total + receipt.order.totalCents, 0)
    expect(report.sales).toMatchObject({ count: 2, totalCents: totals })
    expect(report.cash.expectedCents).toBe(10_000 + totals)
    core.close()
  })
})

function sellLatte(productId: string) {
  return {
    clientRequestId: uuidv4(),
    lines: [{ productId, quantity: 1, modifierOptionIds: [] }],
    payments: [{ method: 'cash' as const, amountCents: 1_000 }],
  }
}
