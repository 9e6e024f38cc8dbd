import { useId, useRef, useState, type FormEvent } from 'react'
import {
  asciiDigits,
  discountCents,
  moneyText,
  parseMoney,
  type Cents,
} from '../../../../shared/domain'
import { useAppInfo, useMoney } from '../../appInfo'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { useTranslation } from '../../i18n'
import type { DiscountInput } from './saleTypes'

interface DiscountDialogProps {
  /** "Discount on Latte" or "Order discount". */
  title: string
  /** What the discount comes off, in the price's own sense (the line, or the order so far). */
  baseCents: Cents
  current: DiscountInput | null
  onApply: (discount: DiscountInput | null) => void
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

  function submit(event: FormEvent) {
    event.preventDefault()
    if (discount) onApply(discount)
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
      isCloseable
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
        <ModalActions
          className="dialog-actions"
          submitLabel={t('discount.apply')}
          onCancel={onClose}
          isSubmitDisabled={!discount}
        >
          {current && (
            <button type="button" className="button button-ghost" onClick={() => onApply(null)}>
              {t('discount.remove')}
            </button>
          )}
        </ModalActions>
      </form>
    </Modal>
  )
}
