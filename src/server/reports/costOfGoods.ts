import type { CostOfGoods, SalesRow } from '../../shared/backoffice/reports'
import type { Executor } from '../db/connection'
import { selectNetQuantitiesByStore } from '../db/costOfGoodsRepository'
import { divideHalfUp, loadAverageCosts, quantityCostCents } from '../inventory/averageCost'

/**
 * Cost of goods per item for the reports: for each store and product, the units sold less units
 * refunded in the range × that store's average cost now (the definition is in
 * src/shared/backoffice/stockOffice.ts), rounded half up to the cent, summed over the stores. An
 * item some store of the range has no cost for is "no cost" (null) and left out of the margin.
 */

export interface ItemCost {
  cogsCents: number | null
}

interface Range {
  storeIds: string[]
  from: string
  to: string
}

/** "−1.250" → −1250 thousandths, exactly. */
function milliOf(quantity: string): number {
  const negative = quantity.startsWith('-')
  const [whole = '0', fraction = ''] = quantity.replace('-', '').split('.')
  const milli = Number(whole) * 1000 + Number((fraction + '000').slice(0, 3))
  return negative ? -milli : milli
}

export async function itemCosts(db: Executor, range: Range): Promise<Map<string, ItemCost>> {
  const costs = new Map<string, ItemCost>()
  if (range.storeIds.length === 0) return costs
  const rows = await selectNetQuantitiesByStore(db, range)
  const averages = await loadAverageCosts(db, range.storeIds)
  for (const row of rows) {
    const cost = row.productId ? averages.get(row.storeId)?.get(row.productId) : undefined
    const held = costs.get(row.productId)
    if (!cost || held?.cogsCents === null) {
      costs.set(row.productId, { cogsCents: null })
      continue
    }
    const cents = quantityCostCents(milliOf(row.quantity ?? '0'), cost.cents)
    costs.set(row.productId, { cogsCents: (held?.cogsCents ?? 0) + cents })
  }
  return costs
}

/** Margin over net in basis points, half up; null when there is no net to divide by. */
export function marginBasisPoints(marginCents: number, netCents: number): number | null {
  if (netCents === 0) return null
  return Number(divideHalfUp(BigInt(marginCents) * 10_000n, BigInt(netCents)))
}

/** By-item rows with their cost and margin. */
export function withItemCosts(rows: SalesRow[], costs: Map<string, ItemCost>): SalesRow[] {
  return rows.map((row) => {
    const cogs = costs.get(row.key)?.cogsCents ?? null
    const margin = cogs === null ? null : row.netCents - cogs
    return {
      ...row,
      cogsCents: cogs,
      marginCents: margin,
      marginBasisPoints: margin === null ? null : marginBasisPoints(margin, row.netCents),
    }
  })
}

/** The cost of goods and margin of items (each with its net sales). */
export function costOfGoodsOf(
  items: readonly { netCents: number; cogsCents: number | null }[],
): CostOfGoods {
  const costed = items.filter((item) => item.cogsCents !== null)
  const cogsCents = costed.reduce((total, item) => total + item.cogsCents!, 0)
  const costedNetCents = costed.reduce((total, item) => total + item.netCents, 0)
  const marginCents = costedNetCents - cogsCents
  return {
    cogsCents,
    costedNetCents,
    marginCents,
    marginBasisPoints: marginBasisPoints(marginCents, costedNetCents),
    noCostItemCount: items.length - costed.length,
  }
}
