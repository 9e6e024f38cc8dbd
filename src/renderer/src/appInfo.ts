import { createContext, useCallback, useContext } from 'react'
import { formatMoney, type Cents } from '../../shared/domain'
import type { InvokeOutput } from '../../shared/ipc'

export type AppInfo = InvokeOutput<'app:info'>

export const AppInfoContext = createContext<AppInfo | null>(null)

/** Who this register is; only rendered below the point where app:info has loaded. */
export function useAppInfo(): AppInfo {
  const info = useContext(AppInfoContext)
  if (!info) throw new Error('useAppInfo used outside AppInfoContext')
  return info
}

/** Formats minor units in the store's currency and locale. */
export function useMoney(): (cents: Cents) => string {
  const { currency, locale } = useAppInfo()
  return useCallback((cents: Cents) => formatMoney(cents, currency, locale), [currency, locale])
}
