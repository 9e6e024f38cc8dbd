import { useMemo } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import { useSignedIn } from '../session/sessionContext'
import { purchasingApi } from './purchasingApi'

/** The purchasing calls of this store. */
export function usePurchasingApi(store: StoreDetail) {
  const { api } = useSignedIn()
  return useMemo(() => purchasingApi(api, store.id), [api, store.id])
}
