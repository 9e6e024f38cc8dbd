import type { ReactNode } from 'react'
import { useDisplayLocale } from '../../appInfo'
import { useTranslation } from '../../i18n'
import type { ZReport } from '../../types'
import { formatDateTime } from './format'
import { ZCashDrawerBlock, ZCashMovementsBlock } from './ZReportCash'
import { CountRow, MoneyRow, ReportBlock } from './ZReportRows'
import { ZMethodsBlock, ZTaxBlock } from './ZReportTables'

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
  const { sales, refunds } = report

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

        <ZMethodsBlock byMethod={report.byMethod} />

        <ZTaxBlock taxByRate={report.taxByRate} />

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

        <ZCashMovementsBlock movements={report.cashMovements} />

        <ZCashDrawerBlock cash={report.cash} isClosed={report.closedAt !== null} />

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
