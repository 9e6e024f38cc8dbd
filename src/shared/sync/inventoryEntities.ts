import { z } from 'zod'

/**
 * Data schemas of the inventory entities (DESIGN.md §9). Stock is never a stored quantity: it is
 * the sum of append-only stock movements, each one record per event. The documents (suppliers,
 * purchase orders, counts, transfers, invoices, reorder rules) are edited records, server-wins
 * with the manual resolve flow.
 *
 * Quantities travel as numbers with at most 3 decimals (kilograms to the gram, units to the
 * thousandth) and are summed as integer thousandths (`toMilli`) so sums stay exact.
 */
const Id = z.string().min(1).max(128)
const Timestamp = z.string().max(64)
const Cents = z.number().int().safe()
const Name = (max: number) => z.string().min(1).max(max).regex(/\S/, 'must not be blank')

/** The largest quantity a line may move (a billion units): far inside exact integer thousandths. */
export const MAX_STOCK_QUANTITY = 1_000_000_000

/** A quantity as integer thousandths (1.5 → 1500); exact for any number with ≤ 3 decimals. */
export const toMilli = (quantity: number): number => Math.round(quantity * 1000)

/** Integer thousandths back to the quantity a person reads (1500 → 1.5). */
export const fromMilli = (milli: number): number => milli / 1000

/** A quantity with at most 3 decimals, within ±MAX_STOCK_QUANTITY. */
export const StockQuantity = z
  .number()
  .finite()
  .min(-MAX_STOCK_QUANTITY)
  .max(MAX_STOCK_QUANTITY)
  .refine((value) => Math.abs(value * 1000 - toMilli(value)) < 1e-6, 'at most 3 decimals')

const NonNegativeQuantity = StockQuantity.refine((value) => value >= 0, 'must not be negative')

export const StockMovementKind = z.enum([
  'SALE',
  'REFUND',
  'ADJUSTMENT',
  'COUNT',
  'RECEIPT',
  'TRANSFER_OUT',
  'TRANSFER_IN',
])
export type StockMovementKind = z.infer<typeof StockMovementKind>

export const AdjustmentReason = z.enum(['DAMAGE', 'THEFT', 'CORRECTION', 'OWN_USE', 'OTHER'])
export type AdjustmentReason = z.infer<typeof AdjustmentReason>

/** One product (or variant) a movement moves: a signed quantity (sale −, refund +). */
export const StockMovementLine = z.looseObject({
  productId: Id,
  variantId: Id.nullable(),
  quantity: StockQuantity,
  unitCostCents: Cents.optional(),
  /** On a COUNT line: what the register expected and what was counted (quantity = the difference). */
  expected: StockQuantity.optional(),
  counted: NonNegativeQuantity.optional(),
})
export type StockMovementLine = z.infer<typeof StockMovementLine>

/**
 * One stock event, written once and never changed (append-only on the server): every register's
 * decrement survives, whatever order they sync in.
 */
export const StockMovementData = z
  .looseObject({
    id: Id,
    kind: StockMovementKind,
    /** Why, on an ADJUSTMENT. */
    reason: AdjustmentReason.nullable().optional(),
    /** The order, count, purchase order or transfer the movement belongs to. */
    refId: Id.nullable().optional(),
    employeeId: Id.nullable().optional(),
    approvedBy: Id.nullable().optional(),
    note: z.string().max(500).nullable().optional(),
    createdAt: Timestamp,
    lines: z.array(StockMovementLine).min(1).max(500),
  })
  .refine((movement) => movement.kind !== 'ADJUSTMENT' || movement.reason != null, {
    message: 'an adjustment needs a reason',
    path: ['reason'],
  })
export type StockMovementData = z.infer<typeof StockMovementData>

export const SupplierData = z.looseObject({
  id: Id,
  name: Name(200),
  contactName: z.string().max(200).nullable().optional(),
  email: z.string().max(200).nullable().optional(),
  phone: z.string().max(40).nullable().optional(),
  leadTimeDays: z.number().int().min(0).max(365).nullable().optional(),
  isActive: z.boolean().optional(),
})

/** What a supplier sells a product (or variant) for, under the supplier's own SKU. */
export const SupplierProductData = z.looseObject({
  id: Id,
  supplierId: Id,
  productId: Id,
  variantId: Id.nullable().optional(),
  costCents: Cents.nonnegative(),
  supplierSku: z.string().max(80).nullable().optional(),
})

/** A document line: a product (or variant) and a quantity (ordered, counted, sent …). */
const DocumentLine = z.looseObject({
  productId: Id,
  variantId: Id.nullable().optional(),
  quantity: NonNegativeQuantity,
  unitCostCents: Cents.optional(),
})

/**
 * What was ordered and at what cost. Received quantities are never stored here: they are the
 * RECEIPT movements whose refId is the order's id, so two registers receiving offline both count.
 */
export const PurchaseOrderData = z.looseObject({
  id: Id,
  supplierId: Id,
  status: z.enum(['DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED']),
  reference: z.string().max(80).nullable().optional(),
  expectedAt: Timestamp.nullable().optional(),
  note: z.string().max(1000).nullable().optional(),
  createdAt: Timestamp,
  lines: z.array(DocumentLine).max(500),
})

/** A count session: what was counted against what was expected; applying it writes one COUNT movement. */
export const StockCountData = z.looseObject({
  id: Id,
  status: z.enum(['OPEN', 'APPLIED', 'CANCELLED']),
  note: z.string().max(500).nullable().optional(),
  createdAt: Timestamp,
  appliedAt: Timestamp.nullable().optional(),
  lines: z
    .array(
      z.looseObject({
        productId: Id,
        variantId: Id.nullable().optional(),
        counted: NonNegativeQuantity,
        expected: StockQuantity.optional(),
      }),
    )
    .max(500),
})

/** Stock sent from one store to another: TRANSFER_OUT at the sender, TRANSFER_IN at the receiver. */
export const StockTransferData = z.looseObject({
  id: Id,
  fromStoreId: Id,
  toStoreId: Id,
  status: z.enum(['SENT', 'RECEIVED', 'CANCELLED']),
  createdAt: Timestamp,
  lines: z.array(DocumentLine).min(1).max(500),
})

/** A supplier's bill, matched to the purchase orders and receipts it charges for. */
export const SupplierInvoiceData = z.looseObject({
  id: Id,
  supplierId: Id,
  invoiceNumber: z.string().min(1).max(80),
  purchaseOrderIds: z.array(Id).max(50).optional(),
  totalCents: Cents,
  issuedAt: Timestamp.nullable().optional(),
  dueAt: Timestamp.nullable().optional(),
  status: z.enum(['OPEN', 'MATCHED', 'PAID', 'CANCELLED']).optional(),
})

/** When on hand falls to the point, order this much (from the preferred supplier). */
export const ReorderRuleData = z.looseObject({
  id: Id,
  productId: Id,
  variantId: Id.nullable().optional(),
  reorderPoint: StockQuantity,
  reorderQuantity: NonNegativeQuantity,
  preferredSupplierId: Id.nullable().optional(),
})

/** The inventory entities and their data schemas (entities.ts adds them to entitySchemas). */
export const inventoryEntitySchemas = {
  stockMovement: StockMovementData,
  supplier: SupplierData,
  supplierProduct: SupplierProductData,
  purchaseOrder: PurchaseOrderData,
  stockCount: StockCountData,
  stockTransfer: StockTransferData,
  supplierInvoice: SupplierInvoiceData,
  reorderRule: ReorderRuleData,
} as const
