import { and, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { RegisterExecutor } from './database'
import { enqueueMutation } from './outboxRepository'
import { auditEvents, deviceIdentity, employees, orders, products, shifts } from './schema'

/**
 * Audit actions the shift report reads. Written here once so the writers (sale:void, drawer:open)
 * and the report agree on the names.
 */
export const auditActions = {
  shiftOpened: 'shift.opened',
  shiftClosed: 'shift.closed',
  cashMovement: 'cash.movement',
  noSale: 'drawer.noSale',
  /** Written by registers before clearing a cart became a cashier's call; still counted. */
  saleVoided: 'sale.voided',
  cartCleared: 'cart.cleared',
} as const

/** Parses stored details; a corrupt value shows as empty rather than hiding the event. */
export function parseAuditDetails(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json)
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>
  } catch {
    // fall through
  }
  return {}
}

/**
 * The audit log, newest first, with everything its sentences name: who acted and who approved
 * (name and role), the register that wrote it (its code), and the products and order numbers its
 * details refer to. The words are made from these by src/shared/audit in the UI's language.
 */
export function listAuditEvents(db: RegisterExecutor, limit: number) {
  const actor = alias(employees, 'actor')
  const approver = alias(employees, 'approver')
  const rows = db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      employeeId: auditEvents.employeeId,
      employeeName: actor.name,
      employeeRole: actor.role,
      approvedBy: auditEvents.approvedBy,
      approvedByName: approver.name,
      approvedByRole: approver.role,
      deviceId: auditEvents.deviceId,
      subjectId: auditEvents.subjectId,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.employeeId))
    .leftJoin(approver, eq(approver.id, auditEvents.approvedBy))
    .where(isNull(auditEvents.deletedAt))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit)
    .all()
    .map((row) => ({ ...row, details: parseAuditDetails(row.details) }))
  const names = auditNames(db, rows)
  return rows.map((row) => ({
    ...row,
    registerCode: names.registers.get(row.deviceId) ?? null,
    names: {
      products: pick(names.products, referencedIds(row)),
      orders: pick(names.orders, referencedIds(row)),
    },
  }))
}

/** The ids of products and orders an event's sentence may name. */
function referencedIds(event: { subjectId: string | null; details: Record<string, unknown> }) {
  const ids = new Set<string>()
  if (event.subjectId) ids.add(event.subjectId)
  for (const key of ['saleId', 'orderId']) {
    const value = event.details[key]
    if (typeof value === 'string') ids.add(value)
  }
  const lines = event.details.lines
  if (Array.isArray(lines))
    for (const line of lines as unknown[]) {
      const productId =
        line && typeof line === 'object' ? (line as { productId?: unknown }).productId : null
      if (typeof productId === 'string') ids.add(productId)
    }
  return ids
}

function pick(map: ReadonlyMap<string, string>, ids: ReadonlySet<string>): Record<string, string> {
  const picked: Record<string, string> = {}
  for (const id of ids) {
    const value = map.get(id)
    if (value !== undefined) picked[id] = value
  }
  return picked
}

function auditNames(
  db: RegisterExecutor,
  events: { deviceId: string; subjectId: string | null; details: Record<string, unknown> }[],
) {
  // Capped well under SQLite's bound-parameter limit; a name past it shows as unknown.
  const ids = [...new Set(events.flatMap((event) => [...referencedIds(event)]))].slice(0, 900)
  const deviceIds = [...new Set(events.map((event) => event.deviceId))]
  const productRows = ids.length
    ? db
        .select({ id: products.id, name: products.name })
        .from(products)
        .where(inArray(products.id, ids))
        .all()
    : []
  const orderRows = ids.length
    ? db
        .select({ id: orders.id, orderNumber: orders.orderNumber })
        .from(orders)
        .where(inArray(orders.id, ids))
        .all()
    : []
  // A register's code from its shifts (other registers' shifts sync here too), then our own.
  const registers = new Map<string, string>()
  if (deviceIds.length)
    for (const row of db
      .selectDistinct({ deviceId: shifts.deviceId, registerCode: shifts.registerCode })
      .from(shifts)
      .where(inArray(shifts.deviceId, deviceIds))
      .all())
      registers.set(row.deviceId, row.registerCode)
  const own = db.select().from(deviceIdentity).get()
  if (own) registers.set(own.deviceId, own.registerCode)
  return {
    products: new Map(productRows.map((row) => [row.id, row.name])),
    orders: new Map(orderRows.map((row) => [row.id, row.orderNumber])),
    registers,
  }
}

/** One register's events of some kinds within a time window (a shift), with their details. */
export function auditEventsBetween(
  db: RegisterExecutor,
  filter: { deviceId: string; actions: readonly string[]; from: string; to: string | null },
) {
  const conditions = [
    eq(auditEvents.deviceId, filter.deviceId),
    inArray(auditEvents.action, [...filter.actions]),
    gte(auditEvents.createdAt, filter.from),
    isNull(auditEvents.deletedAt),
  ]
  if (filter.to !== null) conditions.push(lte(auditEvents.createdAt, filter.to))
  return db
    .select({ action: auditEvents.action, details: auditEvents.details })
    .from(auditEvents)
    .where(and(...conditions))
    .all()
    .map((row) => ({ action: row.action, details: parseAuditDetails(row.details) }))
}

/** One audit event as its writer states it; the row's bookkeeping is added here. */
export interface AuditEventWrite {
  id: string
  deviceId: string
  action: string
  employeeId: string | null
  approvedBy: string | null
  subjectId: string | null
  details: Record<string, unknown>
}

/** Appends an audit event and queues it for sync, in the caller's transaction. */
export function appendAuditEvent(db: RegisterExecutor, event: AuditEventWrite, now: string): void {
  db.insert(auditEvents)
    .values({
      ...event,
      syncStatus: 'PENDING',
      updatedAt: now,
      details: JSON.stringify(event.details),
      createdAt: now,
    })
    .run()
  enqueueMutation(db, 'auditEvent', event.id, now)
}
