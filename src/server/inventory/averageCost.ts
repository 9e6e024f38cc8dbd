import type { CostSource } from '../../shared/backoffice/stockOffice'
import type { Executor } from '../db/connection'
import { selectLowestSupplierCosts, selectReceiptCostSums } from '../db/stockOfficeRepository'

/**
 * Average cost per store and product (shared by valuation, the suggested order, transfers and the
 * reports' cost of goods; see src/shared/backoffice/stockOffice.ts for the definition): the
 * weighted average of the costed RECEIPT and TRANSFER_IN lines, Σ(qty × cost) / Σ qty, rounded
 * half up to the cent; else the lowest supplier cost; else unknown.
 */

export interface AverageCost {
  cents: number
  source: CostSource
}

/** storeId → productId → average cost. */
export type AverageCosts = Map<string, Map<string, AverageCost>>

/** a / b rounded half up (away from zero on a tie), in integers. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new Error('division by zero')
  const negative = numerator < 0n !== denominator < 0n
  const n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  const quotient = (n * 2n + d) / (d * 2n)
  return negative ? -quotient : quotient
}

export async function loadAverageCosts(
  db: Executor,
  storeIds: readonly string[],
): Promise<AverageCosts> {
  const costs: AverageCosts = new Map(storeIds.map((id) => [id, new Map()]))
  if (storeIds.length === 0) return costs
  const [receipts, suppliers] = await Promise.all([
    selectReceiptCostSums(db, storeIds),
    selectLowestSupplierCosts(db, storeIds),
  ])
  for (const row of suppliers)
    costs.get(row.storeId)?.set(row.productId, { cents: row.costCents, source: 'supplier' })
  for (const row of receipts) {
    if (row.milli <= 0n) continue
    costs.get(row.storeId)?.set(row.productId, {
      cents: Number(divideHalfUp(row.costMilliCents, row.milli)),
      source: 'receipts',
    })
  }
  return costs
}

/**
 * The value of a stock line: on hand (thousandths) × average cost, rounded half up to the cent;
 * negative on hand or an unknown cost is valued at 0.
 */
export function lineValueCents(onHandMilli: number, cost: AverageCost | undefined): number {
  if (!cost || onHandMilli <= 0) return 0
  return Number(divideHalfUp(BigInt(onHandMilli) * BigInt(cost.cents), 1000n))
}

/** Cost of a quantity (thousandths, signed: refunds negative), rounded half up to the cent. */
export function quantityCostCents(milli: number, costCents: number): number {
  return Number(divideHalfUp(BigInt(milli) * BigInt(costCents), 1000n))
}
