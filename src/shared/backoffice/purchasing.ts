import { z } from 'zod'
import { StockQuantity } from '../sync/inventoryEntities'

/**
 * The back office's purchasing contract: suppliers, what they sell at what cost, purchase orders
 * and supplier invoices of one store (synced records keyed by store, `?storeId=` on every route,
 * optional for a manager of one store). Saves carry the `baseVersion` the editor loaded (0 for a
 * new record); a newer stored version refuses the save with 409 VERSION_CONFLICT.
 *
 * A purchase order stores DRAFT, ORDERED or CANCELLED only; PARTIALLY_RECEIVED and RECEIVED are
 * read from the RECEIPT stock movements whose refId is the order, so two registers receiving the
 * same order offline both count.
 */

const Uuid = z.uuid()
const Text = (max: number) => z.string().trim().min(1).max(max)
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional()
const BaseVersion = z.number().int().min(0)
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
const CostCents = z.number().int().min(0).max(100_000_000)
/** Most one line may order or receive: keeps every order total an exact safe integer of cents. */
export const MAX_LINE_QUANTITY = 100_000
const PositiveQuantity = StockQuantity.refine(
  (value) => value > 0,
  'must be more than zero',
).refine((value) => value <= MAX_LINE_QUANTITY, `at most ${MAX_LINE_QUANTITY}`)

export const AdminSupplierBody = z.strictObject({
  baseVersion: BaseVersion.optional(),
  name: Text(200),
  contactName: OptionalText(200),
  email: z
    .union([z.literal(''), z.email('not an e-mail address').max(200)])
    .nullable()
    .optional(),
  phone: OptionalText(40),
  leadTimeDays: z.number().int().min(0).max(365).nullable().optional(),
  isActive: z.boolean().optional(),
})
export type AdminSupplierBody = z.infer<typeof AdminSupplierBody>

/** What a supplier sells a product (or variant) for, under the supplier's own SKU. */
export const AdminSupplierProductBody = z.strictObject({
  baseVersion: BaseVersion.optional(),
  supplierId: Uuid,
  productId: Uuid,
  variantId: z.string().min(1).max(128).nullable().optional(),
  costCents: CostCents,
  supplierSku: OptionalText(80),
})
export type AdminSupplierProductBody = z.infer<typeof AdminSupplierProductBody>

export const PurchaseOrderLineInput = z.strictObject({
  productId: Uuid,
  variantId: z.string().min(1).max(128).nullable().optional(),
  quantity: PositiveQuantity,
  /** Absent: the supplier's cost of this product (0 when the supplier has none). */
  unitCostCents: CostCents.optional(),
})
export type PurchaseOrderLineInput = z.infer<typeof PurchaseOrderLineInput>

const lineKey = (line: { productId: string; variantId?: string | null | undefined }) =>
  `${line.productId}\u0000${line.variantId ?? ''}`

const Lines = z
  .array(PurchaseOrderLineInput)
  .max(500)
  .refine(
    (lines) => new Set(lines.map(lineKey)).size === lines.length,
    'a product is on the order twice; change its quantity instead',
  )

/** A new draft purchase order (the back office's form, or a suggested order from low stock). */
export const CreatePurchaseOrderBody = z.strictObject({
  /** Optional: the caller's id for the order, so a retried create is one order. */
  id: Uuid.optional(),
  supplierId: Uuid,
  reference: OptionalText(80),
  expectedAt: Day.nullable().optional(),
  note: OptionalText(1000),
  lines: Lines,
})
export type CreatePurchaseOrderBody = z.infer<typeof CreatePurchaseOrderBody>

/** An edit of a DRAFT order: the whole order again, with the version the editor loaded. */
export const UpdatePurchaseOrderBody = CreatePurchaseOrderBody.omit({ id: true }).extend({
  baseVersion: BaseVersion,
})
export type UpdatePurchaseOrderBody = z.infer<typeof UpdatePurchaseOrderBody>

/** Mark ordered, or cancel: the version the manager saw. */
export const PurchaseOrderTransitionBody = z.strictObject({ baseVersion: BaseVersion })
export type PurchaseOrderTransitionBody = z.infer<typeof PurchaseOrderTransitionBody>

