import { useRef, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import { useProtected } from '../approval/useProtected'

/** Opens the drawer without a sale; the reason goes into the audit log. */
export function NoSaleDialog({ onClose, onOpened }: { onClose: () => void; onOpened: () => void }) {
  const { t } = useTranslation('shift')
  const protectedCall = useProtected()
  const reasonRef = useRef<HTMLInputElement>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [isOpening, setIsOpening] = useState(false)

  async function openDrawer(event: FormEvent) {
    event.preventDefault()
    if (isOpening) return
    if (reason.trim() === '') {
      setError(t('noSale.missingReason'))
      reasonRef.current?.focus()
      return
    }
    setIsOpening(true)
    setError(null)
    try {
      const result = await protectedCall('noSale', (approvalId) =>
        pos.invoke('drawer:open', { reason: reason.trim(), approvalId }),
      )
      if (result) {
        onOpened()
        return
      }
      setIsOpening(false)
    } catch (failure) {
      setError(t('noSale.failed', { error: errorMessage(failure) }))
      setIsOpening(false)
    }
  }

  return (
    <Modal
      title={t('noSale.title')}
      onClose={onClose}
      isCloseable={!isOpening}
      initialFocusRef={reasonRef}
    >
      <form className="modal-form" onSubmit={(event) => void openDrawer(event)} noValidate>
        <label className="field">
          <span className="field-label">{t('noSale.reason')}</span>
          <input
            ref={reasonRef}
            className="field-input"
            type="text"
            autoComplete="off"
            maxLength={200}
            value={reason}
            aria-invalid={error !== null && reason.trim() === ''}
            readOnly={isOpening}
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        {error && <ErrorAlert message={error} />}
        <ModalActions submitLabel={t('noSale.open')} onCancel={onClose} isBusy={isOpening} />
      </form>
    </Modal>
  )
}
