import { useMemo, useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import { AdminPinBody, type AdminEmployeeView } from '../../../../shared/backoffice/catalog'
import { columnHelper, DataTable } from '../../components/DataTable'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/Field'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'
import { EmployeeForm } from './EmployeeForm'
import { useStoreChoice } from './storeChoice'

const column = columnHelper<AdminEmployeeView>()

type Open =
  | { kind: 'none' }
  | { kind: 'edit'; employee: AdminEmployeeView | null }
  | { kind: 'pin'; employee: AdminEmployeeView }

/** The people who sign in on the store's registers: role, active, PIN (set here, never shown). */
export function StaffPage() {
  const { t } = useTranslation('catalog')
  const { store, stores, picker } = useStoreChoice()
  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('staff.title')}</h1>
      </div>
      {picker}
      {store ? (
        <StoreStaff
          key={store.id}
          store={store}
          stores={stores.filter((one) => one.tenantId === store.tenantId)}
        />
      ) : null}
    </div>
  )
}

interface StoreStaffProps {
  store: StoreDetail
  /** The stores of the same business a person may work in (this admin's scope). */
  stores: readonly StoreDetail[]
}

function StoreStaff({ store, stores }: StoreStaffProps) {
  const { t } = useTranslation('catalog')
  const { api } = useSignedIn()
  const { load, reload } = useLoad(() => api.listEmployees(store.id), store.id)
  const [open, setOpen] = useState<Open>({ kind: 'none' })
  const [notice, setNotice] = useState<string | null>(null)
  const close = () => setOpen({ kind: 'none' })
  const rows = load.state === 'ready' ? load.value : []
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('name', { header: t('staff.name') }),
        column.accessor('role', {
          header: t('staff.role'),
          cell: (info) => t(`staff.roles.${info.getValue()}`),
        }),
        column.accessor('storeIds', {
          header: t('staff.stores'),
          cell: (info) =>
            info
              .getValue()
              .map((id) => stores.find((one) => one.id === id)?.code ?? id)
              .join(', '),
        }),
        column.accessor('isActive', {
          header: t('status'),
          cell: (info) => (info.getValue() ? t('active') : t('inactive')),
        }),
        column.display({
          id: 'actions',
          header: t('actions'),
          cell: (info) => {
            const employee = info.row.original
            return (
              <div className="bo-row-actions">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={t('editLabel', { name: employee.name })}
                  onClick={() => {
                    setNotice(null)
                    setOpen({ kind: 'edit', employee })
                  }}
                >
                  {t('common:actions.edit')}
                </button>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={t('staff.setPinLabel', { name: employee.name })}
                  onClick={() => {
                    setNotice(null)
                    setOpen({ kind: 'pin', employee })
                  }}
                >
                  {t('staff.setPin')}
                </button>
              </div>
            )
          },
        }),
      ]),
    [t, stores],
  )
  return (
    <section className="bo-section" aria-label={t('staff.title')}>
      <div className="page-header">
        <p className="bo-dialog-text">{t('staff.syncNote')}</p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setNotice(null)
            setOpen({ kind: 'edit', employee: null })
          }}
        >
          {t('staff.add')}
        </button>
      </div>
      <StatusMessage>{notice}</StatusMessage>
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && rows.length === 0 ? (
        <p className="page-card-empty">{t('staff.empty')}</p>
      ) : null}
      {rows.length > 0 ? (
        <DataTable
          caption={t('staff.title')}
          columns={columns}
          data={rows}
          rowId={(row) => row.id}
          rowTestId="employee-row"
        />
      ) : null}
      {open.kind === 'edit' ? (
        <EmployeeForm
          store={store}
          stores={stores}
          employee={open.employee}
          onClose={close}
          onDone={(name) => {
            setNotice(t('savedName', { name }))
            close()
            reload()
          }}
        />
      ) : null}
      {open.kind === 'pin' ? (
        <PinDialog
          store={store}
          employee={open.employee}
          onClose={close}
          onDone={() => {
            setNotice(t('staff.pinSet', { name: open.employee.name }))
            close()
            reload()
          }}
        />
      ) : null}
    </section>
  )
}

interface PinDialogProps {
  store: StoreDetail
  employee: AdminEmployeeView
  onDone: () => void
  onClose: () => void
}

/** Set or reset a PIN: typed twice, sent once, hashed on the server, never shown again. */
function PinDialog({ store, employee, onDone, onClose }: PinDialogProps) {
  const { t } = useTranslation('catalog')
  const { api } = useSignedIn()
  const [pin, setPin] = useState('')
  const [again, setAgain] = useState('')
  const form = useForm({
    schema: AdminPinBody,
    values: () => ({ baseVersion: employee.version, pin }),
    extraIssues: () =>
      pin !== again ? [{ path: 'confirmPin', message: t('staff.pinsDiffer') }] : [],
    send: (body) => api.setPin(store.id, employee.id, body),
    onDone,
    codeFields: { PIN_TAKEN: { field: 'pin', message: t('staff.pinTaken') } },
  })
  return (
    <Dialog title={t('staff.setPinTitle', { name: employee.name })} onClose={onClose}>
      <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
        <ErrorMessage>{form.formError}</ErrorMessage>
        <TextField
          name="pin"
          label={t('staff.newPin')}
          hint={t('staff.pinHint')}
          type="password"
          autoComplete="off"
          value={pin}
          onChange={setPin}
          error={form.fieldErrors.pin}
          dir="ltr"
        />
        <TextField
          name="confirmPin"
          label={t('staff.confirmPin')}
          type="password"
          autoComplete="off"
          value={again}
          onChange={setAgain}
          error={form.fieldErrors.confirmPin}
          dir="ltr"
        />
        <div className="bo-form-actions">
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={form.isSubmitting}>
            {t('staff.setPin')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
