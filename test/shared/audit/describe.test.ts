import { describe, expect, it } from 'vitest'
import type { AuditEventInput, AuditLookups } from '../../../src/shared/audit/describe'
import {
  actionWords,
  auditActionLabel,
  auditSentence,
  describeAuditEvent,
  knownAuditActions,
} from '../../../src/shared/audit/describe'
import type { AuditLanguage } from '../../../src/shared/audit/messages'
import { auditMessages, fillTemplate } from '../../../src/shared/audit/messages'
import { formatMoney } from '../../../src/shared/domain'

const SAM = '0191f0a2-1111-7000-8000-000000000001'
const DANA = '0191f0a2-2222-7000-8000-000000000002'
const GHOST = '0191f0a2-3333-7000-8000-00000000abcd'
const FRONT = '0191f0a2-4444-7000-8000-000000000004'
const ORDER = '0191f0a2-5555-7000-8000-000000000005'
const COFFEE = '0191f0a2-6666-7000-8000-000000000006'

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

function lookups(language: AuditLanguage): AuditLookups {
  return {
    language,
    locale: language === 'ar' ? 'ar-EG' : 'en-US',
    currency: 'USD',
    employees: new Map([
      [SAM, { name: 'Sam', role: 'cashier' }],
      [DANA, { name: 'Dana', role: 'manager' }],
    ]),
    registers: new Map([[FRONT, 'Front 1']]),
    products: new Map([[COFFEE, 'Coffee']]),
    orders: new Map([[ORDER, 'R1-0042']]),
  }
}

const base = {
  id: '0191f0a2-9999-7000-8000-000000000009',
  employeeId: SAM,
  approvedBy: null,
  deviceId: FRONT,
  createdAt: '2026-06-10T14:05:00.000Z',
}

/** One event of every action the registers write, with the details their writers put in. */
const events: Record<string, AuditEventInput> = {
  'sale.discountApproved': {
    ...base,
    action: 'sale.discountApproved',
    approvedBy: DANA,
    subjectId: ORDER,
    details: { limitPercent: 10, discounts: [{ lineId: 'x' }], totalCents: 1250 },
  },
  'sale.voided': {
    ...base,
    action: 'sale.voided',
    approvedBy: DANA,
    details: {
      reason: 'customer left',
      itemCount: 2,
      totalCents: 500,
      lines: [{ productId: COFFEE, quantity: 2 }],
      display: { x: 1 },
      customerId: null,
    },
  },
  'cart.cleared': {
    ...base,
    action: 'cart.cleared',
    details: {
      reason: null,
      itemCount: 3,
      totalCents: 750,
      lines: [{ productId: COFFEE, quantity: 3 }],
      display: [{ name: 'Coffee', quantity: 3 }],
      customerId: null,
    },
  },
  'refund.created': {
    ...base,
    action: 'refund.created',
    approvedBy: DANA,
    subjectId: GHOST,
    details: {
      saleId: ORDER,
      saleOrderNumber: 'R1-0042',
      totalCents: -1250,
      refundTo: 'original',
      reason: 'spilt',
    },
  },
  'employee.saved': {
    ...base,
    action: 'employee.saved',
    subjectId: DANA,
    details: { name: 'Dana', role: 'manager', isActive: true, pinChanged: true },
  },
  'catalog.imported': {
    ...base,
    action: 'catalog.imported',
    details: { created: 3, updated: 2, unchanged: 1, rejected: 0 },
  },
  'catalog.productSaved': {
    ...base,
    action: 'catalog.productSaved',
    subjectId: COFFEE,
    details: { isNew: true, sku: 'COF-1', name: 'Coffee', priceCents: 250, isActive: true },
  },
  'catalog.categorySaved': {
    ...base,
    action: 'catalog.categorySaved',
    subjectId: GHOST,
    details: { isNew: false, name: 'Drinks' },
  },
  'receipt.reprinted': {
    ...base,
    action: 'receipt.reprinted',
    subjectId: ORDER,
    details: { kind: 'receipt', printerId: GHOST, orderNumber: 'R1-0042' },
  },
  'register.configChanged': {
    ...base,
    action: 'register.configChanged',
    details: {
      before: { mode: 'register', language: 'en' },
      after: { mode: 'register', language: 'ar', printers: [{ name: 'Front' }] },
    },
  },
  'store.optionsChanged': {
    ...base,
    action: 'store.optionsChanged',
    details: {
      before: { discountLimitPercent: 10, approvals: ['void'] },
      after: { discountLimitPercent: 15, approvals: ['void'] },
    },
  },
  'sync.reenrolled': {
    ...base,
    action: 'sync.reenrolled',
    details: { serverUrl: 'https://pos.example', storeId: GHOST, deviceId: FRONT },
  },
  'shift.opened': {
    ...base,
    action: 'shift.opened',
    subjectId: GHOST,
    details: { openingCashCents: 10000, registerCode: '1' },
  },
  'shift.closed': {
    ...base,
    action: 'shift.closed',
    approvedBy: DANA,
    subjectId: GHOST,
    details: { expectedCashCents: 15000, countedCashCents: 14950, differenceCents: -50 },
  },
  'cash.movement': {
    ...base,
    action: 'cash.movement',
    subjectId: GHOST,
    details: { shiftId: GHOST, kind: 'OUT', amountCents: 2000, reason: 'milk' },
  },
  'drawer.noSale': {
    ...base,
    action: 'drawer.noSale',
    approvedBy: DANA,
    subjectId: GHOST,
    details: { reason: 'change for a note', shiftId: GHOST },
  },
  'drawer.opened': {
    ...base,
    action: 'drawer.opened',
    subjectId: ORDER,
    details: { reason: 'cash sale', orderId: ORDER, printer: 'Front' },
  },
  'conflict.resolved': {
    ...base,
    action: 'conflict.resolved',
    subjectId: GHOST,
    details: { resolution: 'take-client' },
  },
}

