import { priceOrder, type OrderTotals, type PricingRules } from '../../../../shared/domain'
import { unitPriceCents, type CartState } from './cartModel'

/**
 * The cart priced by the same shared function main prices the sale with (priceOrder), so the
 * screen and the receipt agree. Throws DomainError on a cart the engine refuses.
 */
export function priceCart(
  cart: Pick<CartState, 'lines' | 'orderDiscount'>,
  rules: PricingRules,
): OrderTotals {
  return priceOrder(
    {
      lines: cart.lines.map((line) => ({
        unitPriceCents: unitPriceCents(line),
        quantity: line.quantity,
        taxRateBasisPoints: line.product.taxRateBasisPoints,
        discount: line.discount,
      })),
      orderDiscount: cart.orderDiscount,
    },
    rules,
  ).totals
}
