import { and, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { RegisterExecutor } from './database'
import { enqueueMutation } from './outboxRepository'
import { auditEvents, employees } from './schema'

/**
 * Audit actions the shift report reads. Written here once so the writers (sale:void, drawer:open)
 * and the report agree on the names.
 */
export const auditActions = {
  shiftOpened: 'shift.opened',
  shiftClosed: 'shift.closed',
  cashMovement: 'cash.movement',
  noSale: 'drawer.noSale',
  saleVoided: 'sale.voided',
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

/** The audit log, newest first, with the names of who acted and who approved. */
export function listAuditEvents(db: RegisterExecutor, limit: number) {
  const actor = alias(employees, 'actor')
  const approver = alias(employees, 'approver')
  return db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      employeeName: actor.name,
      approvedByName: approver.name,
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
