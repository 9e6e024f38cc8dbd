import { useMemo, useState } from 'react'
import type { SalesRow, TenderTotal } from '../../../../shared/backoffice/reports'
import { columnHelper, DataTable } from '../../components/DataTable'
import { CheckboxGroup, TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useTranslation } from '../../i18n'
import { count } from '../format'
import { useSignedIn } from '../session/sessionContext'
import { DayChart } from './DayChart'
import type { ReportRange } from './reportsApi'
import { csvHref, loadReports, reportPaths } from './reportsApi'
import { tenderName } from './tenderName'

const salesColumn = columnHelper<SalesRow>()
const tenderColumn = columnHelper<TenderTotal>()

/** Today as YYYY-MM-DD in this browser's zone; the server reads each store's own business day. */
function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

function moneyFormatter(locale: string, currency: string | undefined) {
  const format = new Intl.NumberFormat(locale, {
    style: currency ? 'currency' : 'decimal',
    ...(currency ? { currency } : { minimumFractionDigits: 2 }),
  })
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return (cents: number) => format.format(cents / 10 ** digits)
}

/** Sales for a date range and the stores picked: the summary, by day (chart), items, tenders. */
export function ReportsPage() {
  const { t } = useTranslation('reports')
  const { api } = useSignedIn()
  const { load: stores } = useLoad(() => api.listStores(), 'stores')
  const today = isoDay(new Date())
  const [range, setRange] = useState<ReportRange>({
    from: today,
    to: today,
    storeIds: [],
    tenantId: api.tenantId,
  })
  const storeList = stores.state === 'ready' ? stores.value : []

  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('title')}</h1>
      </div>
      {stores.state === 'failed' ? <ErrorMessage>{stores.error}</ErrorMessage> : null}
      <div className="bo-toolbar bo-report-filters">
        <TextField
          name="from"
          label={t('from')}
          type="date"
          value={range.from}
          onChange={(from) => setRange({ ...range, from })}
        />
        <TextField
          name="to"
          label={t('to')}
          type="date"
          value={range.to}
          onChange={(to) => setRange({ ...range, to })}
        />
        {storeList.length > 1 ? (
          <CheckboxGroup
            name="storeIds"
            legend={t('stores')}
            options={storeList.map((store) => ({
              value: store.id,
              label: `${store.code} — ${store.name}`,
            }))}
            selected={range.storeIds}
            onChange={(storeIds) => setRange({ ...range, storeIds })}
          />
        ) : null}
      </div>
      {range.from && range.to ? <ReportFigures range={range} /> : null}
    </div>
  )
}

