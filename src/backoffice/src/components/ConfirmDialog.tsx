import { useState } from 'react'
import { errorSentence } from '../forms/errorText'
import { useTranslation } from '../i18n'
import { Dialog } from './Dialog'
import { ErrorMessage } from './Messages'

interface ConfirmDialogProps {
  title: string
  text: string
  confirmLabel: string
  onConfirm: () => Promise<void>
  onClose: () => void
  /** A refusal worth its own words (a store still in use); the general sentence otherwise. */
  describeError?: (error: unknown) => string | null
}

/** Asks before something that cannot be undone here (revoking a register, disabling a user). */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  onConfirm,
  onClose,
  describeError,
}: ConfirmDialogProps) {
  const { t } = useTranslation('common')
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setIsBusy] = useState(false)

  async function confirm() {
    setIsBusy(true)
    setError(null)
    try {
      await onConfirm()
    } catch (caught) {
      setError(describeError?.(caught) ?? errorSentence(caught, t))
      setIsBusy(false)
    }
  }

  return (
    <Dialog title={title} onClose={onClose} role="alertdialog">
      <p className="bo-dialog-text">{text}</p>
      <ErrorMessage>{error}</ErrorMessage>
      <div className="bo-form-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('actions.cancel')}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={isBusy}
          onClick={() => void confirm()}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
