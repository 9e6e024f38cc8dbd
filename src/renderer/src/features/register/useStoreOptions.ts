import { StoreOptions } from '../../../../shared/store/options'
import { useLoad } from '../../hooks/useLoad'
import { pos } from '../../pos'

const defaultOptions = StoreOptions.parse({})

/**
 * The store's tenders, barcode rules and limits (settings:get). Until they load, or if they
 * cannot, the defaults stand in so the register can still sell.
 */
export function useStoreOptions(): StoreOptions {
  // A manager may have changed them; signing in is a cheap moment to read them again.
  const settings = useLoad(() => pos.invoke('settings:get'), [], { reloadOn: ['session:changed'] })
  return settings.data?.options ?? defaultOptions
}
