import { z } from 'zod'
import { AdjustmentReason, StockQuantity } from '../sync/inventoryEntities'
import { Id } from './schemas'

/*
 * The register's stock channels (stock:*). Quantities are numbers with at most 3 decimals, as the
 * movements carry them; on hand is summed in integer thousandths and read back exactly.
 */

const ProductIds = z.array(Id).min(1).max(500)

export const StockLevelsQuery = z.strictObject({ productIds: ProductIds })

/** On hand of one product or variant (null: the product as a whole). */
export const StockLevel = z.object({
  productId: Id,
  variantId: Id.nullable(),
  onHand: z.number(),
  /** Below zero: more was sold than was known to be there (never blocked, shown as a flag). */
  isNegative: z.boolean(),
  reorderPoint: z.number().nullable(),
  /** At or below the reorder point. */
  isLowStock: z.boolean(),
})
export type StockLevel = z.infer<typeof StockLevel>

const Line = <Q extends z.ZodType<number>>(quantity: Q) =>
  z.strictObject({ productId: Id, variantId: Id.nullable().default(null), quantity })

/** A change of on hand outside a sale: damaged, stolen, corrected, used in the store. */
export const StockAdjustInput = z.strictObject({
  /** Made by the screen once per adjustment: a second submit of the same id changes nothing. */
  movementId: Id,
  reason: AdjustmentReason,
  note: z.string().trim().max(500).optional(),
  lines: z
    .array(Line(StockQuantity.refine((quantity) => quantity !== 0, 'must not be zero')))
    .min(1)
    .max(500),
  approvalId: Id.optional(),
})

/** What a count found: on hand becomes `counted` by one COUNT movement of counted − expected. */
export const StockCountApplyInput = z.strictObject({
  movementId: Id,
  /** The count session (stockCount record) it closes, if any. */
  countId: Id.optional(),
  lines: z
    .array(
      z.strictObject({
        productId: Id,
        variantId: Id.nullable().default(null),
        counted: StockQuantity.refine((quantity) => quantity >= 0, 'must not be negative'),
      }),
    )
    .min(1)
    .max(500),
  approvalId: Id.optional(),
})

export const StockMovementResult = z.object({
  movementId: Id,
  /** False when this movementId was already stored: nothing moved again. */
  isNew: z.boolean(),
  lines: z.array(
    z.object({
      productId: Id,
      variantId: Id.nullable(),
      /** The movement's quantity: the adjustment, or counted − expected. */
      quantity: z.number(),
      expected: z.number().optional(),
      counted: z.number().optional(),
      onHand: z.number(),
    }),
  ),
})
export type StockMovementResult = z.infer<typeof StockMovementResult>
