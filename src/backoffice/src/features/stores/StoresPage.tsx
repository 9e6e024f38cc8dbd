import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import { ApiError } from '../../api/errors'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { columnHelper, DataTable } from '../../components/DataTable'
import { Dialog } from '../../components/Dialog'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useTranslation } from '../../i18n'
import { count } from '../format'
import { canCreateStores } from '../permissions'
import { useSignedIn } from '../session/sessionContext'
import { StoreForm } from './StoreForm'

const column = columnHelper<StoreDetail>()

type Editing =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'edit'; store: StoreDetail }
  | { kind: 'delete'; store: StoreDetail }

export function StoresPage() {
  const { t, i18n } = useTranslation('stores')
  const { api, session } = useSignedIn()
  const { load, reload } = useLoad(() => api.listStores(), 'stores')
  const [editing, setEditing] = useState<Editing>({ kind: 'none' })
  const [notice, setNotice] = useState<string | null>(null)
  const locale = i18n.language
  const mayDelete = canCreateStores(session.admin)

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('code', {
          header: t('columns.code'),
          cell: (info) => <span className="numeric">{info.getValue()}</span>,
        }),
        column.accessor('name', { header: t('columns.name') }),
        column.accessor('currency', { header: t('columns.currency') }),
        column.accessor('timeZone', {
          header: t('columns.timeZone'),
          cell: (info) => <span dir="ltr">{info.getValue()}</span>,
        }),
        column.accessor('registerCount', {
          header: t('columns.registers'),
          cell: (info) => (
            <Link
              to={`/registers?store=${info.row.original.id}`}
              aria-label={t('showRegisters', { name: info.row.original.name })}
            >
              {count(info.getValue(), locale)}
            </Link>
          ),
        }),
        column.display({
          id: 'actions',
          header: t('columns.actions'),
          cell: (info) => (
            <div className="bo-row-actions">
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={t('editStore', { name: info.row.original.name })}
                onClick={() => setEditing({ kind: 'edit', store: info.row.original })}
              >
                {t('common:actions.edit')}
              </button>
              {mayDelete ? (
                <button
                  type="button"
                  className="button button-danger-outline button-small"
                  aria-label={t('deleteLabel', { name: info.row.original.name })}
                  onClick={() => setEditing({ kind: 'delete', store: info.row.original })}
                >
                  {t('delete')}
                </button>
              ) : null}
            </div>
          ),
        }),
      ]),
    [t, locale, mayDelete],
  )

  function saved(store: StoreDetail) {
    setNotice(
      editing.kind === 'edit'
        ? t('updated', { code: store.code })
        : t('created', { code: store.code }),
    )
    setEditing({ kind: 'none' })
    reload()
  }

  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('title')}</h1>
        {mayDelete ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice(null)
              setEditing({ kind: 'create' })
            }}
          >
            {t('add')}
          </button>
        ) : null}
      </div>
      <StatusMessage>{notice}</StatusMessage>
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && load.value.length === 0 ? (
        <p className="page-card-empty">{t('empty')}</p>
      ) : null}
      {load.state === 'ready' && load.value.length > 0 ? (
        <DataTable
          caption={t('title')}
          columns={columns}
          data={load.value}
          rowId={(store) => store.id}
          rowTestId="store-row"
        />
      ) : null}
      {editing.kind === 'delete' ? (
        <ConfirmDialog
          title={t('deleteTitle', { code: editing.store.code })}
          text={t('deleteText')}
          confirmLabel={t('deleteConfirm')}
          onClose={() => setEditing({ kind: 'none' })}
          onConfirm={async () => {
            await api.deleteStore(editing.store.id)
            setNotice(t('deleted', { code: editing.store.code }))
            setEditing({ kind: 'none' })
            reload()
          }}
          describeError={(error) =>
            error instanceof ApiError && error.code === 'STORE_IN_USE'
              ? t('inUse', { reason: error.message })
              : null
          }
        />
      ) : null}
      {editing.kind === 'create' || editing.kind === 'edit' ? (
        <Dialog
          title={
            editing.kind === 'edit'
              ? t('form.editTitle', { code: editing.store.code })
              : t('form.createTitle')
          }
          onClose={() => setEditing({ kind: 'none' })}
        >
          <StoreForm
            store={editing.kind === 'edit' ? editing.store : undefined}
            onCreate={(body) => api.createStore(body)}
            onUpdate={(id, body) => api.updateStore(id, body)}
            onDone={saved}
            onCancel={() => setEditing({ kind: 'none' })}
          />
        </Dialog>
      ) : null}
    </div>
  )
}
