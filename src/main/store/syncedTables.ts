import { getTableName } from 'drizzle-orm'
import {
  auditEvents,
  cashMovements,
  categories,
  customers,
  employees,
  orders,
  products,
  purchaseOrders,
  reorderRules,
  shifts,
  stockCounts,
  stockMovements,
  stockTransfers,
  storeRules,
  supplierInvoices,
  supplierProducts,
  suppliers,
  taxRates,
} from './schema'

/**
 * Each syncable entity and the table holding its rows (an order's items and payments travel with
 * it). The outbox, the push (versions) and the pull all name tables through this one map.
 */
export const syncedTables = {
  order: orders,
  product: products,
  category: categories,
  taxRate: taxRates,
  customer: customers,
  employee: employees,
  shift: shifts,
  cashMovement: cashMovements,
  auditEvent: auditEvents,
  storeRules,
  stockMovement: stockMovements,
  supplier: suppliers,
  supplierProduct: supplierProducts,
  purchaseOrder: purchaseOrders,
  stockCount: stockCounts,
  stockTransfer: stockTransfers,
  supplierInvoice: supplierInvoices,
  reorderRule: reorderRules,
} as const

export type SyncedEntity = keyof typeof syncedTables
export type SyncedTable = (typeof syncedTables)[SyncedEntity]

export const syncedEntities = Object.keys(syncedTables) as SyncedEntity[]

export function isSyncedEntity(entity: string): entity is SyncedEntity {
  return Object.hasOwn(syncedTables, entity)
}

/** The SQL name of an entity's table, for the statements prepared once per database. */
export const syncedTableName = (entity: SyncedEntity): string => getTableName(syncedTables[entity])
