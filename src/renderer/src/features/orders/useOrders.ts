import { useLoad } from '../../hooks/useLoad'
import { i18n } from '../../i18n'
import { pos } from '../../pos'
import type { OrderDetail, OrderSummary } from '../../types'
import { toListQuery, type OrderFilterDraft } from './orderFilter'

const pageSize = 50

export interface OrderListState {
  orders: OrderSummary[] | null
  error: string | null
  isLoading: boolean
  refresh: () => void
}

/**
 * Recent orders matching `filter`, newest first, fetched again whenever the filter changes or a
 * sale is committed or synced in.
 */
export function useOrderList(filter: OrderFilterDraft): OrderListState {
  const query = toListQuery(filter, pageSize)
  const queryKey = JSON.stringify(query)
  const list = useLoad(() => pos.invoke('order:list', query), [queryKey], {
    // Sales from this register, and orders that sync brought in from the others.
    reloadOn: ['order:created', 'order:synced'],
    describeError: (error) => i18n.t('orders:screen.listFailed', { error }),
  })
  // While a refresh is on its way the previous list stays up, so rows do not flicker away.
  return { orders: list.data, error: list.error, isLoading: list.isLoading, refresh: list.reload }
}

export interface OrderDetailState {
  order: OrderDetail | null
  error: string | null
  isLoading: boolean
  retry: () => void
}

export function useOrderDetail(orderId: string | null): OrderDetailState {
  const detail = useLoad(() => pos.invoke('order:get', { id: orderId ?? '' }), [orderId], {
    isEnabled: orderId !== null,
    describeError: (error) => i18n.t('orders:screen.orderFailed', { error }),
  })
  // Only what was read for this selection shows; the previous order never stands in for it.
  const isForSelection = !detail.isLoading
  return {
    order: isForSelection && detail.error === null ? detail.data : null,
    error: isForSelection ? detail.error : null,
    isLoading: detail.isLoading,
    retry: detail.reload,
  }
}
