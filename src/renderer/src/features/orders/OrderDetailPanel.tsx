import { useAppInfo, useMoney } from '../../appInfo'
import type { OrderDetail } from '../../types'
import { formatOrderTime, paymentLabel, syncLabel } from './format'

export function OrderDetailPanel({ order }: { order: OrderDetail }) {
  const { locale, pricingRules } = useAppInfo()
  const money = useMoney()
  return (
    <article
      className="order-detail"
      data-testid="order-detail"
      aria-labelledby="order-detail-title"
    >
      <header className="order-detail-header">
        <div>
          <h2 id="order-detail-title" className="order-detail-title">
            Order {order.orderNumber}
          </h2>
          <p className="order-detail-time">{formatOrderTime(order.createdAt, locale, true)}</p>
        </div>
        <div className="order-detail-badges">
          <span className="status-badge">{order.status.toLowerCase()}</span>
          <span className={`sync-badge sync-badge-${order.syncStatus.toLowerCase()}`}>
            {syncLabel(order.syncStatus)}
          </span>
        </div>
      </header>

      <table className="order-lines">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="numeric">
              Qty
            </th>
            <th scope="col" className="numeric">
              Unit price
            </th>
            <th scope="col" className="numeric">
              Line total
            </th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.id} data-testid="order-detail-line">
              <td>
                <span className="order-line-name">{item.name}</span>
                <span className="order-line-sku">{item.sku}</span>
              </td>
              <td className="numeric">{item.quantity}</td>
              <td className="numeric">{money(item.unitPriceCents)}</td>
              <td className="numeric">
                {money(pricingRules.pricesIncludeTax ? item.totalCents : item.netCents)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <dl className="order-totals">
        <div className="order-totals-row">
          <dt>Subtotal</dt>
          <dd>{money(order.subtotalCents)}</dd>
        </div>
        {order.discountCents !== 0 && (
          <div className="order-totals-row">
            <dt>Discount</dt>
            <dd>−{money(order.discountCents)}</dd>
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
          <dt>Total</dt>
          <dd data-testid="order-detail-total">{money(order.totalCents)}</dd>
        </div>
      </dl>

      <section aria-labelledby="order-payments-title" className="order-payments">
        <h3 id="order-payments-title" className="order-section-title">
          Payments
        </h3>
        {order.payments.length === 0 && <p className="orders-empty">No payments recorded.</p>}
        <ul className="order-payment-list">
          {order.payments.map((payment) => (
            <li key={payment.id} className="order-payment" data-testid="order-detail-payment">
              <span className="order-payment-method">{paymentLabel(payment.method)}</span>
              <dl className="order-payment-figures">
                <div>
                  <dt>Amount</dt>
                  <dd>{money(payment.amountCents)}</dd>
                </div>
                <div>
                  <dt>Tendered</dt>
                  <dd>{money(payment.tenderedCents)}</dd>
                </div>
                <div>
                  <dt>Change</dt>
                  <dd>{money(payment.changeCents)}</dd>
                </div>
              </dl>
              {payment.status !== 'COMPLETED' && (
                <span className="status-badge">{payment.status.toLowerCase()}</span>
              )}
            </li>
          ))}
        </ul>
      </section>
    </article>
  )
}
