import { v4 as uuidv4 } from 'uuid'
import { afterEach, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { call, callError, demoPins, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('auraflow-order-filters-')
const open: RegisterCore[] = []
afterEach(() => {
  for (const core of open.splice(0)) core.close()
})

/** A register on a real SQLite file whose clock the test sets. */
function registerAt(start: Date) {
  const clock = { now: start }
  const core = openTestCore(tempDir(), { now: () => clock.now })
  open.push(core)
  return { core, clock }
}

async function sell(
  core: RegisterCore,
  lines: [sku: string, quantity: number][],
  options: { method?: 'card'; customerId?: string } = {},
) {
  const products = new Map((await call(core, 'catalog:list')).products.map((p) => [p.sku, p]))
  const receipt = await call(core, 'sale:complete', {
    clientRequestId: uuidv4(),
    lines: lines.map(([sku, quantity]) => ({ productId: products.get(sku)!.id, quantity })),
    // A card takes a part (a card may not take more than is due), cash the rest with change.
    payments: [
      ...(options.method === 'card' ? [{ method: 'card' as const, amountCents: 1_00 }] : []),
      { method: 'cash' as const, amountCents: 1_000_00 },
    ],
    ...(options.customerId ? { customerId: options.customerId } : {}),
  })
  return receipt.order
}

async function refund(
  core: RegisterCore,
  sale: { id: string; items: { id: string }[] },
  lines: [number, number][],
) {
  return call(core, 'refund:create', {
    clientRequestId: uuidv4(),
    orderId: sale.id,
    lines: lines.map(([index, quantity]) => ({ orderItemId: sale.items[index]!.id, quantity })),
    refundTo: 'cash',
    reason: 'returned',
  })
}

const numbers = (orders: { orderNumber: string }[]) => orders.map((order) => order.orderNumber)

describe('the orders list', () => {
  it('says Partly refunded for a sale with some of its units given back, Refunded for all', async () => {
    const { core } = registerAt(new Date(2030, 0, 15, 10))
    const partly = await sell(core, [
      ['COF-LAT', 2],
      ['BAK-CRO', 1],
    ])
    const whole = await sell(core, [['COF-ESP', 1]])
    const untouched = await sell(core, [['COF-ESP', 1]])
    await refund(core, partly, [[0, 1]])
    await refund(core, whole, [[0, 1]])

    const list = await call(core, 'order:list', { limit: 50 })
    const statusOf = (id: string) => list.find((order) => order.id === id)?.status
    expect(statusOf(partly.id)).toBe('PARTLY_REFUNDED')
    expect(statusOf(whole.id)).toBe('REFUNDED')
    expect(statusOf(untouched.id)).toBe('COMPLETED')
    // The detail says the same; a second refund of the rest makes it Refunded.
    expect((await call(core, 'order:get', { id: partly.id })).status).toBe('PARTLY_REFUNDED')
    await refund(core, partly, [
      [0, 1],
      [1, 1],
    ])
    expect((await call(core, 'order:get', { id: partly.id })).status).toBe('REFUNDED')
    // A refund record is itself Completed, never "partly refunded".
    const refunds = list.filter((order) => order.kind === 'REFUND')
    expect(refunds.map((order) => order.status)).toEqual(['COMPLETED', 'COMPLETED'])
  })

  it('narrows by date range, cashier, payment method and customer, combined', async () => {
    const { core, clock } = registerAt(new Date(2030, 0, 14, 18))
    const yesterday = await sell(core, [['COF-ESP', 1]], { method: 'card' })

    clock.now = new Date(2030, 0, 15, 9)
    const customer = await call(core, 'customer:create', {
      name: 'Layla Haddad',
      phone: '+971 50 123 4567',
    })
    const managerCash = await sell(core, [['COF-LAT', 1]], { customerId: customer.id })
    core.authority.signIn(demoPins.cashier)
    const cashierId = (await call(core, 'session:get')).employee!.id
    clock.now = new Date(2030, 0, 15, 11)
    const cashierCard = await sell(core, [['TEA-EGR', 1]], { method: 'card' })
    const cashierCash = await sell(core, [['TEA-EGR', 1]], { customerId: customer.id })

    const list = (filter: Record<string, string>) =>
      call(core, 'order:list', { limit: 50, ...filter })
    const today = {
      from: new Date(2030, 0, 15).toISOString(),
      to: new Date(2030, 0, 16).toISOString(),
    }
    expect(numbers(await list(today))).toEqual(numbers([cashierCash, cashierCard, managerCash]))
    expect(numbers(await list({ to: today.from }))).toEqual(numbers([yesterday]))
    expect(numbers(await list({ paymentMethod: 'card' }))).toEqual(
      numbers([cashierCard, yesterday]),
    )
    expect(numbers(await list({ employeeId: cashierId }))).toEqual(
      numbers([cashierCash, cashierCard]),
    )
    expect(numbers(await list({ employeeId: cashierId, paymentMethod: 'card' }))).toEqual(
      numbers([cashierCard]),
    )
    expect(await list({ paymentMethod: 'other' })).toEqual([])
    // A part of the name in any case, or of the phone number.
    expect(numbers(await list({ customer: 'layla' }))).toEqual(numbers([cashierCash, managerCash]))
    expect(numbers(await list({ customer: '123 45' }))).toEqual(numbers([cashierCash, managerCash]))
    // LIKE wildcards typed by a cashier are plain characters.
    expect(await list({ customer: '%' })).toEqual([])
    expect(await list({ ...today, paymentMethod: 'card', customer: 'Layla' })).toEqual([])
  })

  it('refuses a malformed filter with a typed error naming the field', async () => {
    const { core } = registerAt(new Date(2030, 0, 15, 10))
    const badDate = await callError(core, 'order:list', { limit: 50, from: 'yesterday' })
    expect(badDate.code).toBe('VALIDATION_FAILED')
    expect(badDate.path).toBe('from')
    const badMethod = await callError(core, 'order:list', { limit: 50, paymentMethod: 'cheque' })
    expect(badMethod.code).toBe('VALIDATION_FAILED')
  })
})
