import { useEffect, useState } from 'react'
import { StoreOptions } from '../../../../shared/store/options'
import { pos } from '../../pos'

const defaultOptions = StoreOptions.parse({})

/**
 * The store's tenders, barcode rules and limits (settings:get). Until they load, or if they
 * cannot, the defaults stand in so the register can still sell.
 */
export function useStoreOptions(): StoreOptions {
  const [options, setOptions] = useState<StoreOptions>(defaultOptions)
  const [attempt, setAttempt] = useState(0)
  // A manager may have changed them; signing in is a cheap moment to read them again.
  useEffect(() => pos.on('session:changed', () => setAttempt((count) => count + 1)), [])
  useEffect(() => {
    let isCurrent = true
    pos.invoke('settings:get').then(
      (settings) => {
        if (isCurrent) setOptions(settings.options)
      },
      () => undefined,
    )
    return () => {
      isCurrent = false
    }
  }, [attempt])
  return options
}
