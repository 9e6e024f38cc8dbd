import { eq } from 'drizzle-orm'
import { v4 as uuidv4 } from 'uuid'
import type { RegisterDb } from '../../../src/main/store/database'
import { enqueueMutation } from '../../../src/main/store/outboxRepository'
import {
  auditEvents,
  customers,
  employees,
  orderItems,
  orders,
  payments,
  products,
} from '../../../src/main/store/schema'
import {
  closeShiftRow,
  insertCashMovement,
  insertShift,
} from '../../../src/main/store/shiftRepository'

/**
 * Rows of every syncable entity, written the way the register's repositories write them (row
 * PENDING + outbox entry in one transaction). Used where the selling channels are not wired yet.
 */
export interface SellingDay {
  customerId: string
  shiftId: string
  cashMovementId: string
  saleId: string
  saleItemIds: string[]
  refundId: string
  refundItemId: string
  auditEventId: string
  managerId: string
}

export function managerId(db: RegisterDb): string {
  return db.select({ id: employees.id }).from(employees).where(eq(employees.role, 'manager')).get()!
    .id
}

export function openShift(
  db: RegisterDb,
  device: { deviceId: string; registerCode: string },
  now: string,
): string {
  const id = uuidv4()
  db.transaction((tx) =>
    insertShift(tx, {
      id,
      deviceId: device.deviceId,
      registerCode: device.registerCode,
      openedBy: managerId(db),
      openingCashCents: 100_00,
      now,
    }),
  )
  return id
}

export function closeShift(db: RegisterDb, shiftId: string, now: string): void {
  db.transaction((tx) =>
    closeShiftRow(tx, shiftId, {
      closedBy: managerId(db),
      expectedCashCents: 105_00,
      countedCashCents: 104_50,
      differenceCents: -50,
      cashCount: JSON.stringify([{ denominationCents: 50_00, count: 2 }]),
      zReport: JSON.stringify({ totalCents: 5_00, refundsCents: -1_00 }),
      now,
    }),
  )
}

interface SaleLine {
  id: string
  refundOfItemId?: string
  quantity: number
  totalCents: number
}

/** A sale (kind SALE) or refund (kind REFUND, money negative) with its lines and one payment. */
export function writeOrder(
  db: RegisterDb,
  order: {
    id: string
    deviceId: string
    number: string
    kind: 'SALE' | 'REFUND'
    shiftId: string | null
    customerId?: string | null
    refundOfOrderId?: string | null
    lines: SaleLine[]
    now: string
  },
): void {
  const product = db.select().from(products).limit(1).get()!
  const totalCents = order.lines.reduce((sum, line) => sum + line.totalCents, 0)
  const base = {
    deviceId: order.deviceId,
    syncStatus: 'PENDING' as const,
    updatedAt: order.now,
  }
  db.transaction((tx) => {
    tx.insert(orders)
      .values({
        ...base,
        id: order.id,
        orderNumber: order.number,
        clientRequestId: uuidv4(),
        status: 'COMPLETED',
        currency: 'USD',
        itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
        subtotalCents: totalCents,
        discountCents: 0,
        taxCents: 0,
        totalCents,
        kind: order.kind,
        refundOfOrderId: order.refundOfOrderId ?? null,
        employeeId: managerId(db),
        shiftId: order.shiftId,
        customerId: order.customerId ?? null,
        note: order.kind === 'SALE' ? 'gift wrap' : null,
        refundReason: order.kind === 'REFUND' ? 'damaged' : null,
        createdAt: order.now,
      })
      .run()
    order.lines.forEach((line, index) =>
      tx
        .insert(orderItems)
        .values({
          ...base,
          id: line.id,
          orderId: order.id,
          lineNumber: index + 1,
          productId: product.id,
          sku: product.sku,
          name: product.name,
          unitPriceCents: Math.abs(line.totalCents / line.quantity),
          quantity: line.quantity,
          taxRateBasisPoints: 0,
          discountCents: 0,
          netCents: line.totalCents,
          taxCents: 0,
          totalCents: line.totalCents,
          variantId: index === 0 ? uuidv4() : null,
          variantName: index === 0 ? 'Large' : null,
          modifiers: JSON.stringify(
            index === 0 ? [{ groupName: 'Extras', name: 'Extra shot', priceCents: 50 }] : [],
          ),
          note: index === 0 ? 'no sugar' : null,
          refundOfItemId: line.refundOfItemId ?? null,
          weightGrams: index === 1 ? 1250 : null,
        })
        .run(),
    )
    tx.insert(payments)
      .values({
        ...base,
        id: uuidv4(),
        orderId: order.id,
        method: 'card',
        amountCents: totalCents,
        tenderedCents: totalCents,
        changeCents: 0,
        referenceNumber: 'AUTH-1',
        tenderId: 'card',
        label: 'Card',
        status: 'COMPLETED',
        createdAt: order.now,
      })
      .run()
    enqueueMutation(tx, 'order', order.id, order.now)
  })
}

