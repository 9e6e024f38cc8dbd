import type { ReactNode } from 'react'
import { v4 as uuidv4 } from 'uuid'
import type { PricingRules } from '../../src/shared/domain'
import { AppInfoContext, type AppInfo } from '../../src/renderer/src/appInfo'
import type { OrderDetail } from '../../src/renderer/src/types'

type OrderItem = OrderDetail['items'][number]
type Payment = OrderDetail['payments'][number]

/** A Swiss store: prices include tax, cash rounds to 5 centimes. */
export const swissRules: PricingRules = {
  pricesIncludeTax: true,
  taxRounding: 'line',
  roundingMode: 'half-up',
  cashRoundingIncrementCents: 5,
}

export function appInfo(pricingRules: PricingRules = swissRules): AppInfo {
  return {
    appName: 'AuraFlow POS',
    version: '0.0.0-test',
    host: 'web',
    deviceId: uuidv4(),
    storeName: 'Test Café',
    storeCode: 'S01',
    registerCode: 'R1',
    currency: 'CHF',
    locale: 'en-CH',
    pricingRules,
  }
}

/** renderHook's wrapper: what the app provides once app:getInfo has loaded. */
export function withAppInfo(info: AppInfo = appInfo()) {
  return function AppInfoWrapper({ children }: { children: ReactNode }) {
    return <AppInfoContext.Provider value={info}>{children}</AppInfoContext.Provider>
  }
}

/** A sold line at 8.1% included tax; `quantity` and `unitPriceCents` set the amounts. */
export function orderItem(fields: Partial<OrderItem> & Pick<OrderItem, 'name'>): OrderItem {
  const quantity = fields.quantity ?? 1
  const totalCents = (fields.unitPriceCents ?? 450) * quantity
  const taxCents = Math.round((totalCents * 810) / 10_810)
  return {
    id: uuidv4(),
    productId: uuidv4(),
    sku: fields.name.toUpperCase().replace(/\W+/g, '-'),
    unitPriceCents: 450,
    quantity,
    taxRateBasisPoints: 810,
    discountCents: 0,
    netCents: totalCents - taxCents,
    taxCents,
    totalCents,
    variantName: null,
    modifiers: [],
    note: null,
    refundOfItemId: null,
    weightGrams: null,
    refundedQuantity: 0,
    ...fields,
  }
}

export function payment(fields: Partial<Payment> & Pick<Payment, 'method'>): Payment {
  return {
    id: uuidv4(),
    label: null,
    amountCents: 100,
    tenderedCents: fields.amountCents ?? 100,
    changeCents: 0,
    referenceNumber: null,
    status: 'COMPLETED',
    ...fields,
  }
}

/** A completed sale (or refund) as order:get returns it, totalled from its items. */
export function orderDetail(fields: Partial<OrderDetail> = {}): OrderDetail {
  const items = fields.items ?? [orderItem({ name: 'Caffè Latte' })]
  const totalCents = items.reduce((sum, item) => sum + item.totalCents, 0)
  return {
    id: uuidv4(),
    orderNumber: 'S01-R1-000001',
    status: 'COMPLETED',
    createdAt: '2026-12-02T08:00:00.000Z',
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    totalCents,
    currency: 'CHF',
    syncStatus: 'PENDING',
    kind: 'SALE',
    refundOfOrderId: null,
    subtotalCents: totalCents,
    discountCents: 0,
    taxCents: items.reduce((sum, item) => sum + item.taxCents, 0),
    cashRoundingCents: 0,
    employeeId: null,
    employeeName: null,
    shiftId: null,
    customerId: null,
    customerName: null,
    note: null,
    refundReason: null,
    lateForShift: false,
    items,
    payments: [payment({ method: 'cash', amountCents: totalCents })],
    refunds: [],
    refundOfOrderNumber: null,
    ...fields,
  }
}
