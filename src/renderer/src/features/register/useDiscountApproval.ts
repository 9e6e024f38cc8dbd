import { useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import { useProtected } from '../approval/useProtected'
import type { Cart } from './cart'
import { lineDisplayName, toLineDraft, type CartLine } from './cartModel'
import type { DiscountInput } from './saleTypes'

export interface DiscountApproval {
  /** Applies a line's discount once main is content (a manager approves one above the limit). */
  applyLineDiscount(line: CartLine, discount: DiscountInput | null): Promise<void>
  applyOrderDiscount(discount: DiscountInput | null): Promise<void>
}

/**
 * Discounts are checked as they are applied, not at Complete sale: main prices the cart with the
 * new discount (sale:approveDiscount) and a discount above the cashier's limit brings up the
 * manager's PIN right then, worded for this discount. The approval is kept with the cart and
 * sent with the sale; main still refuses an unapproved one when the sale completes.
 * A cancelled approval throws, so the discount dialog stays open and says why.
 */
export function useDiscountApproval(cart: Cart): DiscountApproval {
  const { t } = useTranslation('cart')
  const money = useMoney()
  const protectedCall = useProtected()
  // "25%" or "$2.00": the size of the discount, as the approval prompt names it.
  const size = (discount: DiscountInput) =>
    discount.type === 'percent' ? `${discount.percent}%` : money(discount.amountCents)

  async function approve(lines: CartLine[], orderDiscount: DiscountInput | null, reason: string) {
    const input = {
      lines: lines.map(toLineDraft),
      ...(orderDiscount ? { orderDiscount } : {}),
      discountApprovalIds: cart.discountApprovalIds,
    }
    const result = await protectedCall(
      'discount',
      (approvalId) =>
        pos.invoke('sale:approveDiscount', approvalId ? { ...input, approvalId } : input),
      reason,
    )
    if (result === null) throw new Error(t('approval.notApproved'))
    if (result.discountApprovalId) cart.addDiscountApproval(result.discountApprovalId)
  }

  return {
    async applyLineDiscount(line, discount) {
      if (discount) {
        const lines = cart.lines.map((other) =>
          other.lineId === line.lineId ? { ...other, discount } : other,
        )
        await approve(
          lines,
          cart.orderDiscount,
          t('approval.lineDiscount', {
            discount: size(discount),
            name: lineDisplayName(line),
          }),
        )
      }
      cart.setLineDiscount(line.lineId, discount)
    },
    async applyOrderDiscount(discount) {
      if (discount)
        await approve(
          cart.lines,
          discount,
          t('approval.orderDiscount', { discount: size(discount) }),
        )
      cart.setOrderDiscount(discount)
    },
  }
}
