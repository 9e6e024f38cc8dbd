import { splitRefundOverTenders } from '../../../../shared/domain'
import { useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
import type { OrderDetail } from '../../types'
import { tenderLabel } from './format'
import { refundPreviewCents, type RefundLine, type RefundTo } from './refundDraft'

interface RefundPreviewProps {
  order: OrderDetail
  /** null while a typed quantity is not valid. */
  lines: readonly RefundLine[] | null
  unitCount: number
  refundTo: RefundTo
}

export function RefundPreview({ order, lines, unitCount, refundTo }: RefundPreviewProps) {
  const money = useMoney()
  const { t } = useTranslation('orders')
  if (lines === null) {
    return <p className="refund-preview refund-preview-empty">{t('preview.checkQuantities')}</p>
  }
  if (lines.length === 0) {
    return <p className="refund-preview refund-preview-empty">{t('preview.nothing')}</p>
  }
  let totalCents: number
  try {
    totalCents = refundPreviewCents(order.items, lines)
  } catch {
    // A quantity main will refuse anyway; its message is shown when they confirm.
    return null
  }
  const shares = splitRefundOverTenders(
    totalCents,
    order.payments.map((payment) => ({ method: payment.method, amountCents: payment.amountCents })),
    refundTo,
  )
  return (
    <div className="refund-preview">
      <div className="refund-preview-total">
        <span>{t('preview.total', { count: unitCount })}</span>
        <span data-testid="refund-preview-total">{money(totalCents)}</span>
      </div>
      {shares.length > 0 && (
        <ul className="refund-preview-shares" aria-label={t('preview.byTender')}>
          {shares.map((share) => {
            const payment = share.tenderIndex === null ? null : order.payments[share.tenderIndex]
            return (
              <li key={share.tenderIndex ?? 'cash'}>
                <span>{payment ? tenderLabel(payment) : t('preview.cash')}</span>
                <span>{money(share.amountCents)}</span>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
