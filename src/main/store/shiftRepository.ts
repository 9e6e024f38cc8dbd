import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { RegisterExecutor } from './database'
import { enqueueMutation } from './outboxRepository'
import { cashMovements, employees, orderItems, orders, payments, shifts } from './schema'

export type ShiftRow = typeof shifts.$inferSelect

/** This register's open shift (one at most), or null. */
export function currentShift(db: RegisterExecutor, deviceId: string): ShiftRow | null {
  return (
    db
      .select()
      .from(shifts)
      .where(
        and(eq(shifts.deviceId, deviceId), eq(shifts.status, 'OPEN'), isNull(shifts.deletedAt)),
      )
      .orderBy(desc(shifts.openedAt))
      .get() ?? null
  )
}

export function getShift(db: RegisterExecutor, shiftId: string): ShiftRow | null {
  return (
    db
      .select()
      .from(shifts)
      .where(and(eq(shifts.id, shiftId), isNull(shifts.deletedAt)))
      .get() ?? null
  )
}

/** This register's shifts, newest first. */
export function listShifts(db: RegisterExecutor, deviceId: string, limit: number): ShiftRow[] {
  return db
    .select()
    .from(shifts)
    .where(and(eq(shifts.deviceId, deviceId), isNull(shifts.deletedAt)))
    .orderBy(desc(shifts.openedAt), desc(shifts.id))
    .limit(limit)
    .all()
}

export interface NewShift {
  id: string
  deviceId: string
  registerCode: string
  openedBy: string
  openingCashCents: number
  now: string
}

/** Stores a newly opened shift and queues it for sync (in the caller's transaction). */
export function insertShift(tx: RegisterExecutor, shift: NewShift): void {
  tx.insert(shifts)
    .values({
      id: shift.id,
      deviceId: shift.deviceId,
      syncStatus: 'PENDING',
      updatedAt: shift.now,
      registerCode: shift.registerCode,
      openedBy: shift.openedBy,
      openedAt: shift.now,
      openingCashCents: shift.openingCashCents,
      status: 'OPEN',
    })
    .run()
  enqueueMutation(tx, 'shift', shift.id, shift.now)
}

export interface ShiftClosing {
  closedBy: string
  expectedCashCents: number
  countedCashCents: number
  differenceCents: number
  /** JSON [{denominationCents, count}]. */
  cashCount: string
  /** JSON ZReport as printed. */
  zReport: string
  now: string
}

/** Marks a shift closed with its count and report, and queues the change (caller's transaction). */
export function closeShiftRow(tx: RegisterExecutor, shiftId: string, closing: ShiftClosing): void {
  tx.update(shifts)
    .set({
      status: 'CLOSED',
      closedBy: closing.closedBy,
      closedAt: closing.now,
      expectedCashCents: closing.expectedCashCents,
      countedCashCents: closing.countedCashCents,
      differenceCents: closing.differenceCents,
      cashCount: closing.cashCount,
      zReport: closing.zReport,
      syncStatus: 'PENDING',
      updatedAt: closing.now,
    })
    .where(eq(shifts.id, shiftId))
    .run()
  enqueueMutation(tx, 'shift', shiftId, closing.now)
}

export interface NewCashMovement {
  id: string
  deviceId: string
  shiftId: string
  kind: 'IN' | 'OUT'
  amountCents: number
  reason: string
  employeeId: string
  approvedBy: string | null
  now: string
}

export function insertCashMovement(tx: RegisterExecutor, movement: NewCashMovement): void {
  tx.insert(cashMovements)
    .values({
      id: movement.id,
      deviceId: movement.deviceId,
      syncStatus: 'PENDING',
      updatedAt: movement.now,
      shiftId: movement.shiftId,
      kind: movement.kind,
      amountCents: movement.amountCents,
      reason: movement.reason,
      employeeId: movement.employeeId,
      approvedBy: movement.approvedBy,
      createdAt: movement.now,
    })
    .run()
  enqueueMutation(tx, 'cashMovement', movement.id, movement.now)
}

