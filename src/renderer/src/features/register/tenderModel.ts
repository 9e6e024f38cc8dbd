import {
  settleTender,
  type Cents,
  type PricingRules,
  type TenderSummary,
} from '../../../../shared/domain'
import type { PaymentDraft, TenderMethod } from './saleTypes'

/** The contract's limit on payments per sale (SaleDraft payments). */
export const maxPayments = 10

/** A payment taken so far in the tender dialog. */
export interface TakenPayment {
  key: string
  tender: TenderMethod
  amountCents: Cents
  referenceNumber: string
}

/** Where the payments leave the sale, by the shared engine (cash rounding included). */
export function settle(
  totalCents: Cents,
  payments: readonly Pick<TakenPayment, 'tender' | 'amountCents'>[],
  rules: PricingRules,
): TenderSummary {
  return settleTender(
    totalCents,
    payments.map((payment) => ({ method: payment.tender.kind, amountCents: payment.amountCents })),
    rules,
  )
}

/** What to suggest for the next payment by `tender`: cash rounds, a card takes the exact rest. */
export function suggestedAmountCents(tender: TenderMethod, summary: TenderSummary): Cents {
  return tender.kind === 'cash' ? summary.cashToCompleteCents : summary.remainingCents
}

export function toPaymentDrafts(payments: readonly TakenPayment[]): PaymentDraft[] {
  return payments.map((payment) => {
    const draft: PaymentDraft = {
      method: payment.tender.kind,
      tenderId: payment.tender.id,
      amountCents: payment.amountCents,
    }
    const reference = payment.referenceNumber.trim()
    if (reference !== '') draft.referenceNumber = reference
    return draft
  })
}
