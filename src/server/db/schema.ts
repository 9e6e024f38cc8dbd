import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

/** The one server schema: PGlite (embedded default) and PostgreSQL run the same migrations. */

const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** The demo business a fresh server makes for itself; first-run set-up takes it over. */
  isStarter: boolean('is_starter').notNull().default(false),
  createdAt: createdAt(),
})

export const stores = pgTable(
  'stores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Last allocated sync sequence; bumped inside each committing push (the row lock orders commits). */
    headSeq: bigint('head_seq', { mode: 'number' }).notNull().default(0),
    /** Highest sequence of a compacted tombstone: cursors below it must resync (410 RESET). */
    purgedSeq: bigint('purged_seq', { mode: 'number' }).notNull().default(0),
    purgedAt: timestamp('purged_at', { withTimezone: true, mode: 'date' }),
    /** The store's details as the back office edits them (receipts, reports in its time zone). */
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    taxId: text('tax_id').notNull().default(''),
    currency: text('currency').notNull().default('USD'),
    timeZone: text('time_zone').notNull().default('UTC'),
    locale: text('locale').notNull().default('en'),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('stores_code_unique').on(table.code)],
)

export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    name: text('name').notNull(),
    fingerprint: text('fingerprint').notNull(),
    role: text('role').notNull().default('register'),
    /** The code that enrolled this device: the same device may present it again after a lost reply. */
    enrolledCodeHash: text('enrolled_code_hash'),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }),
    /** Sequence the device has pulled up to, for cursor lag in stats. */
    cursorSeq: bigint('cursor_seq', { mode: 'number' }).notNull().default(0),
    /** The register's own outbox as it last reported it (POST /api/sync/heartbeat), for stats. */
    health: jsonb('health'),
    healthReportedAt: timestamp('health_reported_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (table) => [index('devices_store_idx').on(table.storeId)],
)

export const adminUsers = pgTable('admin_users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  /** super_admin (all tenants), tenant_admin (one tenant), store_manager (the stores in admin_store_access). */
  role: text('role').notNull(),
  tenantId: uuid('tenant_id').references(() => tenants.id),
  /** Legacy single store of a store manager: still read (with admin_store_access) for old rows. */
  storeId: uuid('store_id').references(() => stores.id),
  disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
})

/** The stores a store manager may see and act on (several per manager). */
export const adminStoreAccess = pgTable(
  'admin_store_access',
  {
    adminId: uuid('admin_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.adminId, table.storeId] }),
    index('admin_store_access_store_idx').on(table.storeId),
  ],
)

/**
 * Back-office cookie sessions, server-side: the cookie holds a random id, the row its SHA-256.
 * Deleting the row (logout, disable) ends the session at once.
 */
export const adminSessions = pgTable(
  'admin_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    adminId: uuid('admin_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    /** Sent back in the x-csrf-token header on every state-changing request. */
    csrfToken: text('csrf_token').notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    createdAt: createdAt(),
  },
  (table) => [index('admin_sessions_admin_idx').on(table.adminId)],
)

export const enrollmentCodes = pgTable('enrollment_codes', {
  /** SHA-256 of the normalised code: a database leak does not leak usable codes. */
  codeHash: text('code_hash').primaryKey(),
  storeId: uuid('store_id')
    .notNull()
    .references(() => stores.id),
  role: text('role').notNull().default('register'),
  /** null = unlimited (a scripted set-up code); otherwise remaining uses. */
  usesLeft: integer('uses_left'),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
})

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    /** The token issued in exchange for this one, so a refresh whose reply was lost can be replayed. */
    replacedByHash: text('replaced_by_hash'),
    createdAt: createdAt(),
  },
  (table) => [index('refresh_tokens_device_idx').on(table.deviceId)],
)

/** Signing secret shared by every instance on one database. */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
})

/** Every syncable record of every entity, one row per (store, entity, id). */
export const syncRecords = pgTable(
  'sync_records',
  {
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    entity: text('entity').notNull(),
    id: text('id').notNull(),
    version: integer('version').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    data: jsonb('data'),
    deleted: boolean('deleted').notNull().default(false),
    /** Device that created the record, and the device (or admin) that wrote it last. */
    originDeviceId: text('origin_device_id'),
    lastDeviceId: text('last_device_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.storeId, table.entity, table.id] }),
    uniqueIndex('sync_records_store_seq_idx').on(table.storeId, table.seq),
    index('sync_records_tombstones_idx')
      .on(table.updatedAt)
      .where(sql`${table.deleted}`),
    // The audit log reads a store's events by when they happened (audit_at: the register's time,
    // else when the server stored it; migration 0007), newest first.
    index('sync_records_audit_idx')
      .on(table.storeId, sql`audit_at(${table.data}, ${table.createdAt})`, table.id)
      .where(sql`${table.entity} = 'auditEvent'`),
  ],
)

/** Mutation ledger: a replayed (device, mutation) returns the result stored with the effect. */
export const mutationLedger = pgTable(
  'mutation_ledger',
  {
    deviceId: text('device_id').notNull(),
    mutationId: text('mutation_id').notNull(),
    storeId: uuid('store_id').notNull(),
    status: text('status').notNull(),
    result: jsonb('result').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.deviceId, table.mutationId] }),
    index('mutation_ledger_created_idx').on(table.createdAt),
  ],
)

