import { useAppInfo, useMoney } from '../../appInfo'
import type { OrderSummary } from '../../types'
import { formatOrderTime, signedTotalCents, syncLabel } from './format'

interface OrderListProps {
  orders: OrderSummary[]
  selectedId: string | null
  onSelect: (orderId: string) => void
}

export function OrderList({ orders, selectedId, onSelect }: OrderListProps) {
  const { locale } = useAppInfo()
  const money = useMoney()
  if (orders.length === 0) {
    return (
      <p className="orders-empty">
        No sales yet on this register. Completed sales and refunds appear here.
      </p>
    )
  }
  return (
    <ul className="order-list">
      {orders.map((order) => (
        <li key={order.id}>
          <button
            type="button"
            className={order.kind === 'REFUND' ? 'order-row order-row-refund' : 'order-row'}
            data-testid="order-row"
            data-kind={order.kind}
            aria-current={order.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(order.id)}
          >
            <span className="order-row-number">
              {order.kind === 'REFUND' && (
                <span className="kind-badge kind-badge-refund">Refund</span>
              )}
              {order.orderNumber}
            </span>
            <span className="order-row-total">{money(signedTotalCents(order))}</span>
            <span className="order-row-details">
              <span className="order-row-time">{formatOrderTime(order.createdAt, locale)}</span>
              <span>
                {order.itemCount} {order.itemCount === 1 ? 'item' : 'items'}
              </span>
              <span className={`sync-badge sync-badge-${order.syncStatus.toLowerCase()}`}>
                {syncLabel(order.syncStatus)}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  )
}
