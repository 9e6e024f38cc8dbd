// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { v4 as uuidv4 } from 'uuid'
import { formatMoney } from '../../../../src/shared/domain'
import { AuditLog } from '../../../../src/renderer/src/features/shift/AuditLog'
import { applyLanguage } from '../../../../src/renderer/src/i18n'
import type { AuditEvent } from '../../../../src/renderer/src/types'
import { appInfo, withAppInfo } from '../../appFixtures'
import { installBridge } from '../../fakeBridge'

afterEach(() => {
  cleanup()
  applyLanguage('en')
})

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
const info = appInfo()
const sam = uuidv4()
const dana = uuidv4()
const saleId = uuidv4()
const coffee = uuidv4()

function event(fields: Partial<AuditEvent> & Pick<AuditEvent, 'action'>): AuditEvent {
  return {
    id: uuidv4(),
    employeeId: sam,
    employeeName: 'Sam',
    employeeRole: 'cashier',
    approvedBy: null,
    approvedByName: null,
    approvedByRole: null,
    deviceId: info.deviceId,
    registerCode: 'R1',
    subjectId: null,
    details: {},
    names: { products: {}, orders: {} },
    createdAt: '2026-12-02T10:00:00.000Z',
    ...fields,
  }
}

/** What main sends: a refund, a void with its whole cart, and an action no one described yet. */
const events: AuditEvent[] = [
  event({
    action: 'refund.created',
    approvedBy: dana,
    approvedByName: 'Dana',
    approvedByRole: 'manager',
    subjectId: uuidv4(),
    details: { saleId, totalCents: -1250, refundTo: 'cash', reason: 'spilt' },
    names: { products: {}, orders: { [saleId]: 'S01-R1-000042' } },
  }),
  event({
    action: 'sale.voided',
    details: {
      reason: 'left',
      itemCount: 2,
      totalCents: 900,
      lines: [{ productId: coffee, quantity: 2, modifierOptionIds: [] }],
      display: { lines: [{ id: uuidv4() }] },
      customerId: uuidv4(),
    },
    names: { products: { [coffee]: 'Caffè Latte' }, orders: {} },
  }),
  event({
    action: 'loyalty.pointsAdjusted',
    employeeId: uuidv4(),
    employeeName: null,
    employeeRole: null,
    deviceId: uuidv4(),
    registerCode: null,
    details: { points: 5, customerId: uuidv4(), nested: { a: 1 } },
  }),
]

async function renderLog() {
  installBridge((channel) => {
    if (channel === 'audit:list') return events
    throw new Error(`unexpected ${channel}`)
  })
  render(<AuditLog />, { wrapper: withAppInfo(info) })
  return screen.findAllByTestId('audit-row')
}

describe('the register’s audit log', () => {
  it('shows who did what, approved by whom, on which register, in words', async () => {
    const rows = await renderLog()
    expect(rows).toHaveLength(3)
    const refund = within(rows[0]!)
    expect(refund.getByText('Refund')).toBeTruthy()
    expect(refund.getByText('Dana (manager)')).toBeTruthy()
    expect(refund.getByText('Register R1')).toBeTruthy()
    const amount = formatMoney(1250, 'CHF', info.locale)
    expect(rows[0]!.textContent).toContain(
      `Sam refunded ${amount} on order S01-R1-000042 to cash: spilt`,
    )
    expect(rows[1]!.textContent).toContain('Sam voided a sale of 2 items (Caffè Latte)')
    expect(rows[2]!.textContent).toMatch(
      /unknown employee #\w{6}: loyalty points adjusted \(points: 5, customer id: #\w{6}\)/,
    )
    expect(rows[2]!.textContent).toMatch(/unknown register #\w{6}/)
  })

  it('never shows raw JSON or an id in a row', async () => {
    for (const row of await renderLog()) {
      expect(row.textContent).not.toMatch(UUID)
      expect(row.textContent).not.toContain('{')
      expect(row.textContent).not.toContain('refund.created')
    }
  })

  it('speaks the register’s language', async () => {
    await act(async () => applyLanguage('ar'))
    const rows = await renderLog()
    expect(within(rows[0]!).getByText('استرداد')).toBeTruthy()
    expect(within(rows[0]!).getByText('Dana (مدير)')).toBeTruthy()
    expect(within(rows[0]!).getByText('نقطة البيع R1')).toBeTruthy()
    expect(rows[0]!.textContent).toContain('استرد Sam')
    for (const row of rows) expect(row.textContent).not.toMatch(UUID)
  })
})
