import { useState } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { OrderDetailPanel } from './OrderDetailPanel'
import { OrderList } from './OrderList'
import { useOrderDetail, useOrderList } from './useOrders'

export function OrdersScreen() {
  const list = useOrderList()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const detail = useOrderDetail(selectedId)

  return (
    <div className="orders">
      <section className="orders-list-panel" aria-labelledby="orders-title">
        <header className="panel-header">
          <h2 id="orders-title" className="panel-title">
            Recent orders
          </h2>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={list.refresh}
            disabled={list.isLoading}
          >
            Refresh
          </button>
        </header>
        {list.error && <ErrorAlert message={list.error} onRetry={list.refresh} />}
        <div className="orders-list-scroll" aria-busy={list.isLoading}>
          {list.orders === null && list.isLoading && (
            <p className="orders-empty">Loading orders…</p>
          )}
          {list.orders !== null && (
            <OrderList orders={list.orders} selectedId={selectedId} onSelect={setSelectedId} />
          )}
        </div>
      </section>

      <section
        className="orders-detail-panel"
        aria-label="Order detail"
        aria-busy={detail.isLoading}
      >
        {selectedId === null && (
          <p className="orders-placeholder">Select an order to see its items and payment.</p>
        )}
        {detail.error && <ErrorAlert message={detail.error} onRetry={detail.retry} />}
        {selectedId !== null && detail.isLoading && !detail.order && (
          <p className="orders-placeholder">Loading order…</p>
        )}
        {detail.order && <OrderDetailPanel order={detail.order} />}
      </section>
    </div>
  )
}
