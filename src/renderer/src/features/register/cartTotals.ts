import { useMemo } from 'react'
import { isDomainError, type OrderTotals, type PricingRules } from '../../../../shared/domain'
import { i18n } from '../../i18n'
import { errorMessage } from '../../pos'
import type { CartState } from './cartModel'
import { priceCart } from './cartPricing'

export type CartTotalsResult =
  { totals: OrderTotals; error: null } | { totals: null; error: string }

/** The cart's totals through the shared engine (see priceCart), recomputed when it changes. */
export function useCartTotals(
  cart: Pick<CartState, 'lines' | 'orderDiscount'>,
  rules: PricingRules,
): CartTotalsResult {
  const { lines, orderDiscount } = cart
  return useMemo(() => {
    try {
      return { totals: priceCart({ lines, orderDiscount }, rules), error: null }
    } catch (error) {
      // A fixed discount bigger than its line after the quantity went down, say.
      if (isDomainError(error) && error.code === 'DISCOUNT_EXCEEDS_PRICE')
        return {
          totals: null,
          error: 'A discount is now more than the price it comes off. Change or remove it.',
        }
      return {
        totals: null,
        error: i18n.t('register:notices.totalFailed', { error: errorMessage(error) }),
      }
    }
  }, [lines, orderDiscount, rules])
}
