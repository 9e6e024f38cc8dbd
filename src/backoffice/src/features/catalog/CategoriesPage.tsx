import { useMemo, useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import {
  AdminCategoryBody,
  type AdminRecord,
  type CategoryRecordData,
} from '../../../../shared/backoffice/catalog'
import { columnHelper } from '../../components/DataTable'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'
import { RecordListSection, type RecordFormProps } from './RecordListSection'
import { useStoreChoice } from './storeChoice'

const column = columnHelper<AdminRecord>()
const nameOf = (record: AdminRecord) => dataOf(record).name
const dataOf = (record: AdminRecord) => record.data as CategoryRecordData

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
      ]),
    [t],
  )
  return (
    <RecordListSection
      section="categories"
      load={load}
      rows={rows}
      reload={reload}
      columns={columns}
      nameOf={nameOf}
      rowTestId="category-row"
      renderForm={(props) => <CategoryForm store={store} {...props} />}
      deleteRecord={(record) => api.deleteCategory(store.id, record.id, record.version)}
    />
  )
}

interface CategoryFormProps extends RecordFormProps {
  store: StoreDetail
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
