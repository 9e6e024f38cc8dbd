import { useRef, useState } from 'react'
import { v4 as uuidv4 } from 'uuid'
import { PosError } from '../../../../shared/ipc'
import { i18n } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { OrderDetail } from '../../types'
import { useProtected } from '../approval/useProtected'
import { tenderLabel } from './format'
import {
  allRemaining,
  itemIdForErrorPath,
  refundLines,
  type QuantityTexts,
  type RefundLine,
  type RefundTo,
} from './refundDraft'
import { quantityInputId } from './RefundLinesTable'

export interface RefundDialogOptions {
  order: OrderDetail
  onRefunded: (refund: OrderDetail, refundTo: RefundTo) => void
  /** Main says the order changed under us (another refund): fetch it again. */
  onOrderChanged: () => void
}

function without(errors: Readonly<Record<string, string>>, itemId: string) {
  if (!(itemId in errors)) return errors
  const rest = { ...errors }
  delete rest[itemId]
  return rest
}

/**
 * The refund dialog's state: how many of each line to give back (never more than is left, by
 * refundDraft), why, and where the money goes; then asking main, with a manager's approval when
 * needed, and pointing an error from main at the field it is about.
 */
export function useRefundDialog({ order, onRefunded, onOrderChanged }: RefundDialogOptions) {
  const protectedCall = useProtected()
  const firstFieldRef = useRef<HTMLInputElement>(null)
  const reasonRef = useRef<HTMLInputElement>(null)
  // One id for this refund however often it is retried: a lost reply cannot refund twice.
  const [clientRequestId] = useState(() => uuidv4())
  const [quantities, setQuantities] = useState<QuantityTexts>({})
  const [reason, setReasonText] = useState('')
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

  /** "Refund all remaining": every line's rest, then on to the reason. */
  function chooseAllRemaining() {
    setQuantities(allRemaining(items))
    setLineErrors({})
    reasonRef.current?.focus()
  }

  function setReason(text: string) {
    setReasonText(text)
    setReasonError(null)
  }

  async function submit() {
    if (isSubmittingRef.current) return
    setError(null)
    if (lines === null) {
      setError(i18n.t('orders:refund.fixQuantities'))
      return
    }
    if (lines.length === 0) {
      setError(i18n.t('orders:refund.nothingChosen'))
      firstFieldRef.current?.focus()
      return
    }
    const trimmedReason = reason.trim()
    if (trimmedReason === '') {
      setReasonError(i18n.t('orders:refund.missingReason'))
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

  function showFailure(failure: unknown, sent: readonly RefundLine[]) {
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
      setError(i18n.t('orders:refund.failed', { error: message }))
    }
  }

  return {
    items,
    quantities,
    lines,
    unitCount,
    lineErrors,
    reason,
    reasonError,
    refundTo,
    originalTenders,
    error,
    isSubmitting,
    firstFieldRef,
    reasonRef,
    setQuantity,
    chooseAllRemaining,
    setReason,
    setRefundTo,
    submit,
  }
}
