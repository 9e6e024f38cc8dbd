import type { InvokeParsedInput } from '../../shared/ipc/contract'
import { PosError } from '../../shared/ipc/errors'
import type { StockLevel, StockMovementResult } from '../../shared/ipc/stockSchemas'
import {
  fromMilli,
  StockMovementData,
  type StockMovementLine,
} from '../../shared/sync/inventoryEntities'
import type { RegisterStore, Repositories } from '../store/repositories'
import type { Authority } from './authority'

export interface StockServiceContext {
  store: RegisterStore
  authority: Authority
  deviceId: () => string
  now: () => Date
  /** The store this register is enrolled in (null until it first enrolls): transfers need it. */
  storeId: () => string | null
}

type AdjustInput = InvokeParsedInput<'stock:adjust'>

/** On hand of these products, each variant stock ever moved; nothing for a product never moved. */
export function stockLevels(store: RegisterStore, productIds: readonly string[]): StockLevel[] {
  return store.stock.stockLevelsOf(productIds).map((row) => ({
    productId: row.productId,
    variantId: row.variantId,
    onHand: fromMilli(row.onHandMilli),
    isNegative: row.onHandMilli < 0,
    reorderPoint: row.reorderPointMilli === null ? null : fromMilli(row.reorderPointMilli),
    isLowStock: row.reorderPointMilli !== null && row.onHandMilli <= row.reorderPointMilli,
  }))
}

/** The result of a movement already stored under this id (a second submit): nothing moves again. */
export function replayed(
  repositories: Repositories,
  movementId: string,
): StockMovementResult | null {
  const lines = repositories.stock.storedMovementLines(movementId)
  if (!lines) return null
  return {
    movementId,
    isNew: false,
    lines: lines.map((line) => ({
      productId: line.productId,
      variantId: line.variantId,
      quantity: line.quantity,
      ...(line.expected === undefined ? {} : { expected: line.expected }),
      ...(line.counted === undefined ? {} : { counted: line.counted }),
      onHand: fromMilli(repositories.stock.onHandMilli(line.productId, line.variantId)),
    })),
  }
}

export function unknownProducts(
  repositories: Repositories,
  lines: readonly { productId: string }[],
) {
  const ids = [...new Set(lines.map((line) => line.productId))]
  const known = new Set(repositories.catalog.findProducts(ids).map((product) => product.id))
  const missing = lines.findIndex((line) => !known.has(line.productId))
  if (missing >= 0)
    throw new PosError(
      'NOT_FOUND',
      'That product is not on this register.',
      `lines.${missing}.productId`,
    )
}

/** Lines naming one product or variant twice would count it twice: refused. */
export function refuseRepeats(lines: readonly { productId: string; variantId: string | null }[]) {
  const seen = new Set<string>()
  lines.forEach((line, index) => {
    const key = `${line.productId}\u0000${line.variantId ?? ''}`
    if (seen.has(key))
      throw new PosError(
        'VALIDATION_FAILED',
        'Each product appears once per adjustment, count, receipt or transfer.',
        `lines.${index}`,
      )
    seen.add(key)
  })
}

/** Stores a checked movement made here and reads back each line's on hand. */
export function storeMovement(
  context: StockServiceContext,
  repositories: Repositories,
  movement: StockMovementData,
): StockMovementResult {
  const checked = StockMovementData.parse(movement)
  const now = context.now().toISOString()
  repositories.stock.recordStockMovement(checked, context.deviceId(), now)
  return {
    movementId: checked.id,
    isNew: true,
    lines: checked.lines.map((line: StockMovementLine) => ({
      productId: line.productId,
      variantId: line.variantId,
      quantity: line.quantity,
      ...(line.expected === undefined ? {} : { expected: line.expected }),
      ...(line.counted === undefined ? {} : { counted: line.counted }),
      onHand: fromMilli(repositories.stock.onHandMilli(line.productId, line.variantId)),
    })),
  }
}

/** An adjustment with a reason, approved by a manager where the store asks it. */
export function adjustStock(context: StockServiceContext, input: AdjustInput): StockMovementResult {
  return context.store.transaction((repositories) => {
    const earlier = replayed(repositories, input.movementId)
    if (earlier) return earlier
    refuseRepeats(input.lines)
    unknownProducts(repositories, input.lines)
    const { actor, approvedBy } = context.authority.authorize('stockAdjust', input.approvalId)
    return storeMovement(context, repositories, {
      id: input.movementId,
      kind: 'ADJUSTMENT',
      reason: input.reason,
      note: input.note || null,
      employeeId: actor.employeeId,
      approvedBy: approvedBy?.employeeId ?? null,
      createdAt: context.now().toISOString(),
      lines: input.lines.map((line) => ({
        productId: line.productId,
        variantId: line.variantId,
        quantity: line.quantity,
      })),
    })
  })
}
