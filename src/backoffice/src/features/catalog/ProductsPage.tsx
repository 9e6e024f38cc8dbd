import { useMemo, useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import type { AdminRecord, ProductRecordData } from '../../../../shared/backoffice/catalog'
import { columnHelper, DataTable } from '../../components/DataTable'
import { TextField } from '../../components/Field'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'
import { formatMoney } from './money'
import { ProductForm } from './ProductForm'
import { useStoreChoice } from './storeChoice'

interface Row {
  record: AdminRecord
  data: ProductRecordData
  categoryName: string
  taxRateName: string
}

const column = columnHelper<Row>()

/** The products of one store: search by name, SKU or barcode; add and edit. */
export function ProductsPage() {
  const { t } = useTranslation('catalog')
  const { store, picker } = useStoreChoice()
  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('products.title')}</h1>
      </div>
      {picker}
      {store ? <StoreProducts key={store.id} store={store} /> : null}
    </div>
  )
}

function StoreProducts({ store }: { store: StoreDetail }) {
  const { t, i18n } = useTranslation('catalog')
  const { api } = useSignedIn()
  const { load, reload } = useLoad(
    () =>
      Promise.all([
        api.listProducts(store.id),
        api.listCategories(store.id),
        api.listTaxRates(store.id),
      ]),
    store.id,
  )
  const [search, setSearch] = useState('')
  const [editing, setEditing] = useState<AdminRecord | 'new' | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const locale = i18n.language
  const [products, categories, taxRates] = load.state === 'ready' ? load.value : [[], [], []]

  const rows = useMemo(() => {
    const nameOf = (records: readonly AdminRecord[], id: string | null | undefined) =>
      (records.find((row) => row.id === id)?.data as { name?: string } | undefined)?.name ?? ''
    const needle = search.trim().toLocaleLowerCase()
    return products
      .map((record) => {
        const data = record.data as ProductRecordData
        return {
          record,
          data,
          categoryName: nameOf(categories, data.categoryId),
          taxRateName: nameOf(taxRates, data.taxRateId),
        }
      })
      .filter(
        ({ data }) =>
          !needle ||
          data.name.toLocaleLowerCase().includes(needle) ||
          (data.sku ?? '').toLocaleLowerCase().includes(needle) ||
          (data.barcodes ?? []).some((code) => code.includes(needle)),
      )
      .sort((a, b) => a.data.name.localeCompare(b.data.name, locale))
  }, [products, categories, taxRates, search, locale])

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor((row) => row.data.name, { id: 'name', header: t('products.name') }),
        column.accessor((row) => row.data.sku ?? '', {
          id: 'sku',
          header: t('products.sku'),
          cell: (info) => <span dir="ltr">{info.getValue()}</span>,
        }),
        column.accessor((row) => row.data.priceCents, {
          id: 'price',
          header: t('products.priceColumn'),
          cell: (info) => (
            <span className="numeric">{formatMoney(info.getValue(), store.currency, locale)}</span>
          ),
        }),
        column.accessor('categoryName', { header: t('products.category') }),
        column.accessor('taxRateName', {
          header: t('products.taxRate'),
          cell: (info) => info.getValue() || t('products.defaultTaxRate'),
        }),
        column.accessor((row) => row.data.isActive !== false, {
          id: 'active',
          header: t('status'),
          cell: (info) => (info.getValue() ? t('active') : t('inactive')),
        }),
        column.display({
          id: 'actions',
          header: t('actions'),
          cell: (info) => (
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('editLabel', { name: info.row.original.data.name })}
              onClick={() => {
                setNotice(null)
                setEditing(info.row.original.record)
              }}
            >
              {t('common:actions.edit')}
            </button>
          ),
        }),
      ]),
    [t, locale, store.currency],
  )

  return (
    <section className="bo-section" aria-label={t('products.title')}>
      <div className="page-header">
        <TextField
          name="search"
          label={t('products.search')}
          value={search}
          onChange={setSearch}
          dir="auto"
        />
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setNotice(null)
            setEditing('new')
          }}
        >
          {t('products.add')}
        </button>
      </div>
      <StatusMessage>{notice}</StatusMessage>
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && rows.length === 0 ? (
        <p className="page-card-empty">{t('products.empty')}</p>
      ) : null}
      {rows.length > 0 ? (
        <DataTable
          caption={t('products.title')}
          columns={columns}
          data={rows}
          rowId={(row) => row.record.id}
          rowTestId="product-row"
        />
      ) : null}
      {editing ? (
        <ProductForm
          store={store}
          product={editing === 'new' ? null : editing}
          categories={categories}
          taxRates={taxRates}
          onClose={() => setEditing(null)}
          onDone={(name) => {
            setNotice(t('savedName', { name }))
            setEditing(null)
            reload()
          }}
        />
      ) : null}
    </section>
  )
}
