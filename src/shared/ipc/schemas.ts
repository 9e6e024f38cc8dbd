import { z } from 'zod'
import { ModifierGroup, PricingUnit, ProductVariant } from './catalogSchemas'

/** Integer minor units (cents). Every money value on the bridge is one of these. */
export const Cents = z.number().int().safe()
export const Id = z.uuid()

export const SyncStatus = z.enum(['PENDING', 'SYNCING', 'SYNCED', 'FAILED', 'MODIFIED', 'DELETED'])

export const PricingRules = z.object({
  pricesIncludeTax: z.boolean(),
  taxRounding: z.enum(['line', 'order']),
  roundingMode: z.enum(['half-up', 'half-even']),
  cashRoundingIncrementCents: z.number().int().min(0).max(100),
})

export const AppInfo = z.object({
  appName: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  deviceId: Id,
  storeName: z.string(),
  storeCode: z.string(),
  registerCode: z.string(),
  currency: z.string().length(3),
  locale: z.string(),
  pricingRules: PricingRules,
})

export const Category = z.object({
  id: Id,
  name: z.string(),
  color: z.string().nullable(),
  sortOrder: z.number().int(),
})

export const Product = z.object({
  id: Id,
  sku: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  priceCents: Cents,
  categoryId: Id.nullable(),
  taxRateId: Id,
  taxRateBasisPoints: z.number().int().min(0),
  isActive: z.boolean(),
  barcodes: z.array(z.string()),
  variants: z.array(ProductVariant),
  modifierGroups: z.array(ModifierGroup),
  trackStock: z.boolean(),
  pricingUnit: PricingUnit,
  /** On hand, every variant summed (products that track stock only); negative is allowed. */
  onHand: z.number().optional(),
  /** At or below the product's reorder point. */
  isLowStock: z.boolean().optional(),
})

/** A scanned code resolved: the product, the variant the code names, what the code embeds. */
export const BarcodeMatch = z.object({
  product: Product,
  variantId: Id.nullable(),
  /** From a weight-embedded EAN-13 (prefix per StoreOptions.embeddedBarcodes). */
  weightGrams: z.number().int().positive().nullable(),
  /** From a price-embedded EAN-13: the line's price as printed on the label. */
  embeddedPriceCents: Cents.nullable(),
})

export const CatalogQuery = z.object({ categoryId: Id.optional() }).strict().optional()

export const Catalog = z.object({
  categories: z.array(Category),
  products: z.array(Product),
})

export const ProductSearch = z
  .object({
    query: z.string().trim().min(1).max(100),
    limit: z.number().int().min(1).max(200).default(20),
  })
  .strict()

export const PaymentMethod = z.enum(['cash', 'card', 'other'])

/** A discount as the cashier typed it; main turns it into cents through the shared engine. */
export const DiscountInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('percent'), percent: z.number().gt(0).max(100) }).strict(),
  z.object({ type: z.literal('amount'), amountCents: Cents.min(1) }).strict(),
])

export const SaleLineDraft = z
  .object({
    productId: Id,
    quantity: z.number().int().min(1).max(9999),
    variantId: Id.optional(),
    modifierOptionIds: z.array(Id).max(60).default([]),
    /** The code as scanned, when it embeds a weight or price: main re-reads it, never a price. */
    scannedBarcode: z.string().max(48).optional(),
    discount: DiscountInput.optional(),
    note: z.string().trim().max(200).optional(),
  })
  .strict()

export const PaymentDraft = z
  .object({
    method: PaymentMethod,
    /** The configured tender (StoreOptions.tenderMethods); defaults to the one named like `method`. */
    tenderId: z.string().max(40).optional(),
    /** For cash: the amount handed over; change is worked out by main. */
    amountCents: Cents.min(1),
    referenceNumber: z.string().max(100).optional(),
  })
  .strict()

/** What the renderer sends to sell: products and quantities, never prices (main prices the sale). */
export const SaleDraft = z
  .object({
    /** Makes a double-submitted sale (double click, retried call) one sale. */
    clientRequestId: Id,
    lines: z.array(SaleLineDraft).min(1).max(500),
    orderDiscount: DiscountInput.optional(),
    customerId: Id.optional(),
    note: z.string().trim().max(500).optional(),
    payments: z.array(PaymentDraft).min(1).max(10),
    /** A manager's approval (session:approve) for a discount above the limit. */
    approvalId: Id.optional(),
    /** Approvals of the sale's discounts asked when they were applied (sale:approveDiscount). */
    discountApprovalIds: z.array(Id).max(100).optional(),
  })
  .strict()