const english: Record<string, string> = {
  'sale.discountApproved':
    'Sam gave a discount above the 10% limit on order R1-0042, total $12.50, approved by Dana (manager), register Front 1',
  'sale.voided':
    'Sam voided a sale of 2 items (Coffee) worth $5.00: customer left, approved by Dana (manager), register Front 1',
  'cart.cleared': 'Sam cleared an unpaid cart of 3 items (Coffee) worth $7.50, register Front 1',
  'refund.created':
    'Sam refunded $12.50 on order R1-0042 to the original payment: spilt, approved by Dana (manager), register Front 1',
  'employee.saved':
    'Sam saved the employee Dana as manager, active, and changed the PIN, register Front 1',
  'catalog.imported':
    'Sam imported products: 3 new, 2 updated, 1 unchanged, 0 rejected, register Front 1',
  'catalog.productSaved': 'Sam added the product Coffee (SKU COF-1) at $2.50, register Front 1',
  'catalog.categorySaved': 'Sam changed the category Drinks, register Front 1',
  'receipt.reprinted': 'Sam reprinted the receipt of order R1-0042, register Front 1',
  'register.configChanged':
    'Sam changed the register settings: language Arabic, 1 printers, register Front 1',
  'store.optionsChanged': 'Sam changed 1 store options: discount limit percent, register Front 1',
  'sync.reenrolled':
    'Sam moved the register to another store or server (https://pos.example), register Front 1',
  'shift.opened': 'Sam opened a shift with $100.00 in the drawer, register Front 1',
  'shift.closed':
    'Sam closed the shift: counted $149.50, expected $150.00, difference \u2212$0.50, approved by Dana (manager), register Front 1',
  'cash.movement': 'Sam took $20.00 out of the drawer: milk, register Front 1',
  'drawer.noSale':
    'Sam opened the drawer without a sale: change for a note, approved by Dana (manager), register Front 1',
  'drawer.opened': 'The drawer opened for a cash sale by Sam, order R1-0042, register Front 1',
  'conflict.resolved':
    'Sam resolved a sync conflict: took this register’s version, register Front 1',
}

