import type { Discount } from '../../shared/domain'
import { PosError } from '../../shared/ipc/errors'
import type { Actor, Authority, Authorization } from './authority'
import type { CartDraft, DiscountAboveLimit, PricedCart } from './salePricing'

/**
 * One discount above the limit as a manager approves it: what it is on (a product and variant, or
 * the order) and how much. A later change to that discount is a new fingerprint, asked again.
 */
export interface DiscountAsked {
  fingerprint: string
  /** "25% on Caffè Latte", "$5.00 on the order": the words the refusal carries. */
  words: string
}

function discountWords(discount: Discount | undefined, currency: string): string {
  if (!discount) return ''
  if (discount.type === 'percent') return `${discount.percent}%`
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(
    discount.amountCents / 100,
  )
}

function discountKey(discount: Discount | undefined): string {
  if (!discount) return 'none'
  return discount.type === 'percent'
    ? `percent:${discount.percent}`
    : `amount:${discount.amountCents}`
}

/** The cart's discounts above the limit, each with its fingerprint and its words. */
export function discountsAsked(
  cart: CartDraft,
  priced: Pick<PricedCart, 'lines' | 'discountsAboveLimit'>,
  currency: string,
): DiscountAsked[] {
  return priced.discountsAboveLimit.map((above: DiscountAboveLimit) => {
    const match = /^lines\.(\d+)\.discount$/.exec(above.path)
    if (!match) {
      const discount = cart.orderDiscount
      return {
        fingerprint: `order|${discountKey(discount)}`,
        words: `${discountWords(discount, currency)} on the order`,
      }
    }
    const index = Number(match[1])
    const draft = cart.lines[index]
    const line = priced.lines[index]
    const name = line?.variantName ? `${line.name} (${line.variantName})` : (line?.name ?? '')
    return {
      fingerprint: `line|${draft?.productId ?? ''}|${draft?.variantId ?? ''}|${discountKey(draft?.discount)}`,
      words: `${discountWords(draft?.discount, currency)} on ${name}`,
    }
  })
}

/** The refusal a cashier's over-limit discount gets, in words (never a raw action token). */
export function discountApprovalRequired(asked: readonly DiscountAsked[]): PosError {
  const list = asked.map((discount) => discount.words).join(', ')
  return new PosError('APPROVAL_REQUIRED', `Discount over your limit: ${list}.`, 'discount')
}

/**
 * A cart's discounts checked when one is applied (sale:approveDiscount): nothing to do when none
 * is above the limit, the actor needs no approval, or the cart's approvals already cover them;
 * otherwise APPROVAL_REQUIRED until a manager's approvalId comes, which is then held for the sale.
 */
export function approveCartDiscounts(
  authority: Authority,
  asked: readonly DiscountAsked[],
  heldApprovalIds: readonly string[],
  approvalId: string | undefined,
): { discountApprovalId: string | null } {
  const actor = authority.requireSignedIn()
  if (asked.length === 0 || !authority.needsApproval(actor, 'discount'))
    return { discountApprovalId: null }
  const covered = authority.coveredDiscounts(
    heldApprovalIds,
    asked.map((discount) => discount.fingerprint),
  )
  const open = asked.filter((discount) => !covered.fingerprints.has(discount.fingerprint))
  if (open.length === 0) return { discountApprovalId: null }
  if (approvalId === undefined) throw discountApprovalRequired(open)
  let approvedBy: Actor | null
  try {
    approvedBy = authority.authorize('discount', approvalId).approvedBy
  } catch (error) {
    if (error instanceof PosError && error.code === 'APPROVAL_REQUIRED')
      throw discountApprovalRequired(open)
    throw error
  }
  if (!approvedBy) return { discountApprovalId: null }
  return {
    discountApprovalId: authority.grantDiscounts(
      approvedBy,
      open.map((discount) => discount.fingerprint),
    ),
  }
}

/**
 * At Complete sale: who approved the sale's discounts above the limit. Approvals held from when
 * they were applied are used first; anything they do not cover needs a fresh approvalId, as
 * before. Returns null when no discount is above the limit. The caller uses the held approvals up
 * (useDiscountGrants) once the sale is stored, so a refused sale keeps them.
 */
export function authorizeSaleDiscounts(
  authority: Authority,
  asked: readonly DiscountAsked[],
  heldApprovalIds: readonly string[],
  approvalId: string | undefined,
): Authorization | null {
  if (asked.length === 0) return null
  const actor = authority.requireSignedIn()
  if (!authority.needsApproval(actor, 'discount')) return { actor, approvedBy: null }
  const covered = authority.coveredDiscounts(
    heldApprovalIds,
    asked.map((discount) => discount.fingerprint),
  )
  const open = asked.filter((discount) => !covered.fingerprints.has(discount.fingerprint))
  if (open.length === 0) return { actor, approvedBy: covered.approver }
  try {
    return authority.authorize('discount', approvalId)
  } catch (error) {
    if (error instanceof PosError && error.code === 'APPROVAL_REQUIRED')
      throw discountApprovalRequired(open)
    throw error
  }
}
