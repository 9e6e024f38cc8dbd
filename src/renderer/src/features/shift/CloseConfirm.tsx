import { useEffect, useId, useRef } from 'react'
import { useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
import type { CloseConcern } from './closeCheck'

interface CloseConfirmProps {
  concern: CloseConcern
  isClosing: boolean
  onCountAgain: () => void
  onCloseAnyway: () => void
}

/**
 * The second question before a doubtful close, in words: what will be recorded and why it looks
 * wrong. Focus moves here so a keyboard or screen reader user meets it at once.
 */
export function CloseConfirm({
  concern,
  isClosing,
  onCountAgain,
  onCloseAnyway,
}: CloseConfirmProps) {
  const { t } = useTranslation('shift')
  const money = useMoney()
  const titleId = useId()
  const messageId = useId()
  const countAgainRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    countAgainRef.current?.focus()
  }, [concern])

  let message: string
  if (concern.kind === 'blank')
    message =
      concern.expectedCents === null
        ? t('close.confirmBlankUnknown', { counted: money(concern.countedCents) })
        : t('close.confirmBlank', {
            counted: money(concern.countedCents),
            expected: money(concern.expectedCents),
          })
  else
    message = t(concern.kind === 'short' ? 'close.confirmShort' : 'close.confirmOver', {
      amount: money(Math.abs(concern.differenceCents)),
      allowed: money(concern.allowedCents),
    })

  return (
    <div
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      className="close-confirm"
      data-testid="close-confirm"
      data-kind={concern.kind}
    >
      <p id={titleId} className="close-confirm-title">
        {t('close.confirmTitle')}
      </p>
      <p id={messageId} className="close-confirm-message">
        {message}
      </p>
      <div className="count-actions">
        <button
          ref={countAgainRef}
          type="button"
          className="button button-secondary"
          onClick={onCountAgain}
          disabled={isClosing}
        >
          {t('close.countAgain')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={onCloseAnyway}
          aria-busy={isClosing}
          disabled={isClosing}
        >
          {isClosing && <span className="spinner" aria-hidden="true" />}
          {t('close.closeAnyway')}
        </button>
      </div>
    </div>
  )
}
