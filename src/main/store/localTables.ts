import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/*
 * The register's own tables: store and device settings, the print queue, parked carts, the outbox
 * and the sync state. None of them syncs; the synced tables are in schema.ts, which re-exports
 * these so drizzle sees one schema.
 */

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

/**
 * A kitchen display's tickets: one row per order this station shows (never synced: bumping is
 * the station's own state). A replayed pull finds the row and leaves it, bumped or not.
 */
export const kitchenTickets = sqliteTable(
  'kitchen_tickets',
  {
    orderId: text('order_id').primaryKey(),
    /** When this station first saw the order: the ticket's timer runs from here. */
    arrivedAt: text('arrived_at').notNull(),
    /** When the kitchen bumped it (null while open; a recall clears it). */
    bumpedAt: text('bumped_at'),
  },
  (table) => [index('kitchen_tickets_bumped_idx').on(table.bumpedAt, table.arrivedAt)],
)

/**
 * Small values this register keeps for itself, by key, as JSON (never synced): what it last heard
 * from the server and must still know offline, such as the stores it can send stock to.
 */
export const localValues = sqliteTable('local_values', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
})
