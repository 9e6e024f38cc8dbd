import { z } from 'zod'

/** `GET /api/admin/stock?storeId=`: on hand of one store the caller may see. */
export const StockQuery = z.strictObject({
  storeId: z.uuid('expected a store id (UUID)'),
  /** `productIds=a,b`: only these products; omitted: every product stock ever moved. */
  productIds: z
    .preprocess(
      (value) =>
        typeof value === 'string'
          ? value
              .split(',')
              .map((id) => id.trim())
              .filter((id) => id.length > 0)
          : value,
      z.array(z.string().min(1).max(128)).min(1).max(500),
    )
    .optional(),
})
export type StockQuery = z.infer<typeof StockQuery>

export const StockOnHandLine = z.object({
  productId: z.string(),
  variantId: z.string().nullable(),
  /** Quantities with at most 3 decimals, summed exactly (integer thousandths). */
  onHand: z.number(),
  /** Below zero: more was sold than was known to be there (never blocked, shown as a flag). */
  isNegative: z.boolean(),
})

export const StockReply = z.object({
  storeId: z.string(),
  products: z.array(StockOnHandLine),
})
export type StockReply = z.infer<typeof StockReply>
