import { useId, useMemo, useRef, useState, type FormEvent } from 'react'
import { v4 as uuidv4 } from 'uuid'
import { cashDueCents, parseMoney, settleTender, type Cents } from '../../../../shared/domain'
import { useAppInfo, useMoney } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { errorMessage, pos } from '../../pos'
import type { SaleReceipt } from '../../types'
import type { CartLine } from './cart'
import { quickCashAmounts, toMoneyInput } from './cashAmounts'

interface CashDialogProps {
  lines: readonly CartLine[]
  totalCents: Cents
  onClose: () => void
  onCompleted: (receipt: SaleReceipt, tenderedCents: Cents) => void
}

export function CashDialog({ lines, totalCents, onClose, onCompleted }: CashDialogProps) {
  const { currency, pricingRules } = useAppInfo()
  const money = useMoney()
  const inputRef = useRef<HTMLInputElement>(null)
  const hintId = useId()
  // One id per payment attempt: a double click or a retry after a lost reply stays one sale.
  const [clientRequestId] = useState(() => uuidv4())
  const [tenderedText, setTenderedText] = useState('')
  const [isSubmitting, setIsSubmitting] = useState(false)
  const isSubmittingRef = useRef(false)
  const [error, setError] = useState<string | null>(null)

  const dueCents = cashDueCents(totalCents, pricingRules)
  const quickAmounts = useMemo(() => quickCashAmounts(dueCents, currency), [dueCents, currency])
  const isBlank = tenderedText.trim() === ''
  const tenderedCents = isBlank ? null : parseMoney(tenderedText, currency)
  const isInvalid = !isBlank && tenderedCents === null
  const tender =
    tenderedCents === null
      ? null
      : settleTender(totalCents, [{ method: 'cash', amountCents: tenderedCents }], pricingRules)
  const canComplete =
    tender !== null &&
    tender.isFullyPaid &&
    tenderedCents !== null &&
    tenderedCents > 0 &&
    !isSubmitting

  async function complete(event?: FormEvent) {
    event?.preventDefault()
    if (!canComplete || isSubmittingRef.current || tenderedCents === null) return
    isSubmittingRef.current = true
    setIsSubmitting(true)
    setError(null)
    try {
      const receipt = await pos.invoke('sale:complete', {
        clientRequestId,
        lines: lines.map(({ product, quantity }) => ({ productId: product.id, quantity })),
        payments: [{ method: 'cash', amountCents: tenderedCents }],
      })
      onCompleted(receipt, tenderedCents)
    } catch (failure) {
      setError(`The sale was not completed: ${errorMessage(failure)}`)
      isSubmittingRef.current = false
      setIsSubmitting(false)
      inputRef.current?.focus()
    }
  }

  let hint: string
  if (isInvalid) hint = 'Enter an amount such as 20 or 12.50.'
  else if (tender && !tender.isFullyPaid) hint = `${money(tender.cashToCompleteCents)} more needed.`
  else hint = ''

  return (
    <Modal
      title="Cash payment"
      onClose={onClose}
      isCloseable={!isSubmitting}
      initialFocusRef={inputRef}
      className="cash-dialog"
    >
      <form className="cash-form" onSubmit={(event) => void complete(event)} noValidate>
        <div className="cash-due">
          <span className="cash-due-label">Amount due</span>
          <span className="cash-due-amount" data-testid="cash-due">
            {money(dueCents)}
          </span>
          {dueCents !== totalCents && (
            <span className="cash-due-note">Rounded for cash from {money(totalCents)}</span>
          )}
        </div>

        <label className="field">
          <span className="field-label">Amount tendered</span>
          <input
            ref={inputRef}
            className="field-input money-input"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            placeholder={toMoneyInput(dueCents, currency)}
            value={tenderedText}
            aria-invalid={isInvalid}
            aria-describedby={hintId}
            // Read-only rather than disabled while sending, so focus (and Enter) stay here.
            readOnly={isSubmitting}
            onChange={(event) => setTenderedText(event.target.value)}
          />
        </label>
        <p id={hintId} className={isInvalid ? 'field-hint field-hint-error' : 'field-hint'}>
          {hint}
        </p>

        <div className="quick-amounts" role="group" aria-label="Quick amounts">
          {quickAmounts.map((amountCents, index) => (
            <button
              key={amountCents}
              type="button"
              className="button button-secondary quick-amount"
              disabled={isSubmitting}
              onClick={() => {
                setTenderedText(toMoneyInput(amountCents, currency))
                inputRef.current?.focus()
              }}
            >
              {index === 0 ? `Exact ${money(amountCents)}` : money(amountCents)}
            </button>
          ))}
        </div>

        <div className="change-due">
          <span className="change-due-label">Change due</span>
          <span className="change-due-amount" data-testid="change-due">
            {money(tender?.isFullyPaid ? tender.changeCents : 0)}
          </span>
        </div>

        {error && <ErrorAlert message={error} />}

        <div className="modal-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={onClose}
            disabled={isSubmitting}
          >
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary button-complete"
            disabled={!canComplete}
            aria-busy={isSubmitting}
          >
            {isSubmitting && <span className="spinner" aria-hidden="true" />}
            Complete sale
          </button>
        </div>
      </form>
    </Modal>
  )
}
