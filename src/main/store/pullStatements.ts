import type Database from 'better-sqlite3'
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { RegisterDb } from './database'
import { syncedEntities, syncedTables, type SyncedEntity, type SyncedTable } from './syncedTables'
import {
  auditEvents,
  cashMovements,
  categories,
  customers,
  employees,
  orderItems,
  orders,
  payments,
  products,
  shifts,
  taxRates,
} from './schema'
import { prepareRowWriter } from './tableStatements'

/**
 * The pull path writes thousands of rows per page during a first sync, so its statements are
 * prepared once per database rather than built per row (10x faster, see bench/sync). Their column
 * lists come from the drizzle tables (tableStatements.ts).
 */
function prepare(sqlite: Database.Database) {
  const softDelete = Object.fromEntries(
    syncedEntities.map((entity) => {
      const table = syncedTables[entity]
      // Products and employees also stop being sellable / able to sign in.
      const deactivates = 'isActive' in getTableColumns(table)
      return [
        entity,
        sqlite.prepare(
          `UPDATE ${getTableName(table)} SET deleted_at = @at, ${deactivates ? 'is_active = 0, ' : ''}sync_status = 'SYNCED', sync_version = @version, server_hash = @hash WHERE id = @id`,
        ),
      ]
    }),
  ) as Record<SyncedEntity, Database.Statement>
  const upsert = { upsert: true } as const
  return {
    // The late flag is decided on first arrival only: a later version of the same order (its
    // status moving to refunded) must neither set nor clear it.
    order: prepareRowWriter(sqlite, orders, { upsert: true, insertOnly: ['lateForShift'] }),
    orderItem: prepareRowWriter(sqlite, orderItems),
    payment: prepareRowWriter(sqlite, payments),
    product: prepareRowWriter(sqlite, products, upsert),
    category: prepareRowWriter(sqlite, categories, upsert),
    taxRate: prepareRowWriter(sqlite, taxRates, upsert),
    customer: prepareRowWriter(sqlite, customers, upsert),
    employee: prepareRowWriter(sqlite, employees, upsert),
    shift: prepareRowWriter(sqlite, shifts, upsert),
    cashMovement: prepareRowWriter(sqlite, cashMovements, upsert),
    auditEvent: prepareRowWriter(sqlite, auditEvents, upsert),
    shiftStatus: sqlite
      .prepare('SELECT status FROM shifts WHERE id = ? AND deleted_at IS NULL')
      .pluck(),
    deleteOrderItems: sqlite.prepare('DELETE FROM order_items WHERE order_id = ?'),
    deleteOrderPayments: sqlite.prepare('DELETE FROM payments WHERE order_id = ?'),
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
        `SELECT id, sync_version AS version, server_hash AS hash FROM ${getTableName(table)} WHERE id IN (${chunk.map(() => '?').join(', ')})`,
      )
      .all(...chunk) as { id: string; version: number; hash: string | null }[]
    for (const row of rows) found.set(row.id, `${row.version}:${row.hash ?? ''}`)
  }
  return found
}
