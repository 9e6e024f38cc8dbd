import { useMemo } from 'react'
import { computeOrderTotals, type OrderTotals } from '../../../../shared/domain'
import type { AppInfo } from '../../appInfo'
import { errorMessage } from '../../pos'
import type { CartLine } from './cart'

export type CartTotalsResult =
  { totals: OrderTotals; error: null } | { totals: null; error: string }

/** The cart priced by the same engine main uses, so the screen and the receipt agree. */
export function useCartTotals(
  lines: readonly CartLine[],
  rules: AppInfo['pricingRules'],
): CartTotalsResult {
  return useMemo(() => {
    try {
      const totals = computeOrderTotals(
        {
          lines: lines.map(({ product, quantity }) => ({
            unitPriceCents: product.priceCents,
            quantity,
            taxRateBasisPoints: product.taxRateBasisPoints,
          })),
        },
        rules,
      )
      return { totals, error: null }
    } catch (error) {
      return { totals: null, error: `Could not total this sale: ${errorMessage(error)}` }
    }
  }, [lines, rules])
}
