import type { ReactNode } from 'react'
import type { Cents } from '../../../../shared/domain'
import { useAppInfo, useMoney } from '../../appInfo'
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
export function ZReportView({ report, label = 'Z report', actions }: ZReportViewProps) {
  const { locale } = useAppInfo()
  const money = useMoney()
  const { sales, refunds, cash } = report
  const isClosed = report.closedAt !== null

  return (
    <section role="region" aria-label={label} className="z-report" data-testid="z-report">
      <header className="z-report-header">
        <div>
          <h3 className="z-report-title">{label}</h3>
          <p className="z-report-meta">
            Register {report.registerCode} · opened {formatDateTime(report.openedAt, locale)}
            {report.openedByName && ` by ${report.openedByName}`}
            {report.closedAt && ` · closed ${formatDateTime(report.closedAt, locale)}`}
            {report.closedAt && report.closedByName && ` by ${report.closedByName}`}
          </p>
        </div>
        {actions && <div className="z-report-actions">{actions}</div>}
      </header>

      <div className="z-report-grid">
        <ReportBlock title="Sales">
          <dl className="z-rows">
            <CountRow label="Sales" id="z-sales-count" value={sales.count} />
            <MoneyRow label="Gross" id="z-sales-gross" cents={sales.grossCents} />
            <MoneyRow label="Discounts" id="z-sales-discounts" cents={sales.discountCents} />
            <MoneyRow label="Net" id="z-sales-net" cents={sales.netCents} />
            <MoneyRow label="Tax" id="z-sales-tax" cents={sales.taxCents} />
            <MoneyRow label="Sales total" id="z-sales-total" cents={sales.totalCents} isStrong />
          </dl>
        </ReportBlock>

        <ReportBlock title="Refunds">
          <dl className="z-rows">
            <CountRow label="Refunds" id="z-refunds-count" value={refunds.count} />
            <MoneyRow label="Refund tax" id="z-refunds-tax" cents={refunds.taxCents} />
            <MoneyRow
              label="Refunds total"
              id="z-refunds-total"
              cents={refunds.totalCents}
              isStrong
            />
            <MoneyRow
              label="Net total (sales and refunds)"
              id="z-net-total"
              cents={report.netTotalCents}
              isStrong
            />
          </dl>
        </ReportBlock>

        <ReportBlock title="By payment method" isWide>
          {report.byMethod.length === 0 ? (
            <p className="z-report-empty">No payments.</p>
          ) : (
            <table className="z-table">
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col">Payments</th>
                  <th scope="col">Sales</th>
                  <th scope="col">Refunds</th>
                  <th scope="col">Net</th>
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

        <ReportBlock title="Tax by rate">
          {report.taxByRate.length === 0 ? (
            <p className="z-report-empty">No tax collected.</p>
          ) : (
            <table className="z-table">
              <thead>
                <tr>
                  <th scope="col">Rate</th>
                  <th scope="col">Taxable</th>
                  <th scope="col">Tax</th>
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

        <ReportBlock title="Voids and drawer">
          <dl className="z-rows">
            <CountRow label="Voided carts" id="z-voids-count" value={report.voids.count} />
            <MoneyRow label="Voided value" id="z-voids-total" cents={report.voids.totalCents} />
            <CountRow
              label="No-sale drawer opens"
              id="z-no-sale-count"
              value={report.noSaleCount}
            />
          </dl>
        </ReportBlock>

        <ReportBlock title="Cash movements">
          <dl className="z-rows">
            <MoneyRow label="Cash in" id="z-movements-in" cents={report.cashMovements.inCents} />
            <MoneyRow label="Cash out" id="z-movements-out" cents={report.cashMovements.outCents} />
          </dl>
          {report.cashMovements.items.length > 0 && (
            <ul className="z-movements" aria-label="Cash movements">
              {report.cashMovements.items.map((item) => (
                <li key={item.id} className="z-movement" data-testid="z-movement">
                  <span className="z-movement-kind">{item.kind === 'IN' ? 'In' : 'Out'}</span>
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

        <ReportBlock title="Cash drawer" isWide>
          <dl className="z-rows">
            <MoneyRow label="Opening float" id="z-cash-opening" cents={cash.openingCents} />
            <MoneyRow label="Cash sales" id="z-cash-sales" cents={cash.salesCents} />
            <MoneyRow label="Cash refunds" id="z-cash-refunds" cents={cash.refundsCents} />
            <MoneyRow label="Cash in" id="z-cash-in" cents={cash.inCents} />
            <MoneyRow label="Cash out" id="z-cash-out" cents={cash.outCents} />
            <MoneyRow
              label="Expected in drawer"
              id="z-cash-expected"
              cents={cash.expectedCents}
              isStrong
            />
            {cash.countedCents !== null ? (
              <MoneyRow label="Counted" id="z-cash-counted" cents={cash.countedCents} isStrong />
            ) : (
              <div className="z-row">
                <dt>Counted</dt>
                <dd data-testid="z-cash-counted">{isClosed ? 'Not counted' : 'Not counted yet'}</dd>
              </div>
            )}
            {cash.differenceCents !== null && <DifferenceRow cents={cash.differenceCents} />}
          </dl>
          {cash.counts.length > 0 && (
            <ul className="z-counts" aria-label="Drawer count">
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

        <ReportBlock title="Late orders">
          <p className="z-report-muted">
            Orders that reached this register after the shift closed. They are kept, not counted
            above.
          </p>
          <dl className="z-rows">
            <CountRow label="Late orders" id="z-late-count" value={report.late.count} />
            <MoneyRow label="Late orders total" id="z-late-total" cents={report.late.totalCents} />
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
  const kind = differenceKind(cents)
  return (
    <div className={`z-row z-row-strong z-difference z-difference-${kind}`}>
      <dt>Difference</dt>
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
