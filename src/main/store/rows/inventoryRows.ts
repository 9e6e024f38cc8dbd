import type { ReadWireRecord, WireRecord } from '../../../shared/sync/wireRecords'
import type { reorderRules, stockMovements, suppliers } from '../schema'
import { parseJson, type SyncMeta } from './syncRow'

type StockMovementRow = typeof stockMovements.$inferSelect
type DocumentRow = typeof suppliers.$inferSelect
type ReorderRuleRow = typeof reorderRules.$inferSelect

/** The inventory documents kept as their record's JSON (reorder rules add indexed columns). */
export type InventoryDocumentEntity =
  | 'supplier'
  | 'supplierProduct'
  | 'purchaseOrder'
  | 'stockCount'
  | 'stockTransfer'
  | 'supplierInvoice'

export function stockMovementToWire(row: StockMovementRow): WireRecord<'stockMovement'> {
  return {
    id: row.id,
    kind: row.kind,
    reason: row.reason as WireRecord<'stockMovement'>['reason'],
    refId: row.refId,
    employeeId: row.employeeId,
    approvedBy: row.approvedBy,
    note: row.note,
    createdAt: row.createdAt,
    lines: parseJson<WireRecord<'stockMovement'>['lines']>(row.lines, []),
  }
}

export function stockMovementToRow(
  movement: ReadWireRecord<'stockMovement'>,
  meta: SyncMeta,
): StockMovementRow {
  return {
    ...meta,
    kind: movement.kind,
    reason: movement.reason ?? null,
    refId: movement.refId ?? null,
    employeeId: movement.employeeId ?? null,
    approvedBy: movement.approvedBy ?? null,
    note: movement.note ?? null,
    createdAt: movement.createdAt,
    lines: JSON.stringify(movement.lines),
  }
}

/** A document travels as the JSON it is stored as. */
export const documentToWire =
  <E extends InventoryDocumentEntity>() =>
  (row: DocumentRow): WireRecord<E> =>
    parseJson<WireRecord<E>>(row.data, { id: row.id } as WireRecord<E>)

export const documentToRow = (
  record: ReadWireRecord<InventoryDocumentEntity>,
  meta: SyncMeta,
): DocumentRow => ({ ...meta, data: JSON.stringify(record) })

export const reorderRuleToWire = (row: ReorderRuleRow): WireRecord<'reorderRule'> =>
  parseJson<WireRecord<'reorderRule'>>(row.data, {
    id: row.id,
    productId: row.productId,
    reorderPoint: row.reorderPointMilli / 1000,
    reorderQuantity: 0,
  })

export function reorderRuleToRow(
  rule: ReadWireRecord<'reorderRule'>,
  meta: SyncMeta,
): ReorderRuleRow {
  return {
    ...meta,
    data: JSON.stringify(rule),
    productId: rule.productId,
    variantId: rule.variantId ?? '',
    reorderPointMilli: Math.round(rule.reorderPoint * 1000),
  }
}
