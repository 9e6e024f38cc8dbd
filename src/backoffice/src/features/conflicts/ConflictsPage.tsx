import { useMemo, useState } from 'react'
import { conflictRows } from '../../../../renderer/src/features/manager/conflictFields'
import type { AdminConflict } from '../../../../shared/backoffice/syncHealth'
import { columnHelper, DataTable } from '../../components/DataTable'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useTranslation } from '../../i18n'
import { count, relativeTime } from '../format'
import { useSignedIn } from '../session/sessionContext'
import { ConflictDialog } from './ConflictDialog'
import { conflictLabel } from './conflictLabel'

const column = columnHelper<AdminConflict>()

/** The conflicts queue of every store this admin may see; open one to settle it. */
export function ConflictsPage() {
  const { t, i18n } = useTranslation('conflicts')
  const { api } = useSignedIn()
  const { load, reload } = useLoad(() => api.listConflicts('open'), 'conflicts')
  const [open, setOpen] = useState<AdminConflict | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const locale = i18n.language

  const columns = useMemo(
    () =>
      column.columns([
        column.display({
          id: 'record',
          header: t('columns.record'),
          cell: (info) => {
            const conflict = info.row.original
            return (
              <span>
                <span className="bo-muted">
                  {t(`entities.${conflict.entity}`, { defaultValue: conflict.entity })}
                </span>{' '}
                <span dir="auto">{conflictLabel(conflict)}</span>
              </span>
            )
          },
        }),
        column.accessor('storeCode', {
          header: t('columns.store'),
          cell: (info) => `${info.getValue()} — ${info.row.original.storeName}`,
        }),
        column.accessor('deviceName', {
          header: t('columns.register'),
          cell: (info) => info.getValue() ?? t('unknownDevice'),
        }),
        column.accessor('createdAt', {
          header: t('columns.when'),
          cell: (info) => (
            <time dateTime={info.getValue()} title={info.getValue()}>
              {relativeTime(info.getValue(), locale)}
            </time>
          ),
        }),
        column.display({
          id: 'differences',
          header: t('columns.differences'),
          cell: (info) => {
            const conflict = info.row.original
            const differing = conflictRows(conflict.serverData, conflict.clientData).filter(
              (row) => row.isDifferent,
            ).length
            return <span className="numeric">{count(differing, locale)}</span>
          },
        }),
        column.display({
          id: 'actions',
          header: t('columns.actions'),
          cell: (info) => (
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('compareLabel', { label: conflictLabel(info.row.original) })}
              onClick={() => {
                setNotice(null)
                setOpen(info.row.original)
              }}
            >
              {t('compare')}
            </button>
          ),
        }),
      ]),
    [t, locale],
  )

  return (
    <div className="page-content">
      <div className="page-header">
        <div>
          <h1 className="page-title">{t('title')}</h1>
          <p className="page-card-intro">{t('intro')}</p>
        </div>
      </div>
      <StatusMessage>{notice}</StatusMessage>
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && load.value.length === 0 ? (
        <p className="page-card-empty">{t('empty')}</p>
      ) : null}
      {load.state === 'ready' && load.value.length > 0 ? (
        <DataTable
          caption={t('tableCaption')}
          columns={columns}
          data={load.value}
          rowId={(conflict) => conflict.conflictId}
          rowTestId="conflict-row"
        />
      ) : null}
      {open ? (
        <ConflictDialog
          conflict={open}
          onClose={() => setOpen(null)}
          onResolved={(label) => {
            setOpen(null)
            setNotice(t('settled', { label }))
            reload()
          }}
        />
      ) : null}
    </div>
  )
}
