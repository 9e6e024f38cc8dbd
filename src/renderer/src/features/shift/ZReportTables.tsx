import { useDisplayLocale } from '../../appInfo'
import { useTranslation } from '../../i18n'
import type { ZReport } from '../../types'
import { formatRate } from './format'
import { MoneyCell, ReportBlock } from './ZReportRows'

/** Payments by tender: how many, taken in sales, given back in refunds, and the net. */
export function ZMethodsBlock({ byMethod }: { byMethod: ZReport['byMethod'] }) {
  const { t } = useTranslation('shift')
  return (
    <ReportBlock title={t('report.byMethod')} isWide>
      {byMethod.length === 0 ? (
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
            {byMethod.map((method) => (
              <tr key={method.tenderId}>
                <th scope="row">{method.label}</th>
                <td data-testid={`z-method-${method.tenderId}-count`}>{method.count}</td>
                <MoneyCell id={`z-method-${method.tenderId}-sales`} cents={method.salesCents} />
                <MoneyCell id={`z-method-${method.tenderId}-refunds`} cents={method.refundsCents} />
                <MoneyCell id={`z-method-${method.tenderId}`} cents={method.netCents} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportBlock>
  )
}

/** Tax by rate: the taxable amount and the tax at each rate. */
export function ZTaxBlock({ taxByRate }: { taxByRate: ZReport['taxByRate'] }) {
  const { t } = useTranslation('shift')
  const locale = useDisplayLocale()
  return (
    <ReportBlock title={t('report.taxByRate')}>
      {taxByRate.length === 0 ? (
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
            {taxByRate.map((rate) => (
              <tr key={rate.rateBasisPoints}>
                <th scope="row">{formatRate(rate.rateBasisPoints, locale)}</th>
                <MoneyCell id={`z-tax-${rate.rateBasisPoints}-taxable`} cents={rate.taxableCents} />
                <MoneyCell id={`z-tax-${rate.rateBasisPoints}`} cents={rate.taxCents} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportBlock>
  )
}