describe('the audit log in words', () => {
  it('has a sentence for every action the registers write', () => {
    expect(Object.keys(events).sort()).toEqual([...knownAuditActions].sort())
  })

  for (const action of knownAuditActions) {
    it(`describes ${action} in English`, () => {
      const description = describeAuditEvent(events[action]!, lookups('en'))
      expect(auditSentence(description, 'en')).toBe(english[action])
      expect(auditActionLabel(description, 'en')).not.toBe(auditMessages.en.actions.other)
      expect(description.when).toBe(base.createdAt)
    })

    it(`describes ${action} in Arabic, with no English word, JSON or id left`, () => {
      const description = describeAuditEvent(events[action]!, lookups('ar'))
      const sentence = auditSentence(description, 'ar')
      expect(sentence).toMatch(/[\u0600-\u06FF]/)
      expect(sentence).toContain('Front 1')
      expect(sentence).not.toMatch(UUID)
      expect(sentence).not.toContain('{')
      expect(sentence).not.toContain('[')
      expect(auditActionLabel(description, 'ar')).toMatch(/[\u0600-\u06FF]/)
      if (events[action]!.approvedBy) expect(sentence).toContain('بموافقة Dana (مدير)')
      // Every word is Arabic but the names, the typed reasons, the server address and the codes.
      const leftovers = sentence
        .replace(
          /Sam|Dana|Front 1|Coffee|Drinks|COF-1|customer left|spilt|milk|change for a note|R1-0042|https:\/\/pos\.example|US\$|\$/g,
          '',
        )
        .match(/[A-Za-z]{3,}/g)
      expect(leftovers ?? [], sentence).toEqual([])
    })
  }

  it('names the amount in the same money format as the rest of the app', () => {
    const refund = describeAuditEvent(events['refund.created']!, lookups('en'))
    expect(refund.params.amount).toBe('$12.50')
    expect(refund.amountCents).toBe(1250)
    const arabic = describeAuditEvent(events['refund.created']!, lookups('ar'))
    expect(arabic.params.amount).toBe(formatMoney(1250, 'USD', 'ar-EG'))
    expect(arabic.params.amount).toContain('\u0661\u0662\u066b\u0665\u0660')
  })

  it('shows an unknown person, register or order by a short code, never the id', () => {
    const event: AuditEventInput = {
      ...events['refund.created']!,
      employeeId: GHOST,
      approvedBy: GHOST,
      deviceId: GHOST,
      details: { saleId: GHOST, totalCents: 100, refundTo: 'cash' },
    }
    const sentence = auditSentence(describeAuditEvent(event, lookups('en')), 'en')
    expect(sentence).toBe(
      'unknown employee #00ABCD refunded $1.00 on order unknown order #00ABCD to cash, approved by unknown employee #00ABCD, register unknown register #00ABCD',
    )
    expect(sentence).not.toMatch(UUID)
  })

  it('describes an unknown action in words from its name and simple details', () => {
    const event: AuditEventInput = {
      ...base,
      action: 'loyalty.pointsAdjusted',
      details: { points: 40, note: `for ${GHOST}`, nested: { a: 1 }, list: [1, 2], isGift: true },
    }
    const description = describeAuditEvent(event, lookups('en'))
    expect(description.actionLabelKey).toBe('other')
    const sentence = auditSentence(description, 'en', { withRegister: false })
    expect(sentence).toBe(
      'Sam: loyalty points adjusted (points: 40, note: for #00ABCD, is gift: yes)',
    )
    expect(sentence).not.toContain('{')
    expect(actionWords('sale.discountApproved')).toBe('sale discount approved')
  })

  it('says "someone" when nobody signed in and leaves out empty optional parts', () => {
    const event: AuditEventInput = {
      ...events['drawer.noSale']!,
      employeeId: null,
      approvedBy: null,
      deviceId: null,
      details: { reason: '  ' },
    }
    expect(auditSentence(describeAuditEvent(event, lookups('en')), 'en')).toBe(
      'someone opened the drawer without a sale',
    )
  })

  it('fills each parameter once, so a name holding braces stays as typed', () => {
    expect(fillTemplate('{who} saw {name}[ ({reason})]', { who: '{name}', name: 'x' })).toBe(
      '{name} saw x',
    )
  })
})
