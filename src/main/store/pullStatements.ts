import type Database from 'better-sqlite3'
import type { RegisterDb } from './database'
import { syncedTables, type SyncedEntity, type SyncedTable } from './syncedTables'

const syncColumns = [
  'id',
  'device_id',
  'sync_version',
  'server_hash',
  'sync_status',
  'updated_at',
  'deleted_at',
]

/**
 * `INSERT … ON CONFLICT(id) DO UPDATE` of every column from named parameters (@column); columns in
 * `insertOnly` keep their stored value when the row exists.
 */
function upsert(
  sqlite: Database.Database,
  table: string,
  columns: readonly string[],
  insertOnly: readonly string[] = [],
) {
  const all = [...syncColumns, ...columns]
  const updates = all
    .filter((column) => column !== 'id' && !insertOnly.includes(column))
    .map((column) => `${column} = excluded.${column}`)
  return sqlite.prepare(
    `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map((column) => `@${column}`).join(', ')})
     ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`,
  )
}

function insert(sqlite: Database.Database, table: string, columns: readonly string[]) {
  const all = [...syncColumns, ...columns]
  return sqlite.prepare(
    `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map((column) => `@${column}`).join(', ')})`,
  )
}

/**
 * The pull path writes thousands of rows per page during a first sync, so its statements are
 * prepared once per database rather than built per row (10x faster, see bench/sync).
 */
function prepare(sqlite: Database.Database) {
  // Products and employees also stop being sellable / able to sign in.
  const deactivates = new Set<SyncedTable>(['products', 'employees'])
  const softDelete = Object.fromEntries(
    Object.entries(syncedTables).map(([entity, table]) => [
      entity,
      sqlite.prepare(
        `UPDATE ${table} SET deleted_at = @at, ${deactivates.has(table) ? 'is_active = 0, ' : ''}sync_status = 'SYNCED', sync_version = @version, server_hash = @hash WHERE id = @id`,
      ),
    ]),
  ) as Record<SyncedEntity, Database.Statement>
  return {
    // The late flag is decided on first arrival only: a later version of the same order (its
    // status moving to refunded) must neither set nor clear it.
    upsertOrder: upsert(
      sqlite,
      'orders',
      [
        'order_number',
        'client_request_id',
        'status',
        'currency',
        'item_count',
        'subtotal_cents',
        'discount_cents',
        'tax_cents',
        'total_cents',
        'cash_rounding_cents',
        'kind',
        'refund_of_order_id',
        'employee_id',
        'shift_id',
        'customer_id',
        'note',
        'refund_reason',
        'late_for_shift',
        'created_at',
      ],
      ['late_for_shift'],
    ),
    shiftStatus: sqlite
      .prepare('SELECT status FROM shifts WHERE id = ? AND deleted_at IS NULL')
      .pluck(),
    orderExists: sqlite.prepare('SELECT 1 FROM orders WHERE id = ?').pluck(),
    deleteOrderItems: sqlite.prepare('DELETE FROM order_items WHERE order_id = ?'),
    deleteOrderPayments: sqlite.prepare('DELETE FROM payments WHERE order_id = ?'),
    insertItem: insert(sqlite, 'order_items', [
      'order_id',
      'line_number',
      'product_id',
      'sku',
      'name',
      'unit_price_cents',
      'quantity',
      'tax_rate_basis_points',
      'discount_cents',
      'net_cents',
      'tax_cents',
      'total_cents',
      'variant_id',
      'variant_name',
      'modifiers',
      'note',
      'refund_of_item_id',
      'weight_grams',
    ]),
    insertPayment: insert(sqlite, 'payments', [
      'order_id',
      'method',
      'amount_cents',
      'tendered_cents',
      'change_cents',
      'reference_number',
      'tender_id',
      'label',
      'status',
      'created_at',
    ]),
    upsertProduct: upsert(sqlite, 'products', [
      'sku',
      'barcode',
      'name',
      'price_cents',
      'category_id',
      'tax_rate_id',
      'is_active',
      'barcodes',
      'variants',
      'modifier_groups',
      'track_stock',
      'pricing_unit',
    ]),
    upsertCategory: upsert(sqlite, 'categories', ['name', 'color', 'sort_order']),
    upsertTaxRate: upsert(sqlite, 'tax_rates', ['name', 'rate_basis_points', 'is_default']),
    upsertCustomer: upsert(sqlite, 'customers', ['name', 'phone', 'email', 'note', 'created_at']),
    upsertEmployee: upsert(sqlite, 'employees', ['name', 'role', 'pin_hash', 'is_active']),
    upsertShift: upsert(sqlite, 'shifts', [
      'register_code',
      'opened_by',
      'opened_at',
      'opening_cash_cents',
      'status',
      'closed_by',
      'closed_at',
      'expected_cash_cents',
      'counted_cash_cents',
      'difference_cents',
      'cash_count',
      'z_report',
    ]),
    upsertCashMovement: upsert(sqlite, 'cash_movements', [
      'shift_id',
      'kind',
      'amount_cents',
      'reason',
      'employee_id',
      'approved_by',
      'created_at',
    ]),
    upsertAuditEvent: upsert(sqlite, 'audit_events', [
      'action',
      'employee_id',
      'approved_by',
      'subject_id',
      'details',
      'created_at',
    ]),
    /** Tombstones by entity: the row stays (sales reference it), marked deleted. */
    softDelete,
    keepSequenceAhead: sqlite.prepare(
      'UPDATE device_identity SET last_order_seq = max(last_order_seq, ?) WHERE id = 1',
    ),
    categoryIds: sqlite.prepare('SELECT id FROM categories').pluck(),
    skuHolder: sqlite.prepare('SELECT id FROM products WHERE sku = ? AND id <> ?').pluck(),
  }
}

export type PullStatements = ReturnType<typeof prepare>
const cache = new WeakMap<RegisterDb, PullStatements>()

export function pullStatements(db: RegisterDb): PullStatements {
  let statements = cache.get(db)
  if (!statements) {
    statements = prepare(db.$client)
    cache.set(db, statements)
  }
  return statements
}

/** Version and hash of the rows a page names, one query per entity table. */
export function storedVersions(
  db: RegisterDb,
  table: SyncedTable,
  ids: readonly string[],
): Map<string, string> {
  const found = new Map<string, string>()
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500)
    const rows = db.$client
      .prepare(
        `SELECT id, sync_version AS version, server_hash AS hash FROM ${table} WHERE id IN (${chunk.map(() => '?').join(', ')})`,
      )
      .all(...chunk) as { id: string; version: number; hash: string | null }[]
    for (const row of rows) found.set(row.id, `${row.version}:${row.hash ?? ''}`)
  }
  return found
}
