import {
  computeOrderTotals,
  DomainError,
  settleTender,
  type PricingRules,
} from '../../shared/domain'
import type { InvokeParsedInput } from '../../shared/ipc/contract'
import { PosError } from '../../shared/ipc/errors'
import type { RegisterDb } from '../store/database'
import { findProducts } from '../store/catalogRepository'
import { getStoreSettings, type DeviceIdentity } from '../store/identityRepository'
import {
  commitSale,
  type CommitSaleOptions,
  type PricedPayment,
  type PricedSale,
} from '../store/saleRepository'
import { pricingRulesOf } from './pricing'

type SaleDraft = InvokeParsedInput<'sale:complete'>

/**
 * Prices a draft from the catalog (never from the renderer's figures), checks it is fully paid,
 * and stores it. Returns the stored order's id and the change to hand back.
 */
export function completeSale(
  db: RegisterDb,
  device: DeviceIdentity,
  draft: SaleDraft,
  now: string,
  options: CommitSaleOptions = {},
): { orderId: string; isNew: boolean } {
  const settings = getStoreSettings(db)
  const rules = pricingRulesOf(settings)
  const found = new Map(
    findProducts(
      db,
      draft.lines.map((line) => line.productId),
    ).map((row) => [row.id, row]),
  )
  const lines = draft.lines.map((line, index) => {
    const product = found.get(line.productId)
    if (!product || !product.isActive) {
      throw new PosError(
        'PRODUCT_UNAVAILABLE',
        'A product in this sale is no longer for sale.',
        `lines.${index}.productId`,
      )
    }
    return { product, quantity: line.quantity }
  })

  const totals = computeOrderTotals(
    {
      lines: lines.map(({ product, quantity }) => ({
        unitPriceCents: product.priceCents,
        quantity,
        taxRateBasisPoints: product.taxRateBasisPoints,
      })),
    },
    rules,
  )
  const tender = settleOrRefuse(totals.totalCents, draft.payments, rules)
  if (!tender.isFullyPaid) {
    throw new PosError(
      'PAYMENT_INSUFFICIENT',
      `The sale is not fully paid: ${tender.remainingCents} cents still due.`,
      'payments',
    )
  }
  const sale: PricedSale = {
    clientRequestId: draft.clientRequestId,
    deviceId: device.deviceId,
    storeCode: settings.storeCode,
    registerCode: device.registerCode,
    currency: settings.currency,
    subtotalCents: totals.subtotalCents,
    discountCents: totals.discountCents,
    taxCents: totals.taxCents,
    totalCents: totals.totalCents,
    cashRoundingCents: tender.cashRoundingAdjustmentCents,
    lines: lines.map(({ product, quantity }, index) => {
      const line = totals.lines[index]
      if (!line) throw new Error('Totals engine returned fewer lines than it was given.')
      return {
        productId: product.id,
        sku: product.sku,
        name: product.name,
        unitPriceCents: product.priceCents,
        quantity,
        taxRateBasisPoints: product.taxRateBasisPoints,
        discountCents: line.lineDiscountCents + line.orderDiscountShareCents,
        netCents: line.netCents,
        taxCents: line.taxCents,
        totalCents: line.totalCents,
      }
    }),
    payments: allocateChange(draft.payments, tender.changeCents),
    now,
  }
  return commitSale(db, sale, options)
}

/** Tender rules broken by the cashier's input (card above the amount due, …) are the cashier's to fix. */
function settleOrRefuse(totalCents: number, payments: SaleDraft['payments'], rules: PricingRules) {
  try {
    return settleTender(
      totalCents,
      payments.map((payment) => ({ method: payment.method, amountCents: payment.amountCents })),
      rules,
    )
  } catch (error) {
    if (error instanceof DomainError)
      throw new PosError('PAYMENT_INVALID', error.message, 'payments')
    throw error
  }
}

/** Change comes out of the cash handed over, last cash payment first. */
function allocateChange(drafts: SaleDraft['payments'], changeCents: number): PricedPayment[] {
  let changeLeft = changeCents
  const priced = drafts.map((payment) => ({
    method: payment.method,
    amountCents: payment.amountCents,
    tenderedCents: payment.amountCents,
    changeCents: 0,
    referenceNumber: payment.referenceNumber ?? null,
  }))
  for (const payment of priced.toReversed()) {
    if (changeLeft === 0) break
    if (payment.method !== 'cash') continue
    const fromThis = Math.min(changeLeft, payment.tenderedCents)
    payment.changeCents = fromThis
    payment.amountCents = payment.tenderedCents - fromThis
    changeLeft -= fromThis
  }
  if (changeLeft !== 0)
    throw new PosError('PAYMENT_INVALID', 'Change can only be given from cash.', 'payments')
  return priced
}
