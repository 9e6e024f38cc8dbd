import { useId, useRef, useState, type FormEvent } from 'react'
import {
  asciiDigits,
  discountCents,
  moneyText,
  parseMoney,
  type Cents,
} from '../../../../shared/domain'
import { useAppInfo, useMoney } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { useTranslation } from '../../i18n'
import { errorMessage } from '../../pos'
import type { DiscountInput } from './saleTypes'

interface DiscountDialogProps {
  /** "Discount on Latte" or "Order discount". */
  title: string
  /** What the discount comes off, in the price's own sense (the line, or the order so far). */
  baseCents: Cents
  current: DiscountInput | null
  /** May be async (a manager's approval): the dialog waits, and shows why if it throws. */
  onApply: (discount: DiscountInput | null) => void | Promise<void>
  onClose: () => void
}

type Kind = DiscountInput['type']

function initialText(discount: DiscountInput | null, currency: string): string {
  if (!discount) return ''
  return discount.type === 'percent'
    ? String(discount.percent)
    : moneyText(discount.amountCents, currency)
}

/** A percent or an amount off a line or the order; main asks for a manager above the limit. */
export function DiscountDialog({
  title,
  baseCents,
  current,
  onApply,
  onClose,
}: DiscountDialogProps) {
  const { currency, pricingRules } = useAppInfo()
  const money = useMoney()
  const { t } = useTranslation('register')
  const inputRef = useRef<HTMLInputElement>(null)
  const hintId = useId()
  const [kind, setKind] = useState<Kind>(current?.type ?? 'percent')
  const [text, setText] = useState(() => initialText(current, currency))
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  let discount: DiscountInput | null = null
  let problem = ''
  const trimmed = asciiDigits(text).trim()
  if (trimmed !== '') {
    if (kind === 'percent') {
      const percent = /^\d{1,3}(\.\d{1,2})?$/.test(trimmed) ? Number(trimmed) : Number.NaN
      if (Number.isNaN(percent) || percent <= 0 || percent > 100) problem = t('discount.badPercent')
      else discount = { type: 'percent', percent }
    } else {
      const amountCents = parseMoney(trimmed, currency)
      if (amountCents === null || amountCents < 1) problem = t('discount.badAmount')
      else if (amountCents > baseCents) problem = t('discount.tooMuch', { max: money(baseCents) })
      else discount = { type: 'amount', amountCents }
    }
  }
  const offCents = discount ? discountCents(baseCents, discount, pricingRules.roundingMode) : 0

  async function apply(chosen: DiscountInput | null) {
    if (isBusy) return
    setIsBusy(true)
    setError(null)
    try {
      await onApply(chosen)
    } catch (failure) {
      // Not approved, or main refused it: the discount stays as it was and the cashier sees why.
      setError(errorMessage(failure))
      setIsBusy(false)
      inputRef.current?.focus()
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (discount) void apply(discount)
  }

  function chooseKind(next: Kind) {
    setKind(next)
    setText('')
    inputRef.current?.focus()
  }

  return (
    <Modal
      title={title}
      onClose={onClose}
      isCloseable={!isBusy}
      initialFocusRef={inputRef}
      className="discount-dialog"
    >
      <form className="dialog-form" onSubmit={submit} noValidate>
        <div className="segmented" role="radiogroup" aria-label={t('discount.type')}>
          {(['percent', 'amount'] as const).map((option) => (
            <button
              key={option}
              type="button"
              role="radio"
              aria-checked={kind === option}
              className="segmented-option"
              onClick={() => chooseKind(option)}
            >
              {option === 'percent' ? t('discount.percent') : t('discount.amount')}
            </button>
          ))}
        </div>
        <label className="field">
          <span className="field-label">
            {kind === 'percent' ? t('discount.percentLabel') : t('discount.amountLabel')}
          </span>
          <input
            ref={inputRef}
            className="field-input money-input"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={text}
            readOnly={isBusy}
            aria-invalid={problem !== ''}
            aria-describedby={hintId}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <p id={hintId} className={problem ? 'field-hint field-hint-error' : 'field-hint'}>
          {problem ||
            (discount
              ? t('discount.takesOff', { off: money(offCents), base: money(baseCents) })
              : t('discount.of', { base: money(baseCents) }))}
        </p>
        {error && <ErrorAlert message={error} />}
        <ModalActions
          className="dialog-actions"
          submitLabel={t('discount.apply')}
          onCancel={onClose}
          isBusy={isBusy}
          isSubmitDisabled={!discount}
        >
          {current && (
            <button
              type="button"
              className="button button-ghost"
              disabled={isBusy}
              onClick={() => void apply(null)}
            >
              {t('discount.remove')}
            </button>
          )}
        </ModalActions>
      </form>
    </Modal>
  )
}
