import { DomainError } from './errors'
import { isCents, toCents, type Cents } from './money'
import { roundToIncrement } from './rounding'
import type { PricingRules } from './pricingTypes'
import { validateRules } from './validation'

export type TenderMethod = 'cash' | 'card' | 'other'

const tenderMethods: readonly string[] = ['cash', 'card', 'other'] satisfies TenderMethod[]

export interface TenderInput {
  method: TenderMethod
  /** >= 0. A cash tender of 0 settles a remainder that rounds to nothing in cash. */
  amountCents: Cents
}

export interface TenderSummary {
  /** The order total. */
  totalCents: Cents
  /** Signed; non-zero only once the bill is fully paid with cash in it and rounding is on. */
  cashRoundingAdjustmentCents: Cents
  /** totalCents + cashRoundingAdjustmentCents. */
  dueCents: Cents
  paidCents: Cents
  /** Only ever from cash; a multiple of the cash increment when the cash tendered is. */
  changeCents: Cents
  /** Exact amount still to pay (what a card would take); 0 when fully paid. */
  remainingCents: Cents
  /** Cash that completes the sale as tendered so far; 0 when fully paid. Added to the brief. */
  cashToCompleteCents: Cents
  isFullyPaid: boolean
}

function assertAmount(value: unknown, what: string): asserts value is Cents {
  if (!isCents(value) || value < 0) {
    throw new DomainError('INVALID_AMOUNT', `${what} must be whole cents >= 0`)
  }
}

/**
 * What a cashier should ask for in cash for an exact remainder, rounded to the cash increment.
 * Once some cash is already tendered, prefer TenderSummary.cashToCompleteCents: rounding the
 * rest again can differ by an increment when earlier cash was not a multiple of it.
 */
export function cashDueCents(remainingCents: Cents, rules: PricingRules): Cents {
  validateRules(rules)
  assertAmount(remainingCents, 'Remaining amount')
  return roundToIncrement(remainingCents, rules.cashRoundingIncrementCents, rules.roundingMode)
}

/**
 * Applies tenders to a total. Non-cash tenders are exact and, in the order given, may not exceed
 * what is still due. Cash covers whatever the non-cash tenders leave; that part is rounded to the
 * cash increment once, as a whole, so the result does not depend on how the cash was split.
 */
export function settleTender(
  totalCents: Cents,
  tenders: readonly TenderInput[],
  rules: PricingRules,
): TenderSummary {
  validateRules(rules)
  assertAmount(totalCents, 'Order total')
  const total = BigInt(totalCents)
  let nonCashPaid = 0n
  let cashPaid = 0n
  let hasCash = false
  tenders.forEach((tender, index) => {
    if (!tenderMethods.includes(tender.method)) {
      throw new DomainError('INVALID_TENDER_METHOD', `Tender ${index + 1}: unknown method`)
    }
    assertAmount(tender.amountCents, `Tender ${index + 1} amount`)
    const amount = BigInt(tender.amountCents)
    if (tender.method === 'cash') {
      hasCash = true
      cashPaid += amount
      return
    }
    const stillDue = total - nonCashPaid - cashPaid
    if (amount > 0n && amount > stillDue) {
      throw new DomainError('TENDER_EXCEEDS_DUE', `Tender ${index + 1} is more than is still due`)
    }
    nonCashPaid += amount
  })

  const cashPart = total - nonCashPaid
  const cashDue = BigInt(
    roundToIncrement(toCents(cashPart), rules.cashRoundingIncrementCents, rules.roundingMode),
  )
  const isFullyPaid = hasCash ? cashPaid >= cashDue : cashPart === 0n
  const paid = nonCashPaid + cashPaid
  if (isFullyPaid) {
    const adjustment = hasCash ? cashDue - cashPart : 0n
    return {
      totalCents,
      cashRoundingAdjustmentCents: toCents(adjustment),
      dueCents: toCents(total + adjustment),
      paidCents: toCents(paid),
      changeCents: toCents(hasCash ? cashPaid - cashDue : 0n),
      remainingCents: 0,
      cashToCompleteCents: 0,
      isFullyPaid,
    }
  }
  const cashToComplete = cashDue - cashPaid
  const exactRemaining = cashPart - cashPaid
  return {
    totalCents,
    cashRoundingAdjustmentCents: 0,
    dueCents: totalCents,
    paidCents: toCents(paid),
    changeCents: 0,
    // Only odd cash (not a multiple of the increment) can cover the exact rest yet fall short
    // of the rounded cash due; then only more cash can finish, so report that instead.
    remainingCents: toCents(exactRemaining > 0n ? exactRemaining : cashToComplete),
    cashToCompleteCents: toCents(cashToComplete),
    isFullyPaid,
  }
}
