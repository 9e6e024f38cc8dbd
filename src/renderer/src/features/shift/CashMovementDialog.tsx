import { useId, useRef, useState, type FormEvent } from 'react'
import { asciiDigits, parseMoney } from '../../../../shared/domain'
import { useAppInfo, useMoney } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { CashMovement } from '../../types'
import { useProtected } from '../approval/useProtected'

interface CashMovementDialogProps {
  kind: 'IN' | 'OUT'
  onClose: () => void
  onRecorded: (movement: CashMovement) => void
}

/** Cash put into or taken out of the drawer mid-shift, with the reason (a manager may approve). */
export function CashMovementDialog({ kind, onClose, onRecorded }: CashMovementDialogProps) {
  const { t } = useTranslation('shift')
  const { currency } = useAppInfo()
  const money = useMoney()
  const protectedCall = useProtected()
  const amountRef = useRef<HTMLInputElement>(null)
  const reasonRef = useRef<HTMLInputElement>(null)
  const amountHintId = useId()
  const [amountText, setAmountText] = useState('')
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<{ field: 'amount' | 'reason' | null; message: string }>()
  const [isSaving, setIsSaving] = useState(false)
  const title = kind === 'IN' ? t('overview.cashIn') : t('overview.cashOut')

  const amountCents = parseMoney(asciiDigits(amountText), currency)

  async function save(event: FormEvent) {
    event.preventDefault()
    if (isSaving) return
    if (amountCents === null || amountCents <= 0) {
      setProblem({ field: 'amount', message: t('movement.badAmount') })
      amountRef.current?.focus()
      return
    }
    if (reason.trim() === '') {
      setProblem({
        field: 'reason',
        message: t('movement.missingReason'),
      })
      reasonRef.current?.focus()
      return
    }
    setIsSaving(true)
    setProblem(undefined)
    try {
      const movement = await protectedCall('cashMovement', (approvalId) =>
        pos.invoke('shift:recordCashMovement', {
          kind,
          amountCents,
          reason: reason.trim(),
          approvalId,
        }),
      )
      if (movement) {
        onRecorded(movement)
        return
      }
      setIsSaving(false)
    } catch (failure) {
      setProblem({ field: null, message: t('movement.failed', { error: errorMessage(failure) }) })
      setIsSaving(false)
    }
  }

  return (
    <Modal title={title} onClose={onClose} isCloseable={!isSaving} initialFocusRef={amountRef}>
      <form className="modal-form" onSubmit={(event) => void save(event)} noValidate>
        <label className="field">
          <span className="field-label">{t('movement.amount')}</span>
          <input
            ref={amountRef}
            className="field-input money-input"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={amountText}
            aria-invalid={problem?.field === 'amount'}
            aria-describedby={amountHintId}
            readOnly={isSaving}
            onChange={(event) => setAmountText(event.target.value)}
          />
        </label>
        <p
          id={amountHintId}
          className={problem?.field === 'amount' ? 'field-hint field-hint-error' : 'field-hint'}
        >
          {problem?.field === 'amount'
            ? problem.message
            : amountCents !== null && amountCents > 0
              ? t(kind === 'IN' ? 'movement.cashInOf' : 'movement.cashOutOf', {
                  amount: money(amountCents),
                })
              : ''}
        </p>
        <label className="field">
          <span className="field-label">{t('movement.reason')}</span>
          <input
            ref={reasonRef}
            className="field-input"
            type="text"
            autoComplete="off"
            maxLength={200}
            value={reason}
            aria-invalid={problem?.field === 'reason'}
            readOnly={isSaving}
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        {problem && problem.field !== 'amount' && <ErrorAlert message={problem.message} />}
        <ModalActions submitLabel={t('movement.record')} onCancel={onClose} isBusy={isSaving} />
      </form>
    </Modal>
  )
}
