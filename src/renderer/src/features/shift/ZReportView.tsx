import type { ReactNode } from 'react'
import type { Cents } from '../../../../shared/domain'
import { useDisplayLocale, useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
import type { ZReport } from '../../types'
import { differenceKind, differenceLabel, formatDateTime, formatRate } from './format'

interface ZReportViewProps {
  report: ZReport
  /** "Z report" for a closed shift; "X report" for the running figures of an open one. */
  label?: string
  /** Buttons for the report's header (Print, Done). */
  actions?: ReactNode
}

/**
 * A shift's report. Every figure carries a data-testid and its exact cents (data-cents), so a
 * test or an auditor can read the numbers without parsing the formatted text.
 */
export function ZReportView({ report, label: labelProp, actions }: ZReportViewProps) {
  const { t } = useTranslation('shift')
  const locale = useDisplayLocale()
  const label = labelProp ?? t('report.z')
  const money = useMoney()
  const { sales, refunds, cash } = report
  const isClosed = report.closedAt !== null

  return (
    <section role="region" aria-label={label} className="z-report" data-testid="z-report">
      <header className="z-report-header">
        <div>
          <h3 className="z-report-title">{label}</h3>
          <p className="z-report-meta">
            <bdi>{t('report.register', { code: report.registerCode })}</bdi>
            {t('report.opened', { time: formatDateTime(report.openedAt, locale) })}
            {report.openedByName && t('report.by', { name: report.openedByName })}
            {report.closedAt &&
              t('report.closed', { time: formatDateTime(report.closedAt, locale) })}
            {report.closedAt &&
              report.closedByName &&
              t('report.by', { name: report.closedByName })}
          </p>
        </div>
        {actions && <div className="z-report-actions">{actions}</div>}
      </header>

      <div className="z-report-grid">
        <ReportBlock title={t('report.sales')}>
          <dl className="z-rows">
            <CountRow label={t('report.sales')} id="z-sales-count" value={sales.count} />
            <MoneyRow label={t('report.gross')} id="z-sales-gross" cents={sales.grossCents} />
            <MoneyRow
              label={t('report.discounts')}
              id="z-sales-discounts"
              cents={sales.discountCents}
            />
            <MoneyRow label={t('report.net')} id="z-sales-net" cents={sales.netCents} />
            <MoneyRow label={t('report.tax')} id="z-sales-tax" cents={sales.taxCents} />
            <MoneyRow
              label={t('report.salesTotal')}
              id="z-sales-total"
              cents={sales.totalCents}
              isStrong
            />
          </dl>
        </ReportBlock>

        <ReportBlock title={t('report.refunds')}>
          <dl className="z-rows">
            <CountRow label={t('report.refunds')} id="z-refunds-count" value={refunds.count} />
            <MoneyRow label={t('report.refundTax')} id="z-refunds-tax" cents={refunds.taxCents} />
            <MoneyRow
              label={t('report.refundsTotal')}
              id="z-refunds-total"
              cents={refunds.totalCents}
              isStrong
            />
            <MoneyRow
              label={t('report.netTotal')}
              id="z-net-total"
              cents={report.netTotalCents}
              isStrong
            />
          </dl>
        </ReportBlock>

        <ReportBlock title={t('report.byMethod')} isWide>
          {report.byMethod.length === 0 ? (
            <p className="z-report-empty">{t('report.noPayments')}</p>
          ) : (
            <table className="z-table">
              <thead>
                <tr>
                  <th scope="col">{t('report.method')}</th>
                  <th scope="col">{t('report.payments')}</th>
                  <th scope="col">{t('report.sales')}</th>
                  <th scope="col">{t('report.refunds')}</th>
                  <th scope="col">{t('report.net')}</th>
                </tr>
              </thead>
              <tbody>
                {report.byMethod.map((method) => (
                  <tr key={method.tenderId}>
                    <th scope="row">{method.label}</th>
                    <td data-testid={`z-method-${method.tenderId}-count`}>{method.count}</td>
                    <MoneyCell id={`z-method-${method.tenderId}-sales`} cents={method.salesCents} />
                    <MoneyCell
                      id={`z-method-${method.tenderId}-refunds`}
                      cents={method.refundsCents}
                    />
                    <MoneyCell id={`z-method-${method.tenderId}`} cents={method.netCents} />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </ReportBlock>

        <ReportBlock title={t('report.taxByRate')}>
          {report.taxByRate.length === 0 ? (
            <p className="z-report-empty">{t('report.noTax')}</p>
          ) : (
            <table className="z-table">
              <thead>
                <tr>
                  <th scope="col">{t('report.rate')}</th>
                  <th scope="col">{t('report.taxable')}</th>
                  <th scope="col">{t('report.tax')}</th>
                </tr>
              </thead>
              <tbody>
                {report.taxByRate.map((rate) => (
                  <tr key={rate.rateBasisPoints}>
                    <th scope="row">{formatRate(rate.rateBasisPoints, locale)}</th>
                    <MoneyCell
                      id={`z-tax-${rate.rateBasisPoints}-taxable`}
                      cents={rate.taxableCents}
                    />
                    <MoneyCell id={`z-tax-${rate.rateBasisPoints}`} cents={rate.taxCents} />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </ReportBlock>

        <ReportBlock title={t('report.voidsAndDrawer')}>
          <dl className="z-rows">
            <CountRow
              label={t('report.voidedCarts')}
              id="z-voids-count"
              value={report.voids.count}
            />
            <MoneyRow
              label={t('report.voidedValue')}
              id="z-voids-total"
              cents={report.voids.totalCents}
            />
            <CountRow
              label={t('report.noSaleOpens')}
              id="z-no-sale-count"
              value={report.noSaleCount}
            />
          </dl>
        </ReportBlock>

        <ReportBlock title={t('report.cashMovements')}>
          <dl className="z-rows">
            <MoneyRow
              label={t('report.cashIn')}
              id="z-movements-in"
              cents={report.cashMovements.inCents}
            />
            <MoneyRow
              label={t('report.cashOut')}
              id="z-movements-out"
              cents={report.cashMovements.outCents}
            />
          </dl>
          {report.cashMovements.items.length > 0 && (
            <ul className="z-movements" aria-label={t('report.cashMovements')}>
              {report.cashMovements.items.map((item) => (
                <li key={item.id} className="z-movement" data-testid="z-movement">
                  <span className="z-movement-kind">
                    {item.kind === 'IN' ? t('report.movementIn') : t('report.movementOut')}
                  </span>
                  <span className="z-movement-reason">
                    {item.reason}
                    <span className="z-report-muted">
                      {' '}
                      · {formatDateTime(item.createdAt, locale)}
                      {item.employeeName && ` · ${item.employeeName}`}
                    </span>
                  </span>
                  <span className="money">{money(item.amountCents)}</span>
                </li>
              ))}
            </ul>
          )}
        </ReportBlock>

        <ReportBlock title={t('report.cashDrawer')} isWide>
          <dl className="z-rows">
            <MoneyRow
              label={t('report.openingFloat')}
              id="z-cash-opening"
              cents={cash.openingCents}
            />
            <MoneyRow label={t('report.cashSales')} id="z-cash-sales" cents={cash.salesCents} />
            <MoneyRow
              label={t('report.cashRefunds')}
              id="z-cash-refunds"
              cents={cash.refundsCents}
            />
            <MoneyRow label={t('report.cashIn')} id="z-cash-in" cents={cash.inCents} />
            <MoneyRow label={t('report.cashOut')} id="z-cash-out" cents={cash.outCents} />
            <MoneyRow
              label={t('report.expected')}
              id="z-cash-expected"
              cents={cash.expectedCents}
              isStrong
            />
            {cash.countedCents !== null ? (
              <MoneyRow
                label={t('report.counted')}
                id="z-cash-counted"
                cents={cash.countedCents}
                isStrong
              />
            ) : (
              <div className="z-row">
                <dt>{t('report.counted')}</dt>
                <dd data-testid="z-cash-counted">
                  {isClosed ? t('report.notCounted') : t('report.notCountedYet')}
                </dd>
              </div>
            )}
            {cash.differenceCents !== null && <DifferenceRow cents={cash.differenceCents} />}
          </dl>
          {cash.counts.length > 0 && (
            <ul className="z-counts" aria-label={t('report.drawerCount')}>
              {cash.counts.map((entry) => (
                <li
                  key={entry.denominationCents}
                  data-testid={`z-count-${entry.denominationCents}`}
                >
                  {money(entry.denominationCents)} × {entry.count} ={' '}
                  <span className="money">{money(entry.denominationCents * entry.count)}</span>
                </li>
              ))}
            </ul>
          )}
        </ReportBlock>

        <ReportBlock title={t('report.late')}>
          <p className="z-report-muted">{t('report.lateIntro')}</p>
          <dl className="z-rows">
            <CountRow label={t('report.late')} id="z-late-count" value={report.late.count} />
            <MoneyRow
              label={t('report.lateTotal')}
              id="z-late-total"
              cents={report.late.totalCents}
            />
          </dl>
        </ReportBlock>
      </div>
    </section>
  )
}

function ReportBlock({
  title,
  isWide = false,
  children,
}: {
  title: string
  isWide?: boolean
  children: ReactNode
}) {
  return (
    <section className={isWide ? 'z-block z-block-wide' : 'z-block'} aria-label={title}>
      <h4 className="z-block-title">{title}</h4>
      {children}
    </section>
  )
}

function MoneyRow({
  label,
  id,
  cents,
  isStrong = false,
}: {
  label: string
  id: string
  cents: Cents
  isStrong?: boolean
}) {
  const money = useMoney()
  return (
    <div className={isStrong ? 'z-row z-row-strong' : 'z-row'}>
      <dt>{label}</dt>
      <dd className="money" data-testid={id} data-cents={cents}>
        {money(cents)}
      </dd>
    </div>
  )
}

function CountRow({ label, id, value }: { label: string; id: string; value: number }) {
  return (
    <div className="z-row">
      <dt>{label}</dt>
      <dd className="numeric" data-testid={id}>
        {value}
      </dd>
    </div>
  )
}

function MoneyCell({ id, cents }: { id: string; cents: Cents }) {
  const money = useMoney()
  return (
    <td className="money" data-testid={id} data-cents={cents}>
      {money(cents)}
    </td>
  )
}

/** Counted minus expected, with Over or Short spelled out: colour alone is not enough. */
function DifferenceRow({ cents }: { cents: Cents }) {
  const money = useMoney()
  const { t } = useTranslation('shift')
  const kind = differenceKind(cents)
  return (
    <div className={`z-row z-row-strong z-difference z-difference-${kind}`}>
      <dt>{t('report.difference')}</dt>
      <dd>
        <span className="money" data-testid="z-cash-difference" data-cents={cents}>
          {money(cents)}
        </span>
        <span
          className={`z-difference-badge z-difference-badge-${kind}`}
          data-testid="z-cash-difference-kind"
        >
          {differenceLabel(cents)}
        </span>
      </dd>
    </div>
  )
}
