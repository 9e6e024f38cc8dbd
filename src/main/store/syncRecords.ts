import type { Statement } from 'better-sqlite3'
import { asc, eq, getTableColumns, sql } from 'drizzle-orm'
import { syncedTables } from './syncedTables'
import type { RegisterDb, RegisterExecutor } from './database'
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

// Wire columns: everything but the local sync bookkeeping (and, for lines, what the envelope implies).
const {
  syncStatus: _os,
  syncVersion: _ov,
  serverHash: _oh,
  deletedAt: _od,
  // The late bucket is this register's view of when the order arrived, not part of the sale.
  lateForShift: _ol,
  ...orderWire
} = getTableColumns(orders)
const {
  syncStatus: _is,
  syncVersion: _iv,
  serverHash: _ih,
  deletedAt: _id,
  deviceId: _idev,
  updatedAt: _iu,
  orderId: _io,
  ...itemWire
} = getTableColumns(orderItems)
const {
  syncStatus: _ps,
  syncVersion: _pv,
  serverHash: _ph,
  deletedAt: _pd,
  deviceId: _pdev,
  updatedAt: _pu,
  orderId: _po,
  ...paymentWire
} = getTableColumns(payments)

/** Every pushed order is read here, so the three reads are prepared once per database. */
function prepareOrderReads(db: RegisterDb) {
  const id = sql.placeholder('id')
  return {
    order: db.select(orderWire).from(orders).where(eq(orders.id, id)).prepare(),
    items: db
      .select(itemWire)
      .from(orderItems)
      .where(eq(orderItems.orderId, id))
      .orderBy(asc(orderItems.lineNumber))
      .prepare(),
    payments: db
      .select(paymentWire)
      .from(payments)
      .where(eq(payments.orderId, id))
      .orderBy(asc(payments.createdAt), asc(payments.id))
      .prepare(),
  }
}
const orderReads = new WeakMap<RegisterDb, ReturnType<typeof prepareOrderReads>>()

/** A JSON column as its value; a damaged one as the fallback rather than a failed push. */
function parseJson(text: string | null, fallback: unknown): unknown {
  if (text === null) return fallback
  try {
    return JSON.parse(text)
  } catch {
    return fallback
  }
}

/** Leaves out null fields the wire schema allows only as absent (e.g. a customer's email). */
function withoutNulls<T extends Record<string, unknown>>(row: T, keys: readonly (keyof T)[]) {
  const copy: Record<string, unknown> = { ...row }
  for (const key of keys) if (copy[key as string] === null) delete copy[key as string]
  return copy
}

function readOrder(db: RegisterDb, id: string): unknown {
  let reads = orderReads.get(db)
  if (!reads) {
    reads = prepareOrderReads(db)
    orderReads.set(db, reads)
  }
  const order = reads.order.get({ id })
  if (!order) return null
  return {
    order,
    items: reads.items.all({ id }).map((item) => ({
      ...withoutNulls(item, ['productId']),
      modifiers: parseJson(item.modifiers, []),
    })),
    payments: reads.payments.all({ id }),
  }
}

/**
 * The data a record carries on the wire (protocol v1: money in integer cents), shaped to pass the
 * server's entity schemas (src/shared/sync/entities.ts). Sync metadata stays local; an order
 * travels as one envelope with its items and payments; JSON columns travel as JSON values.
 */
export function readWireRecord(db: RegisterDb, entity: string, id: string): unknown {
  switch (entity) {
    case 'order':
      return readOrder(db, id)
    case 'product': {
      const row = db.select().from(products).where(eq(products.id, id)).get()
      if (!row) return null
      return {
        ...stripMeta(row),
        barcodes: parseJson(row.barcodes, row.barcode ? [row.barcode] : []),
        variants: parseJson(row.variants, []),
        modifierGroups: parseJson(row.modifierGroups, []),
      }
    }
    case 'category': {
      const row = db.select().from(categories).where(eq(categories.id, id)).get()
      return row ? stripMeta(row) : null
    }
    case 'taxRate': {
      const row = db.select().from(taxRates).where(eq(taxRates.id, id)).get()
      return row ? { ...stripMeta(row), isInclusive: false } : null
    }
    case 'customer': {
      const row = db.select().from(customers).where(eq(customers.id, id)).get()
      return row ? withoutNulls(stripMeta(row), ['email', 'phone']) : null
    }
    case 'employee': {
      // The PIN hash travels so every register can verify PINs offline.
      const row = db.select().from(employees).where(eq(employees.id, id)).get()
      return row ? stripMeta(row) : null
    }
    case 'shift': {
      const row = db.select().from(shifts).where(eq(shifts.id, id)).get()
      if (!row) return null
      return {
        ...stripMeta(row),
        // The register it belongs to: another register closing its copy must not take it over.
        deviceId: row.deviceId,
        employeeId: row.openedBy,
        closingCashCents: row.countedCashCents,
        cashCount: parseJson(row.cashCount, null),
        zReport: parseJson(row.zReport, null),
      }
    }
    case 'cashMovement': {
      const row = db.select().from(cashMovements).where(eq(cashMovements.id, id)).get()
      return row ? stripMeta(row) : null
    }
    case 'auditEvent': {
      const row = db.select().from(auditEvents).where(eq(auditEvents.id, id)).get()
      if (!row) return null
      const details = parseJson(row.details, {})
      return {
        ...stripMeta(row),
        details:
          details !== null && typeof details === 'object' && !Array.isArray(details)
            ? details
            : { value: details },
      }
    }
    default:
      return null
  }
}

function stripMeta<
  T extends { syncStatus: unknown; syncVersion: unknown; serverHash: unknown; deviceId: unknown },
>(row: T) {
  const { syncStatus: _s, syncVersion: _v, serverHash: _h, deviceId: _d, ...data } = row
  return data
}

const versionTables = syncedTables
const versionReads = new WeakMap<RegisterDb, Map<string, Statement>>()

/**
 * The server version a local edit starts from: the version last confirmed by the server, or 0
 * for a record the server has never confirmed to this register (created here, or seeded).
 */
export function baseVersionOf(db: RegisterDb, entity: string, id: string): number {
  if (!Object.hasOwn(versionTables, entity)) return 0
  const table = versionTables[entity as keyof typeof versionTables]
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
    default:
      return id
  }
}