export const syncConflicts = pgTable(
  'sync_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    entity: text('entity').notNull(),
    recordId: text('record_id').notNull(),
    deviceId: text('device_id').notNull(),
    baseVersion: integer('base_version').notNull(),
    serverVersion: integer('server_version').notNull(),
    clientData: jsonb('client_data'),
    clientDeleted: boolean('client_deleted').notNull().default(false),
    status: text('status').notNull().default('open'),
    resolution: text('resolution'),
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (table) => [index('sync_conflicts_store_status_idx').on(table.storeId, table.status)],
)

/** WebSocket connection records, for stats and audit; purged after 7 days. */
export const socketConnections = pgTable(
  'socket_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id').notNull(),
    deviceId: text('device_id').notNull(),
    instanceId: text('instance_id').notNull(),
    connectedAt: timestamp('connected_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    disconnectedAt: timestamp('disconnected_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [index('socket_connections_connected_idx').on(table.connectedAt)],
)

/*
 * Reporting projection: one row per synced order, line and payment, maintained from the pushed
 * records by the record-stream projector (drizzle/server/0008, src/server/reports/projector.ts), so a report sums
 * typed columns instead of scanning JSON. Money in integer minor units, as on the wire; refunds
 * carry negative money (and negative quantities on their lines).
 */
const money = (name: string) => bigint(name, { mode: 'number' }).notNull()

export const reportOrders = pgTable(
  'report_orders',
  {
    storeId: uuid('store_id').notNull(),
    orderId: text('order_id').notNull(),
    /** The store's calendar day (its time zone) and local hour the order was made. */
    businessDay: date('business_day', { mode: 'string' }).notNull(),
    hour: smallint('hour').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** sale, refund or void (a voided order took no money and is listed, never summed). */
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    orderNumber: text('order_number'),
    deviceId: text('device_id'),
    employeeId: text('employee_id'),
    shiftId: text('shift_id'),
    refundOfOrderId: text('refund_of_order_id'),
    refundReason: text('refund_reason'),
    currency: text('currency'),
    grossCents: money('gross_cents'),
    discountCents: money('discount_cents'),
    netCents: money('net_cents'),
    taxCents: money('tax_cents'),
    totalCents: money('total_cents'),
  },
  // Day first: a date-range report reads the key. The projector finds an order's rows (and their
  // days) by the order index.
  (table) => [
    primaryKey({ columns: [table.storeId, table.businessDay, table.orderId] }),
    index('report_orders_order_idx').on(table.storeId, table.orderId),
  ],
)

/**
 * How far the record-stream projector (src/server/reports/projector.ts) has projected each store:
 * every order record with seq <= `seq` is in the projection, and every sale committed before
 * `projectedAt` too. The row is the projector's lock (one projector per store at a time).
 */
export const reportProjectionCursor = pgTable('report_projection_cursor', {
  storeId: uuid('store_id')
    .primaryKey()
    .references(() => stores.id, { onDelete: 'cascade' }),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  projectedAt: timestamp('projected_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow(),
})

export const reportOrderLines = pgTable(
  'report_order_lines',
  {
    storeId: uuid('store_id').notNull(),
    orderId: text('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    businessDay: date('business_day', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    productId: text('product_id'),
    name: text('name'),
    /** Negative on a refund line, so a sum is what left the store. */
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'string' }).notNull(),
    taxRateBasisPoints: integer('tax_rate_basis_points').notNull(),
    grossCents: money('gross_cents'),
    discountCents: money('discount_cents'),
    netCents: money('net_cents'),
    taxCents: money('tax_cents'),
    totalCents: money('total_cents'),
  },
  (table) => [
    primaryKey({ columns: [table.storeId, table.businessDay, table.orderId, table.lineNo] }),
  ],
)

export const reportPayments = pgTable(
  'report_payments',
  {
    storeId: uuid('store_id').notNull(),
    orderId: text('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    businessDay: date('business_day', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    method: text('method').notNull(),
    tenderId: text('tender_id'),
    label: text('label'),
    amountCents: money('amount_cents'),
  },
  (table) => [
    primaryKey({ columns: [table.storeId, table.businessDay, table.orderId, table.lineNo] }),
  ],
)

/**
 * On hand per store, product and variant ('' for none) in integer thousandths: the sum of the
 * store's stock movement records, kept from the record stream by the stock projector
 * (src/server/inventory/stockProjector.ts). Negative is allowed (a sale is never blocked).
 */
export const stockOnHand = pgTable(
  'stock_on_hand',
  {
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    productId: text('product_id').notNull(),
    variantId: text('variant_id').notNull().default(''),
    onHandMilli: bigint('on_hand_milli', { mode: 'number' }).notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.storeId, table.productId, table.variantId] })],
)

/**
 * How far the stock projector has projected each store: every stock movement with seq <= `seq`
 * is in stock_on_hand. The row is the projector's lock (one projector per store at a time).
 */
export const stockProjectionCursor = pgTable('stock_projection_cursor', {
  storeId: uuid('store_id')
    .primaryKey()
    .references(() => stores.id, { onDelete: 'cascade' }),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  projectedAt: timestamp('projected_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow(),
})

export const schema = {
  tenants,
  stores,
  devices,
  adminUsers,
  adminStoreAccess,
  adminSessions,
  enrollmentCodes,
  refreshTokens,
  serverSecrets,
  syncRecords,
  mutationLedger,
  syncConflicts,
  socketConnections,
  reportOrders,
  reportOrderLines,
  reportPayments,
  reportProjectionCursor,
  stockOnHand,
  stockProjectionCursor,
}