function ReportFigures({ range }: { range: ReportRange }) {
  const { t, i18n } = useTranslation('reports')
  const { api } = useSignedIn()
  const key = `${range.from}|${range.to}|${range.storeIds.join(',')}`
  const { load } = useLoad(() => loadReports(api, range), key)
  const locale = i18n.language
  const currency =
    load.state === 'ready' && load.value.summary.currencies.length === 1
      ? load.value.summary.currencies[0]
      : undefined
  const money = useMemo(() => moneyFormatter(locale, currency), [locale, currency])
  const amount = (cents: number) => <span className="numeric">{money(cents)}</span>

  const salesColumns = useMemo(
    () =>
      salesColumn.columns([
        salesColumn.accessor('label', { header: t('columns.label') }),
        salesColumn.accessor('salesCount', {
          header: t('columns.sales'),
          cell: (info) => <span className="numeric">{count(info.getValue(), locale)}</span>,
        }),
        salesColumn.accessor('quantity', {
          header: t('columns.quantity'),
          cell: (info) => <span className="numeric">{info.getValue() ?? ''}</span>,
        }),
        salesColumn.accessor('grossCents', {
          header: t('columns.gross'),
          cell: (info) => amount(info.getValue()),
        }),
        salesColumn.accessor('discountCents', {
          header: t('columns.discounts'),
          cell: (info) => amount(info.getValue()),
        }),
        salesColumn.accessor('refundCents', {
          header: t('columns.refunds'),
          cell: (info) => amount(info.getValue()),
        }),
        salesColumn.accessor('netCents', {
          header: t('columns.net'),
          cell: (info) => amount(info.getValue()),
        }),
        salesColumn.accessor('taxCents', {
          header: t('columns.tax'),
          cell: (info) => amount(info.getValue()),
        }),
        salesColumn.accessor('totalCents', {
          header: t('columns.total'),
          cell: (info) => amount(info.getValue()),
        }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, locale, money],
  )
  const percent = (basisPoints: number | null | undefined) =>
    basisPoints === null || basisPoints === undefined
      ? ''
      : new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2 }).format(
          basisPoints / 10_000,
        )
  const itemColumns = useMemo(
    () =>
      salesColumn.columns([
        ...salesColumns,
        salesColumn.accessor('cogsCents', {
          header: t('columns.cogs'),
          cell: (info) => {
            const cents = info.getValue()
            return cents === null || cents === undefined ? t('noCost') : amount(cents)
          },
        }),
        salesColumn.accessor('marginCents', {
          header: t('columns.margin'),
          cell: (info) => {
            const cents = info.getValue()
            return cents === null || cents === undefined ? '' : amount(cents)
          },
        }),
        salesColumn.accessor('marginBasisPoints', {
          header: t('columns.marginPercent'),
          cell: (info) => <span className="numeric">{percent(info.getValue())}</span>,
        }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, locale, money, salesColumns],
  )
  const tenderColumns = useMemo(
    () =>
      tenderColumn.columns([
        tenderColumn.accessor('label', {
          header: t('columns.method'),
          cell: (info) => tenderName(info.row.original.method, info.getValue(), t),
        }),
        tenderColumn.accessor('count', {
          header: t('columns.payments'),
          cell: (info) => <span className="numeric">{count(info.getValue(), locale)}</span>,
        }),
        tenderColumn.accessor('salesCents', {
          header: t('columns.sales'),
          cell: (info) => amount(info.getValue()),
        }),
        tenderColumn.accessor('refundCents', {
          header: t('columns.refunds'),
          cell: (info) => amount(info.getValue()),
        }),
        tenderColumn.accessor('netCents', {
          header: t('columns.net'),
          cell: (info) => amount(info.getValue()),
        }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, locale, money],
  )

  if (load.state === 'loading') return <p className="page-loading">{t('common:loading')}</p>
  if (load.state === 'failed') return <ErrorMessage>{load.error}</ErrorMessage>
  const { summary, byDay, byItem, methods } = load.value
  const figures = summary.summary
  const cards: [string, string][] = [
    [t('figures.gross'), money(figures.grossCents)],
    [t('figures.discounts'), money(figures.discountCents)],
    [t('figures.refunds'), money(figures.refundCents)],
    [t('figures.net'), money(figures.netCents)],
    [t('figures.tax'), money(figures.taxCents)],
    [t('figures.total'), money(figures.totalCents)],
    [t('figures.orders'), count(figures.salesCount, locale)],
    [t('figures.averageTicket'), money(figures.averageTicketCents)],
    ...(summary.costOfGoods
      ? ([
          [t('figures.cogs'), money(summary.costOfGoods.cogsCents)],
          [t('figures.margin'), money(summary.costOfGoods.marginCents)],
          [t('figures.marginPercent'), percent(summary.costOfGoods.marginBasisPoints)],
        ] satisfies [string, string][])
      : []),
  ]
  const csv = (path: string, extra: Record<string, string> = {}) => csvHref(path, range, extra)
  // The server names its totals rows in English (as in the CSV); the page says it in the UI's language.
  const totalLabel = t('totalRow')

  return (
    <>
      <section className="bo-report-summary" aria-label={t('summary')}>
        {summary.projection.isCurrent ? null : (
          <p className="bo-report-freshness" role="status" data-testid="report-catching-up">
            {t('catchingUp', {
              time: new Date(summary.projection.projectedThrough).toLocaleTimeString(locale),
            })}
          </p>
        )}
        <dl className="bo-report-cards">
          {cards.map(([label, value]) => (
            <div key={label} className="bo-report-card">
              <dt>{label}</dt>
              <dd className="numeric">{value}</dd>
            </div>
          ))}
        </dl>
        {summary.costOfGoods ? (
          <p className="field-hint" data-testid="report-cogs-note">
            {t('cogsNote')}{' '}
            {summary.costOfGoods.noCostItemCount > 0
              ? t('noCostNote', { count: summary.costOfGoods.noCostItemCount })
              : null}
          </p>
        ) : null}
        <p className="bo-report-downloads">
          <a href={csv(reportPaths.summary)} download>
            {t('csv.summary')}
          </a>{' '}
          <a href={csv(reportPaths.sales, { groupBy: 'day' })} download>
            {t('csv.byDay')}
          </a>{' '}
          <a href={csv(reportPaths.sales, { groupBy: 'item' })} download>
            {t('csv.byItem')}
          </a>{' '}
          <a href={csv(reportPaths.sales, { groupBy: 'category' })} download>
            {t('csv.byCategory')}
          </a>{' '}
          <a href={csv(reportPaths.sales, { groupBy: 'employee' })} download>
            {t('csv.byEmployee')}
          </a>{' '}
          <a href={csv(reportPaths.sales, { groupBy: 'register' })} download>
            {t('csv.byRegister')}
          </a>{' '}
          <a href={csv(reportPaths.paymentMethods)} download>
            {t('csv.paymentMethods')}
          </a>{' '}
          <a href={csv(reportPaths.refunds)} download>
            {t('csv.refunds')}
          </a>{' '}
          <a href={csv(reportPaths.shifts)} download>
            {t('csv.shifts')}
          </a>
        </p>
      </section>
      <section aria-labelledby="report-by-day">
        <h2 id="report-by-day" className="page-section-title">
          {t('byDay')}
        </h2>
        <DayChart
          points={byDay.rows.map((row) => ({ label: row.label, cents: row.netCents }))}
          label={t('chartLabel')}
          formatCents={money}
          isRtl={i18n.dir() === 'rtl'}
        />
        <DataTable
          caption={t('byDay')}
          columns={salesColumns}
          data={[...byDay.rows, { ...byDay.totals, label: totalLabel }]}
          rowId={(row) => row.key}
          rowTestId="report-day-row"
        />
      </section>
      <section aria-labelledby="report-by-item">
        <h2 id="report-by-item" className="page-section-title">
          {t('byItem')}
        </h2>
        <DataTable
          caption={t('byItem')}
          columns={itemColumns}
          data={[...byItem.rows, { ...byItem.totals, label: totalLabel }]}
          rowId={(row) => `item-${row.key}`}
        />
      </section>
      <section aria-labelledby="report-methods">
        <h2 id="report-methods" className="page-section-title">
          {t('paymentMethods')}
        </h2>
        <DataTable
          caption={t('paymentMethods')}
          columns={tenderColumns}
          data={[...methods.rows, { ...methods.totals, label: totalLabel }]}
          rowId={(row) => `method-${row.method}`}
        />
      </section>
    </>
  )
}
