import type { z } from 'zod'
import type { ConflictPolicy, EntityName, OrderEnvelope, SyncError } from '../../shared/sync'
import { canonicalJson, entitySchemas } from '../../shared/sync'
import type { inventoryEntitySchemas } from '../../shared/sync/inventoryEntities'

type InventoryEntity = keyof typeof inventoryEntitySchemas

export interface RecordState {
  data: unknown
  deleted: boolean
}

/** One syncable entity: its data schema, its conflict policy, and any rule on allowed edits. */
export interface EntityDeclaration {
  name: EntityName
  schema: z.ZodType
  policy: ConflictPolicy
  /** Returns an error when moving from `server` to `incoming` breaks the entity's rules. */
  checkTransition?: (server: RecordState, incoming: RecordState) => SyncError | null
  /** Where the record id must also appear in the data, if anywhere. */
  dataId?: (data: unknown) => string | undefined
}

const FINAL_STATUS_NEXT: Record<string, readonly string[]> = {
  COMPLETED: ['COMPLETED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED'],
  PAID: ['PAID', 'COMPLETED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED'],
  PARTIALLY_REFUNDED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  REFUNDED: ['REFUNDED'],
  VOIDED: ['VOIDED'],
}

function withoutStatus(envelope: OrderEnvelope): string {
  const { status: _status, updatedAt: _updatedAt, ...header } = envelope.order
  return canonicalJson({ ...envelope, order: header })
}

/**
 * A completed sale's lines and payments never change; only its status moves forward. A refund is
 * a record of money given back: it never changes at all (a further refund is a new record).
 */
function checkOrderTransition(server: RecordState, incoming: RecordState): SyncError | null {
  if (server.deleted || server.data === null) return null
  const current = server.data as OrderEnvelope
  const currentStatus = current.order.status?.toUpperCase()
  const isRefund = current.order.kind === 'REFUND'
  const allowed = isRefund
    ? [currentStatus ?? '']
    : currentStatus
      ? FINAL_STATUS_NEXT[currentStatus]
      : undefined
  if (!allowed) return null
  if (incoming.deleted || incoming.data === null) {
    return {
      code: 'IMMUTABLE_SALE',
      message: isRefund
        ? 'a refund cannot be deleted'
        : `a ${currentStatus} sale cannot be deleted; record a refund or void`,
      retryable: false,
    }
  }
  const next = incoming.data as OrderEnvelope
  const nextStatus = next.order.status?.toUpperCase() ?? ''
  if (!allowed.includes(nextStatus)) {
    return {
      code: 'IMMUTABLE_SALE',
      message: `sale status cannot move from ${currentStatus} to ${nextStatus || 'none'}`,
      retryable: false,
    }
  }
  if (withoutStatus(current) !== withoutStatus(next)) {
    return {
      code: 'IMMUTABLE_SALE',
      message: isRefund
        ? "a refund's lines, totals and payments cannot change"
        : `a ${currentStatus} sale's lines, totals and payments cannot change`,
      retryable: false,
    }
  }
  return null
}

/**
 * A shift moves OPEN → CLOSED once. A closed shift is final: its count and Z report were printed
 * and handed over, so it is neither reopened, edited nor deleted (orders arriving for it later are
 * still accepted; registers show them in the late bucket).
 */
function checkShiftTransition(server: RecordState, incoming: RecordState): SyncError | null {
  if (server.deleted || server.data === null) return null
  const current = server.data as { status?: string }
  if (current.status !== 'CLOSED') return null
  const next = incoming.deleted ? null : (incoming.data as { status?: string } | null)
  if (next === null)
    return { code: 'SHIFT_CLOSED', message: 'a closed shift cannot be deleted', retryable: false }
  if (next.status !== 'CLOSED')
    return { code: 'SHIFT_CLOSED', message: 'a closed shift cannot be reopened', retryable: false }
  return {
    code: 'SHIFT_CLOSED',
    message: "a closed shift's count and report cannot change",
    retryable: false,
  }
}

