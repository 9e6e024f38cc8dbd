import type { TenderSummary } from '../../../../shared/domain'
import { useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
import type { TenderMethod } from './saleTypes'
import type { TakenPayment } from './tenderModel'
import { tenderName } from '../../i18n/tenderName'

/** Total, paid, and what is still due or the change to hand back. */
export function TenderSummaryView({ summary }: { summary: TenderSummary }) {
  const money = useMoney()
  const { t } = useTranslation('register')
  return (
    <>
      <dl className="tender-summary">
        <div>
          <dt>{t('tender.total')}</dt>
          <dd data-testid="tender-total">{money(summary.dueCents)}</dd>
        </div>
        <div>
          <dt>{t('tender.paid')}</dt>
          <dd data-testid="tender-paid">{money(summary.paidCents)}</dd>
        </div>
        {summary.isFullyPaid ? (
          <div className="tender-summary-change">
            <dt>{t('tender.changeDue')}</dt>
            <dd data-testid="change-due">{money(summary.changeCents)}</dd>
          </div>
        ) : (
          <div className="tender-summary-remaining">
            <dt>{t('tender.remainingDue')}</dt>
            <dd data-testid="remaining-due">{money(summary.remainingCents)}</dd>
          </div>
        )}
      </dl>
      {summary.cashRoundingAdjustmentCents !== 0 && (
        <p className="tender-note">
          {t('tender.cashRounding', {
            sign: summary.cashRoundingAdjustmentCents > 0 ? '+' : '−',
            amount: money(Math.abs(summary.cashRoundingAdjustmentCents)),
          })}
        </p>
      )}
    </>
  )
}

interface TenderMethodsProps {
  tenders: readonly TenderMethod[]
  chosenId: string | undefined
  isDisabled: boolean
  onChoose: (tender: TenderMethod) => void
}

/** The payment methods the store takes, as one radio group. */
export function TenderMethods({ tenders, chosenId, isDisabled, onChoose }: TenderMethodsProps) {
  const { t } = useTranslation('register')
  return (
    <div className="tender-methods" role="radiogroup" aria-label={t('tender.method')}>
      {tenders.map((candidate) => (
        <button
          key={candidate.id}
          type="button"
          role="radio"
          aria-checked={candidate.id === chosenId}
          className="tender-method"
          disabled={isDisabled}
          onClick={() => onChoose(candidate)}
        >
          {tenderName(candidate.label, candidate.kind)}
        </button>
      ))}
    </div>
  )
}

interface TenderPaymentListProps {
  payments: readonly TakenPayment[]
  isDisabled: boolean
  onRemove: (key: string) => void
}

/** The payments taken so far, each with its remove button. */
export function TenderPaymentList({ payments, isDisabled, onRemove }: TenderPaymentListProps) {
  const money = useMoney()
  const { t } = useTranslation('register')
  if (payments.length === 0) return null
  return (
    <ul className="tender-payments" aria-label={t('tender.payments')}>
      {payments.map((payment) => (
        <li key={payment.key} className="tender-payment" data-testid="tender-payment">
          <span className="tender-payment-label">
            {tenderName(payment.tender.label, payment.tender.kind)}
            {payment.referenceNumber.trim() && (
              <span className="tender-payment-reference"> · {payment.referenceNumber.trim()}</span>
            )}
          </span>
          <span className="tender-payment-amount">{money(payment.amountCents)}</span>
          <button
            type="button"
            className="icon-button icon-button-danger"
            aria-label={t('tender.removePayment', {
              label: tenderName(payment.tender.label, payment.tender.kind),
              amount: money(payment.amountCents),
            })}
            disabled={isDisabled}
            onClick={() => onRemove(payment.key)}
          >
            ✕
          </button>
        </li>
      ))}
    </ul>
  )
}
