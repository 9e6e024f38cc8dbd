import { useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import { AdminEmployeeBody, type AdminEmployeeView } from '../../../../shared/backoffice/catalog'
import { Role } from '../../../../shared/ipc/staffSchemas'
import { Dialog } from '../../components/Dialog'
import { CheckboxGroup, SelectField, TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'
import { CheckField } from './storeChoice'

interface EmployeeFormProps {
  /** The store whose staff list this form was opened from. */
  store: StoreDetail
  /** The stores of that store's business this admin may choose from. */
  stores: readonly StoreDetail[]
  employee: AdminEmployeeView | null
  onDone: (name: string) => void
  onClose: () => void
}

/**
 * A person: name, role, active, the stores they work in (the same person and PIN in each), and a
 * PIN for a new person or one added to another store (a PIN must be unique in each store).
 */
export function EmployeeForm({ store, stores, employee, onDone, onClose }: EmployeeFormProps) {
  const { t } = useTranslation('catalog')
  const { api } = useSignedIn()
  const [id] = useState(() => employee?.id ?? crypto.randomUUID())
  const [name, setName] = useState(employee?.name ?? '')
  const [role, setRole] = useState<string>(employee?.role ?? 'cashier')
  const [isActive, setIsActive] = useState(employee?.isActive ?? true)
  const [storeIds, setStoreIds] = useState<string[]>(() => employee?.storeIds ?? [store.id])
  const [pin, setPin] = useState('')
  const addsStore = employee !== null && storeIds.some((one) => !employee.storeIds.includes(one))
  const removesStore = employee !== null && employee.storeIds.some((one) => !storeIds.includes(one))
  const needsPin = !employee || (addsStore && isActive)
  const codeFields = {
    PIN_TAKEN: { field: 'pin', message: t('staff.pinTaken') },
    PIN_FOR_STORE: { field: 'pin', message: t('staff.pinForStore') },
    LAST_ADMIN: removesStore
      ? { field: 'storeIds', message: t('staff.lastAdminOfStore') }
      : { field: isActive ? 'role' : 'isActive', message: t('staff.lastAdmin') },
    NO_STORE: { field: 'storeIds', message: t('staff.storesRequired') },
    OTHER_TENANT: { field: 'storeIds', message: t('staff.storesOneBusiness') },
    STAFF_SHARED: { field: 'storeIds', message: t('staff.sharedPerson') },
  }
  const form = useForm({
    schema: AdminEmployeeBody,
    values: () => ({
      baseVersion: employee?.version ?? 0,
      name,
      role,
      isActive,
      storeIds,
      ...(pin && needsPin ? { pin } : {}),
    }),
    extraIssues: () => [
      ...(!employee && !pin ? [{ path: 'pin', message: t('staff.pinRequired') }] : []),
      ...(employee && needsPin && !pin ? [{ path: 'pin', message: t('staff.pinForStore') }] : []),
      ...(!employee && storeIds.length === 0
        ? [{ path: 'storeIds', message: t('staff.storesRequired') }]
        : []),
    ],
    keepsExtraWording: true,
    send: async (body) => {
      await api.saveEmployee(store.id, id, body)
      return body.name
    },
    onDone,
    codeFields,
  })
  const isPinRefused = form.fieldErrors.pin !== undefined
  return (
    <Dialog title={employee ? t('staff.editTitle') : t('staff.newTitle')} onClose={onClose}>
      <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
        <ErrorMessage>{form.formError}</ErrorMessage>
        <TextField
          name="name"
          label={t('staff.name')}
          value={name}
          onChange={setName}
          error={form.fieldErrors.name}
          dir="auto"
        />
        <SelectField
          name="role"
          label={t('staff.role')}
          value={role}
          options={Role.options.map((value) => ({ value, label: t(`staff.roles.${value}`) }))}
          onChange={setRole}
          error={form.fieldErrors.role}
        />
        <CheckField
          name="isActive"
          label={t('active')}
          isChecked={isActive}
          onChange={setIsActive}
          error={form.fieldErrors.isActive}
        />
        <CheckboxGroup
          name="storeIds"
          legend={t('staff.stores')}
          options={stores.map((one) => ({ value: one.id, label: `${one.code} — ${one.name}` }))}
          selected={storeIds}
          onChange={setStoreIds}
          error={form.fieldErrors.storeIds}
        />
        {needsPin || isPinRefused ? (
          <TextField
            name="pin"
            label={t('staff.pin')}
            hint={employee ? t('staff.pinForStoreHint') : t('staff.pinHint')}
            type="password"
            autoComplete="off"
            value={pin}
            onChange={setPin}
            error={form.fieldErrors.pin}
            dir="ltr"
          />
        ) : null}
        <div className="bo-form-actions">
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={form.isSubmitting}>
            {t('common:actions.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
