import { useEffect, useRef, useState } from 'react'
import { v4 as uuidv4 } from 'uuid'
import { asciiDigits, parseMoney, type Cents } from '../../../../shared/domain'
import { PosError } from '../../../../shared/ipc'
import { useAppInfo } from '../../appInfo'
import { i18n } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { SaleReceipt } from '../../types'
import { useProtected } from '../approval/useProtected'
import type { SaleDraft, TenderMethod } from './saleTypes'
import type { TenderEntryState } from './TenderEntryForm'
import {
  maxPayments,
  settle,
  suggestedAmountCents,
  toPaymentDrafts,
  type TakenPayment,
} from './tenderModel'

export interface TenderOptions {
  /** The sale as sale:complete takes it, without payments and request id. */
  sale: Omit<SaleDraft, 'payments' | 'clientRequestId' | 'approvalId'>
  totalCents: Cents
  tenders: readonly TenderMethod[]
  onCompleted: (receipt: SaleReceipt, tenderedCents: Cents) => void
}

/** Why a sale failed, in the cashier's terms; main's message says what to do. */
function failureMessage(failure: unknown): string {
  if (failure instanceof PosError && failure.code === 'SHIFT_REQUIRED')
    return i18n.t('register:tender.noShift', { message: failure.message })
  if (failure instanceof PosError && failure.code === 'SIGN_IN_REQUIRED')
    return i18n.t('register:tender.signInFirst', { message: failure.message })
  return i18n.t('register:tender.notCompleted', { error: errorMessage(failure) })
}

/**
 * The tender dialog's state: the payments taken, the one being typed, and completing the sale.
 * Cash counts as soon as it is typed, so a cash-only sale is one step; any other tender is added
 * once the terminal approved it, and never for more than is still due. The sale goes to main as
 * products, quantities and payments; main prices it.
 */
export function useTender({ sale, totalCents, tenders, onCompleted }: TenderOptions) {
  const { currency, pricingRules } = useAppInfo()
  const protectedCall = useProtected()
  const amountRef = useRef<HTMLInputElement>(null)
  const completeRef = useRef<HTMLButtonElement>(null)
  // One id per payment attempt: a double click or a retry after a lost reply stays one sale.
  const [clientRequestId] = useState(() => uuidv4())
  const firstTender = tenders.find((tender) => tender.kind === 'cash') ?? tenders[0]
  const [tenderId, setTenderId] = useState(firstTender?.id ?? 'cash')
  const [payments, setPayments] = useState<TakenPayment[]>([])
  const [amountText, setAmountText] = useState('')
  const [referenceText, setReferenceText] = useState('')
  const [isSubmitting, setIsSubmitting] = useState(false)
  const isSubmittingRef = useRef(false)
  const [error, setError] = useState<string | null>(null)

  const tender = tenders.find((candidate) => candidate.id === tenderId) ?? firstTender
  const taken = settle(totalCents, payments, pricingRules)
  const isBlank = amountText.trim() === ''
  const typedCents = isBlank ? null : parseMoney(asciiDigits(amountText), currency)
  const isAmountInvalid = !isBlank && (typedCents === null || typedCents < 1)
  // The amount this entry would add: what was typed, or the suggestion when left blank.
  const entryCents = isBlank && tender ? suggestedAmountCents(tender, taken) : typedCents
  const isNonCashTooMuch =
    tender !== undefined &&
    tender.kind !== 'cash' &&
    entryCents !== null &&
    entryCents > taken.remainingCents
  const isReferenceMissing = tender?.requiresReference === true && referenceText.trim() === ''
  const canAddEntry =
    tender !== undefined &&
    !taken.isFullyPaid &&
    entryCents !== null &&
    entryCents > 0 &&
    !isAmountInvalid &&
    !isNonCashTooMuch &&
    !isReferenceMissing &&
    payments.length < maxPayments &&
    !isSubmitting
  const entry: TakenPayment | null =
    canAddEntry && tender && entryCents !== null
      ? { key: 'entry', tender, amountCents: entryCents, referenceNumber: referenceText }
      : null
  // Cash typed in counts at once: a cash-only sale needs no separate "add" step.
  const counted =
    entry && entry.tender.kind === 'cash' && !isBlank ? [...payments, entry] : payments
  const summary = settle(totalCents, counted, pricingRules)
  const canComplete = summary.isFullyPaid && counted.length > 0 && !isSubmitting
  const entryState: TenderEntryState = {
    entryCents,
    isBlank,
    isAmountInvalid,
    isNonCashTooMuch,
    isReferenceMissing,
    canAddEntry,
  }

  // Once the payments cover the sale the entry form goes; Enter on Complete sale finishes.
  useEffect(() => {
    if (taken.isFullyPaid) completeRef.current?.focus()
  }, [taken.isFullyPaid])

  function resetEntry() {
    setAmountText('')
    setReferenceText('')
  }

  function chooseTender(next: TenderMethod) {
    setTenderId(next.id)
    resetEntry()
    setError(null)
    amountRef.current?.focus()
  }

  function addEntry() {
    if (!entry) return
    setPayments((previous) => [...previous, { ...entry, key: uuidv4() }])
    resetEntry()
    amountRef.current?.focus()
  }

  function removePayment(key: string) {
    setPayments((previous) => previous.filter((other) => other.key !== key))
  }

  async function complete() {
    if (!canComplete || isSubmittingRef.current) return
    isSubmittingRef.current = true
    setIsSubmitting(true)
    setError(null)
    const draft: SaleDraft = { ...sale, clientRequestId, payments: toPaymentDrafts(counted) }
    try {
      const receipt = await protectedCall('discount', (approvalId) =>
        pos.invoke('sale:complete', approvalId ? { ...draft, approvalId } : draft),
      )
      if (receipt === null) {
        setError(i18n.t('register:tender.discountNeedsManager'))
      } else {
        onCompleted(
          receipt,
          counted.reduce((sum, payment) => sum + payment.amountCents, 0),
        )
        return
      }
    } catch (failure) {
      setError(failureMessage(failure))
    }
    isSubmittingRef.current = false
    setIsSubmitting(false)
    amountRef.current?.focus()
  }

  /** Enter in the entry form: completes once the money is there, otherwise takes this payment. */
  function submitEntry() {
    if (canComplete && (isBlank || tender?.kind === 'cash')) void complete()
    else addEntry()
  }

  return {
    tender,
    payments,
    taken,
    summary,
    entry: entryState,
    amountText,
    referenceText,
    isSubmitting,
    canComplete,
    error,
    amountRef,
    completeRef,
    setAmountText,
    setReferenceText,
    chooseTender,
    submitEntry,
    removePayment,
    complete,
  }
}
