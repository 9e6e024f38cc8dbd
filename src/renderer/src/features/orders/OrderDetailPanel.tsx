import { ReceiptActions } from './ReceiptActions'
import type { ReactNode } from 'react'
import { useAppInfo, useDisplayLocale, useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
import type { OrderDetail } from '../../types'
import { formatOrderTime, signedTotalCents, syncLabel, tenderLabel } from './format'
import { OrderLines } from './OrderLines'
import { canRefund } from './refundDraft'

interface OrderDetailPanelProps {
  order: OrderDetail
  /** Opens another order: one of this sale's refunds, or a refund's original sale. */
  onOpenOrder: (orderId: string) => void
  onRefund: () => void
}

export function OrderDetailPanel({ order, onOpenOrder, onRefund }: OrderDetailPanelProps) {
  const { t } = useTranslation('orders')
  const { pricingRules } = useAppInfo()
  const locale = useDisplayLocale()
  const money = useMoney()
  const isRefund = order.kind === 'REFUND'
  return (
    <article
      className={isRefund ? 'order-detail order-detail-refund' : 'order-detail'}
      data-testid="order-detail"
      aria-labelledby="order-detail-title"
    >
      <header className="order-detail-header">
        <div>
          <h2 id="order-detail-title" className="order-detail-title">
            {isRefund ? t('detail.refund') : t('detail.order')} <bdi>{order.orderNumber}</bdi>
          </h2>
          <p className="order-detail-time">{formatOrderTime(order.createdAt, locale, true)}</p>
        </div>
        <div className="order-detail-badges">
          {isRefund && <span className="kind-badge kind-badge-refund">{t('detail.refund')}</span>}
          {order.lateForShift && (
            <span
              className="late-badge"
              data-testid="order-late-for-shift"
              title={t('detail.lateTitle')}
            >
              {t('detail.late')}
            </span>
          )}
          <span
            className={`status-badge status-badge-${order.status.toLowerCase()}`}
            data-testid="order-status"
          >
            {t(`status.${order.status}`, { defaultValue: order.status.toLowerCase() })}
          </span>
          <span className={`sync-badge sync-badge-${order.syncStatus.toLowerCase()}`}>
            {syncLabel(order.syncStatus)}
          </span>
        </div>
      </header>

      {canRefund(order) && (
        <div className="order-detail-actions">
          <button type="button" className="button button-secondary" onClick={onRefund}>
            {t('detail.refundAction')}
          </button>
        </div>
      )}

      <dl className="order-facts">
        {isRefund && order.refundOfOrderId !== null && (
          <div className="order-fact">
            <dt>{t('detail.refundOf')}</dt>
            <dd>
              <button
                type="button"
                className="order-link"
                onClick={() => order.refundOfOrderId && onOpenOrder(order.refundOfOrderId)}
              >
                {t('detail.order')}{' '}
                <bdi>{order.refundOfOrderNumber ?? t('detail.soldEarlier')}</bdi>
              </button>
            </dd>
          </div>
        )}
        {order.refundReason && <Fact label={t('detail.reason')}>{order.refundReason}</Fact>}
        <Fact label={t('detail.cashier')}>{order.employeeName ?? t('detail.notRecorded')}</Fact>
        {order.customerName && <Fact label={t('detail.customer')}>{order.customerName}</Fact>}
        {order.note && <Fact label={t('detail.note')}>{order.note}</Fact>}
      </dl>

      <OrderLines order={order} />

      <dl className="order-totals">
        <div className="order-totals-row">
          <dt>{t('detail.subtotal')}</dt>
          <dd>{money(order.subtotalCents)}</dd>
        </div>
        {order.discountCents !== 0 && (
          <div className="order-totals-row">
            <dt>{t('detail.discount')}</dt>
            <dd>{money(-Math.abs(order.discountCents))}</dd>
          </div>
        )}
        <div className="order-totals-row">
          <dt>{pricingRules.pricesIncludeTax ? t('detail.taxIncluded') : t('detail.tax')}</dt>
          <dd>{money(order.taxCents)}</dd>
        </div>
        {order.cashRoundingCents !== 0 && (
          <div className="order-totals-row">
            <dt>{t('detail.cashRounding')}</dt>
            <dd>{money(order.cashRoundingCents)}</dd>
          </div>
        )}
        <div className="order-totals-row order-totals-grand">
          <dt>{isRefund ? t('detail.refunded') : t('detail.total')}</dt>
          <dd data-testid="order-detail-total">{money(signedTotalCents(order))}</dd>
        </div>
      </dl>

      <section aria-labelledby="order-payments-title" className="order-payments">
        <h3 id="order-payments-title" className="order-section-title">
          {isRefund ? t('detail.moneyBack') : t('detail.payments')}
        </h3>
        {order.payments.length === 0 && <p className="orders-empty">{t('detail.noPayments')}</p>}
        <ul className="order-payment-list">
          {order.payments.map((payment) => (
            <li key={payment.id} className="order-payment" data-testid="order-detail-payment">
              <span className="order-payment-method">{tenderLabel(payment)}</span>
              <dl className="order-payment-figures">
                <div>
                  <dt>{t('detail.amount')}</dt>
                  <dd>{money(payment.amountCents)}</dd>
                </div>
                {payment.tenderedCents !== payment.amountCents && (
                  <div>
                    <dt>{t('detail.tendered')}</dt>
                    <dd>{money(payment.tenderedCents)}</dd>
                  </div>
                )}
                {payment.changeCents !== 0 && (
                  <div>
                    <dt>{t('detail.change')}</dt>
                    <dd>{money(payment.changeCents)}</dd>
                  </div>
                )}
                {payment.referenceNumber && (
                  <div>
                    <dt>{t('detail.reference')}</dt>
                    <dd className="order-payment-reference">{payment.referenceNumber}</dd>
                  </div>
                )}
              </dl>
              {payment.status !== 'COMPLETED' && (
                <span className="status-badge">
                  {t(`status.${payment.status}`, { defaultValue: payment.status.toLowerCase() })}
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>

      {order.refunds.length > 0 && (
        <section aria-labelledby="order-refunds-title" className="order-refunds">
          <h3 id="order-refunds-title" className="order-section-title">
            {t('detail.refunds')}
          </h3>
          <ul className="order-refund-list">
            {order.refunds.map((refund) => (
              <li key={refund.id}>
                <button
                  type="button"
                  className="order-refund-link"
                  data-testid="order-refund-link"
                  onClick={() => onOpenOrder(refund.id)}
                >
                  <span className="order-refund-number">
                    {t('detail.refund')} <bdi>{refund.orderNumber}</bdi>
                  </span>
                  <span>{formatOrderTime(refund.createdAt, locale)}</span>
                  <span className="order-refund-total">{money(signedTotalCents(refund))}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ReceiptActions order={order} />
    </article>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="order-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}
