import { useCallback, useEffect, useState } from 'react'
import { i18n } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { OrderDetail, OrderSummary } from '../../types'

const pageSize = 50

type Loaded<T> = { value: T; error: null } | { value: null; error: string }

export interface OrderListState {
  orders: OrderSummary[] | null
  error: string | null
  isLoading: boolean
  refresh: () => void
}

/** Recent orders, newest first, fetched again whenever a sale is committed or synced in. */
export function useOrderList(): OrderListState {
  const [version, setVersion] = useState(0)
  const [loaded, setLoaded] = useState<(Loaded<OrderSummary[]> & { version: number }) | null>(null)
  const [lastGood, setLastGood] = useState<OrderSummary[] | null>(null)

  useEffect(() => {
    let isCurrent = true
    pos.invoke('order:list', { limit: pageSize }).then(
      (orders) => {
        if (!isCurrent) return
        setLoaded({ value: orders, error: null, version })
        setLastGood(orders)
      },
      (error: unknown) => {
        if (isCurrent)
          setLoaded({
            value: null,
            error: i18n.t('orders:screen.listFailed', { error: errorMessage(error) }),
            version,
          })
      },
    )
    return () => {
      isCurrent = false
    }
  }, [version])

  useEffect(() => {
    const refetch = () => setVersion((count) => count + 1)
    // Sales from this register, and orders that sync brought in from the others.
    const unsubscribers = [pos.on('order:created', refetch), pos.on('order:synced', refetch)]
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe())
  }, [])

  const refresh = useCallback(() => setVersion((count) => count + 1), [])
  return {
    // While a refresh is on its way the previous list stays up, so rows do not flicker away.
    orders: lastGood,
    error: loaded?.error ?? null,
    isLoading: loaded?.version !== version,
    refresh,
  }
}

export interface OrderDetailState {
  order: OrderDetail | null
  error: string | null
  isLoading: boolean
  retry: () => void
}

export function useOrderDetail(orderId: string | null): OrderDetailState {
  const [attempt, setAttempt] = useState(0)
  const [loaded, setLoaded] = useState<
    (Loaded<OrderDetail> & { orderId: string; attempt: number }) | null
  >(null)

  useEffect(() => {
    if (orderId === null) return
    let isCurrent = true
    pos.invoke('order:get', { id: orderId }).then(
      (order) => {
        if (isCurrent) setLoaded({ value: order, error: null, orderId, attempt })
      },
      (error: unknown) => {
        if (isCurrent)
          setLoaded({
            value: null,
            error: i18n.t('orders:screen.orderFailed', { error: errorMessage(error) }),
            orderId,
            attempt,
          })
      },
    )
    return () => {
      isCurrent = false
    }
  }, [orderId, attempt])

  const retry = useCallback(() => setAttempt((count) => count + 1), [])
  const isForSelection = orderId !== null && loaded?.orderId === orderId
  return {
    order: isForSelection ? loaded.value : null,
    error: isForSelection ? loaded.error : null,
    isLoading: orderId !== null && (!isForSelection || loaded.attempt !== attempt),
    retry,
  }
}