/** The cash movements of a shift, oldest first, with who made them. */
export function listCashMovements(db: RegisterExecutor, shiftId: string) {
  return db
    .select({
      id: cashMovements.id,
      shiftId: cashMovements.shiftId,
      kind: cashMovements.kind,
      amountCents: cashMovements.amountCents,
      reason: cashMovements.reason,
      employeeName: employees.name,
      createdAt: cashMovements.createdAt,
    })
    .from(cashMovements)
    .leftJoin(employees, eq(employees.id, cashMovements.employeeId))
    .where(and(eq(cashMovements.shiftId, shiftId), isNull(cashMovements.deletedAt)))
    .orderBy(asc(cashMovements.createdAt), asc(cashMovements.id))
    .all()
}

/** Everything sold or given back in a shift (late arrivals included, flagged), for its report. */
export function shiftSales(db: RegisterExecutor, shiftId: string) {
  const shiftOrders = db
    .select({
      id: orders.id,
      kind: orders.kind,
      status: orders.status,
      subtotalCents: orders.subtotalCents,
      discountCents: orders.discountCents,
      taxCents: orders.taxCents,
      totalCents: orders.totalCents,
      isLateForShift: orders.lateForShift,
    })
    .from(orders)
    .where(and(eq(orders.shiftId, shiftId), isNull(orders.deletedAt)))
    .all()
  const orderIds = shiftOrders.map((order) => order.id)
  if (orderIds.length === 0) return { orders: shiftOrders, items: [], payments: [] }
  // Chunked: SQLite limits bound parameters, and a busy shift has thousands of orders.
  const items: {
    orderId: string
    taxRateBasisPoints: number
    netCents: number
    taxCents: number
  }[] = []
  const shiftPayments: {
    orderId: string
    method: 'cash' | 'card' | 'other'
    tenderId: string | null
    label: string | null
    amountCents: number
  }[] = []
  for (let start = 0; start < orderIds.length; start += 500) {
    const chunk = orderIds.slice(start, start + 500)
    items.push(
      ...db
        .select({
          orderId: orderItems.orderId,
          taxRateBasisPoints: orderItems.taxRateBasisPoints,
          netCents: orderItems.netCents,
          taxCents: orderItems.taxCents,
        })
        .from(orderItems)
        .where(and(inArray(orderItems.orderId, chunk), isNull(orderItems.deletedAt)))
        .all(),
    )
    shiftPayments.push(
      ...db
        .select({
          orderId: payments.orderId,
          method: payments.method,
          tenderId: payments.tenderId,
          label: payments.label,
          amountCents: payments.amountCents,
        })
        .from(payments)
        .where(
          and(
            inArray(payments.orderId, chunk),
            isNull(payments.deletedAt),
            // A voided payment took no money.
            inArray(payments.status, ['COMPLETED', 'REFUNDED']),
          ),
        )
        .all(),
    )
  }
  return { orders: shiftOrders, items, payments: shiftPayments }
}

/** Orders that reached this register after the shift closed (the report's late bucket). */
export function lateOrdersOf(db: RegisterExecutor, shiftId: string) {
  return db
    .select({ status: orders.status, totalCents: orders.totalCents })
    .from(orders)
    .where(
      and(eq(orders.shiftId, shiftId), eq(orders.lateForShift, true), isNull(orders.deletedAt)),
    )
    .all()
}

/** Display names of who opened and closed a shift. */
export function shiftPeople(db: RegisterExecutor, shiftId: string) {
  const opener = alias(employees, 'opener')
  const closer = alias(employees, 'closer')
  return (
    db
      .select({ openedByName: opener.name, closedByName: closer.name })
      .from(shifts)
      .leftJoin(opener, eq(opener.id, shifts.openedBy))
      .leftJoin(closer, eq(closer.id, shifts.closedBy))
      .where(eq(shifts.id, shiftId))
      .get() ?? { openedByName: null, closedByName: null }
  )
}
