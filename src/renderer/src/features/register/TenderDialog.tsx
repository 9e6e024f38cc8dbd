import '../../styles/tender.css'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { v4 as uuidv4 } from 'uuid'
import { asciiDigits, parseMoney, type Cents } from '../../../../shared/domain'
import { PosError } from '../../../../shared/ipc'
import { useAppInfo } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { i18n, useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { SaleReceipt } from '../../types'
import { useProtected } from '../approval/useProtected'
import type { SaleDraft, TenderMethod } from './saleTypes'
import { TenderEntryForm } from './TenderEntryForm'
import { TenderMethods, TenderPaymentList, TenderSummaryView } from './TenderParts'
import {
  maxPayments,
  settle,
  suggestedAmountCents,
  toPaymentDrafts,
  type TakenPayment,
} from './tenderModel'

interface TenderDialogProps {
  /** The sale as sale:complete takes it, without payments and request id. */
  sale: Omit<SaleDraft, 'payments' | 'clientRequestId' | 'approvalId'>
  totalCents: Cents
  tenders: readonly TenderMethod[]
  onClose: () => void
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
 * Takes payment: one tender after another (split tender) until the sale is paid. Cash counts as
 * soon as it is typed, so a cash-only sale is one step; a card is confirmed after the external
 * terminal approved it. "Complete sale" is only offered once the payments cover the total.
 */
export function TenderDialog({
  sale,
  totalCents,
  tenders,
  onClose,
  onCompleted,
}: TenderDialogProps) {
  const { currency, pricingRules } = useAppInfo()
  const { t } = useTranslation('register')
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
        setError(t('tender.discountNeedsManager'))
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

  function submitEntry(event: FormEvent) {
    event.preventDefault()
    // Enter completes once the money is there, otherwise it takes this payment.
    if (canComplete && (isBlank || tender?.kind === 'cash')) void complete()
    else addEntry()
  }

  const entryState = {
    entryCents,
    isBlank,
    isAmountInvalid,
    isNonCashTooMuch,
    isReferenceMissing,
    canAddEntry,
  }

  return (
    <Modal
      title={t('tender.title')}
      onClose={onClose}
      isCloseable={!isSubmitting}
      initialFocusRef={amountRef}
      className="tender-dialog"
    >
      <div className="tender-body">
        <TenderSummaryView summary={summary} />

        <TenderMethods
          tenders={tenders}
          chosenId={tender?.id}
          isDisabled={isSubmitting}
          onChoose={chooseTender}
        />

        {tender && !taken.isFullyPaid && (
          <TenderEntryForm
            tender={tender}
            taken={taken}
            summary={summary}
            entry={entryState}
            amountText={amountText}
            referenceText={referenceText}
            isSubmitting={isSubmitting}
            amountRef={amountRef}
            onAmountText={setAmountText}
            onReferenceText={setReferenceText}
            onSubmit={submitEntry}
          />
        )}

        <TenderPaymentList
          payments={payments}
          isDisabled={isSubmitting}
          onRemove={(key) =>
            setPayments((previous) => previous.filter((other) => other.key !== key))
          }
        />

        {error && <ErrorAlert message={error} />}

        <ModalActions
          submitLabel={t('tender.complete')}
          onCancel={onClose}
          isBusy={isSubmitting}
          isSubmitDisabled={!canComplete}
          submitType="button"
          onSubmit={() => void complete()}
          submitClassName="button-primary button-complete"
          submitRef={completeRef}
        />
      </div>
    </Modal>
  )
}
