import { useMemo } from 'react'
import { useDisplayLocale } from '../../appInfo'

/** Shows a stock quantity in the display locale: up to three decimals, a sign where asked. */
export function useQuantityFormat(): (quantity: number, isSigned?: boolean) => string {
  const locale = useDisplayLocale()
  return useMemo(() => {
    const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 })
    const signed = new Intl.NumberFormat(locale, {
      maximumFractionDigits: 3,
      signDisplay: 'exceptZero',
    })
    return (quantity, isSigned = false) => (isSigned ? signed : plain).format(quantity)
  }, [locale])
}