/**
 * A cart whose discounts were just changed: main says whether any above the limit still needs a
 * manager (APPROVAL_REQUIRED, in words), and with `approvalId` holds that manager's approval of
 * exactly those discounts for the sale.
 */
export const DiscountCheckInput = z
  .object({
    lines: z.array(SaleLineDraft).min(1).max(500),
    orderDiscount: DiscountInput.optional(),
    /** Approvals this cart already holds: the discounts they cover are not asked about again. */
    discountApprovalIds: z.array(Id).max(100).default([]),
    approvalId: Id.optional(),
  })
  .strict()

export const DiscountCheck = z.object({
  /** A new approval to carry with the sale, or null when nothing needed one. */
  discountApprovalId: Id.nullable(),
})

export const OrderItem = z.object({
  id: Id,
  productId: Id.nullable(),
  sku: z.string(),
  name: z.string(),
  unitPriceCents: Cents,
  quantity: z.number().int(),
  taxRateBasisPoints: z.number().int(),
  discountCents: Cents,
  netCents: Cents,
  taxCents: Cents,
  totalCents: Cents,
  variantName: z.string().nullable(),
  modifiers: z.array(z.object({ groupName: z.string(), name: z.string(), priceCents: Cents })),
  note: z.string().nullable(),
  refundOfItemId: Id.nullable(),
  weightGrams: z.number().int().nullable(),
  /** On a sale line: how many were given back by refunds so far (0 on refund lines). */
  refundedQuantity: z.number().int(),
})

export const Payment = z.object({
  id: Id,
  method: PaymentMethod,
  label: z.string().nullable(),
  amountCents: Cents,
  tenderedCents: Cents,
  changeCents: Cents,
  referenceNumber: z.string().nullable(),
  status: z.enum(['COMPLETED', 'REFUNDED', 'VOIDED']),
})

/**
 * An order's status as the register shows it: a sale with some but not all of its units refunded
 * is PARTLY_REFUNDED (worked out from its refunds; the stored status never says it).
 */
export const OrderStatus = z.enum(['COMPLETED', 'PARTLY_REFUNDED', 'REFUNDED', 'VOIDED'])

export const OrderSummary = z.object({
  id: Id,
  orderNumber: z.string(),
  status: OrderStatus,
  createdAt: z.string(),
  itemCount: z.number().int(),
  totalCents: Cents,
  currency: z.string(),
  syncStatus: SyncStatus,
  kind: z.enum(['SALE', 'REFUND']),
  refundOfOrderId: Id.nullable(),
})

export const OrderDetail = OrderSummary.extend({
  subtotalCents: Cents,
  discountCents: Cents,
  taxCents: Cents,
  cashRoundingCents: Cents,
  employeeId: Id.nullable(),
  employeeName: z.string().nullable(),
  shiftId: Id.nullable(),
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  note: z.string().nullable(),
  refundReason: z.string().nullable(),
  lateForShift: z.boolean(),
  items: z.array(OrderItem),
  payments: z.array(Payment),
  /** Refunds recorded against this sale (summaries), oldest first. */
  refunds: z.array(OrderSummary),
  /** The sale's order number when this is a refund. */
  refundOfOrderNumber: z.string().nullable(),
})

export const OrderListQuery = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    /** Cursor: list orders created before this order (for paging back in time). */
    beforeId: Id.optional(),
    /** Created at or after this instant (the start of the first day chosen, local time). */
    from: z.iso.datetime({ offset: true }).optional(),
    /** Created before this instant (the end of the last day chosen), exclusive. */
    to: z.iso.datetime({ offset: true }).optional(),
    /** Rung up by this employee (the cashier). */
    employeeId: Id.optional(),
    /** Paid at least partly this way. */
    paymentMethod: z.enum(['cash', 'card', 'other']).optional(),
    /** Text in the customer's name or phone. */
    customer: z.string().trim().max(80).optional(),
  })
  .strict()
  .default({ limit: 50 })

