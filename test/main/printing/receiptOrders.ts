import type { RegisterCore } from '../../../src/main/core'
import type { RenderInput } from '../../../src/main/printing/render'
import type { ReceiptOrder } from '../../../src/shared/receipt/types'
import { call } from '../../support/registerCore'
import { catalogBySku, choiceId, embeddedEan13, sell } from '../services/salesSupport'

export const store = { name: 'AuraFlow Demo Café', code: 'S01', currency: 'USD', locale: 'en-US' }

/**
 * A real sale through the register core: a large cappuccino with two modifiers, a note and a 10 %
 * line discount, weighed bananas, milk at the grocery tax rate, $1 off the order, split card + cash.
 */
export async function sellMixedOrder(core: RegisterCore) {
  const catalog = await catalogBySku(core)
  const cappuccino = catalog.get('COF-CAP')!
  return sell(
    core,
    [
      {
        productId: cappuccino.id,
        quantity: 2,
        variantId: choiceId(cappuccino, 'Large'),
        modifierOptionIds: [choiceId(cappuccino, 'Oat milk'), choiceId(cappuccino, 'Extra shot')],
        note: 'extra hot',
        discount: { type: 'percent', percent: 10 },
      },
      {
        productId: catalog.get('GRO-BKG')!.id,
        quantity: 1,
        scannedBarcode: embeddedEan13('2100042', 452),
      },
      { productId: catalog.get('GRO-MLK')!.id, quantity: 1 },
    ],
    [
      { method: 'card', amountCents: 1000, referenceNumber: 'AUTH-7731' },
      { method: 'cash', amountCents: 2000 },
    ],
    { orderDiscount: { type: 'amount', amountCents: 100 } },
  )
}

export async function sellCardOnly(core: RegisterCore) {
  const catalog = await catalogBySku(core)
  return sell(
    core,
    [{ productId: catalog.get('COF-LAT')!.id, quantity: 1 }],
    [{ method: 'card', amountCents: 514 }],
  )
}

export async function refundFirstLine(core: RegisterCore, sale: ReceiptOrder) {
  return call(core, 'refund:create', {
    clientRequestId: crypto.randomUUID(),
    orderId: sale.id,
    lines: [{ orderItemId: sale.items[0]!.id, quantity: 1 }],
    refundTo: 'original',
    reason: 'wrong size',
  })
}

/**
 * The real order with its clock, ids and number fixed, so rendering it gives the same bytes on
 * every run (the figures, names and tenders stay the core's own).
 */
export function pinned(order: ReceiptOrder, orderNumber = 'S01-R01-000042'): ReceiptOrder {
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
  return {
    ...order,
    id: id(1),
    orderNumber,
    createdAt: '2026-03-14T15:09:26.000Z',
    employeeId: id(2),
    refundOfOrderId: order.refundOfOrderId ? id(3) : null,
    refundOfOrderNumber: order.refundOfOrderNumber ? 'S01-R01-000041' : null,
    items: order.items.map((item, index) => ({
      ...item,
      id: id(100 + index),
      productId: item.productId ? id(200 + index) : null,
      refundOfItemId: item.refundOfItemId ? id(300 + index) : null,
    })),
    payments: order.payments.map((payment, index) => ({ ...payment, id: id(400 + index) })),
    refunds: [],
  }
}

export function receiptInput(
  order: ReceiptOrder | null,
  overrides: Partial<RenderInput> = {},
): RenderInput {
  return {
    kind: 'receipt',
    order,
    isCopy: false,
    paperWidthMm: 80,
    language: 'en',
    store,
    registerCode: 'R01',
    footer: 'Thank you!',
    now: '2026-03-14T15:10:00.000Z',
    ...overrides,
  }
}
