import { z } from 'zod'

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

/** What the renderer sends to sell: products and quantities, never prices (main prices the sale). */
export const SaleDraft = z
  .object({
    /** Makes a double-submitted sale (double click, retried call) one sale. */
    clientRequestId: Id,
    lines: z
      .array(
        z
          .object({
            productId: Id,
            quantity: z.number().int().min(1).max(9999),
          })
          .strict(),
      )
      .min(1)
      .max(500),
    payments: z
      .array(
        z
          .object({
            method: PaymentMethod,
            /** For cash: the amount handed over; change is worked out by main. */
            amountCents: Cents.min(1),
            referenceNumber: z.string().max(100).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(10),
  })
  .strict()

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
})

export const Payment = z.object({
  id: Id,
  method: PaymentMethod,
  amountCents: Cents,
  tenderedCents: Cents,
  changeCents: Cents,
  referenceNumber: z.string().nullable(),
  status: z.enum(['COMPLETED', 'REFUNDED', 'VOIDED']),
})

export const OrderStatus = z.enum(['COMPLETED', 'REFUNDED', 'VOIDED'])

export const OrderSummary = z.object({
  id: Id,
  orderNumber: z.string(),
  status: OrderStatus,
  createdAt: z.string(),
  itemCount: z.number().int(),
  totalCents: Cents,
  currency: z.string(),
  syncStatus: SyncStatus,
})

export const OrderDetail = OrderSummary.extend({
  subtotalCents: Cents,
  discountCents: Cents,
  taxCents: Cents,
  cashRoundingCents: Cents,
  items: z.array(OrderItem),
  payments: z.array(Payment),
})

export const OrderListQuery = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    /** Cursor: list orders created before this order (for paging back in time). */
    beforeId: Id.optional(),
  })
  .strict()
  .default({ limit: 50 })

export const OrderGet = z.object({ id: Id }).strict()

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
    'SYNC_UNREACHABLE',
    'SYNC_REFUSED',
    'INTERNAL',
  ]),
  message: z.string(),
  /** For VALIDATION_FAILED: where the input was wrong, e.g. "lines.0.quantity". */
  path: z.string().optional(),
})