export const OrderGet = z.object({ id: Id }).strict()

/** Typed or scanned from the receipt's barcode. */
export const OrderFind = z.object({ orderNumber: z.string().trim().min(1).max(80) }).strict()

export const RefundDraft = z
  .object({
    clientRequestId: Id,
    orderId: Id,
    lines: z
      .array(z.object({ orderItemId: Id, quantity: z.number().int().min(1).max(9999) }).strict())
      .min(1)
      .max(500),
    /** Back to the sale's own tenders (in proportion), or all in cash. */
    refundTo: z.enum(['original', 'cash']),
    reason: z.string().trim().min(1).max(200),
    approvalId: Id.optional(),
  })
  .strict()

export const Customer = z.object({
  id: Id,
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  note: z.string().nullable(),
})

export const CustomerSearch = z
  .object({
    query: z.string().trim().min(1).max(100),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict()

export const CustomerInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    phone: z
      .string()
      .trim()
      .regex(/^[+0-9 ()-]{3,40}$/, 'a phone number is digits, spaces, +, ( ) and -')
      .optional(),
    email: z.email().max(200).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()

/** A cart as the renderer holds it; parked carts are stored as-is and given back on recall. */
export const CartSnapshot = z
  .object({
    lines: z.array(SaleLineDraft).max(500),
    /** Names and prices at parking time, for the list only; the sale is repriced on completion. */
    display: z
      .array(z.object({ name: z.string().max(300), quantity: z.number().int() }).strict())
      .max(500),
    orderDiscount: DiscountInput.optional(),
    customerId: Id.optional(),
    /** Shown on the recalled cart without a lookup. */
    customerName: z.string().max(200).optional(),
    note: z.string().max(500).optional(),
  })
  .strict()

export const ParkInput = z
  .object({
    label: z.string().trim().max(60).optional(),
    cart: CartSnapshot,
  })
  .strict()

export const ParkedOrder = z.object({
  id: Id,
  label: z.string(),
  itemCount: z.number().int(),
  employeeName: z.string().nullable(),
  createdAt: z.string(),
  cart: CartSnapshot,
})

export const IdInput = z.object({ id: Id }).strict()

/**
 * Clearing an unpaid cart with items in it: a cashier's own call, logged with what was in it.
 * `approvalId` is accepted (and ignored) for older renderers.
 */
export const VoidInput = z
  .object({
    cart: CartSnapshot,
    reason: z.string().trim().max(200).default(''),
    approvalId: Id.optional(),
  })
  .strict()

export const SaleReceipt = z.object({
  order: OrderDetail,
  changeCents: Cents,
})

/** Every failure crosses the bridge as this, never as a bare Error. */
export const PosErrorShape = z.object({
  code: z.enum([
    'VALIDATION_FAILED',
    'UNKNOWN_CHANNEL',
    'FORBIDDEN',
    'NOT_FOUND',
    'PRODUCT_UNAVAILABLE',
    'PAYMENT_INSUFFICIENT',
    'PAYMENT_INVALID',
    'DISCOUNT_INVALID',
    'MODIFIERS_INVALID',
    /** No one is signed in (or the register locked): sign in with a PIN first. */
    'SIGN_IN_REQUIRED',
    'PIN_INVALID',
    /** Too many wrong PINs: sign-in pauses for a while. */
    'PIN_LOCKED',
    /** The action needs a manager: ask for a PIN (session:approve) and call again with approvalId. */
    'APPROVAL_REQUIRED',
    'SHIFT_REQUIRED',
    'SHIFT_OPEN',
    'REFUND_EXCEEDS_SOLD',
    'CSV_INVALID',
    'CONFLICT',
    /** Not available on this host (e.g. PDF outside Electron). */
    'NOT_SUPPORTED',
    'SYNC_UNREACHABLE',
    'SYNC_REFUSED',
    /** The register holds work its store has not received: it will not move to another store. */
    'UNSYNCED_WORK',
    'INTERNAL',
  ]),
  message: z.string(),
  /** For VALIDATION_FAILED: where the input was wrong, e.g. "lines.0.quantity". */
  path: z.string().optional(),
})
