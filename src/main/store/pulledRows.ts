import type Database from 'better-sqlite3'
import type { PulledChange } from '../../shared/sync/protocol'
import { readWireRecordData } from '../../shared/sync/fastWireRecords'
import type { PullStatements } from './pullStatements'
import { isSyncedEntity } from './syncedTables'
import { categoryToRow, productToRow, taxRateToRow } from './rows/catalogRows'
import { orderItemToRow, orderNumberOf, orderToRow, paymentToRow } from './rows/orderRows'
import {
  auditEventToRow,
  cashMovementToRow,
  customerToRow,
  employeeToRow,
  shiftToRow,
} from './rows/storeRows'
import { storeRulesToRow } from './rows/storeRulesRows'
import { syncMetaOf } from './rows/syncRow'
import { documentToRow, reorderRuleToRow, type InventoryDocumentEntity } from './rows/inventoryRows'
import { applyPulledMovement, removePulledMovement } from './stockRepository'

export interface PageContext {
  statements: PullStatements
  /** The connection, for writes that keep a projection with the row (stock movements). */
  sqlite: Database.Database
  localDeviceId: string
  currency: string
  /** "S01-R1-": pulled orders with this prefix keep this register's own numbering ahead of them. */
  ownPrefix: string | null
  defaultTaxRateId: string | null
  categoryIds: Set<string>
  /** Orders held before this transaction or written in it: only they can have lines to replace. */
  storedOrderIds: Set<string>
}

export function softDelete(context: PageContext, change: PulledChange): boolean {
  if (!isSyncedEntity(change.entity)) return false
  if (change.entity === 'stockMovement')
    removePulledMovement(context.sqlite, change.id, change.updatedAt)
  context.statements.softDelete[change.entity].run({
    id: change.id,
    at: change.updatedAt,
    version: change.version,
    hash: change.hash,
  })
  return true
}

function applyOrder(context: PageContext, change: PulledChange): boolean {
  const parsed = readWireRecordData('order', change.data)
  if (!parsed.success) return false
  const record = parsed.data
  const { statements } = context
  const meta = syncMetaOf(change, context.localDeviceId)
  const shiftId = record.order.shiftId ?? null
  const isStored = context.storedOrderIds.has(change.id)
  const isLate = shiftId !== null && !isStored && statements.shiftStatus.get(shiftId) === 'CLOSED'
  const order = orderToRow(record, meta, { currency: context.currency, isLate })
  statements.order.run(order)
  const orderNumber = orderNumberOf(record, change.id)
  if (context.ownPrefix && orderNumber.startsWith(context.ownPrefix)) {
    const seq = Number(orderNumber.slice(context.ownPrefix.length))
    if (Number.isSafeInteger(seq)) statements.keepSequenceAhead.run(seq)
  }
  // Lines and payments travel with their order: replace them as a whole (a new order has none).
  if (isStored) {
    statements.deleteOrderItems.run(change.id)
    statements.deleteOrderPayments.run(change.id)
  } else context.storedOrderIds.add(change.id)
  record.items.forEach((item, index) => statements.orderItem.run(orderItemToRow(item, index, meta)))
  record.payments.forEach((payment, index) =>
    statements.payment.run(paymentToRow(payment, index, meta, order.createdAt)),
  )
  return true
}

/**
 * Writes one pulled upsert; false when this register does not keep the entity or cannot read the
 * record (unknown fields from other clients are ignored, missing optional ones get safe defaults).
 */
export function applyUpsert(context: PageContext, change: PulledChange): boolean {
  const { statements } = context
  const meta = () => syncMetaOf(change, context.localDeviceId)
  switch (change.entity) {
    case 'order':
      return applyOrder(context, change)
    case 'product': {
      const parsed = readWireRecordData('product', change.data)
      if (!parsed.success) return false
      const row = productToRow(parsed.data, meta(), {
        defaultTaxRateId: context.defaultTaxRateId,
        hasCategory: (id) => context.categoryIds.has(id),
      })
      // SKUs are unique here: a product another register created under a SKU this register already
      // uses cannot be stored, and must not stop the rest of the pull either.
      if (!row || statements.skuHolder.get(row.sku, change.id) !== undefined) return false
      statements.product.run(row)
      return true
    }
    case 'category': {
      const parsed = readWireRecordData('category', change.data)
      if (!parsed.success) return false
      statements.category.run(categoryToRow(parsed.data, meta()))
      context.categoryIds.add(change.id)
      return true
    }
    case 'taxRate': {
      const parsed = readWireRecordData('taxRate', change.data)
      if (parsed.success) statements.taxRate.run(taxRateToRow(parsed.data, meta()))
      return parsed.success
    }
    case 'customer': {
      const parsed = readWireRecordData('customer', change.data)
      if (parsed.success) statements.customer.run(customerToRow(parsed.data, meta()))
      return parsed.success
    }
    case 'employee': {
      const parsed = readWireRecordData('employee', change.data)
      if (parsed.success) statements.employee.run(employeeToRow(parsed.data, meta()))
      return parsed.success
    }
    case 'shift': {
      const parsed = readWireRecordData('shift', change.data)
      if (parsed.success) statements.shift.run(shiftToRow(parsed.data, meta()))
      return parsed.success
    }
    case 'cashMovement': {
      const parsed = readWireRecordData('cashMovement', change.data)
      if (parsed.success) statements.cashMovement.run(cashMovementToRow(parsed.data, meta()))
      return parsed.success
    }
    case 'auditEvent': {
      const parsed = readWireRecordData('auditEvent', change.data)
      if (parsed.success) statements.auditEvent.run(auditEventToRow(parsed.data, meta()))
      return parsed.success
    }
    case 'storeRules': {
      const parsed = readWireRecordData('storeRules', change.data)
      if (parsed.success) statements.storeRules.run(storeRulesToRow(parsed.data, meta()))
      return parsed.success
    }
    case 'stockMovement': {
      const parsed = readWireRecordData('stockMovement', change.data)
      if (parsed.success) applyPulledMovement(context.sqlite, parsed.data, meta())
      return parsed.success
    }
    case 'reorderRule': {
      const parsed = readWireRecordData('reorderRule', change.data)
      if (parsed.success) statements.reorderRule.run(reorderRuleToRow(parsed.data, meta()))
      return parsed.success
    }
    case 'supplier':
    case 'supplierProduct':
    case 'purchaseOrder':
    case 'stockCount':
    case 'stockTransfer':
    case 'supplierInvoice':
      return applyDocument(context, change.entity, change)
    default:
      return false
  }
}

function applyDocument(
  context: PageContext,
  entity: InventoryDocumentEntity,
  change: PulledChange,
): boolean {
  const parsed = readWireRecordData(entity, change.data)
  if (parsed.success)
    context.statements.inventoryDocument[entity].run(
      documentToRow(parsed.data, syncMetaOf(change, context.localDeviceId)),
    )
  return parsed.success
}
