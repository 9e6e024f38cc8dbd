import { useId, type RefObject } from 'react'
import { useTranslation } from '../../i18n'

const quickReasonKeys = ['changedMind', 'damaged', 'wrongItem', 'chargedInError'] as const

interface RefundReasonFieldProps {
  reason: string
  reasonError: string | null
  isDisabled: boolean
  inputRef: RefObject<HTMLInputElement | null>
  onReason: (text: string) => void
}

/** Why the refund is given: typed, or one of the common reasons with a tap. */
export function RefundReasonField({
  reason,
  reasonError,
  isDisabled,
  inputRef,
  onReason,
}: RefundReasonFieldProps) {
  const { t } = useTranslation('orders')
  const hintId = useId()
  const quickReasons = quickReasonKeys.map((key) => t(`refund.reasons.${key}`))
  return (
    <>
      <label className="field">
        <span className="field-label">{t('refund.reason')}</span>
        <input
          ref={inputRef}
          className="field-input"
          type="text"
          autoComplete="off"
          maxLength={200}
          required
          aria-invalid={reasonError !== null}
          aria-describedby={hintId}
          value={reason}
          readOnly={isDisabled}
          onChange={(event) => onReason(event.target.value)}
        />
      </label>
      <div className="refund-reasons" role="group" aria-label={t('refund.quickReasons')}>
        {quickReasons.map((quick) => (
          <button
            key={quick}
            type="button"
            className="button button-secondary button-small"
            aria-pressed={reason === quick}
            disabled={isDisabled}
            onClick={() => onReason(quick)}
          >
            {quick}
          </button>
        ))}
      </div>
      <p id={hintId} className={reasonError ? 'field-hint field-hint-error' : 'field-hint'}>
        {reasonError ?? ''}
      </p>
    </>
  )
}
