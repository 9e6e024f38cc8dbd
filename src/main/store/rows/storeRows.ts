import type { ReadWireRecord, WireRecord } from '../../../shared/sync/wireRecords'
import type { auditEvents, cashMovements, customers, employees, shifts } from '../schema'
import { jsonOrNull, parseJson, withoutLocalSync, withoutNulls, type SyncMeta } from './syncRow'

type CustomerRow = typeof customers.$inferSelect
type EmployeeRow = typeof employees.$inferSelect
type ShiftRow = typeof shifts.$inferSelect
type CashMovementRow = typeof cashMovements.$inferSelect
type AuditEventRow = typeof auditEvents.$inferSelect

export const customerToWire = (row: CustomerRow): WireRecord<'customer'> =>
  withoutNulls(withoutLocalSync(row), ['email', 'phone'])

export function customerToRow(customer: ReadWireRecord<'customer'>, meta: SyncMeta): CustomerRow {
  return {
    ...meta,
    name: customer.name,
    phone: customer.phone ?? null,
    email: customer.email ?? null,
    note: customer.note ?? null,
    createdAt: customer.createdAt ?? meta.updatedAt,
  }
}

/** The PIN hash travels so every register can verify PINs offline. */
export const employeeToWire = (row: EmployeeRow): WireRecord<'employee'> => withoutLocalSync(row)

export function employeeToRow(employee: ReadWireRecord<'employee'>, meta: SyncMeta): EmployeeRow {
  return {
    ...meta,
    name: employee.name,
    role: employee.role,
    pinHash: employee.pinHash,
    isActive: employee.isActive !== false,
  }
}

export function shiftToWire(row: ShiftRow): WireRecord<'shift'> {
  return {
    ...withoutLocalSync(row),
    // The register it belongs to: another register closing its copy must not take it over.
    deviceId: row.deviceId,
    employeeId: row.openedBy,
    closingCashCents: row.countedCashCents,
    cashCount: parseJson<unknown>(row.cashCount, null),
    zReport: parseJson<unknown>(row.zReport, null),
  }
}

export function shiftToRow(shift: ReadWireRecord<'shift'>, meta: SyncMeta): ShiftRow {
  return {
    ...meta,
    // A shift stays its own register's, whoever wrote it last (this register's open-shift lookup
    // goes by device).
    deviceId: shift.deviceId ?? meta.deviceId,
    registerCode: shift.registerCode ?? '',
    openedBy: shift.openedBy ?? shift.employeeId,
    openedAt: shift.openedAt,
    openingCashCents: shift.openingCashCents,
    status: shift.status,
    closedBy: shift.closedBy ?? null,
    closedAt: shift.closedAt ?? null,
    expectedCashCents: shift.expectedCashCents ?? null,
    countedCashCents: shift.countedCashCents ?? shift.closingCashCents ?? null,
    differenceCents: shift.differenceCents ?? null,
    cashCount: jsonOrNull(shift.cashCount),
    zReport: jsonOrNull(shift.zReport),
  }
}

export const cashMovementToWire = (row: CashMovementRow): WireRecord<'cashMovement'> =>
  withoutLocalSync(row)

export function cashMovementToRow(
  movement: ReadWireRecord<'cashMovement'>,
  meta: SyncMeta,
): CashMovementRow {
  return {
    ...meta,
    shiftId: movement.shiftId,
    kind: movement.kind,
    amountCents: movement.amountCents,
    reason: movement.reason,
    employeeId: movement.employeeId,
    approvedBy: movement.approvedBy ?? null,
    createdAt: movement.createdAt,
  }
}

export function auditEventToWire(row: AuditEventRow): WireRecord<'auditEvent'> {
  const details = parseJson<unknown>(row.details, {})
  return {
    ...withoutLocalSync(row),
    details:
      details !== null && typeof details === 'object' && !Array.isArray(details)
        ? (details as Record<string, unknown>)
        : { value: details },
  }
}

export function auditEventToRow(
  event: ReadWireRecord<'auditEvent'>,
  meta: SyncMeta,
): AuditEventRow {
  return {
    ...meta,
    action: event.action,
    employeeId: event.employeeId ?? null,
    approvedBy: event.approvedBy ?? null,
    subjectId: event.subjectId ?? null,
    details: JSON.stringify(event.details ?? {}),
    createdAt: event.createdAt,
  }
}
