import { describe, expect, it } from 'vitest'
import { call, callError, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { catalogBySku, rows } from './salesSupport'

const tempDir = useTempDirs()

describe('parking and recalling a cart', () => {
  it('lists parked carts oldest first with who parked them, and gives each back once', async () => {
    let tick = Date.parse('2026-11-21T10:00:00Z')
    const core = openTestCore(tempDir(), { now: () => new Date((tick += 60_000)) })
    const latte = (await catalogBySku(core)).get('COF-LAT')!
    const cart = {
      lines: [{ productId: latte.id, quantity: 2, modifierOptionIds: [] }],
      display: [{ name: 'Caffè Latte', quantity: 2 }],
    }
    const first = await call(core, 'park:save', { cart })
    expect(first.label).toMatch(/^Parked \d\d:\d\d$/)
    const customer = await call(core, 'customer:create', { name: 'Grace Hopper' })
    const second = await call(core, 'park:save', { cart: { ...cart, customerId: customer.id } })
    const third = await call(core, 'park:save', { label: 'Blue coat', cart })
    expect([second.label, third.label]).toEqual(['Grace Hopper', 'Blue coat'])

    const listed = await call(core, 'park:list')
    expect(listed.map((parked) => parked.id)).toEqual([first.id, second.id, third.id])
    expect(listed[0]).toMatchObject({ itemCount: 2, employeeName: 'Maya (manager)', cart })

    const recalled = await call(core, 'park:recall', { id: second.id })
    expect(recalled.cart).toEqual({ ...cart, customerId: customer.id })
    expect((await call(core, 'park:list')).map((parked) => parked.id)).toEqual([first.id, third.id])
    expect(await callError(core, 'park:recall', { id: second.id })).toMatchObject({
      code: 'NOT_FOUND',
    })
    // Parked carts are the counter's own: nothing is queued for the server.
    expect(rows(core, "select entity from outbox where entity <> 'customer'")).toEqual([])
    core.close()
  })
})

describe('clearing an unpaid cart', () => {
  it("is a cashier's own call, logged with the cart and its total", async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier' })
    const latte = (await catalogBySku(core)).get('COF-LAT')!
    const input = {
      cart: {
        lines: [{ productId: latte.id, quantity: 2 }],
        display: [{ name: 'Caffè Latte', quantity: 2 }],
      },
      reason: 'customer left',
    }
    const { auditEventId } = await call(core, 'sale:void', input)
    // No reason is fine too: the cashier just clears it.
    await call(core, 'sale:void', { cart: input.cart })
    const events = rows<{
      id: string
      action: string
      employee_id: string
      approved_by: string | null
      details: string
    }>(core, 'select id, action, employee_id, approved_by, details from audit_events order by id')
    expect(events).toHaveLength(2)
    expect(events[0]).toMatchObject({
      id: auditEventId,
      action: 'cart.cleared',
      employee_id: core.authority.current()!.employeeId,
      approved_by: null,
    })
    expect(JSON.parse(events[0]!.details)).toMatchObject({
      reason: 'customer left',
      itemCount: 2,
      totalCents: 1028,
      display: [{ name: 'Caffè Latte', quantity: 2 }],
    })
    expect(JSON.parse(events[1]!.details)).toMatchObject({ reason: null, itemCount: 2 })
    expect(rows(core, 'select entity from outbox')).toEqual([
      { entity: 'auditEvent' },
      { entity: 'auditEvent' },
    ])
    core.close()
  })

  it('counts a cleared cart in the shift report as a void', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier', requireOpenShift: true })
    await call(core, 'shift:open', { openingCashCents: 10_000 })
    const latte = (await catalogBySku(core)).get('COF-LAT')!
    await call(core, 'sale:void', {
      cart: { lines: [{ productId: latte.id, quantity: 2 }], display: [] },
    })
    core.authority.signIn('1234')
    const report = await call(core, 'shift:preview')
    expect(report.voids).toEqual({ count: 1, totalCents: 1028 })
    core.close()
  })

  it('still needs someone signed in', async () => {
    const core = openTestCore(tempDir(), { signIn: 'nobody' })
    expect(await callError(core, 'sale:void', { cart: { lines: [], display: [] } })).toMatchObject({
      code: 'SIGN_IN_REQUIRED',
    })
    core.close()
  })
})

describe('customers', () => {
  it('creates a customer offline, queued for sync, and finds it by name, phone or email', async () => {
    const core = openTestCore(tempDir())
    const ada = await call(core, 'customer:create', {
      name: 'Ada Lovelace',
      phone: '+44 20 7946 0018',
      email: 'ada@example.org',
    })
    await call(core, 'customer:create', { name: '100% Organic Ltd' })
    await call(core, 'customer:create', { name: 'Charles Babbage' })
    expect(rows(core, 'select sync_status from customers where id = ?', ada.id)).toEqual([
      { sync_status: 'PENDING' },
    ])
    expect(rows(core, "select entity_id from outbox where entity = 'customer'")).toHaveLength(3)

    const names = async (query: string) =>
      (await call(core, 'customer:search', { query })).map((customer) => customer.name)
    expect(await names('LOVE')).toEqual(['Ada Lovelace'])
    expect(await names('7946')).toEqual(['Ada Lovelace'])
    expect(await names('example.org')).toEqual(['Ada Lovelace'])
    expect(await names('a')).toEqual(['100% Organic Ltd', 'Ada Lovelace', 'Charles Babbage'])
    // A wildcard typed by the cashier is text, not a pattern.
    expect(await names('0%')).toEqual(['100% Organic Ltd'])
    expect(await names('_')).toEqual([])
    expect(await call(core, 'customer:search', { query: 'a', limit: 1 })).toHaveLength(1)
    core.close()
  })
})
