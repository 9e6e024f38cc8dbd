import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { settingsFromEnv } from '../../../src/server/config'
import { receiptProgress, valueCents } from '../../../src/server/purchasing/receiptProgress'

const labels = new Map([['p1', { name: 'Beans', sku: 'B-1' }]])

describe('receipt progress of a purchase order', () => {
  it('values thousandths × cents half-up, exactly', () => {
    expect(valueCents(1500, 333)).toBe(500) // 1.5 × 3.33 = 4.995 → 5.00
    expect(valueCents(2500, 333)).toBe(833) // 832.5 → 833
    expect(valueCents(-2500, 333)).toBe(-833)
    // A million units at the highest cost stays an exact safe integer.
    expect(valueCents(1_000_000_000, 99_999_999)).toBe(99_999_999_000_000)
  })

  it('reads ordered, partly received, received, and a product received that was never ordered', () => {
    const order = {
      status: 'ORDERED',
      lines: [{ productId: 'p1', quantity: 10, unitCostCents: 500 }],
    }
    expect(receiptProgress(order, [], labels).status).toBe('ORDERED')
    const partly = receiptProgress(order, [{ productId: 'p1', quantity: 4 }], labels)
    expect(partly.status).toBe('PARTIALLY_RECEIVED')
    expect(partly.lines[0]).toMatchObject({
      name: 'Beans',
      ordered: 10,
      received: 4,
      outstanding: 6,
    })
    const over = receiptProgress(
      order,
      [
        { productId: 'p1', quantity: 12 },
        { productId: 'p2', variantId: 'v', quantity: 1, unitCostCents: 70 },
      ],
      labels,
    )
    expect(over.status).toBe('RECEIVED')
    expect(over.lines[0]).toMatchObject({ received: 12, outstanding: 0 })
    expect(over.lines[1]).toMatchObject({
      productId: 'p2',
      variantId: 'v',
      ordered: 0,
      received: 1,
    })
    expect(over.receivedCents).toBe(12 * 500 + 70)
    expect(receiptProgress({ ...order, status: 'CANCELLED' }, [], labels).status).toBe('CANCELLED')
    expect(receiptProgress({ ...order, status: 'DRAFT' }, [], labels).status).toBe('DRAFT')
  })

  it('counts every receipt once, whatever order and split the registers sync them in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (millis, seed) => {
          const receipts = millis.map((milli) => ({ productId: 'p1', quantity: milli / 1000 }))
          const shuffled = [...receipts].sort(
            (a, b) => ((a.quantity * 7919 + seed) % 97) - ((b.quantity * 7919 + seed) % 97),
          )
          const order = {
            status: 'ORDERED',
            lines: [{ productId: 'p1', quantity: 50, unitCostCents: 199 }],
          }
          const total = millis.reduce((sum, milli) => sum + milli, 0)
          const one = receiptProgress(order, receipts, labels)
          const other = receiptProgress(order, shuffled, labels)
          expect(one.lines[0]!.received).toBe(total / 1000)
          expect(other).toEqual(one)
          expect(one.receivedCents).toBe(valueCents(total, 199))
        },
      ),
    )
  })
})

describe('mail settings from the environment', () => {
  it('takes AURAFLOW_SMTP_URL and AURAFLOW_SMTP_FROM together, and refuses one without the other', () => {
    expect(settingsFromEnv({}, '/tmp').config.smtp).toBeNull()
    const both = settingsFromEnv(
      { AURAFLOW_SMTP_URL: 'smtp://mail.example:587', AURAFLOW_SMTP_FROM: 'Shop <o@shop.example>' },
      '/tmp',
    )
    expect(both.config.smtp).toEqual({
      url: 'smtp://mail.example:587',
      from: 'Shop <o@shop.example>',
    })
    expect(() => settingsFromEnv({ AURAFLOW_SMTP_URL: 'smtp://mail.example' }, '/tmp')).toThrow(
      /set together/,
    )
    expect(() =>
      settingsFromEnv({ AURAFLOW_SMTP_URL: 'http://x', AURAFLOW_SMTP_FROM: 'a@b.c' }, '/tmp'),
    ).toThrow()
  })
})
