import type { StockHistory } from '../../shared/ipc/stockSchemas'
import { AdjustmentReason, fromMilli, StockMovementLine } from '../../shared/sync/inventoryEntities'
import type { StandaloneRepositories } from '../store/repositories'

/**
 * A product's stock history on this register: each movement touching it (or one variant of it),
 * newest first, with what it did to on hand, and on hand now from the projection.
 */
export function stockHistory(
  repositories: StandaloneRepositories,
  query: { productId: string; variantId?: string | null | undefined; limit: number },
): StockHistory {
  const { productId, limit } = query
  const variantId = query.variantId
  const rows = repositories.stockDocuments.movementsMentioning(productId, variantId ?? null, limit)
  const movements = rows.flatMap((row) => {
    let lines: unknown
    try {
      lines = JSON.parse(row.lines)
    } catch {
      return []
    }
    if (!Array.isArray(lines)) return []
    const reason = AdjustmentReason.safeParse(row.reason)
    return lines.flatMap((value: unknown) => {
      const line = StockMovementLine.safeParse(value)
      if (!line.success || line.data.productId !== productId) return []
      if (variantId !== undefined && (line.data.variantId ?? null) !== variantId) return []
      return [
        {
          movementId: row.movementId,
          kind: row.kind,
          reason: reason.success ? reason.data : null,
          variantId: line.data.variantId ?? null,
          quantity: line.data.quantity,
          createdAt: row.createdAt,
          employeeName: row.employeeName ?? null,
          refId: row.refId,
          note: row.note,
        },
      ]
    })
  })
  const onHandMilli =
    variantId === undefined
      ? repositories.stock
          .stockLevelsOf([productId])
          .reduce((sum, level) => sum + level.onHandMilli, 0)
      : repositories.stock.onHandMilli(productId, variantId)
  return {
    productId,
    variantId: variantId ?? null,
    onHand: fromMilli(onHandMilli),
    movements,
  }
}
