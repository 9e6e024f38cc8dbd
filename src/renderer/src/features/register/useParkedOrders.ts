import { useLoad } from '../../hooks/useLoad'
import { i18n } from '../../i18n'
import { pos } from '../../pos'
import type { ParkedOrder } from './saleTypes'

export interface ParkedOrdersState {
  orders: ParkedOrder[]
  error: string | null
  reload: () => void
}

/** This register's parked sales, read again after every park or recall. */
export function useParkedOrders(): ParkedOrdersState {
  const parked = useLoad(() => pos.invoke('park:list'), [], {
    describeError: (error) => i18n.t('register:notices.parkedListFailed', { error }),
  })
  return { orders: parked.data ?? [], error: parked.error, reload: parked.reload }
}
