import { v7 as uuidv7 } from 'uuid'
import type { StockMovementData, StockMovementLine } from '../../shared/sync/inventoryEntities'
import type { RegisterDb } from './database'
import { recordStockMovement, trackedProductIds } from './stockRepository'

/** What the stock movement reads of a priced sale (saleRepository's PricedSale). */
export interface StockSale {
  kind?: 'SALE' | 'REFUND'
  deviceId: string
  now: string
  employeeId?: string | null
  lines: readonly {
    productId: string | null
    variantId?: string | null
    quantity: number
    weightGrams?: number | null
  }[]
}

/**
 * The stock a sale or refund moves: ONE movement record for its lines of products that track
 * stock (sold −, given back +), written in the sale's transaction; none when no line tracks stock.
 * A weighed line moves its weight in kilograms (grams are the thousandths).
 */
export function recordSaleStock(db: RegisterDb, sale: StockSale, orderId: string): void {
  const productIds = [
    ...new Set(sale.lines.flatMap((line) => (line.productId ? [line.productId] : []))),
  ]
  const tracked = trackedProductIds(db, productIds)
  if (tracked.size === 0) return
  const sign = sale.kind === 'REFUND' ? 1 : -1
  const byItem = new Map<string, StockMovementLine>()
  for (const line of sale.lines) {
    if (!line.productId || !tracked.has(line.productId)) continue
    const milli = line.weightGrams != null ? line.weightGrams * line.quantity : line.quantity * 1000
    const key = `${line.productId}\u0000${line.variantId ?? ''}`
    const held = byItem.get(key)
    if (held) held.quantity = (Math.round(held.quantity * 1000) + sign * milli) / 1000
    else
      byItem.set(key, {
        productId: line.productId,
        variantId: line.variantId ?? null,
        quantity: (sign * milli) / 1000,
      })
  }
  const movement: StockMovementData = {
    id: uuidv7(),
    kind: sale.kind === 'REFUND' ? 'REFUND' : 'SALE',
    refId: orderId,
    employeeId: sale.employeeId ?? null,
    createdAt: sale.now,
    lines: [...byItem.values()],
  }
  recordStockMovement(db, movement, sale.deviceId, sale.now)
}
