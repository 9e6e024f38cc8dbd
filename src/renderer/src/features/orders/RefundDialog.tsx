import { useId, useRef, useState, type FormEvent } from 'react'
import { v4 as uuidv4 } from 'uuid'
import { PosError } from '../../../../shared/ipc'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { OrderDetail } from '../../types'
import { useProtected } from '../approval/useProtected'
import { tenderLabel } from './format'
import {
  allRemaining,
  itemIdForErrorPath,
  refundLines,
  type QuantityTexts,
  type RefundTo,
} from './refundDraft'
import { quantityInputId, RefundLinesTable } from './RefundLinesTable'
import { RefundPreview } from './RefundPreview'
import { RefundToChoice } from './RefundToChoice'

interface RefundDialogProps {
  order: OrderDetail
  onClose: () => void
  onRefunded: (refund: OrderDetail, refundTo: RefundTo) => void
  /** Main says the order changed under us (another refund): fetch it again. */
  onOrderChanged: () => void
}

const quickReasonKeys = ['changedMind', 'damaged', 'wrongItem', 'chargedInError'] as const

function without(errors: Readonly<Record<string, string>>, itemId: string) {
  if (!(itemId in errors)) return errors
  const rest = { ...errors }
  delete rest[itemId]
  return rest
}

export function RefundDialog({ order, onClose, onRefunded, onOrderChanged }: RefundDialogProps) {
  const { t } = useTranslation('orders')
  const protectedCall = useProtected()
  const quickReasons = quickReasonKeys.map((key) => t(`refund.reasons.${key}`))
  const firstFieldRef = useRef<HTMLInputElement>(null)
  const reasonRef = useRef<HTMLInputElement>(null)
  const reasonHintId = useId()
  // One id for this refund however often it is retried: a lost reply cannot refund twice.
  const [clientRequestId] = useState(() => uuidv4())
  const [quantities, setQuantities] = useState<QuantityTexts>({})
  const [reason, setReason] = useState('')
  const [refundTo, setRefundTo] = useState<RefundTo>('original')
  const [lineErrors, setLineErrors] = useState<Readonly<Record<string, string>>>({})
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isSubmitting, setIsSubmitting] = useState(false)
  const isSubmittingRef = useRef(false)

  const items = order.items.filter((item) => item.refundOfItemId === null)
  const lines = refundLines(items, quantities)
  const unitCount = lines?.reduce((sum, line) => sum + line.quantity, 0) ?? 0
  const originalTenders = [...new Set(order.payments.map(tenderLabel))].join(', ')

  function setQuantity(itemId: string, text: string) {
    setQuantities((current) => ({ ...current, [itemId]: text }))
    setLineErrors((current) => without(current, itemId))
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (isSubmittingRef.current) return
    setError(null)
    if (lines === null) {
      setError(t('refund.fixQuantities'))
      return
    }
    if (lines.length === 0) {
      setError(t('refund.nothingChosen'))
      firstFieldRef.current?.focus()
      return
    }
    const trimmedReason = reason.trim()
    if (trimmedReason === '') {
      setReasonError(t('refund.missingReason'))
      reasonRef.current?.focus()
      return
    }
    isSubmittingRef.current = true
    setIsSubmitting(true)
    try {
      const refund = await protectedCall('refund', (approvalId) =>
        pos.invoke('refund:create', {
          clientRequestId,
          orderId: order.id,
          lines,
          refundTo,
          reason: trimmedReason,
          approvalId,
        }),
      )
      // null: the manager approval was cancelled; everything typed stays for another try.
      if (refund !== null) {
        onRefunded(refund, refundTo)
        return
      }
    } catch (failure) {
      showFailure(failure, lines)
    }
    isSubmittingRef.current = false
    setIsSubmitting(false)
  }

  function showFailure(failure: unknown, sent: NonNullable<typeof lines>) {
    const message = errorMessage(failure)
    const path = failure instanceof PosError ? failure.path : undefined
    const itemId = itemIdForErrorPath(path, sent)
    if (failure instanceof PosError && failure.code === 'REFUND_EXCEEDS_SOLD') onOrderChanged()
    if (itemId !== null) {
      setLineErrors({ [itemId]: message })
      document.getElementById(quantityInputId(itemId))?.focus()
    } else if (path === 'reason') {
      setReasonError(message)
      reasonRef.current?.focus()
    } else {
      setError(t('refund.failed', { error: message }))
    }
  }

  return (
    <Modal
      title={t('refund.title', { number: order.orderNumber })}
      onClose={onClose}
      isCloseable={!isSubmitting}
      initialFocusRef={firstFieldRef}
      className="refund-dialog"
    >
      <form className="refund-form" onSubmit={(event) => void submit(event)} noValidate>
        <RefundLinesTable
          items={items}
          quantities={quantities}
          lineErrors={lineErrors}
          isSubmitting={isSubmitting}
          firstFieldRef={firstFieldRef}
          onQuantity={setQuantity}
        />

        <button
          type="button"
          className="button button-secondary refund-all"
          disabled={isSubmitting}
          onClick={() => {
            setQuantities(allRemaining(items))
            setLineErrors({})
            reasonRef.current?.focus()
          }}
        >
          {t('refund.allRemaining')}
        </button>

        <label className="field">
          <span className="field-label">{t('refund.reason')}</span>
          <input
            ref={reasonRef}
            className="field-input"
            type="text"
            autoComplete="off"
            maxLength={200}
            required
            aria-invalid={reasonError !== null}
            aria-describedby={reasonHintId}
            value={reason}
            readOnly={isSubmitting}
            onChange={(event) => {
              setReason(event.target.value)
              setReasonError(null)
            }}
          />
        </label>
        <div className="refund-reasons" role="group" aria-label={t('refund.quickReasons')}>
          {quickReasons.map((quick) => (
            <button
              key={quick}
              type="button"
              className="button button-secondary button-small"
              aria-pressed={reason === quick}
              disabled={isSubmitting}
              onClick={() => {
                setReason(quick)
                setReasonError(null)
              }}
            >
              {quick}
            </button>
          ))}
        </div>
        <p id={reasonHintId} className={reasonError ? 'field-hint field-hint-error' : 'field-hint'}>
          {reasonError ?? ''}
        </p>

        <RefundToChoice
          refundTo={refundTo}
          originalTenders={originalTenders}
          isDisabled={isSubmitting}
          onChange={setRefundTo}
        />

        <RefundPreview order={order} lines={lines} unitCount={unitCount} refundTo={refundTo} />

        {error && <ErrorAlert message={error} />}

        <ModalActions submitLabel={t('refund.confirm')} onCancel={onClose} isBusy={isSubmitting} />
      </form>
    </Modal>
  )
}