/** A receipt recorded in the back office: one RECEIPT movement into the order's store. */
export const ReceivePurchaseOrderBody = z.strictObject({
  /** The movement's id, picked by the caller: the same receipt sent twice is recorded once. */
  movementId: Uuid,
  note: OptionalText(500),
  lines: z
    .array(
      z.strictObject({
        productId: Uuid,
        variantId: z.string().min(1).max(128).nullable().optional(),
        quantity: PositiveQuantity,
      }),
    )
    .min(1)
    .max(500),
})
export type ReceivePurchaseOrderBody = z.infer<typeof ReceivePurchaseOrderBody>

export const EmailPurchaseOrderBody = z.strictObject({
  /** Absent: the supplier's e-mail. */
  to: z.email('not an e-mail address').max(200).optional(),
})
export type EmailPurchaseOrderBody = z.infer<typeof EmailPurchaseOrderBody>

export const StoredPurchaseOrderStatus = z.enum(['DRAFT', 'ORDERED', 'CANCELLED'])
export const PurchaseOrderStatus = z.enum([
  'DRAFT',
  'ORDERED',
  'PARTIALLY_RECEIVED',
  'RECEIVED',
  'CANCELLED',
])
export type PurchaseOrderStatus = z.infer<typeof PurchaseOrderStatus>

export const PurchaseOrderLineView = z.object({
  productId: z.string(),
  variantId: z.string().nullable(),
  /** The product's name and SKU today (null when the product is gone). */
  name: z.string().nullable(),
  sku: z.string().nullable(),
  ordered: z.number(),
  received: z.number(),
  /** Ordered − received, never below zero; an over-receipt shows in `received`. */
  outstanding: z.number(),
  unitCostCents: z.number().int(),
  orderedCents: z.number().int(),
  receivedCents: z.number().int(),
})
export type PurchaseOrderLineView = z.infer<typeof PurchaseOrderLineView>

export const PurchaseOrderView = z.object({
  id: z.string(),
  version: z.number().int(),
  storeId: z.string(),
  supplierId: z.string(),
  supplierName: z.string().nullable(),
  /** Derived: DRAFT, ORDERED, PARTIALLY_RECEIVED, RECEIVED or CANCELLED. */
  status: PurchaseOrderStatus,
  reference: z.string().nullable(),
  expectedAt: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  lines: z.array(PurchaseOrderLineView),
  totalCents: z.number().int(),
  receivedCents: z.number().int(),
})
export type PurchaseOrderView = z.infer<typeof PurchaseOrderView>

export const PurchaseOrderListReply = z.object({ purchaseOrders: z.array(PurchaseOrderView) })
export type PurchaseOrderListReply = z.infer<typeof PurchaseOrderListReply>
/** The synced records a write changed (none when it changed nothing). */
export const WrittenRecords = z.array(
  z.object({ entity: z.string(), id: z.string(), version: z.number().int() }),
)
export type WrittenRecords = z.infer<typeof WrittenRecords>

export const PurchaseOrderReply = z.object({
  purchaseOrder: PurchaseOrderView,
  isChanged: z.boolean(),
  written: WrittenRecords,
})
export type PurchaseOrderReply = z.infer<typeof PurchaseOrderReply>

export const EmailReply = z.object({ to: z.string(), messageId: z.string().nullable() })
export type EmailReply = z.infer<typeof EmailReply>

export const InvoiceStatus = z.enum(['OPEN', 'MATCHED', 'PAID', 'CANCELLED'])
export type InvoiceStatus = z.infer<typeof InvoiceStatus>

export const AdminSupplierInvoiceBody = z.strictObject({
  baseVersion: BaseVersion.optional(),
  supplierId: Uuid,
  invoiceNumber: Text(80),
  purchaseOrderIds: z
    .array(Uuid)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'an order is listed twice'),
  totalCents: z.number().int().min(0).max(10_000_000_000),
  issuedAt: Day.nullable().optional(),
  dueAt: Day.nullable().optional(),
  /** OPEN and MATCHED are one stored state (matched is read from the receipts); PAID, CANCELLED. */
  status: InvoiceStatus.optional(),
})
export type AdminSupplierInvoiceBody = z.infer<typeof AdminSupplierInvoiceBody>

