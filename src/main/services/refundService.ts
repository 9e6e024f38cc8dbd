import {
  DomainError,
  refundLineAmounts,
  roundToIncrement,
  splitRefundOverTenders,
} from '../../shared/domain'
import type { InvokeParsedInput } from '../../shared/ipc/contract'
import { PosError } from '../../shared/ipc/errors'
import type { StoreOptions } from '../../shared/store/options'
import type { DeviceIdentity } from '../store/identityRepository'
import type { OrderDetailRow } from '../store/orderRepository'
import type { RegisterStore } from '../store/repositories'
import type { CommitResult, PricedLine, PricedPayment } from '../store/saleRepository'
import type { Authority } from './authority'
import { pricingRulesOf } from './pricing'

type RefundDraft = InvokeParsedInput<'refund:create'>

export interface RefundContext {
  authority: Authority
  storeOptions: StoreOptions
  device: DeviceIdentity
  now: string
}

/**
 * Gives back some or all of a sale as a new REFUND order (negative money, positive quantities)
 * referencing it; the sale itself is never changed. Units already given back by any refund —
 * made here or synced from another register — count against what is left.
 */
export function createRefund(
  store: RegisterStore,
  draft: RefundDraft,
  context: RefundContext,
): CommitResult {
  const replayed = store.sales.findOrderIdByRequest(draft.clientRequestId)
  if (replayed) return { orderId: replayed, isNew: false }
  const { authority, storeOptions, device, now } = context
  const shiftId = store.sales.openShiftId(device.deviceId)
  if (storeOptions.requireOpenShift && !shiftId)
    throw new PosError('SHIFT_REQUIRED', 'Open a shift on this register before refunding.')
  const settings = store.settings.getStoreSettings()
  const rules = pricingRulesOf(settings)

  // One transaction: what is left to refund is read and used up atomically.
  return store.transaction((repositories) => {
    const sale = repositories.orders.getOrderDetail(draft.orderId)
    if (!sale) throw new PosError('NOT_FOUND', 'That sale is not on this register.', 'orderId')
    if (sale.kind !== 'SALE')
      throw new PosError(
        'VALIDATION_FAILED',
        'That is a refund; refund the original sale instead.',
        'orderId',
      )
    const lines = refundLines(sale, draft.lines)
    const sum = (key: 'netCents' | 'taxCents' | 'totalCents' | 'discountCents') =>
      lines.reduce((total, line) => total + line[key], 0)
    const totalCents = sum('totalCents')

    const cashTender =
      storeOptions.tenderMethods.find((tender) => tender.id === 'cash' && tender.kind === 'cash') ??
      storeOptions.tenderMethods.find((tender) => tender.kind === 'cash')
    const shares = splitRefundOverTenders(
      -totalCents,
      sale.payments.map((payment) => ({
        method: payment.method,
        amountCents: payment.amountCents,
      })),
      draft.refundTo,
    )
    const payments: PricedPayment[] = shares.map((share) => {
      const original = share.tenderIndex === null ? undefined : sale.payments[share.tenderIndex]
      return {
        method: share.method,
        amountCents: -share.amountCents,
        tenderedCents: -share.amountCents,
        changeCents: 0,
        referenceNumber: original?.referenceNumber ?? null,
        tenderId: original ? original.tenderId : (cashTender?.id ?? null),
        label: original ? original.label : (cashTender?.label ?? 'Cash'),
      }
    })
    // Cash handed back is rounded like cash taken; the difference is recorded as on a sale.
    let cashRoundingCents = 0
    const cashPayments = payments.filter((payment) => payment.method === 'cash')
    const lastCash = cashPayments.at(-1)
    if (lastCash && rules.cashRoundingIncrementCents > 1) {
      const exact = cashPayments.reduce((total, payment) => total + payment.amountCents, 0)
      const rounded = -roundToIncrement(
        -exact,
        rules.cashRoundingIncrementCents,
        rules.roundingMode,
      )
      cashRoundingCents = rounded - exact
      lastCash.amountCents += cashRoundingCents
      lastCash.tenderedCents = lastCash.amountCents
    }

    const { actor, approvedBy } = authority.authorize('refund', draft.approvalId)
    return repositories.sales.commit(
      {
        clientRequestId: draft.clientRequestId,
        deviceId: device.deviceId,
        storeCode: settings.storeCode,
        registerCode: device.registerCode,
        currency: sale.currency,
        subtotalCents: sum('netCents'),
        discountCents: sum('discountCents'),
        taxCents: sum('taxCents'),
        totalCents,
        cashRoundingCents,
        lines,
        payments: payments.filter((payment) => payment.amountCents !== 0),
        now,
        kind: 'REFUND',
        refundOfOrderId: sale.id,
        refundReason: draft.reason,
        employeeId: actor.employeeId,
        shiftId,
        customerId: sale.customerId,
      },
      {
        afterCommit: (committed, orderId) =>
          authority.audit(committed.audit, {
            action: 'refund.created',
            actor,
            approvedBy,
            subjectId: orderId,
            details: {
              saleId: sale.id,
              saleOrderNumber: sale.orderNumber,
              totalCents,
              refundTo: draft.refundTo,
              reason: draft.reason,
            },
          }),
      },
    )
  })
}

/** Refund lines priced in proportion to the sold lines; never more units than are left. */
function refundLines(sale: OrderDetailRow, drafts: RefundDraft['lines']): PricedLine[] {
  const refunded = new Map(sale.items.map((item) => [item.id, item.refundedQuantity]))
  return drafts.map((draft, index) => {
    const item = sale.items.find((candidate) => candidate.id === draft.orderItemId)
    if (!item)
      throw new PosError(
        'VALIDATION_FAILED',
        `That line is not on sale ${sale.orderNumber}.`,
        `lines.${index}.orderItemId`,
      )
    const already = refunded.get(item.id) ?? 0
    let amounts
    try {
      amounts = refundLineAmounts(item, already, draft.quantity)
    } catch (error) {
      if (error instanceof DomainError && error.code === 'REFUND_EXCEEDS_SOLD')
        throw new PosError(
          'REFUND_EXCEEDS_SOLD',
          `Only ${Math.max(0, item.quantity - already)} of ${item.quantity} × ${item.name} can still be refunded.`,
          `lines.${index}.quantity`,
        )
      throw error
    }
    // Two lines naming one item in a draft count together.
    refunded.set(item.id, already + draft.quantity)
    return {
      productId: item.productId,
      sku: item.sku,
      name: item.name,
      unitPriceCents: item.unitPriceCents,
      quantity: draft.quantity,
      taxRateBasisPoints: item.taxRateBasisPoints,
      ...amounts,
      variantId: item.variantId,
      variantName: item.variantName,
      modifiers: item.modifiers,
      note: item.note,
      refundOfItemId: item.id,
      weightGrams: item.weightGrams,
    }
  })
}
