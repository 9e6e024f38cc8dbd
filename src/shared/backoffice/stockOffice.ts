import { z } from 'zod'
import { StockQuantity } from '../sync/inventoryEntities'

/**
 * The back office's stock screens: levels with valuation, history per product, reorder rules and
 * the suggested order, transfers between stores and the stock-level CSV import.
 *
 * Average cost (per store and product, variants share it): the weighted average of the unit costs
 * on the store's RECEIPT and TRANSFER_IN movement lines that carry one,
 * Σ(quantity × unitCostCents) / Σ quantity, rounded half up to the cent; with no such line, the
 * lowest supplier cost (supplierProduct.costCents) of the product; else unknown ("no cost").
 * Value of a line = on hand × average cost, rounded half up to the cent; negative on hand is valued
 * at 0 and flagged. A store's total is the sum of its lines.
 */

const StoreId = z.uuid('expected a store id (UUID)')
const ProductId = z.string().min(1).max(128)

/** `storeIds=a,b`: several stores side by side (omitted: the one `storeId`). */
const StoreIdList = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id.length > 0)
      : value,
  z.array(StoreId).min(1).max(50),
)

export const StockLevelsQuery = z.strictObject({
  storeId: StoreId.optional(),
  storeIds: StoreIdList.optional(),
  /** Words in the name or SKU. */
  q: z.string().max(200).optional(),
  /** csv: the valuation of one store as a CSV download (also the stock-level export). */
  format: z.enum(['json', 'csv']).default('json'),
})
export type StockLevelsQuery = z.infer<typeof StockLevelsQuery>

export const CostSource = z.enum(['receipts', 'supplier'])
export type CostSource = z.infer<typeof CostSource>

export const StockLevelRow = z.object({
  productId: z.string(),
  variantId: z.string().nullable(),
  name: z.string(),
  sku: z.string().nullable(),
  onHand: z.number(),
  isNegative: z.boolean(),
  reorderPoint: z.number().nullable(),
  /** On hand at or below the reorder point. */
  isLow: z.boolean(),
  averageCostCents: z.number().int().nullable(),
  costSource: CostSource.nullable(),
  /** On hand × average cost to the cent; 0 when negative or without a cost. */
  valueCents: z.number().int(),
})
export type StockLevelRow = z.infer<typeof StockLevelRow>

export const StoreStockLevels = z.object({
  storeId: z.string(),
  storeName: z.string(),
  currency: z.string(),
  rows: z.array(StockLevelRow),
  totals: z.object({
    valueCents: z.number().int(),
    negativeCount: z.number().int(),
    lowCount: z.number().int(),
    noCostCount: z.number().int(),
  }),
})
export type StoreStockLevels = z.infer<typeof StoreStockLevels>

export const StockLevelsReply = z.object({ stores: z.array(StoreStockLevels) })
export type StockLevelsReply = z.infer<typeof StockLevelsReply>

export const STOCK_HISTORY_MAX_PAGE = 200

export const StockHistoryQuery = z.strictObject({
  storeId: StoreId,
  productId: ProductId,
  variantId: z.string().min(1).max(128).optional(),
  /** The previous page's `nextBefore` (a sequence). */
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(STOCK_HISTORY_MAX_PAGE).default(50),
})
export type StockHistoryQuery = z.infer<typeof StockHistoryQuery>

export const StockReference = z.object({
  kind: z.enum(['order', 'purchaseOrder', 'transfer', 'count', 'other']),
  id: z.string(),
  /** The order number, the purchase order's reference, else a short id. */
  label: z.string(),
})

export const StockHistoryEntry = z.object({
  movementId: z.string(),
  seq: z.number().int(),
  kind: z.string(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  quantity: z.number(),
  /** On hand right after this movement (movements in the server's order). */
  balance: z.number(),
  /** The employee, else the register, else "back office". */
  by: z.string().nullable(),
  at: z.string(),
  reference: StockReference.nullable(),
})
export type StockHistoryEntry = z.infer<typeof StockHistoryEntry>

export const StockHistoryReply = z.object({
  storeId: z.string(),
  productId: z.string(),
  variantId: z.string().nullable(),
  name: z.string(),
  onHand: z.number(),
  entries: z.array(StockHistoryEntry),
  nextBefore: z.number().int().nullable(),
})
export type StockHistoryReply = z.infer<typeof StockHistoryReply>

export const StockImportBody = z.strictObject({
  /** A CSV with a `sku` column and an `on_hand` (or `counted`) column; at most 500 rows. */
  csv: z.string().max(1_000_000),
  /** false: a preview only; true: apply, only when no row has an error. */
  apply: z.boolean().default(false),
})
export type StockImportBody = z.infer<typeof StockImportBody>

export const StockImportRow = z.object({
  line: z.number().int(),
  sku: z.string(),
  productId: z.string().nullable(),
  variantId: z.string().nullable(),
  name: z.string().nullable(),
  expected: z.number().nullable(),
  counted: z.number().nullable(),
  difference: z.number().nullable(),
  error: z.string().nullable(),
})
export type StockImportRow = z.infer<typeof StockImportRow>

export const StockImportReply = z.object({
  storeId: z.string(),
  rows: z.array(StockImportRow),
  errorCount: z.number().int(),
  isApplied: z.boolean(),
  movementId: z.string().nullable(),
})
export type StockImportReply = z.infer<typeof StockImportReply>

export const StockStoreQuery = z.strictObject({ storeId: StoreId })

export { StockQuantity }
