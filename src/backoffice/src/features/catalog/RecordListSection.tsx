import { useMemo, useState, type ReactNode } from 'react'
import type { AdminRecord } from '../../../../shared/backoffice/catalog'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { columnHelper, DataTable, type Columns } from '../../components/DataTable'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import type { Load } from '../../components/useLoad'
import { useTranslation } from '../../i18n'
import { inUseReason } from './inUse'

const column = columnHelper<AdminRecord>()

type Open =
  | { kind: 'none' }
  | { kind: 'edit'; record: AdminRecord | null }
  | { kind: 'delete'; record: AdminRecord }

export interface RecordFormProps {
  /** null: a new record. */
  record: AdminRecord | null
  onClose(): void
  /** Saved under this name: the list reloads and says so. */
  onDone(name: string): void
}

interface RecordListSectionProps {
  /** The catalog namespace's section: its title, add, empty, deleteText and inUse strings. */
  section: 'categories' | 'taxRates'
  load: Load<AdminRecord[]>
  rows: AdminRecord[]
  reload(): void
  /** The record's own columns; Edit and Delete are added after them. */
  columns: Columns<AdminRecord>
  nameOf(record: AdminRecord): string
  rowTestId: string
  renderForm(props: RecordFormProps): ReactNode
  deleteRecord(record: AdminRecord): Promise<unknown>
}

/**
 * One store's list of a simple catalog record: add, edit, and delete with a confirmation (a delete
 * refused because products use the record says how many).
 */
export function RecordListSection({
  section,
  load,
  rows,
  reload,
  columns,
  nameOf,
  rowTestId,
  renderForm,
  deleteRecord,
}: RecordListSectionProps) {
  const { t } = useTranslation('catalog')
  const [open, setOpen] = useState<Open>({ kind: 'none' })
  const [notice, setNotice] = useState<string | null>(null)
  const close = () => setOpen({ kind: 'none' })
  const allColumns = useMemo(
    () =>
      column.columns([
        ...columns,
        column.display({
          id: 'actions',
          header: t('actions'),
          cell: (info) => {
            const record = info.row.original
            return (
              <div className="bo-row-actions">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={t('editLabel', { name: nameOf(record) })}
                  onClick={() => setOpen({ kind: 'edit', record })}
                >
                  {t('common:actions.edit')}
                </button>
                <button
                  type="button"
                  className="button button-danger-outline button-small"
                  aria-label={t('deleteLabel', { name: nameOf(record) })}
                  onClick={() => {
                    setNotice(null)
                    setOpen({ kind: 'delete', record })
                  }}
                >
                  {t('delete')}
                </button>
              </div>
            )
          },
        }),
      ]),
    [columns, nameOf, t],
  )
  return (
    <section className="bo-section" aria-label={t(`${section}.title`)}>
      <div className="page-header">
        <span />
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setNotice(null)
            setOpen({ kind: 'edit', record: null })
          }}
        >
          {t(`${section}.add`)}
        </button>
      </div>
      <StatusMessage>{notice}</StatusMessage>
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && rows.length === 0 ? (
        <p className="page-card-empty">{t(`${section}.empty`)}</p>
      ) : null}
      {rows.length > 0 ? (
        <DataTable
          caption={t(`${section}.title`)}
          columns={allColumns}
          data={rows}
          rowId={(row) => row.id}
          rowTestId={rowTestId}
        />
      ) : null}
      {open.kind === 'edit'
        ? renderForm({
            record: open.record,
            onClose: close,
            onDone: (name) => {
              setNotice(t('savedName', { name }))
              close()
              reload()
            },
          })
        : null}
      {open.kind === 'delete' ? (
        <ConfirmDialog
          title={t('deleteTitle', { name: nameOf(open.record) })}
          text={t(`${section}.deleteText`)}
          confirmLabel={t('delete')}
          onClose={close}
          describeError={(error) => inUseReason(error, t, `${section}.inUse`)}
          onConfirm={async () => {
            await deleteRecord(open.record)
            setNotice(t('deleted', { name: nameOf(open.record) }))
            close()
            reload()
          }}
        />
      ) : null}
    </section>
  )
}
