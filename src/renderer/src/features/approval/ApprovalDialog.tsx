import { asciiDigits } from '../../../../shared/domain'
import { useId, useRef, useState, type FormEvent } from 'react'
import type { ProtectedAction } from '../../../../shared/store/options'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import { actionName } from './actionNames'

interface ApprovalDialogProps {
  action: ProtectedAction
  /** Main's words for why approval is needed. */
  reason: string
  onApproved: (approvalId: string) => void
  onCancel: () => void
}

export function ApprovalDialog({ action, reason, onApproved, onCancel }: ApprovalDialogProps) {
  const { t } = useTranslation('approval')
  const pinRef = useRef<HTMLInputElement>(null)
  const hintId = useId()
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [isChecking, setIsChecking] = useState(false)
  const isValidPin = /^[0-9]{4,8}$/.test(pin)

  async function approve(event: FormEvent) {
    event.preventDefault()
    if (!isValidPin || isChecking) return
    setIsChecking(true)
    setError(null)
    try {
      const approval = await pos.invoke('session:approve', { pin, action })
      onApproved(approval.approvalId)
    } catch (failure) {
      // Wrong PIN, a cashier's PIN, or a lockout: say so and let them try again.
      setError(errorMessage(failure))
      setPin('')
      setIsChecking(false)
      pinRef.current?.focus()
    }
  }

  return (
    <Modal
      title={t('title')}
      onClose={onCancel}
      isCloseable={!isChecking}
      initialFocusRef={pinRef}
      className="approval-dialog"
    >
      <form className="approval-form" onSubmit={(event) => void approve(event)} noValidate>
        <p className="approval-action" data-testid="approval-action">
          {actionName(action)}
        </p>
        {reason && <p className="approval-reason">{reason}</p>}
        <label className="field">
          <span className="field-label">{t('pin')}</span>
          <input
            ref={pinRef}
            className="field-input approval-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={pin}
            aria-invalid={error !== null}
            aria-describedby={hintId}
            readOnly={isChecking}
            onChange={(event) => setPin(asciiDigits(event.target.value).replace(/[^0-9]/g, ''))}
          />
        </label>
        <p id={hintId} className="field-hint">
          {t('hint')}
        </p>
        {error && <ErrorAlert message={error} />}
        <ModalActions
          submitLabel={t('approve')}
          onCancel={onCancel}
          isBusy={isChecking}
          isSubmitDisabled={!isValidPin}
        />
      </form>
    </Modal>
  )
}
