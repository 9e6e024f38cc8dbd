import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './syncColumns'

export const taxRates = sqliteTable('tax_rates', {
  ...syncColumns,
  name: text('name').notNull(),
  rateBasisPoints: integer('rate_basis_points').notNull(),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
})

export const categories = sqliteTable('categories', {
  ...syncColumns,
  name: text('name').notNull(),
  color: text('color'),
  sortOrder: integer('sort_order').notNull().default(0),
})

export const products = sqliteTable(
  'products',
  {
    ...syncColumns,
    sku: text('sku').notNull(),
    barcode: text('barcode'),
    name: text('name').notNull(),
    priceCents: integer('price_cents').notNull(),
    categoryId: text('category_id').references(() => categories.id),
    taxRateId: text('tax_rate_id')
      .notNull()
      .references(() => taxRates.id),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    /** Every barcode of the product (the primary one too), JSON string[]. */
    barcodes: text('barcodes').notNull().default('[]'),
    /** ProductVariant[] as JSON (src/shared/ipc/catalogSchemas.ts): sizes and the like. */
    variants: text('variants').notNull().default('[]'),
    /** ModifierGroup[] as JSON: extra shot, milk choice, with min/max selections. */
    modifierGroups: text('modifier_groups').notNull().default('[]'),
    trackStock: integer('track_stock', { mode: 'boolean' }).notNull().default(false),
    /** 'each', or 'kg' when the price is per kilogram (weight-embedded barcodes). */
    pricingUnit: text('pricing_unit', { enum: ['each', 'kg'] })
      .notNull()
      .default('each'),
  },
  (table) => [
    uniqueIndex('products_sku_unique').on(table.sku),
    index('products_barcode_idx').on(table.barcode),
    index('products_category_idx').on(table.categoryId),
  ],
)

/**
 * Barcode → product (and variant) lookup, kept by triggers from products.barcode, .barcodes and
 * .variants (migration 0005), so every write path (editor, CSV import, pull) keeps it right.
 */
export const productBarcodes = sqliteTable(
  'product_barcodes',
  {
    barcode: text('barcode').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    variantId: text('variant_id'),
  },
  (table) => [
    index('product_barcodes_barcode_idx').on(table.barcode),
    index('product_barcodes_product_idx').on(table.productId),
  ],
)