/** Cash movements and audit events are a log: written once, never changed or removed. */
function appendOnly(what: string) {
  return (server: RecordState): SyncError | null =>
    server.deleted
      ? null
      : {
          code: 'APPEND_ONLY',
          message: `${what} cannot be changed or deleted once recorded`,
          retryable: false,
        }
}

const plainId = (data: unknown): string | undefined => (data as { id?: string }).id

type InventoryDocument = Exclude<InventoryEntity, 'stockMovement'>

function inventoryDocument(name: InventoryDocument): EntityDeclaration {
  return { name, schema: entitySchemas[name], policy: 'manual', dataId: plainId }
}

export const entityRegistry: Record<EntityName, EntityDeclaration> = {
  order: {
    name: 'order',
    schema: entitySchemas.order,
    policy: 'server-wins',
    checkTransition: checkOrderTransition,
  },
  transaction: { name: 'transaction', schema: entitySchemas.transaction, policy: 'server-wins' },
  // Two managers changing one product offline is a decision for a person: the server keeps its
  // version until the manager console settles it (keep server, take device, or merge).
  product: {
    name: 'product',
    schema: entitySchemas.product,
    policy: 'manual',
    dataId: plainId,
  },
  category: {
    name: 'category',
    schema: entitySchemas.category,
    policy: 'server-wins',
    dataId: plainId,
  },
  taxRate: {
    name: 'taxRate',
    schema: entitySchemas.taxRate,
    policy: 'server-wins',
    dataId: plainId,
  },
  customer: {
    name: 'customer',
    schema: entitySchemas.customer,
    policy: 'last-write-wins',
    dataId: plainId,
  },
  employee: {
    name: 'employee',
    schema: entitySchemas.employee,
    policy: 'server-wins',
    dataId: plainId,
  },
  shift: {
    name: 'shift',
    schema: entitySchemas.shift,
    policy: 'manual',
    dataId: plainId,
    checkTransition: checkShiftTransition,
  },
  cashMovement: {
    name: 'cashMovement',
    schema: entitySchemas.cashMovement,
    policy: 'server-wins',
    dataId: plainId,
    checkTransition: appendOnly('a cash movement'),
  },
  auditEvent: {
    name: 'auditEvent',
    schema: entitySchemas.auditEvent,
    policy: 'server-wins',
    dataId: plainId,
    checkTransition: appendOnly('an audit event'),
  },
  // One record per store (id STORE_RULES_ID). Two managers changing the rules offline is a
  // decision for a person, like a product: the server keeps its version (server wins until then)
  // and the edit that lost waits in the conflicts queue (Keep server / Take device / Edit and merge),
  // so neither is lost. A plain server-wins policy would drop the later edit without a queue entry.
  storeRules: {
    name: 'storeRules',
    schema: entitySchemas.storeRules,
    policy: 'manual',
  },
  // Stock is a log of movements, never a quantity: each register's sale, count or receipt is its
  // own record, so two registers selling the last items offline both keep their decrements.
  stockMovement: {
    name: 'stockMovement',
    schema: entitySchemas.stockMovement,
    policy: 'server-wins',
    dataId: plainId,
    checkTransition: appendOnly('a stock movement'),
  },
  // Inventory documents: two managers editing one offline is a decision for a person, as for a
  // product. The server keeps its version and the losing edit waits in Conflicts.
  supplier: inventoryDocument('supplier'),
  supplierProduct: inventoryDocument('supplierProduct'),
  purchaseOrder: inventoryDocument('purchaseOrder'),
  stockCount: inventoryDocument('stockCount'),
  stockTransfer: inventoryDocument('stockTransfer'),
  supplierInvoice: inventoryDocument('supplierInvoice'),
  reorderRule: inventoryDocument('reorderRule'),
}
