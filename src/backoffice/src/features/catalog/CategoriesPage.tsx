import { useMemo, useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import {
  AdminCategoryBody,
  type AdminRecord,
  type CategoryRecordData,
} from '../../../../shared/backoffice/catalog'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { columnHelper, DataTable } from '../../components/DataTable'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/Field'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'
import { inUseReason } from './inUse'
import { useStoreChoice } from './storeChoice'

const column = columnHelper<AdminRecord>()
const dataOf = (record: AdminRecord) => record.data as CategoryRecordData

type Open =
  | { kind: 'none' }
  | { kind: 'edit'; record: AdminRecord | null }
  | { kind: 'delete'; record: AdminRecord }

/** The categories of one store: add, rename, recolour, delete (refused while products use one). */
export function CategoriesPage() {
  const { t } = useTranslation('catalog')
  const { store, picker } = useStoreChoice()
  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('categories.title')}</h1>
      </div>
      {picker}
      {store ? <StoreCategories key={store.id} store={store} /> : null}
    </div>
  )
}

function StoreCategories({ store }: { store: StoreDetail }) {
  const { t, i18n } = useTranslation('catalog')
  const { api } = useSignedIn()
  const { load, reload } = useLoad(() => api.listCategories(store.id), store.id)
  const [open, setOpen] = useState<Open>({ kind: 'none' })
  const [notice, setNotice] = useState<string | null>(null)
  const close = () => setOpen({ kind: 'none' })
  const locale = i18n.language
  const rows = useMemo(
    () =>
      load.state === 'ready'
        ? [...load.value].sort(
            (a, b) =>
              (dataOf(a).sortOrder ?? 0) - (dataOf(b).sortOrder ?? 0) ||
              dataOf(a).name.localeCompare(dataOf(b).name, locale),
          )
        : [],
    [load, locale],
  )
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor((row) => dataOf(row).name, { id: 'name', header: t('categories.name') }),
        column.accessor((row) => dataOf(row).color ?? '', {
          id: 'color',
          header: t('categories.color'),
          cell: (info) =>
            info.getValue() ? (
              <span dir="ltr">
                <span
                  className="bo-swatch"
                  aria-hidden="true"
                  style={{ backgroundColor: info.getValue() }}
                />{' '}
                {info.getValue()}
              </span>
            ) : (
              t('common:none')
            ),
        }),
        column.accessor((row) => dataOf(row).sortOrder ?? 0, {
          id: 'sortOrder',
          header: t('categories.sortOrder'),
          cell: (info) => <span className="numeric">{info.getValue()}</span>,
        }),
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
                  aria-label={t('editLabel', { name: dataOf(record).name })}
                  onClick={() => setOpen({ kind: 'edit', record })}
                >
                  {t('common:actions.edit')}
                </button>
                <button
                  type="button"
                  className="button button-danger-outline button-small"
                  aria-label={t('deleteLabel', { name: dataOf(record).name })}
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
    [t],
  )
  return (
    <section className="bo-section" aria-label={t('categories.title')}>
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
          {t('categories.add')}
        </button>
      </div>
      <StatusMessage>{notice}</StatusMessage>
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && rows.length === 0 ? (
        <p className="page-card-empty">{t('categories.empty')}</p>
      ) : null}
      {rows.length > 0 ? (
        <DataTable
          caption={t('categories.title')}
          columns={columns}
          data={rows}
          rowId={(row) => row.id}
          rowTestId="category-row"
        />
      ) : null}
      {open.kind === 'edit' ? (
        <CategoryForm
          store={store}
          record={open.record}
          onClose={close}
          onDone={(name) => {
            setNotice(t('savedName', { name }))
            close()
            reload()
          }}
        />
      ) : null}
      {open.kind === 'delete' ? (
        <ConfirmDialog
          title={t('deleteTitle', { name: dataOf(open.record).name })}
          text={t('categories.deleteText')}
          confirmLabel={t('delete')}
          onClose={close}
          describeError={(error) => inUseReason(error, t, 'categories.inUse')}
          onConfirm={async () => {
            await api.deleteCategory(store.id, open.record.id, open.record.version)
            setNotice(t('deleted', { name: dataOf(open.record).name }))
            close()
            reload()
          }}
        />
      ) : null}
    </section>
  )
}

interface CategoryFormProps {
  store: StoreDetail
  record: AdminRecord | null
  onDone: (name: string) => void
  onClose: () => void
}

function CategoryForm({ store, record, onDone, onClose }: CategoryFormProps) {
  const { t } = useTranslation('catalog')
  const { api } = useSignedIn()
  const data = record ? dataOf(record) : null
  const [id] = useState(() => record?.id ?? crypto.randomUUID())
  const [name, setName] = useState(data?.name ?? '')
  const [color, setColor] = useState(data?.color ?? '')
  const [sortOrder, setSortOrder] = useState(String(data?.sortOrder ?? 0))
  const form = useForm({
    schema: AdminCategoryBody,
    values: () => ({
      baseVersion: record?.version ?? 0,
      name,
      color: color.trim() || null,
      sortOrder: sortOrder.trim() === '' ? 0 : Number(sortOrder),
    }),
    send: async (body) => {
      await api.saveCategory(store.id, id, body)
      return body.name
    },
    onDone,
  })
  return (
    <Dialog title={record ? t('categories.editTitle') : t('categories.newTitle')} onClose={onClose}>
      <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
        <ErrorMessage>{form.formError}</ErrorMessage>
        <TextField
          name="name"
          label={t('categories.name')}
          value={name}
          onChange={setName}
          error={form.fieldErrors.name}
          dir="auto"
        />
        <TextField
          name="color"
          label={t('categories.color')}
          hint={t('categories.colorHint')}
          value={color}
          onChange={setColor}
          error={form.fieldErrors.color}
          dir="ltr"
        />
        <TextField
          name="sortOrder"
          label={t('categories.sortOrder')}
          value={sortOrder}
          onChange={setSortOrder}
          error={form.fieldErrors.sortOrder}
          dir="ltr"
        />
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
