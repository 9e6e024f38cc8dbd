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
  },
  (table) => [
    uniqueIndex('products_sku_unique').on(table.sku),
    index('products_barcode_idx').on(table.barcode),
    index('products_category_idx').on(table.categoryId),
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
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    // Not unique: numbers are for people. Two registers misconfigured with one register code, or
    // a reinstall reusing one, must still sync each other's orders rather than fail the pull.
    index('orders_order_number_idx').on(table.orderNumber),
    uniqueIndex('orders_client_request_unique').on(table.clientRequestId),
    index('orders_created_idx').on(table.createdAt),
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
  },
  (table) => [index('order_items_order_idx').on(table.orderId)],
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
    status: text('status', { enum: ['COMPLETED', 'REFUNDED', 'VOIDED'] }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('payments_order_idx').on(table.orderId)],
)

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
