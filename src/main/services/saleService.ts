import { DomainError, settleTender, type PricingRules } from '../../shared/domain'
import type { InvokeParsedInput } from '../../shared/ipc/contract'
import { PosError } from '../../shared/ipc/errors'
import type { StoreOptions, TenderMethod } from '../../shared/store/options'
import type { DeviceIdentity } from '../store/identityRepository'
import type { RegisterStore, SaleCommitOptions } from '../store/repositories'
import type { CommitResult, PricedPayment, PricedSale } from '../store/saleRepository'
import type { Authority, Authorization } from './authority'
import {
  authorizeSaleDiscounts,
  discountApprovalRequired,
  discountsAsked,
} from './discountApproval'
import { pricingRulesOf } from './pricing'
import { priceCart } from './salePricing'

type SaleDraft = InvokeParsedInput<'sale:complete'>
type PaymentDraft = SaleDraft['payments'][number]

export interface SaleOptions extends SaleCommitOptions {
  /** Who sells (stored on the order) and who may approve a discount above the limit. */
  authority?: Authority
  /** Defaults to the stored options; the handler passes the ones it already read. */
  storeOptions?: StoreOptions
}

/**
 * Prices a draft from the catalog (never from the renderer's figures), checks it is fully paid,
 * and stores it. Returns the stored order's id; a replayed clientRequestId returns the earlier
 * sale untouched (isNew false) without pricing it or asking for approval again.
 */
export function completeSale(
  store: RegisterStore,
  device: DeviceIdentity,
  draft: SaleDraft,
  now: string,
  options: SaleOptions = {},
): CommitResult {
  const replayed = store.sales.findOrderIdByRequest(draft.clientRequestId)
  if (replayed) return { orderId: replayed, isNew: false }

  const storeOptions = options.storeOptions ?? store.settings.getStoreOptions()
  const shiftId = store.sales.openShiftId(device.deviceId)
  if (storeOptions.requireOpenShift && !shiftId)
    throw new PosError('SHIFT_REQUIRED', 'Open a shift on this register before selling.')
  const settings = store.settings.getStoreSettings()
  const rules = pricingRulesOf(settings)
  const priced = priceCart(store, draft, rules, storeOptions)
  if (draft.customerId !== undefined && !store.customers.customerExists(draft.customerId))
    throw new PosError('NOT_FOUND', 'That customer is not on this register.', 'customerId')

  const tenders = draft.payments.map((payment, index) =>
    resolveTender(payment, index, storeOptions),
  )
  const tender = settleOrRefuse(priced.totals.totalCents, draft.payments, rules)
  if (!tender.isFullyPaid) {
    throw new PosError(
      'PAYMENT_INSUFFICIENT',
      `The sale is not fully paid: ${tender.remainingCents} cents still due.`,
      'payments',
    )
  }
  const payments = allocateChange(draft.payments, tenders, tender.changeCents)

  // Last, so a sale refused for any other reason does not use up the manager's approval.
  let approval: Authorization | null = null
  const heldApprovalIds = draft.discountApprovalIds ?? []
  if (priced.discountsAboveLimit.length > 0) {
    const asked = discountsAsked(draft, priced, settings.currency)
    if (!options.authority) throw discountApprovalRequired(asked)
    approval = authorizeSaleDiscounts(options.authority, asked, heldApprovalIds, draft.approvalId)
  }
  const { totals } = priced
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
    lines: priced.lines,
    payments,
    now,
    employeeId: options.authority?.current()?.employeeId ?? null,
    shiftId,
    customerId: draft.customerId ?? null,
    note: draft.note || null,
  }
  const { authority } = options
  const result = store.sales.commit(sale, {
    afterItemsInserted: options.afterItemsInserted,
    afterCommit:
      approval && authority
        ? (repositories, orderId) =>
            authority.audit(repositories.audit, {
              action: 'sale.discountApproved',
              actor: approval.actor,
              approvedBy: approval.approvedBy,
              subjectId: orderId,
              details: {
                limitPercent: storeOptions.discountLimitPercent,
                discounts: priced.discountsAboveLimit,
                totalCents: totals.totalCents,
              },
            })
        : options.afterCommit,
  })
  // Stored: the discounts' approvals are spent.
  authority?.useDiscountGrants(heldApprovalIds)
  return result
}

/** The configured tender a payment is taken on: named, or the one called like its method. */
export function resolveTender(
  payment: PaymentDraft,
  index: number,
  options: StoreOptions,
): TenderMethod {
  const path = (field: string) => `payments.${index}.${field}`
  const { tenderMethods } = options
  const tender =
    payment.tenderId !== undefined
      ? tenderMethods.find((candidate) => candidate.id === payment.tenderId)
      : (tenderMethods.find(
          (candidate) => candidate.id === payment.method && candidate.kind === payment.method,
        ) ?? tenderMethods.find((candidate) => candidate.kind === payment.method))
  if (!tender)
    throw new PosError(
      'PAYMENT_INVALID',
      payment.tenderId !== undefined
        ? `This store does not take "${payment.tenderId}".`
        : `This store does not take ${payment.method} payments.`,
      path(payment.tenderId !== undefined ? 'tenderId' : 'method'),
    )
  if (tender.kind !== payment.method)
    throw new PosError(
      'PAYMENT_INVALID',
      `${tender.label} is not a ${payment.method} payment.`,
      path('tenderId'),
    )
  if (tender.requiresReference && !payment.referenceNumber?.trim())
    throw new PosError(
      'PAYMENT_INVALID',
      `Enter the ${tender.label} reference number.`,
      path('referenceNumber'),
    )
  return tender
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
function allocateChange(
  drafts: SaleDraft['payments'],
  tenders: readonly TenderMethod[],
  changeCents: number,
): PricedPayment[] {
  let changeLeft = changeCents
  const priced = drafts.map((payment, index) => ({
    method: payment.method,
    amountCents: payment.amountCents,
    tenderedCents: payment.amountCents,
    changeCents: 0,
    referenceNumber: payment.referenceNumber?.trim() || null,
    tenderId: tenders[index]?.id ?? null,
    label: tenders[index]?.label ?? null,
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