/** A day on one register: customer, shift, cash movement, sale, partial refund, audit event. */
export function writeSellingDay(
  db: RegisterDb,
  device: { deviceId: string; registerCode: string },
  now: string,
): SellingDay {
  const manager = managerId(db)
  const customerId = uuidv4()
  db.transaction((tx) => {
    tx.insert(customers)
      .values({
        id: customerId,
        deviceId: device.deviceId,
        syncStatus: 'PENDING',
        updatedAt: now,
        name: 'Ada Lovelace',
        phone: '+44 20 7946 0000',
        email: null,
        note: null,
        createdAt: now,
      })
      .run()
    enqueueMutation(tx, 'customer', customerId, now)
  })
  const shiftId = openShift(db, device, now)
  const cashMovementId = uuidv4()
  db.transaction((tx) =>
    insertCashMovement(tx, {
      id: cashMovementId,
      deviceId: device.deviceId,
      shiftId,
      kind: 'OUT',
      amountCents: 20_00,
      reason: 'Milk from the corner shop',
      employeeId: manager,
      approvedBy: manager,
      now,
    }),
  )
  const saleId = uuidv4()
  const saleItemIds = [uuidv4(), uuidv4()]
  writeOrder(db, {
    id: saleId,
    deviceId: device.deviceId,
    number: `S01-${device.registerCode}-000001`,
    kind: 'SALE',
    shiftId,
    customerId,
    lines: [
      { id: saleItemIds[0]!, quantity: 2, totalCents: 9_00 },
      { id: saleItemIds[1]!, quantity: 1, totalCents: 3_00 },
    ],
    now,
  })
  const refundId = uuidv4()
  const refundItemId = uuidv4()
  writeOrder(db, {
    id: refundId,
    deviceId: device.deviceId,
    number: `S01-${device.registerCode}-000002`,
    kind: 'REFUND',
    shiftId,
    customerId,
    refundOfOrderId: saleId,
    lines: [{ id: refundItemId, refundOfItemId: saleItemIds[0]!, quantity: 1, totalCents: -4_50 }],
    now,
  })
  const auditEventId = uuidv4()
  db.transaction((tx) => {
    tx.insert(auditEvents)
      .values({
        id: auditEventId,
        deviceId: device.deviceId,
        syncStatus: 'PENDING',
        updatedAt: now,
        action: 'refund.create',
        employeeId: manager,
        approvedBy: manager,
        subjectId: refundId,
        details: JSON.stringify({ amountCents: -4_50, reason: 'damaged' }),
        createdAt: now,
      })
      .run()
    enqueueMutation(tx, 'auditEvent', auditEventId, now)
  })
  return {
    customerId,
    shiftId,
    cashMovementId,
    saleId,
    saleItemIds,
    refundId,
    refundItemId,
    auditEventId,
    managerId: manager,
  }
}
