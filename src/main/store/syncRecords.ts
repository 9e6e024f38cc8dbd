import type { Statement } from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { WireRecord } from '../../shared/sync/wireRecords'
import { isSyncedEntity, syncedTableName, syncedTables, type SyncedEntity } from './syncedTables'
import type { RegisterDb, RegisterExecutor } from './database'
import { categories, customers, employees, orders, products, shifts } from './schema'
import { categoryToWire, productToWire, taxRateToWire } from './rows/catalogRows'
import { readOrderRecord } from './rows/orderRows'
import {
  auditEventToWire,
  cashMovementToWire,
  customerToWire,
  employeeToWire,
  shiftToWire,
} from './rows/storeRows'
import { storeRulesToWire } from './rows/storeRulesRows'
import { documentToWire, reorderRuleToWire, stockMovementToWire } from './rows/inventoryRows'

type Readers = { [E in SyncedEntity]: (db: RegisterDb, id: string) => WireRecord<E> | null }

/** A simple entity's record: its one row, mapped to the wire. */
function rowReader<E extends Exclude<SyncedEntity, 'order'>>(
  entity: E,
  toWire: (row: (typeof syncedTables)[E]['$inferSelect']) => WireRecord<E>,
) {
  const table: SQLiteTable & { id: SQLiteColumn } = syncedTables[entity]
  return (db: RegisterDb, id: string): WireRecord<E> | null => {
    const row = db.select().from(table).where(eq(table.id, id)).get()
    return row ? toWire(row as (typeof syncedTables)[E]['$inferSelect']) : null
  }
}

const readers: Readers = {
  order: readOrderRecord,
  product: rowReader('product', productToWire),
  category: rowReader('category', categoryToWire),
  taxRate: rowReader('taxRate', taxRateToWire),
  customer: rowReader('customer', customerToWire),
  employee: rowReader('employee', employeeToWire),
  shift: rowReader('shift', shiftToWire),
  cashMovement: rowReader('cashMovement', cashMovementToWire),
  auditEvent: rowReader('auditEvent', auditEventToWire),
  storeRules: rowReader('storeRules', storeRulesToWire),
  stockMovement: rowReader('stockMovement', stockMovementToWire),
  supplier: rowReader('supplier', documentToWire<'supplier'>()),
  supplierProduct: rowReader('supplierProduct', documentToWire<'supplierProduct'>()),
  purchaseOrder: rowReader('purchaseOrder', documentToWire<'purchaseOrder'>()),
  stockCount: rowReader('stockCount', documentToWire<'stockCount'>()),
  stockTransfer: rowReader('stockTransfer', documentToWire<'stockTransfer'>()),
  supplierInvoice: rowReader('supplierInvoice', documentToWire<'supplierInvoice'>()),
  reorderRule: rowReader('reorderRule', reorderRuleToWire),
}

/**
 * The data a record carries on the wire (protocol v1: money in integer cents), typed and shaped by
 * the shared wire records (src/shared/sync/wireRecords.ts). Sync metadata stays local; an order
 * travels as one envelope with its items and payments; JSON columns travel as JSON values.
 */
export function readWireRecord<E extends SyncedEntity>(
  db: RegisterDb,
  entity: E,
  id: string,
): WireRecord<E> | null {
  return readers[entity](db, id)
}

const versionReads = new WeakMap<RegisterDb, Map<string, Statement>>()

/**
 * The server version a local edit starts from: the version last confirmed by the server, or 0
 * for a record the server has never confirmed to this register (created here, or seeded).
 */
export function baseVersionOf(db: RegisterDb, entity: string, id: string): number {
  if (!isSyncedEntity(entity)) return 0
  const table = syncedTableName(entity)
  let reads = versionReads.get(db)
  if (!reads) {
    reads = new Map()
    versionReads.set(db, reads)
  }
  let read = reads.get(table)
  if (!read) {
    read = db.$client.prepare(
      `SELECT sync_version AS version, server_hash AS hash FROM ${table} WHERE id = ?`,
    )
    reads.set(table, read)
  }
  const row = read.get(id) as { version: number; hash: string | null } | undefined
  return row && row.hash !== null ? row.version : 0
}

/** A human label for a record in the manager's views (order number, product or person's name). */
export function recordLabel(db: RegisterExecutor, entity: string, id: string): string {
  switch (entity) {
    case 'order':
      return (
        db.select({ label: orders.orderNumber }).from(orders).where(eq(orders.id, id)).get()
          ?.label ?? id
      )
    case 'product':
      return (
        db.select({ label: products.name }).from(products).where(eq(products.id, id)).get()
          ?.label ?? id
      )
    case 'category':
      return (
        db.select({ label: categories.name }).from(categories).where(eq(categories.id, id)).get()
          ?.label ?? id
      )
    case 'customer':
      return (
        db.select({ label: customers.name }).from(customers).where(eq(customers.id, id)).get()
          ?.label ?? id
      )
    case 'employee':
      return (
        db.select({ label: employees.name }).from(employees).where(eq(employees.id, id)).get()
          ?.label ?? id
      )
    case 'shift': {
      const shift = db
        .select({ registerCode: shifts.registerCode, openedAt: shifts.openedAt })
        .from(shifts)
        .where(eq(shifts.id, id))
        .get()
      return shift ? `Shift ${shift.registerCode} ${shift.openedAt}` : id
    }
    case 'storeRules':
      return 'Store rules'
    default:
      return id
  }
}