export const orders = sqliteTable(
  'orders',
  {
    ...syncColumns,
    orderNumber: text('order_number').notNull(),
    /** The renderer's id for the attempt, so a double-submitted sale is stored once. */
    clientRequestId: text('client_request_id').notNull(),
    status: text('status', { enum: ['COMPLETED', 'REFUNDED', 'VOIDED'] }).notNull(),
    currency: text('currency').notNull(),
    itemCount: integer('item_count').notNull(),
    subtotalCents: integer('subtotal_cents').notNull(),
    discountCents: integer('discount_cents').notNull(),
    taxCents: integer('tax_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    cashRoundingCents: integer('cash_rounding_cents').notNull().default(0),
    /** SALE, or REFUND: a new record referencing the sale (money negative, quantities positive). */
    kind: text('kind', { enum: ['SALE', 'REFUND'] })
      .notNull()
      .default('SALE'),
    refundOfOrderId: text('refund_of_order_id'),
    employeeId: text('employee_id'),
    shiftId: text('shift_id'),
    customerId: text('customer_id'),
    note: text('note'),
    refundReason: text('refund_reason'),
    /** Local flag: the order arrived after its shift was closed (the Z report's late bucket). */
    lateForShift: integer('late_for_shift', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    // Not unique: numbers are for people. Two registers misconfigured with one register code, or
    // a reinstall reusing one, must still sync each other's orders rather than fail the pull.
    index('orders_order_number_idx').on(table.orderNumber),
    uniqueIndex('orders_client_request_unique').on(table.clientRequestId),
    index('orders_created_idx').on(table.createdAt),
    index('orders_refund_of_idx').on(table.refundOfOrderId),
    index('orders_shift_idx').on(table.shiftId),
  ],
)

/** A sold line; name, price and tax rate are snapshots so catalog edits never change a past sale. */
export const orderItems = sqliteTable(
  'order_items',
  {
    ...syncColumns,
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    lineNumber: integer('line_number').notNull(),
    productId: text('product_id'),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    quantity: integer('quantity').notNull(),
    taxRateBasisPoints: integer('tax_rate_basis_points').notNull(),
    discountCents: integer('discount_cents').notNull().default(0),
    netCents: integer('net_cents').notNull(),
    taxCents: integer('tax_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    variantId: text('variant_id'),
    variantName: text('variant_name'),
    /** Chosen modifier options as JSON [{groupName, name, priceCents}]; included in the unit price. */
    modifiers: text('modifiers').notNull().default('[]'),
    note: text('note'),
    /** On a refund line: the sold line it gives back. */
    refundOfItemId: text('refund_of_item_id'),
    /** Weight sold, from a weight-embedded barcode (the line is priced per kg). */
    weightGrams: integer('weight_grams'),
  },
  (table) => [
    index('order_items_order_idx').on(table.orderId),
    index('order_items_refund_of_idx').on(table.refundOfItemId),
  ],
)

/** The seeds' "transactions": money taken for an order. */
export const payments = sqliteTable(
  'payments',
  {
    ...syncColumns,
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    method: text('method', { enum: ['cash', 'card', 'other'] }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    tenderedCents: integer('tendered_cents').notNull(),
    changeCents: integer('change_cents').notNull().default(0),
    referenceNumber: text('reference_number'),
    /** The configured tender (StoreOptions.tenderMethods id) and its name, as on the receipt. */
    tenderId: text('tender_id'),
    label: text('label'),
    status: text('status', { enum: ['COMPLETED', 'REFUNDED', 'VOIDED'] }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('payments_order_idx').on(table.orderId)],
)

export const customers = sqliteTable(
  'customers',
  {
    ...syncColumns,
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    index('customers_name_idx').on(table.name),
    index('customers_phone_idx').on(table.phone),
  ],
)

export const employees = sqliteTable('employees', {
  ...syncColumns,
  name: text('name').notNull(),
  role: text('role', { enum: ['cashier', 'manager', 'admin'] }).notNull(),
  /** scrypt$N$salt$hash of the PIN (src/main/services/pin.ts); registers verify offline. */
  pinHash: text('pin_hash').notNull(),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
})

/** A cash drawer session on one register: float in, sales, movements, count out, Z report. */
export const shifts = sqliteTable(
  'shifts',
  {
    ...syncColumns,
    registerCode: text('register_code').notNull(),
    openedBy: text('opened_by').notNull(),
    openedAt: text('opened_at').notNull(),
    openingCashCents: integer('opening_cash_cents').notNull(),
    status: text('status', { enum: ['OPEN', 'CLOSED'] }).notNull(),
    closedBy: text('closed_by'),
    closedAt: text('closed_at'),
    expectedCashCents: integer('expected_cash_cents'),
    countedCashCents: integer('counted_cash_cents'),
    differenceCents: integer('difference_cents'),
    /** [{denominationCents, count}] as counted at close. */
    cashCount: text('cash_count'),
    /** The Z report as printed at close (JSON ZReport), kept so it reprints identically. */
    zReport: text('z_report'),
  },
  (table) => [index('shifts_status_idx').on(table.status, table.deviceId)],
)

export const cashMovements = sqliteTable(
  'cash_movements',
  {
    ...syncColumns,
    shiftId: text('shift_id').notNull(),
    kind: text('kind', { enum: ['IN', 'OUT'] }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    reason: text('reason').notNull(),
    employeeId: text('employee_id').notNull(),
    approvedBy: text('approved_by'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('cash_movements_shift_idx').on(table.shiftId)],
)

/** Every protected action, approval and drawer open; append-only and synced. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    ...syncColumns,
    action: text('action').notNull(),
    employeeId: text('employee_id'),
    approvedBy: text('approved_by'),
    subjectId: text('subject_id'),
    /** JSON details: amounts, reasons, the voided cart. */
    details: text('details').notNull().default('{}'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('audit_events_created_idx').on(table.createdAt)],
)

/**
 * The store's rules as synced (one row, id STORE_RULES_ID), written by a manager's edit here or
 * pulled from the server. While no row exists, store_settings.options stands in (identityRepository).
 */
export const storeRules = sqliteTable('store_rules', {
  ...syncColumns,
  /** StoreOptions (src/shared/store/options.ts) as JSON, as the record carries it. */
  options: text('options').notNull().default('{}'),
})

export * from './localTables'
export * from './mailTables'
export * from './inventorySchema'
