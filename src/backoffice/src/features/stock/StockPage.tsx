import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import type { StockLevelRow, StoreStockLevels } from '../../../../shared/backoffice/stockOffice'
import { columnHelper, DataTable } from '../../components/DataTable'
import { TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useTranslation } from '../../i18n'
import { formatMoney } from '../catalog/money'
import { useSignedIn } from '../session/sessionContext'
import { AllStoresTable } from './AllStoresTable'
import { loadLevels, quantityText, valuationCsvHref } from './stockApi'
import { StockImport } from './StockImport'
import { StockTabs } from './StockTabs'
import { useStockStore } from './useStockStore'

const column = columnHelper<StockLevelRow>()

/** Stock on hand of a store (or all side by side), valued at average cost; export and import. */
export function StockPage() {
  const { t } = useTranslation('stock')
  const { store, isAll, picker } = useStockStore(true)
  const [search, setSearch] = useState('')

  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('title')}</h1>
      </div>
      <StockTabs />
      <div className="bo-toolbar">
        {picker}
        <TextField
          name="q"
          label={t('search')}
          type="text"
          value={search}
          maxLength={200}
          onChange={setSearch}
        />
      </div>
      <p className="field-hint" data-testid="valuation-note">
        {t('valuationNote')}
      </p>
      {isAll ? <AllStoresLevels search={search} /> : null}
      {store ? <StoreLevels key={store.id} storeId={store.id} search={search} /> : null}
    </div>
  )
}

function AllStoresLevels({ search }: { search: string }) {
  const { api } = useSignedIn()
  const { load } = useLoad(() => loadLevels(api, null, search), `all|${search}`)
  if (load.state === 'loading') return <p className="page-loading">…</p>
  if (load.state === 'failed') return <ErrorMessage>{load.error}</ErrorMessage>
  return <AllStoresTable stores={load.value.stores} />
}

function StoreLevels({ storeId, search }: { storeId: string; search: string }) {
  const { t } = useTranslation('stock')
  const { api } = useSignedIn()
  const { load, reload } = useLoad(() => loadLevels(api, storeId, search), `${storeId}|${search}`)
  if (load.state === 'loading') return <p className="page-loading">{t('common:loading')}</p>
  if (load.state === 'failed') return <ErrorMessage>{load.error}</ErrorMessage>
  const levels = load.value.stores[0]
  if (!levels) return null
  return (
    <>
      <LevelsTable levels={levels} />
      <p className="bo-report-downloads">
        <a href={valuationCsvHref(storeId)} download>
          {t('exportCsv')}
        </a>
      </p>
      <StockImport storeId={storeId} onApplied={reload} />
    </>
  )
}

function LevelsTable({ levels }: { levels: StoreStockLevels }) {
  const { t, i18n } = useTranslation('stock')
  const locale = i18n.language
  const money = (cents: number) => formatMoney(cents, levels.currency, locale)
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('name', {
          header: t('columns.name'),
          cell: (info) => <span dir="auto">{info.getValue()}</span>,
        }),
        column.accessor('sku', { header: t('columns.sku') }),
        column.accessor('onHand', {
          header: t('columns.onHand'),
          cell: (info) => (
            <span className={info.row.original.isNegative ? 'numeric bo-negative' : 'numeric'}>
              {quantityText(info.getValue(), locale)}
            </span>
          ),
        }),
        column.accessor('reorderPoint', {
          header: t('columns.reorderPoint'),
          cell: (info) => {
            const point = info.getValue()
            return (
              <span className="numeric">{point === null ? '' : quantityText(point, locale)}</span>
            )
          },
        }),
        column.accessor('averageCostCents', {
          header: t('columns.averageCost'),
          cell: (info) => {
            const cents = info.getValue()
            if (cents === null) return t('flags.noCost')
            const source =
              info.row.original.costSource === 'supplier' ? ` (${t('flags.supplier')})` : ''
            return <span className="numeric">{`${money(cents)}${source}`}</span>
          },
        }),
        column.accessor('valueCents', {
          header: t('columns.value'),
          cell: (info) => <span className="numeric">{money(info.getValue())}</span>,
        }),
        column.display({
          id: 'flags',
          header: t('columns.flags'),
          cell: (info) => {
            const row = info.row.original
            return [row.isNegative ? t('flags.negative') : null, row.isLow ? t('flags.low') : null]
              .filter(Boolean)
              .join(' · ')
          },
        }),
        column.display({
          id: 'history',
          header: t('columns.history'),
          cell: (info) => {
            const row = info.row.original
            const params = new URLSearchParams({ store: levels.storeId, product: row.productId })
            if (row.variantId) params.set('variant', row.variantId)
            return (
              <Link className="bo-touch-link" to={`/stock/history?${params.toString()}`}>
                {t('historyLink', { name: row.name })}
              </Link>
            )
          },
        }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, locale, levels.currency, levels.storeId],
  )
  const { totals } = levels
  const cards: [string, string][] = [
    [t('totals.value'), money(totals.valueCents)],
    [t('totals.negative'), quantityText(totals.negativeCount, locale)],
    [t('totals.low'), quantityText(totals.lowCount, locale)],
    [t('totals.noCost'), quantityText(totals.noCostCount, locale)],
  ]
  return (
    <>
      <dl className="bo-report-cards" data-testid="stock-totals">
        {cards.map(([label, value]) => (
          <div key={label} className="bo-report-card">
            <dt>{label}</dt>
            <dd className="numeric">{value}</dd>
          </div>
        ))}
      </dl>
      {levels.rows.length === 0 ? (
        <p className="page-card-empty">{t('empty')}</p>
      ) : (
        <DataTable
          caption={t('title')}
          columns={columns}
          data={levels.rows}
          rowId={(row) => `${row.productId}:${row.variantId ?? ''}`}
          rowTestId="stock-row"
          isWide
        />
      )}
    </>
  )
}
