import { useMemo, useState } from 'react'
import type { AdminView, StoreDetail } from '../../../../shared/backoffice/api'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { columnHelper, DataTable } from '../../components/DataTable'
import { Dialog } from '../../components/Dialog'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { errorSentence } from '../../forms/errorText'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'
import { PasswordDialog } from './PasswordDialog'
import { StoresDialog } from './StoresDialog'
import { UserForm } from './UserForm'

const column = columnHelper<AdminView>()

type Open =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'disable'; admin: AdminView }
  | { kind: 'password'; admin: AdminView }
  | { kind: 'stores'; admin: AdminView }

interface Directory {
  admins: AdminView[]
  stores: StoreDetail[]
}

/** The people who sign in here: owners and store managers, their stores, enabled or not. */
export function UsersPage() {
  const { t } = useTranslation('users')
  const { api, session } = useSignedIn()
  const { load, reload } = useLoad<Directory>(async () => {
    const [admins, stores] = await Promise.all([api.listAdmins(), api.listStores()])
    return { admins, stores }
  }, 'users')
  const [open, setOpen] = useState<Open>({ kind: 'none' })
  const [notice, setNotice] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const close = () => setOpen({ kind: 'none' })
  const stores = useMemo(() => (load.state === 'ready' ? load.value.stores : []), [load])

  const columns = useMemo(() => {
    const storeName = new Map(stores.map((store) => [store.id, store.code]))
    async function enable(admin: AdminView) {
      setActionError(null)
      try {
        await api.updateAdmin(admin.id, { isDisabled: false })
        setNotice(t('enabled', { email: admin.email }))
        reload()
      } catch (error) {
        setActionError(errorSentence(error, t))
      }
    }
    return column.columns([
      column.accessor('email', {
        header: t('columns.email'),
        cell: (info) => (
          <span dir="ltr">
            {info.getValue()}
            {info.row.original.id === session.admin.id ? ` ${t('you')}` : ''}
          </span>
        ),
      }),
      column.accessor('role', {
        header: t('columns.role'),
        cell: (info) => t(`common:roles.${info.getValue()}`),
      }),
      column.accessor('storeIds', {
        header: t('columns.stores'),
        cell: (info) =>
          info.row.original.role === 'store_manager'
            ? info
                .getValue()
                .map((id) => storeName.get(id) ?? id)
                .join(', ')
            : t('allStores'),
      }),
      column.accessor('disabledAt', {
        header: t('columns.status'),
        cell: (info) =>
          info.getValue() ? (
            <span className="status-badge bo-badge-revoked">{t('status.disabled')}</span>
          ) : (
            <span className="status-badge bo-badge-active">{t('status.active')}</span>
          ),
      }),
      column.display({
        id: 'actions',
        header: t('columns.actions'),
        cell: (info) => {
          const admin = info.row.original
          if (admin.id === session.admin.id) return null
          return (
            <div className="bo-row-actions">
              {admin.role === 'store_manager' ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={t('editStoresLabel', { email: admin.email })}
                  onClick={() => setOpen({ kind: 'stores', admin })}
                >
                  {t('editStores')}
                </button>
              ) : null}
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={t('resetLabel', { email: admin.email })}
                onClick={() => setOpen({ kind: 'password', admin })}
              >
                {t('resetPassword')}
              </button>
              {admin.disabledAt ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={t('enableLabel', { email: admin.email })}
                  onClick={() => void enable(admin)}
                >
                  {t('enable')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button button-danger-outline button-small"
                  aria-label={t('disableLabel', { email: admin.email })}
                  onClick={() => setOpen({ kind: 'disable', admin })}
                >
                  {t('disable')}
                </button>
              )}
            </div>
          )
        },
      }),
    ])
  }, [api, reload, session.admin.id, stores, t])

  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('title')}</h1>
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setNotice(null)
            setOpen({ kind: 'create' })
          }}
        >
          {t('add')}
        </button>
      </div>
      <StatusMessage>{notice}</StatusMessage>
      <ErrorMessage>{actionError}</ErrorMessage>
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && load.value.admins.length === 0 ? (
        <p className="page-card-empty">{t('empty')}</p>
      ) : null}
      {load.state === 'ready' && load.value.admins.length > 0 ? (
        <DataTable
          caption={t('title')}
          columns={columns}
          data={load.value.admins}
          rowId={(admin) => admin.id}
          rowTestId="user-row"
        />
      ) : null}
      {open.kind === 'create' ? (
        <Dialog title={t('form.title')} onClose={close}>
          <UserForm
            stores={stores}
            onCreate={(body) => api.createAdmin(body)}
            onCancel={close}
            onDone={(admin) => {
              setNotice(t('created', { email: admin.email }))
              close()
              reload()
            }}
          />
        </Dialog>
      ) : null}
      {open.kind === 'password' ? (
        <PasswordDialog
          admin={open.admin}
          onClose={close}
          onDone={() => {
            setNotice(t('passwordReset', { email: open.admin.email }))
            close()
          }}
        />
      ) : null}
      {open.kind === 'stores' ? (
        <StoresDialog
          admin={open.admin}
          stores={stores}
          onClose={close}
          onDone={() => {
            setNotice(t('storesSaved', { email: open.admin.email }))
            close()
            reload()
          }}
        />
      ) : null}
      {open.kind === 'disable' ? (
        <ConfirmDialog
          title={t('disableTitle', { email: open.admin.email })}
          text={t('disableText')}
          confirmLabel={t('disable')}
          onClose={close}
          onConfirm={async () => {
            await api.updateAdmin(open.admin.id, { isDisabled: true })
            setNotice(t('disabled', { email: open.admin.email }))
            close()
            reload()
          }}
        />
      ) : null}
    </div>
  )
}
