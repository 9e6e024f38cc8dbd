import { useCallback, useEffect, useState } from 'react'
import { i18n } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { ParkedOrder } from './saleTypes'

export interface ParkedOrdersState {
  orders: ParkedOrder[]
  error: string | null
  reload: () => void
}

/** This register's parked sales, read again after every park or recall. */
export function useParkedOrders(): ParkedOrdersState {
  const [orders, setOrders] = useState<ParkedOrder[]>([])
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let isCurrent = true
    pos.invoke('park:list').then(
      (list) => {
        if (!isCurrent) return
        setOrders(list)
        setError(null)
      },
      (failure: unknown) => {
        if (isCurrent)
          setError(i18n.t('register:notices.parkedListFailed', { error: errorMessage(failure) }))
      },
    )
    return () => {
      isCurrent = false
    }
  }, [attempt])

  const reload = useCallback(() => setAttempt((count) => count + 1), [])
  return { orders, error, reload }
}
