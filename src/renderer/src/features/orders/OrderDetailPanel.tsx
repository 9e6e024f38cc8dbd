import type { ReactNode } from 'react'
import { useAppInfo, useMoney } from '../../appInfo'
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
  const { locale, pricingRules } = useAppInfo()
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
            {isRefund ? 'Refund' : 'Order'} {order.orderNumber}
          </h2>
          <p className="order-detail-time">{formatOrderTime(order.createdAt, locale, true)}</p>
        </div>
        <div className="order-detail-badges">
          {isRefund && <span className="kind-badge kind-badge-refund">Refund</span>}
          {order.lateForShift && (
            <span
              className="late-badge"
              data-testid="order-late-for-shift"
              title="This order reached the register after its shift was closed."
            >
              Late for shift
            </span>
          )}
          <span className="status-badge">{order.status.toLowerCase()}</span>
          <span className={`sync-badge sync-badge-${order.syncStatus.toLowerCase()}`}>
            {syncLabel(order.syncStatus)}
          </span>
        </div>
      </header>

      {canRefund(order) && (
        <div className="order-detail-actions">
          <button type="button" className="button button-secondary" onClick={onRefund}>
            Refund
          </button>
        </div>
      )}

      <dl className="order-facts">
        {isRefund && order.refundOfOrderId !== null && (
          <div className="order-fact">
            <dt>Refund of</dt>
            <dd>
              <button
                type="button"
                className="order-link"
                onClick={() => order.refundOfOrderId && onOpenOrder(order.refundOfOrderId)}
              >
                Order {order.refundOfOrderNumber ?? 'sold earlier'}
              </button>
            </dd>
          </div>
        )}
        {order.refundReason && <Fact label="Reason">{order.refundReason}</Fact>}
        <Fact label="Cashier">{order.employeeName ?? 'Not recorded'}</Fact>
        {order.customerName && <Fact label="Customer">{order.customerName}</Fact>}
        {order.note && <Fact label="Note">{order.note}</Fact>}
      </dl>

      <OrderLines order={order} />

      <dl className="order-totals">
        <div className="order-totals-row">
          <dt>Subtotal</dt>
          <dd>{money(order.subtotalCents)}</dd>
        </div>
        {order.discountCents !== 0 && (
          <div className="order-totals-row">
            <dt>Discount</dt>
            <dd>−{money(Math.abs(order.discountCents))}</dd>
          </div>
        )}
        <div className="order-totals-row">
          <dt>{pricingRules.pricesIncludeTax ? 'Tax included' : 'Tax'}</dt>
          <dd>{money(order.taxCents)}</dd>
        </div>
        {order.cashRoundingCents !== 0 && (
          <div className="order-totals-row">
            <dt>Cash rounding</dt>
            <dd>{money(order.cashRoundingCents)}</dd>
          </div>
        )}
        <div className="order-totals-row order-totals-grand">
          <dt>{isRefund ? 'Refunded' : 'Total'}</dt>
          <dd data-testid="order-detail-total">{money(signedTotalCents(order))}</dd>
        </div>
      </dl>

      <section aria-labelledby="order-payments-title" className="order-payments">
        <h3 id="order-payments-title" className="order-section-title">
          {isRefund ? 'Money back' : 'Payments'}
        </h3>
        {order.payments.length === 0 && <p className="orders-empty">No payments recorded.</p>}
        <ul className="order-payment-list">
          {order.payments.map((payment) => (
            <li key={payment.id} className="order-payment" data-testid="order-detail-payment">
              <span className="order-payment-method">{tenderLabel(payment)}</span>
              <dl className="order-payment-figures">
                <div>
                  <dt>Amount</dt>
                  <dd>{money(payment.amountCents)}</dd>
                </div>
                {payment.tenderedCents !== payment.amountCents && (
                  <div>
                    <dt>Tendered</dt>
                    <dd>{money(payment.tenderedCents)}</dd>
                  </div>
                )}
                {payment.changeCents !== 0 && (
                  <div>
                    <dt>Change</dt>
                    <dd>{money(payment.changeCents)}</dd>
                  </div>
                )}
                {payment.referenceNumber && (
                  <div>
                    <dt>Reference</dt>
                    <dd className="order-payment-reference">{payment.referenceNumber}</dd>
                  </div>
                )}
              </dl>
              {payment.status !== 'COMPLETED' && (
                <span className="status-badge">{payment.status.toLowerCase()}</span>
              )}
            </li>
          ))}
        </ul>
      </section>

      {order.refunds.length > 0 && (
        <section aria-labelledby="order-refunds-title" className="order-refunds">
          <h3 id="order-refunds-title" className="order-section-title">
            Refunds
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
                  <span className="order-refund-number">Refund {refund.orderNumber}</span>
                  <span>{formatOrderTime(refund.createdAt, locale)}</span>
                  <span className="order-refund-total">{money(signedTotalCents(refund))}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
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
