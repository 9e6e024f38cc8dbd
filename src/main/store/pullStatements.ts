import type Database from 'better-sqlite3'
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { RegisterDb } from './database'
import { syncedEntities, syncedTableName, syncedTables, type SyncedEntity } from './syncedTables'
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
  purchaseOrders,
  reorderRules,
  shifts,
  stockCounts,
  stockTransfers,
  storeRules,
  supplierInvoices,
  supplierProducts,
  suppliers,
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
    storeRules: prepareRowWriter(sqlite, storeRules, upsert),
    // Stock movements are written through stockRepository, which moves on hand with them.
    inventoryDocument: {
      supplier: prepareRowWriter(sqlite, suppliers, upsert),
      supplierProduct: prepareRowWriter(sqlite, supplierProducts, upsert),
      purchaseOrder: prepareRowWriter(sqlite, purchaseOrders, upsert),
      stockCount: prepareRowWriter(sqlite, stockCounts, upsert),
      stockTransfer: prepareRowWriter(sqlite, stockTransfers, upsert),
      supplierInvoice: prepareRowWriter(sqlite, supplierInvoices, upsert),
    },
    reorderRule: prepareRowWriter(sqlite, reorderRules, upsert),
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
    /** Ids as one JSON array: any number of them, one statement prepared once per table. */
    storedVersions: Object.fromEntries(
      syncedEntities.map((entity) => [
        entity,
        sqlite.prepare(
          `SELECT id, sync_version AS version, server_hash AS hash FROM ${syncedTableName(entity)} WHERE id IN (SELECT value FROM json_each(?))`,
        ),
      ]),
    ) as Record<SyncedEntity, Database.Statement>,
    /** Records of these ids with local changes the server has not confirmed (pushes settle them). */
    unsyncedIds: sqlite
      .prepare(
        "SELECT DISTINCT entity_id FROM outbox WHERE entity = ? AND state IN ('pending', 'in_flight', 'failed', 'dead') AND entity_id IN (SELECT value FROM json_each(?))",
      )
      .pluck(),
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
  entity: SyncedEntity,
  ids: readonly string[],
): Map<string, string> {
  const found = new Map<string, string>()
  if (ids.length === 0) return found
  const rows = pullStatements(db).storedVersions[entity].all(JSON.stringify(ids)) as {
    id: string
    version: number
    hash: string | null
  }[]
  for (const row of rows) found.set(row.id, `${row.version}:${row.hash ?? ''}`)
  return found
}
