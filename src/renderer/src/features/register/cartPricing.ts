import {
  computeOrderTotals,
  discountCents,
  type OrderTotals,
  type PricingRules,
} from '../../../../shared/domain'
import { unitPriceCents, type CartState } from './cartModel'

/**
 * The cart priced by the same engine main uses, so the screen and the receipt agree: line
 * discounts on each line's gross, the order discount on what the lines come to after theirs.
 * Throws DomainError on a cart the engine refuses.
 */
export function priceCart(
  cart: Pick<CartState, 'lines' | 'orderDiscount'>,
  rules: PricingRules,
): OrderTotals {
  const lines = cart.lines.map((line) => {
    const unit = unitPriceCents(line)
    const gross = unit * line.quantity
    return {
      unitPriceCents: unit,
      quantity: line.quantity,
      taxRateBasisPoints: line.product.taxRateBasisPoints,
      discountCents: line.discount ? discountCents(gross, line.discount, rules.roundingMode) : 0,
    }
  })
  const afterLineDiscounts = lines.reduce(
    (sum, line) => sum + line.unitPriceCents * line.quantity - line.discountCents,
    0,
  )
  const orderDiscountCents = cart.orderDiscount
    ? discountCents(afterLineDiscounts, cart.orderDiscount, rules.roundingMode)
    : 0
  return computeOrderTotals({ lines, orderDiscountCents }, rules)
}
