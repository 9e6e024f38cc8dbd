import { z } from 'zod'
import { MAX_STOCK_QUANTITY, StockQuantity } from '../sync/inventoryEntities'

/**
 * Transfers between stores, reorder rules and the suggested order in the back office.
 *
 * A transfer is one stockTransfer record written with the same id and data into both stores, plus
 * a TRANSFER_OUT movement at the sender. What arrived is never stored on the transfer: it is the
 * sum of the receiving store's TRANSFER_IN movements whose refId is the transfer's id.
 *
 * Suggested order: a product whose on hand is at or below its reorder point is ordered up to
 * point + reorder quantity, i.e. reorderPoint + reorderQuantity − onHand (at least the reorder
 * quantity), grouped by the rule's preferred supplier.
 */

const StoreId = z.uuid('expected a store id (UUID)')
const Id = z.string().min(1).max(128)
const PositiveQuantity = StockQuantity.refine((value) => value > 0, 'must be more than 0')

export const TransferLineBody = z.strictObject({
  productId: Id,
  variantId: Id.nullable().optional(),
  quantity: PositiveQuantity,
})

export const CreateTransferBody = z.strictObject({
  fromStoreId: StoreId,
  toStoreId: StoreId,
  lines: z.array(TransferLineBody).min(1).max(500),
})
export type CreateTransferBody = z.infer<typeof CreateTransferBody>

export const TransferLineView = z.object({
  productId: z.string(),
  variantId: z.string().nullable(),
  name: z.string(),
  sent: z.number(),
  received: z.number(),
  unitCostCents: z.number().int().nullable(),
})

export const TransferView = z.object({
  id: z.string(),
  fromStoreId: z.string(),
  fromStoreName: z.string(),
  toStoreId: z.string(),
  toStoreName: z.string(),
  /** As seen from the store asked about. */
  direction: z.enum(['incoming', 'outgoing']),
  status: z.enum(['SENT', 'RECEIVED', 'CANCELLED']),
  createdAt: z.string(),
  /** Something is still to arrive (status SENT and received < sent on a line). */
  isOutstanding: z.boolean(),
  lines: z.array(TransferLineView),
})
export type TransferView = z.infer<typeof TransferView>

export const TransferListReply = z.object({
  storeId: z.string(),
  transfers: z.array(TransferView),
})
export type TransferListReply = z.infer<typeof TransferListReply>

export const TransferReply = z.object({ transfer: TransferView })
export type TransferReply = z.infer<typeof TransferReply>

export const ReorderRuleBody = z.strictObject({
  productId: Id,
  variantId: Id.nullable().optional(),
  reorderPoint: StockQuantity,
  reorderQuantity: StockQuantity.refine((value) => value >= 0, 'must not be negative'),
  preferredSupplierId: Id.nullable().optional(),
  /** The version the editor loaded (0 for a new rule). */
  baseVersion: z.number().int().min(0).optional(),
})
export type ReorderRuleBody = z.infer<typeof ReorderRuleBody>

export const ReorderRuleView = z.object({
  id: z.string(),
  version: z.number().int(),
  productId: z.string(),
  variantId: z.string().nullable(),
  reorderPoint: z.number(),
  reorderQuantity: z.number(),
  preferredSupplierId: z.string().nullable(),
})
export type ReorderRuleView = z.infer<typeof ReorderRuleView>

export const ReorderRuleListReply = z.object({
  storeId: z.string(),
  rules: z.array(ReorderRuleView),
  suppliers: z.array(z.object({ id: z.string(), name: z.string() })),
})
export type ReorderRuleListReply = z.infer<typeof ReorderRuleListReply>

export const SuggestedLine = z.object({
  productId: z.string(),
  variantId: z.string().nullable(),
  name: z.string(),
  sku: z.string().nullable(),
  onHand: z.number(),
  reorderPoint: z.number(),
  reorderQuantity: z.number(),
  orderQuantity: z.number(),
  /** The preferred supplier's cost, else the average cost; null: no cost known. */
  unitCostCents: z.number().int().nullable(),
  lineCostCents: z.number().int().nullable(),
})
export type SuggestedLine = z.infer<typeof SuggestedLine>

export const SuggestedOrderReply = z.object({
  storeId: z.string(),
  groups: z.array(
    z.object({
      supplierId: z.string().nullable(),
      supplierName: z.string().nullable(),
      lines: z.array(SuggestedLine),
      totalCents: z.number().int(),
    }),
  ),
})
export type SuggestedOrderReply = z.infer<typeof SuggestedOrderReply>

export { MAX_STOCK_QUANTITY }