export const SupplierInvoiceView = z.object({
  id: z.string(),
  version: z.number().int(),
  supplierId: z.string(),
  supplierName: z.string().nullable(),
  invoiceNumber: z.string(),
  purchaseOrderIds: z.array(z.string()),
  totalCents: z.number().int(),
  issuedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** Σ received quantity × unit cost over the orders, to the cent. */
  receivedCents: z.number().int(),
  /** Invoice total − received value; 0 when matched. */
  differenceCents: z.number().int(),
  isMatched: z.boolean(),
  /** MATCHED when an open invoice equals what was received; PAID and CANCELLED as set. */
  status: InvoiceStatus,
})
export type SupplierInvoiceView = z.infer<typeof SupplierInvoiceView>

export const SupplierInvoiceListReply = z.object({ invoices: z.array(SupplierInvoiceView) })
export type SupplierInvoiceListReply = z.infer<typeof SupplierInvoiceListReply>
export const SupplierInvoiceReply = z.object({
  invoice: SupplierInvoiceView,
  isChanged: z.boolean(),
  written: WrittenRecords,
})
export type SupplierInvoiceReply = z.infer<typeof SupplierInvoiceReply>

/** A CSV import: `isApplied: false` previews; true writes every row or, with any error, none. */
export const CsvImportBody = z.strictObject({
  csv: z.string().max(1_000_000),
  isApplied: z.boolean(),
})
export type CsvImportBody = z.infer<typeof CsvImportBody>

export const CsvRowError = z.object({
  /** The row in the file, 1 = the first row under the header. */
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
})
export type CsvRowError = z.infer<typeof CsvRowError>

export const CsvImportReply = z.object({
  rows: z.number().int(),
  /** Rows that would create a record, and rows that would change one. */
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(CsvRowError),
  isApplied: z.boolean(),
  written: WrittenRecords,
})
export type CsvImportReply = z.infer<typeof CsvImportReply>

/** The data of purchasing records as the web app reads them. */
export interface SupplierRecordData {
  id: string
  name: string
  contactName?: string | null
  email?: string | null
  phone?: string | null
  leadTimeDays?: number | null
  isActive?: boolean
}
export interface SupplierProductRecordData {
  id: string
  supplierId: string
  productId: string
  variantId?: string | null
  costCents: number
  supplierSku?: string | null
}

const storeQuery = (storeId: string, extra: Record<string, string> = {}) =>
  `?${new URLSearchParams({ storeId, ...extra }).toString()}`
const segment = encodeURIComponent

export const purchasingPaths = {
  suppliers: (storeId: string) => `/api/admin/suppliers${storeQuery(storeId)}`,
  supplier: (storeId: string, id: string) =>
    `/api/admin/suppliers/${segment(id)}${storeQuery(storeId)}`,
  suppliersCsv: (storeId: string) => `/api/admin/suppliers.csv${storeQuery(storeId)}`,
  suppliersImport: (storeId: string) => `/api/admin/suppliers/import${storeQuery(storeId)}`,
  supplierProducts: (storeId: string, supplierId?: string) =>
    `/api/admin/supplier-products${storeQuery(storeId, supplierId ? { supplierId } : {})}`,
  supplierProduct: (storeId: string, id: string) =>
    `/api/admin/supplier-products/${segment(id)}${storeQuery(storeId)}`,
  deleteSupplierProduct: (storeId: string, id: string, baseVersion: number) =>
    `/api/admin/supplier-products/${segment(id)}${storeQuery(storeId, { baseVersion: String(baseVersion) })}`,
  supplierCostsCsv: (storeId: string) => `/api/admin/supplier-costs.csv${storeQuery(storeId)}`,
  supplierCostsImport: (storeId: string) =>
    `/api/admin/supplier-costs/import${storeQuery(storeId)}`,
  purchaseOrders: (storeId: string) => `/api/admin/purchase-orders${storeQuery(storeId)}`,
  purchaseOrder: (storeId: string, id: string) =>
    `/api/admin/purchase-orders/${segment(id)}${storeQuery(storeId)}`,
  purchaseOrderAction: (
    storeId: string,
    id: string,
    action: 'order' | 'cancel' | 'receive' | 'email' | 'pdf',
  ) => `/api/admin/purchase-orders/${segment(id)}/${action}${storeQuery(storeId)}`,
  supplierInvoices: (storeId: string) => `/api/admin/supplier-invoices${storeQuery(storeId)}`,
  supplierInvoice: (storeId: string, id: string) =>
    `/api/admin/supplier-invoices/${segment(id)}${storeQuery(storeId)}`,
}
