import { z } from 'zod'
import { AdjustmentReason, StockMovementKind, StockQuantity } from '../sync/inventoryEntities'
import { Cents, Id } from './schemas'

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

/*
 * The Stock screen's documents: purchase orders to receive, transfers between stores, count
 * sessions and a product's history. What was received is never a stored field: it is the sum of
 * the RECEIPT or TRANSFER_IN movements whose refId is the document's id (this register's and those
 * pulled from the store's other registers), so two registers receiving offline both count.
 */

const PositiveLines = z
  .array(Line(StockQuantity.refine((quantity) => quantity > 0, 'must be more than zero')))
  .min(1)
  .max(500)

/** How a line reads on screen: the product's name (and the variant's), its SKU and barcode. */
const ItemLabel = {
  productId: Id,
  variantId: Id.nullable(),
  /** "Espresso beans — 1 kg"; a product this register does not hold shows its id. */
  name: z.string(),
  sku: z.string().nullable(),
  barcode: z.string().nullable(),
}

/** Derived from receipts: nothing yet, some lines short, or every line received in full (or over). */
export const PurchaseOrderProgress = z.enum(['ORDERED', 'PARTIALLY_RECEIVED', 'RECEIVED'])
export type PurchaseOrderProgress = z.infer<typeof PurchaseOrderProgress>

export const PurchaseOrdersQuery = z.strictObject({
  /** Also list orders whose every line is already received (default: only open ones). */
  includeReceived: z.boolean().default(false),
})

export const ReceivingOrderLine = z.object({
  ...ItemLabel,
  ordered: z.number(),
  /** Received so far at this store; above `ordered` when more came than was ordered. */
  received: z.number(),
  unitCostCents: Cents.nullable(),
})

/** A purchase order the back office placed (stored status ORDERED or later), to receive here. */
export const ReceivingOrder = z.object({
  id: Id,
  reference: z.string().nullable(),
  supplierName: z.string().nullable(),
  expectedAt: z.string().nullable(),
  /** The status the back office stored (the register never writes the order). */
  status: z.enum(['ORDERED', 'PARTIALLY_RECEIVED', 'RECEIVED']),
  /** What the receipts say, whatever the stored status. */
  progress: PurchaseOrderProgress,
  createdAt: z.string(),
  lines: z.array(ReceivingOrderLine),
})
export type ReceivingOrder = z.infer<typeof ReceivingOrder>

/** Receives some or all of a purchase order: ONE RECEIPT movement, refId = the order's id. */
export const StockReceiveInput = z.strictObject({
  /** Made by the screen once per receipt: a second submit of the same id changes nothing. */
  movementId: Id,
  purchaseOrderId: Id,
  /** Products on the order only (VALIDATION_FAILED at lines.N.productId otherwise); more than ordered is fine. */
  lines: PositiveLines,
  note: z.string().trim().max(500).optional(),
})

export const StockReceiveResult = StockMovementResult.extend({
  /** The order's progress with this receipt counted. */
  progress: PurchaseOrderProgress,
})
export type StockReceiveResult = z.infer<typeof StockReceiveResult>

export const TransferDestination = z.object({ storeId: Id, name: z.string() })

export const TransferDestinations = z.object({
  /** The tenant's other stores, by name. Empty when never fetched (see fetchedAt). */
  stores: z.array(TransferDestination),
  /** True when the server could not be asked now and the list is the one kept from fetchedAt. */
  isCached: z.boolean(),
  /** When the list was fetched from the server; null: never (offline since enrollment). */
  fetchedAt: z.string().nullable(),
})
export type TransferDestinations = z.infer<typeof TransferDestinations>

/** Sends stock to another store: a stockTransfer record (SENT) and ONE TRANSFER_OUT movement. */
export const StockTransferSendInput = z.strictObject({
  /** The transfer's id, made by the screen; a second submit with the same ids changes nothing. */
  transferId: Id,
  movementId: Id,
  toStoreId: Id,
  lines: PositiveLines,
  note: z.string().trim().max(500).optional(),
})

export const TransferLine = z.object({
  ...ItemLabel,
  sent: z.number(),
  /** Received so far at the destination, as far as this register knows. */
  received: z.number(),
})

export const TransferView = z.object({
  id: Id,
  fromStoreId: Id,
  fromStoreName: z.string().nullable(),
  toStoreId: Id,
  toStoreName: z.string().nullable(),
  /** SENT until the back office closes it; `lines` say how much arrived. */
  status: z.enum(['SENT', 'RECEIVED', 'CANCELLED']),
  /** Every line received in full (or over), as far as this register knows. */
  isFullyReceived: z.boolean(),
  createdAt: z.string(),
  note: z.string().nullable(),
  lines: z.array(TransferLine),
})
export type TransferView = z.infer<typeof TransferView>

/** Transfers to this store (to receive) and from it (sent), newest first; cancelled ones left out. */
export const StockTransfers = z.object({
  incoming: z.array(TransferView),
  outgoing: z.array(TransferView),
})

/** Receives some or all of a transfer addressed to this store: ONE TRANSFER_IN movement. */
export const StockTransferReceiveInput = z.strictObject({
  transferId: Id,
  movementId: Id,
  /** Products on the transfer only (VALIDATION_FAILED at lines.N.productId otherwise). */
  lines: PositiveLines,
})

/** Saves what a count session has counted so far (an OPEN stockCount record, synced). */
export const StockCountSaveInput = z.strictObject({
  /** The session's id, made by the screen when the count starts; each save replaces its lines. */
  countId: Id,
  lines: z
    .array(
      z.strictObject({
        productId: Id,
        variantId: Id.nullable().default(null),
        counted: StockQuantity.refine((quantity) => quantity >= 0, 'must not be negative'),
      }),
    )
    .max(500),
  note: z.string().trim().max(500).optional(),
})

/** A channel that takes nothing: an empty object. */
export const NoStockInput = z.strictObject({})

export const StockCountSaved = z.object({ countId: Id, status: z.literal('OPEN') })

export const OpenCount = z.object({
  id: Id,
  note: z.string().nullable(),
  createdAt: z.string(),
  lines: z.array(
    z.object({
      ...ItemLabel,
      counted: z.number(),
      /** On hand now: what applying would compare the count with. */
      expected: z.number(),
    }),
  ),
})
export type OpenCount = z.infer<typeof OpenCount>

export const StockHistoryQuery = z.strictObject({
  productId: Id,
  /** Only this variant's lines (null: the product's own lines); absent: every line of the product. */
  variantId: Id.nullable().optional(),
  limit: z.number().int().min(1).max(500).default(100),
})

export const StockHistoryEntry = z.object({
  movementId: Id,
  kind: StockMovementKind,
  reason: AdjustmentReason.nullable(),
  variantId: Id.nullable(),
  /** Signed: what this movement did to on hand of the product (or variant). */
  quantity: z.number(),
  createdAt: z.string(),
  employeeName: z.string().nullable(),
  /** The order, count, purchase order or transfer it belongs to. */
  refId: z.string().nullable(),
  note: z.string().nullable(),
})

export const StockHistory = z.object({
  productId: Id,
  variantId: Id.nullable(),
  /** On hand now (of the variant, or every variant summed). */
  onHand: z.number(),
  /** Newest first. */
  movements: z.array(StockHistoryEntry),
})
export type StockHistory = z.infer<typeof StockHistory>
