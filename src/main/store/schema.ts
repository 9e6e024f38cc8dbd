import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * Sync metadata carried by every syncable row (DESIGN.md §2). `id` is a UUID made on the device
 * (the seeds' localId); `deviceId` is the register that created the row.
 */
const syncColumns = {
  id: text('id').primaryKey(),
  deviceId: text('device_id').notNull(),
  syncVersion: integer('sync_version').notNull().default(1),
  serverHash: text('server_hash'),
  syncStatus: text('sync_status', {
    enum: ['PENDING', 'SYNCING', 'SYNCED', 'FAILED', 'MODIFIED', 'DELETED'],
  })
    .notNull()
    .default('PENDING'),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
}

/** One row: how this store sells. */
export const storeSettings = sqliteTable(
  'store_settings',
  {
    id: integer('id').primaryKey(),
    storeName: text('store_name').notNull(),
    storeCode: text('store_code').notNull(),
    currency: text('currency').notNull(),
    locale: text('locale').notNull(),
    pricesIncludeTax: integer('prices_include_tax', { mode: 'boolean' }).notNull(),
    taxRounding: text('tax_rounding', { enum: ['line', 'order'] }).notNull(),
    roundingMode: text('rounding_mode', { enum: ['half-up', 'half-even'] }).notNull(),
    cashRoundingIncrementCents: integer('cash_rounding_increment_cents').notNull(),
    /** StoreOptions (src/shared/settings.ts) as JSON: approvals, tenders, idle lock, barcodes. */
    options: text('options').notNull().default('{}'),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [check('store_settings_single_row', sql`${table.id} = 1`)],
)

/** One row: this register's identity and its order-number sequence. */
export const deviceIdentity = sqliteTable(
  'device_identity',
  {
    id: integer('id').primaryKey(),
    deviceId: text('device_id').notNull(),
    registerCode: text('register_code').notNull(),
    fingerprint: text('fingerprint'),
    lastOrderSeq: integer('last_order_seq').notNull().default(0),
    createdAt: text('created_at').notNull(),
  },
  (table) => [check('device_identity_single_row', sql`${table.id} = 1`)],
)

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
 * This register's own settings (not synced): mode (till or station), language, printers, what a
 * station prints. JSON RegisterConfig (src/shared/store/registerConfig.ts), one row.
 */
export const registerSettings = sqliteTable(
  'register_settings',
  {
    id: integer('id').primaryKey(),
    config: text('config').notNull().default('{}'),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [check('register_settings_single_row', sql`${table.id} = 1`)],
)

/**
 * The durable print queue: every receipt, kitchen ticket and test page is a job row, printed by
 * the print worker with retries. A job left 'printing' by a crash is never resent on its own
 * (it may have printed): it waits as 'uncertain' for a person to reprint or dismiss it.
 */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['receipt', 'kitchen', 'test'] }).notNull(),
    orderId: text('order_id'),
    /** RegisterConfig printer id the job goes to. */
    printerId: text('printer_id').notNull(),
    /** An explicit reprint: marked COPY, and allowed beside the original. */
    isCopy: integer('is_copy', { mode: 'boolean' }).notNull().default(false),
    status: text('status', {
      enum: ['pending', 'printing', 'printed', 'failed', 'uncertain', 'cancelled'],
    })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: text('next_attempt_at'),
    createdAt: text('created_at').notNull(),
    printedAt: text('printed_at'),
    /** Kitchen tickets: when the kitchen marked the order done. */
    doneAt: text('done_at'),
  },
  (table) => [
    // One original per order, kind and printer: a pulled order replayed never prints twice.
    uniqueIndex('print_jobs_original_unique')
      .on(table.orderId, table.kind, table.printerId)
      .where(sql`${table.isCopy} = 0 AND ${table.orderId} IS NOT NULL`),
    index('print_jobs_status_idx').on(table.status, table.nextAttemptAt),
  ],
)

/** Carts put aside on this register (not synced: a parked cart belongs to its counter). */
export const parkedOrders = sqliteTable('parked_orders', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  /** CartSnapshot JSON as the renderer sent it (validated). */
  cart: text('cart').notNull(),
  itemCount: integer('item_count').notNull(),
  employeeId: text('employee_id'),
  createdAt: text('created_at').notNull(),
})

/**
 * One row per local mutation waiting to reach the server. An order travels as one envelope
 * (order + items + payments), so it has one outbox row.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    mutationId: text('mutation_id').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    operation: text('operation', { enum: ['upsert', 'delete'] }).notNull(),
    state: text('state', { enum: ['pending', 'in_flight', 'synced', 'failed', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('outbox_mutation_unique').on(table.mutationId),
    index('outbox_state_idx').on(table.state, table.nextAttemptAt),
    // Lets a claim skip records whose earlier mutation is still unconfirmed (order per record).
    index('outbox_record_idx').on(table.entity, table.entityId, table.id),
  ],
)

/** One row: this register's link to its sync server and how far it has pulled. */
export const syncState = sqliteTable(
  'sync_state',
  {
    id: integer('id').primaryKey(),
    serverUrl: text('server_url'),
    storeId: text('store_id'),
    tenantId: text('tenant_id'),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    accessTokenExpiresAt: text('access_token_expires_at'),
    /** The hardware fingerprint at enrollment; a different one means the folder was copied. */
    enrolledFingerprint: text('enrolled_fingerprint'),
    isRevoked: integer('is_revoked', { mode: 'boolean' }).notNull().default(false),
    /** Opaque nextSyncToken from the last applied pull page. */
    pullCursor: text('pull_cursor'),
    lastSuccessAt: text('last_success_at'),
    lastError: text('last_error'),
    lastErrorAt: text('last_error_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [check('sync_state_single_row', sql`${table.id} = 1`)],
)

/** Conflicts the server settled against this register, kept so a manager can see what changed. */
export const syncConflicts = sqliteTable('sync_conflicts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  resolution: text('resolution').notNull(),
  serverConflictId: text('server_conflict_id'),
  localData: text('local_data'),
  serverData: text('server_data'),
  createdAt: text('created_at').notNull(),
})
