import { v4 as uuidv4, v7 as uuidv7 } from 'uuid'
import type { RegisterCore } from '../../../src/main/core'
import { pricingRulesOf } from '../../../src/main/services/pricing'
import { getStoreSettings } from '../../../src/main/store/identityRepository'
import { orderItems, orders, payments } from '../../../src/main/store/schema'
import { computeOrderTotals, settleTender } from '../../../src/shared/domain'
import { call } from '../../support/registerCore'

export interface StoredSale {
  orderId: string
  totalCents: number
  taxCents: number
  /** What each method kept (cash after change), as the drawer sees it. */
  paidCents: Record<'cash' | 'card' | 'other', number>
}

/**
 * Stores a priced sale linked to a shift the way sale:complete does (order, items, payments),
 * for reports that must not depend on the checkout path. `isLate` simulates an order the pull
 * flagged because its shift had already closed here.
 */
export async function storeSale(
  core: RegisterCore,
  sale: {
    shiftId: string
    lines: { sku: string; quantity: number }[]
    payments: { method: 'cash' | 'card' | 'other'; amountCents: number }[]
    isLate?: boolean
  },
): Promise<StoredSale> {
  const catalog = await call(core, 'catalog:list')
  const bySku = new Map(catalog.products.map((product) => [product.sku, product]))
  const products = sale.lines.map((line) => ({ ...bySku.get(line.sku)!, quantity: line.quantity }))
  const rules = pricingRulesOf(getStoreSettings(core.database.db))
  const totals = computeOrderTotals(
    {
      lines: products.map((product) => ({
        unitPriceCents: product.priceCents,
        quantity: product.quantity,
        taxRateBasisPoints: product.taxRateBasisPoints,
      })),
    },
    rules,
  )
  const tender = settleTender(totals.totalCents, sale.payments, rules)
  const kept = sale.payments.map((payment) => ({ ...payment, changeCents: 0 }))
  let change = tender.changeCents
  for (const payment of kept.toReversed()) {
    if (payment.method !== 'cash' || change === 0) continue
    payment.changeCents = Math.min(change, payment.amountCents)
    change -= payment.changeCents
  }
  const orderId = uuidv7()
  const now = new Date().toISOString()
  const meta = { deviceId: core.device.deviceId, syncStatus: 'PENDING' as const, updatedAt: now }
  const { db } = core.database
  db.transaction((tx) => {
    tx.insert(orders)
      .values({
        ...meta,
        id: orderId,
        orderNumber: `T-${orderId.slice(-6)}`,
        clientRequestId: uuidv4(),
        status: 'COMPLETED',
        currency: 'USD',
        itemCount: products.reduce((sum, product) => sum + product.quantity, 0),
        subtotalCents: totals.subtotalCents,
        discountCents: totals.discountCents,
        taxCents: totals.taxCents,
        totalCents: totals.totalCents,
        cashRoundingCents: tender.cashRoundingAdjustmentCents,
        shiftId: sale.shiftId,
        lateForShift: sale.isLate ?? false,
        createdAt: now,
      })
      .run()
    products.forEach((product, index) => {
      const line = totals.lines[index]!
      tx.insert(orderItems)
        .values({
          ...meta,
          id: uuidv7(),
          orderId,
          lineNumber: index + 1,
          productId: product.id,
          sku: product.sku,
          name: product.name,
          unitPriceCents: product.priceCents,
          quantity: product.quantity,
          taxRateBasisPoints: product.taxRateBasisPoints,
          netCents: line.netCents,
          taxCents: line.taxCents,
          totalCents: line.totalCents,
        })
        .run()
    })
    for (const payment of kept)
      tx.insert(payments)
        .values({
          ...meta,
          id: uuidv7(),
          orderId,
          method: payment.method,
          amountCents: payment.amountCents - payment.changeCents,
          tenderedCents: payment.amountCents,
          changeCents: payment.changeCents,
          tenderId: payment.method,
          status: 'COMPLETED',
          createdAt: now,
        })
        .run()
  })
  const paidCents = { cash: 0, card: 0, other: 0 }
  for (const payment of kept) paidCents[payment.method] += payment.amountCents - payment.changeCents
  return { orderId, totalCents: totals.totalCents, taxCents: totals.taxCents, paidCents }
}

/** Outbox entries by entity, for checking what will sync. */
export function outboxByEntity(core: RegisterCore): Record<string, number> {
  const rows = core.database.sqlite
    .prepare('select entity, count(*) as n from outbox group by entity')
    .all() as { entity: string; n: number }[]
  return Object.fromEntries(rows.map((row) => [row.entity, row.n]))
}
