import { useId } from 'react'
import { useTranslation } from '../../i18n'
import type { RefundTo } from './refundDraft'

interface RefundToChoiceProps {
  refundTo: RefundTo
  /** How the order was paid ("Card, Cash"), shown beside the "original payment" choice. */
  originalTenders: string
  isDisabled: boolean
  onChange: (refundTo: RefundTo) => void
}

/** Where the money goes back: to the order's own payments, or all in cash. */
export function RefundToChoice({
  refundTo,
  originalTenders,
  isDisabled,
  onChange,
}: RefundToChoiceProps) {
  const { t } = useTranslation('orders')
  const tendersId = useId()
  return (
    <fieldset className="refund-to" disabled={isDisabled}>
      <legend className="field-label">{t('refund.refundTo')}</legend>
      <label className="refund-to-option">
        <input
          type="radio"
          name="refund-to"
          value="original"
          aria-describedby={originalTenders ? tendersId : undefined}
          checked={refundTo === 'original'}
          onChange={() => onChange('original')}
        />
        <span>
          {t('refund.original')}
          {/* Out of the name, so "Cash" names only the cash choice; read as its description. */}
          {originalTenders && (
            <span id={tendersId} className="refund-to-detail" aria-hidden="true">
              {originalTenders}
            </span>
          )}
        </span>
      </label>
      <label className="refund-to-option">
        <input
          type="radio"
          name="refund-to"
          value="cash"
          checked={refundTo === 'cash'}
          onChange={() => onChange('cash')}
        />
        <span>{t('refund.cash')}</span>
      </label>
    </fieldset>
  )
}
