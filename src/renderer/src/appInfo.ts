import { createContext, useCallback, useContext } from 'react'
import { formatMoney, type Cents } from '../../shared/domain'
import type { InvokeOutput } from '../../shared/ipc'
import { useLocale } from './i18n'

export type AppInfo = InvokeOutput<'app:getInfo'>

export const AppInfoContext = createContext<AppInfo | null>(null)

/** Who this register is; only rendered below the point where app:getInfo has loaded. */
export function useAppInfo(): AppInfo {
  const info = useContext(AppInfoContext)
  if (!info) throw new Error('useAppInfo used outside AppInfoContext')
  return info
}

/** The Intl locale for numbers, money and dates: the store's, or Arabic when the UI is Arabic. */
export function useDisplayLocale(): string {
  return useLocale(useAppInfo().locale)
}

/** Formats minor units in the store's currency and the display locale. */
export function useMoney(): (cents: Cents) => string {
  const { currency } = useAppInfo()
  const locale = useDisplayLocale()
  return useCallback((cents: Cents) => formatMoney(cents, currency, locale), [currency, locale])
}
