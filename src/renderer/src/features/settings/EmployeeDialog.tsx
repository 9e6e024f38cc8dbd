import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { PosError } from '../../../../shared/ipc'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { Employee } from '../../types'
import { roleLabel } from '../session/useSession'
import {
  checkEmployeeDraft,
  employeeDraft,
  fieldOfError,
  newEmployeeDraft,
  roles,
  type EmployeeDraft,
  type StaffErrors,
  type StaffField,
} from './staffForm'

interface EmployeeDialogProps {
  /** The person to edit; null adds someone new. */
  employee: Employee | null
  onClose: () => void
  onSaved: (employee: Employee) => void
}

/** Adds or edits one person: name, role, PIN (typed twice) and whether they may sign in. */
export function EmployeeDialog({ employee, onClose, onSaved }: EmployeeDialogProps) {
  const { t } = useTranslation('settings')
  const baseId = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const [draft, setDraft] = useState<EmployeeDraft>(() =>
    employee ? employeeDraft(employee) : newEmployeeDraft(),
  )
  // Keys of this screen's messages, or main's own sentence when it has no key here.
  const [errors, setErrors] = useState<Partial<Record<StaffField, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [isSaving, setIsSaving] = useState(false)
  const isNew = employee === null

  // After a refused save, the first field with a message takes focus.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [errors])

  function edit(change: Partial<EmployeeDraft>) {
    setDraft((current) => ({ ...current, ...change }))
  }

  function showKeys(keys: StaffErrors) {
    const next: Partial<Record<StaffField, string>> = {}
    for (const [field, key] of Object.entries(keys) as [StaffField, string][]) next[field] = t(key)
    setErrors(next)
  }

  async function save(event: FormEvent) {
    event.preventDefault()
    if (isSaving) return
    setFormError(null)
    const checked = checkEmployeeDraft(draft)
    if (!checked.ok) {
      showKeys(checked.errors)
      return
    }
    setErrors({})
    setIsSaving(true)
    try {
      const saved = await pos.invoke('employee:save', checked.input)
      onSaved(saved)
    } catch (failure) {
      const placed = failure instanceof PosError ? fieldOfError(failure, draft) : null
      if (placed) setErrors({ [placed.field]: placed.key ? t(placed.key) : errorMessage(failure) })
      else setFormError(t('staff.saveFailed', { reason: errorMessage(failure) }))
      setIsSaving(false)
    }
  }

  const fieldProps = (field: StaffField) => ({
    id: `${baseId}-${field}`,
    'aria-invalid': errors[field] !== undefined,
    'aria-describedby': `${baseId}-${field}-hint`,
  })
  const hint = (field: StaffField, text = '') => (
    <p
      id={`${baseId}-${field}-hint`}
      className={errors[field] === undefined ? 'field-hint' : 'field-hint field-hint-error'}
      data-testid={errors[field] === undefined ? undefined : `staff-error-${field}`}
    >
      {errors[field] ?? text}
    </p>
  )

  return (
    <Modal
      title={isNew ? t('staff.addTitle') : t('staff.editTitle', { name: employee.name })}
      onClose={onClose}
      isCloseable={!isSaving}
      initialFocusRef={nameRef}
      className="staff-dialog"
    >
      <form ref={formRef} className="staff-form" noValidate onSubmit={(event) => void save(event)}>
        <div className="field">
          <label className="field-label" htmlFor={`${baseId}-name`}>
            {t('staff.name')}
          </label>
          <input
            {...fieldProps('name')}
            ref={nameRef}
            className="field-input"
            type="text"
            autoComplete="off"
            maxLength={100}
            value={draft.name}
            readOnly={isSaving}
            onChange={(event) => edit({ name: event.target.value })}
          />
          {hint('name')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${baseId}-role`}>
            {t('staff.role')}
          </label>
          <select
            {...fieldProps('role')}
            className="field-input"
            value={draft.role}
            disabled={isSaving}
            onChange={(event) =>
              edit({ role: roles.find((role) => role === event.target.value) ?? draft.role })
            }
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)}
              </option>
            ))}
          </select>
          {hint('role', t(`staff.roleHints.${draft.role}`))}
        </div>
        <div className="staff-pin-grid">
          <div className="field">
            <label className="field-label" htmlFor={`${baseId}-pin`}>
              {isNew ? t('staff.pin') : t('staff.newPin')}
            </label>
            <input
              {...fieldProps('pin')}
              className="field-input staff-pin-input"
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={8}
              dir="ltr"
              value={draft.pin}
              readOnly={isSaving}
              onChange={(event) => edit({ pin: event.target.value })}
            />
            {hint('pin', isNew ? t('staff.pinHint') : t('staff.keepPinHint'))}
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${baseId}-confirmPin`}>
              {t('staff.confirmPin')}
            </label>
            <input
              {...fieldProps('confirmPin')}
              className="field-input staff-pin-input"
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={8}
              dir="ltr"
              value={draft.confirmPin}
              readOnly={isSaving}
              onChange={(event) => edit({ confirmPin: event.target.value })}
            />
            {hint('confirmPin')}
          </div>
        </div>
        <div className="field">
          <label className="settings-check">
            <input
              {...fieldProps('isActive')}
              type="checkbox"
              checked={draft.isActive}
              disabled={isSaving}
              onChange={(event) => edit({ isActive: event.target.checked })}
            />
            {t('staff.active')}
          </label>
          {hint('isActive', t('staff.activeHint'))}
        </div>
        {formError && <ErrorAlert message={formError} />}
        <ModalActions
          submitLabel={isNew ? t('staff.addSubmit') : t('staff.saveSubmit')}
          onCancel={onClose}
          isBusy={isSaving}
        />
      </form>
    </Modal>
  )
}
