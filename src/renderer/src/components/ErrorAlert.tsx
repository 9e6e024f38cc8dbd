import { useTranslation } from '../i18n'

interface ErrorAlertProps {
  message: string
  /** Shown as a button after the message when the failed step can be tried again. */
  onRetry?: () => void
  onDismiss?: () => void
  className?: string
}

/** A failure the cashier must see: announced at once and kept until dealt with. */
export function ErrorAlert({ message, onRetry, onDismiss, className }: ErrorAlertProps) {
  const { t } = useTranslation('common')
  return (
    <div role="alert" className={className ? `error-alert ${className}` : 'error-alert'}>
      <span className="error-alert-message">{message}</span>
      {onRetry && (
        <button type="button" className="button button-secondary button-small" onClick={onRetry}>
          {t('actions.retry')}
        </button>
      )}
      {onDismiss && (
        <button type="button" className="button button-ghost button-small" onClick={onDismiss}>
          {t('actions.dismiss')}
        </button>
      )}
    </div>
  )
}
