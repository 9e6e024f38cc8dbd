import { useCallback, useMemo } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import { usePolled } from '../station/usePrintData'
import { SalesChart, type ChartPoint } from './SalesChart'
import { useFormat } from './useFormat'

const salesEvents = ['order:created', 'order:synced'] as const

/** Today's sales on this register's copy of the store's orders: by hour, by tender, top products. */
export function TodaySection() {
  const { t, i18n } = useTranslation('manager')
  const format = useFormat()
  const read = useCallback(() => pos.invoke('manager:getSalesToday'), [])
  const sales = usePolled(read, salesEvents, 30_000)
  const data = sales.data
  const isRtl = i18n.dir() === 'rtl'
  const money = useCallback((cents: number) => format.money(Math.round(cents)), [format])

  // Only the hours that saw a sale, from the first to the last, so a quiet morning is not a wall of zeros.
  const byHour = useMemo<ChartPoint[]>(() => {
    if (!data || data.byHour.length === 0) return []
    const hours = data.byHour.map((entry) => entry.hour)
    const first = Math.min(...hours)
    const last = Math.max(...hours)
    const points: ChartPoint[] = []
    for (let hour = first; hour <= last; hour += 1) {
      const entry = data.byHour.find((candidate) => candidate.hour === hour)
      points.push({ label: format.hour(hour), value: entry?.totalCents ?? 0 })
    }
    return points
  }, [data, format])
  const byMethod = useMemo<ChartPoint[]>(
    () => (data?.byMethod ?? []).map((entry) => ({ label: entry.label, value: entry.totalCents })),
    [data],
  )

  return (
    <section className="page-card" aria-labelledby="manager-today-title" data-testid="sales-today">
      <h3 id="manager-today-title" className="page-card-title">
        {t('today.title')}
      </h3>
      {sales.error && (
        <ErrorAlert
          message={t('today.loadFailed', { reason: sales.error })}
          onRetry={sales.reload}
        />
      )}
      {data === null ? (
        !sales.error && <p className="page-loading">{t('today.loading')}</p>
      ) : (
        <>
          <dl className="manager-today-totals">
            <div className="manager-today-total">
              <dt>{t('today.total')}</dt>
              <dd data-testid="sales-today-total">{format.money(data.totalCents)}</dd>
            </div>
            <div className="manager-today-total">
              <dt>{t('today.orders')}</dt>
              <dd data-testid="sales-today-count">{format.number(data.orderCount)}</dd>
            </div>
          </dl>
          {data.orderCount === 0 ? (
            <p className="page-card-empty">{t('today.noSales')}</p>
          ) : (
            <div className="manager-charts">
              <figure className="manager-figure">
                <figcaption className="manager-figure-title">{t('today.byHour')}</figcaption>
                <SalesChart
                  kind="bar"
                  points={byHour}
                  label={t('today.byHourLabel', {
                    summary: byHour
                      .map((point) => `${point.label} ${money(point.value)}`)
                      .join(', '),
                  })}
                  formatValue={money}
                  isRtl={isRtl}
                />
              </figure>
              <figure className="manager-figure">
                <figcaption className="manager-figure-title">{t('today.byMethod')}</figcaption>
                <SalesChart
                  kind="doughnut"
                  points={byMethod}
                  label={t('today.byMethodLabel', {
                    summary: byMethod
                      .map((point) => `${point.label} ${money(point.value)}`)
                      .join(', '),
                  })}
                  formatValue={money}
                  isRtl={isRtl}
                />
              </figure>
              <div className="manager-figure">
                <h4 className="manager-figure-title">{t('today.topProducts')}</h4>
                {data.topProducts.length === 0 ? (
                  <p className="page-card-empty">{t('today.noProducts')}</p>
                ) : (
                  <ol className="manager-top-products" data-testid="top-products">
                    {data.topProducts.map((product) => (
                      <li key={product.name} className="manager-top-product">
                        <span className="manager-top-name">{product.name}</span>
                        <span className="manager-top-quantity">
                          {t('today.quantity', { quantity: format.number(product.quantity) })}
                        </span>
                        <span className="manager-top-total">
                          {format.money(product.totalCents)}
                        </span>
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            </div>
          )}
        </>
      )}
    </section>
  )
}
