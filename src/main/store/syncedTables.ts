/**
 * Each syncable entity and the table holding its rows (an order's items and payments travel with
 * it). The outbox, the push (versions) and the pull all name tables through this one map.
 */
export const syncedTables = {
  order: 'orders',
  product: 'products',
  category: 'categories',
  taxRate: 'tax_rates',
  customer: 'customers',
  employee: 'employees',
  shift: 'shifts',
  cashMovement: 'cash_movements',
  auditEvent: 'audit_events',
} as const

export type SyncedEntity = keyof typeof syncedTables
export type SyncedTable = (typeof syncedTables)[SyncedEntity]

export function isSyncedEntity(entity: string): entity is SyncedEntity {
  return Object.hasOwn(syncedTables, entity)
}
