import { useDisplayLocale, useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
import type { ZReport } from '../../types'
import { formatDateTime } from './format'
import { DifferenceRow, MoneyRow, ReportBlock } from './ZReportRows'

/** Cash paid in and taken out during the shift, each movement with its reason. */
export function ZCashMovementsBlock({ movements }: { movements: ZReport['cashMovements'] }) {
  const { t } = useTranslation('shift')
  const locale = useDisplayLocale()
  const money = useMoney()
  return (
    <ReportBlock title={t('report.cashMovements')}>
      <dl className="z-rows">
        <MoneyRow label={t('report.cashIn')} id="z-movements-in" cents={movements.inCents} />
        <MoneyRow label={t('report.cashOut')} id="z-movements-out" cents={movements.outCents} />
      </dl>
      {movements.items.length > 0 && (
        <ul className="z-movements" aria-label={t('report.cashMovements')}>
          {movements.items.map((item) => (
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
  )
}

/** What the drawer should hold, what was counted, the difference, and the count itself. */
export function ZCashDrawerBlock({ cash, isClosed }: { cash: ZReport['cash']; isClosed: boolean }) {
  const { t } = useTranslation('shift')
  const money = useMoney()
  return (
    <ReportBlock title={t('report.cashDrawer')} isWide>
      <dl className="z-rows">
        <MoneyRow label={t('report.openingFloat')} id="z-cash-opening" cents={cash.openingCents} />
        <MoneyRow label={t('report.cashSales')} id="z-cash-sales" cents={cash.salesCents} />
        <MoneyRow label={t('report.cashRefunds')} id="z-cash-refunds" cents={cash.refundsCents} />
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
            <li key={entry.denominationCents} data-testid={`z-count-${entry.denominationCents}`}>
              {money(entry.denominationCents)} × {entry.count} ={' '}
              <span className="money">{money(entry.denominationCents * entry.count)}</span>
            </li>
          ))}
        </ul>
      )}
    </ReportBlock>
  )
}
