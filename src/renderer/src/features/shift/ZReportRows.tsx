import type { ReactNode } from 'react'
import type { Cents } from '../../../../shared/domain'
import { useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
import { differenceKind, differenceLabel } from './format'

/*
 * The building blocks of a shift report. Every figure carries a data-testid and its exact cents
 * (data-cents), so a test or an auditor can read the numbers without parsing the formatted text.
 */

/** One titled part of the report; a wide one spans the grid. */
export function ReportBlock({
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

/** A labelled money figure. */
export function MoneyRow({
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

/** A labelled count. */
export function CountRow({ label, id, value }: { label: string; id: string; value: number }) {
  return (
    <div className="z-row">
      <dt>{label}</dt>
      <dd className="numeric" data-testid={id}>
        {value}
      </dd>
    </div>
  )
}

/** A money figure in a table row. */
export function MoneyCell({ id, cents }: { id: string; cents: Cents }) {
  const money = useMoney()
  return (
    <td className="money" data-testid={id} data-cents={cents}>
      {money(cents)}
    </td>
  )
}

/** Counted minus expected, with Over or Short spelled out: colour alone is not enough. */
export function DifferenceRow({ cents }: { cents: Cents }) {
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
