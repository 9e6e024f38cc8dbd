import type { ReactNode, Ref } from 'react'
import { useTranslation } from '../i18n'

interface ModalActionsProps {
  /** The primary button's text (and anything shown beside it, such as a price). */
  submitLabel: ReactNode
  onCancel: () => void
  /** A save or call is running: both buttons wait, the primary one spins. */
  isBusy?: boolean
  /** The primary button is off even when nothing is running (the form is incomplete). */
  isSubmitDisabled?: boolean
  /** 'button' when the primary action is not the form's submit (it then needs onSubmit). */
  submitType?: 'submit' | 'button'
  onSubmit?: () => void
  /** Extra classes for the primary button, e.g. 'button-danger' in place of 'button-primary'. */
  submitClassName?: string
  submitRef?: Ref<HTMLButtonElement>
  cancelLabel?: string
  className?: string
  /** Buttons placed before Cancel (a secondary action such as "Remove"). */
  children?: ReactNode
}

/** A dialog's footer: Cancel, then the primary action. */
export function ModalActions({
  submitLabel,
  onCancel,
  isBusy = false,
  isSubmitDisabled = false,
  submitType = 'submit',
  onSubmit,
  submitClassName = 'button-primary',
  submitRef,
  cancelLabel,
  className = 'modal-actions',
  children,
}: ModalActionsProps) {
  const { t } = useTranslation('common')
  return (
    <div className={className}>
      {children}
      <button
        type="button"
        className="button button-secondary"
        onClick={onCancel}
        disabled={isBusy}
      >
        {cancelLabel ?? t('actions.cancel')}
      </button>
      <button
        ref={submitRef}
        type={submitType}
        className={`button ${submitClassName}`}
        onClick={onSubmit}
        disabled={isBusy || isSubmitDisabled}
        aria-busy={isBusy}
      >
        {isBusy && <span className="spinner" aria-hidden="true" />}
        {submitLabel}
      </button>
    </div>
  )
}
