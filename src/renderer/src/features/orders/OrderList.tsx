import { useDisplayLocale, useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
import type { OrderSummary } from '../../types'
import { formatOrderTime, signedTotalCents, syncLabel } from './format'

interface OrderListProps {
  orders: OrderSummary[]
  selectedId: string | null
  onSelect: (orderId: string) => void
  /** A filter is on: an empty list then says nothing matched, not that nothing was sold. */
  isFiltered?: boolean
}

export function OrderList({ orders, selectedId, onSelect, isFiltered = false }: OrderListProps) {
  const { t } = useTranslation('orders')
  const { t: tc } = useTranslation('common')
  const locale = useDisplayLocale()
  const money = useMoney()
  if (orders.length === 0) {
    return <p className="orders-empty">{t(isFiltered ? 'list.noMatch' : 'list.empty')}</p>
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
                <span className="kind-badge kind-badge-refund">{t('list.refund')}</span>
              )}
              <bdi>{order.orderNumber}</bdi>
            </span>
            <span className="order-row-total">{money(signedTotalCents(order))}</span>
            <span className="order-row-details">
              <span className="order-row-time">{formatOrderTime(order.createdAt, locale)}</span>
              <span>{tc('items', { count: order.itemCount })}</span>
              {order.status !== 'COMPLETED' && (
                <span
                  className={`status-badge status-badge-${order.status.toLowerCase()}`}
                  data-testid="order-row-status"
                >
                  {t(`status.${order.status}`)}
                </span>
              )}
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
