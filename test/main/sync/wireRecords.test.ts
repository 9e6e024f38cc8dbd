import { v4 as uuidv4 } from 'uuid'
import { describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { saveStoreRules } from '../../../src/main/store/identityRepository'
import { applyPulledPage } from '../../../src/main/store/pullApplier'
import { readWireRecord, recordLabel } from '../../../src/main/store/syncRecords'
import { recordStockMovement } from '../../../src/main/store/stockRepository'
import type { SyncedEntity } from '../../../src/main/store/syncedTables'
import {
  entitySchemas,
  STORE_RULES_ID,
  type EntityName,
  type PulledChange,
} from '../../../src/shared/sync'
import { openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { closeShift, openShift, writeOrder, writeSellingDay } from './sellingRows'

const tempDir = useTempDirs('auraflow-wire-')
const now = '2026-11-22T10:00:00.000Z'

const firstId = (core: RegisterCore, table: string): string =>
  (core.database.sqlite.prepare(`select id from ${table} limit 1`).get() as { id: string }).id

let seq = 0
function pulled(entity: EntityName, id: string, data: unknown, version = 1): PulledChange {
  seq += 1
  return {
    entity,
    id,
    op: 'upsert',
    version,
    seq,
    hash: `hash-${entity}-${id}-${version}`,
    data,
    deviceId: 'device-elsewhere',
    updatedAt: now,
  }
}

function apply(core: RegisterCore, changes: PulledChange[]) {
  return applyPulledPage(
    core.database.db,
    { changes },
    { localDeviceId: core.device.deviceId, currency: 'USD', now },
  )
}

/** A register with a row of every syncable entity, and the wire record of each. */
function registerWithEveryEntity() {
  const core = openTestCore(tempDir())
  const day = writeSellingDay(core.database.db, core.device, now)
  const closedShiftId = openShift(core.database.db, core.device, now)
  closeShift(core.database.db, closedShiftId, now)
  saveStoreRules(core.database.db, { discountLimitPercent: 9 }, core.device.deviceId, now)
  const productId = firstId(core, 'products')
  const movementId = uuidv4()
  recordStockMovement(
    core.database.db,
    {
      id: movementId,
      kind: 'ADJUSTMENT',
      reason: 'DAMAGE',
      createdAt: now,
      lines: [{ productId, variantId: null, quantity: -1.5 }],
    },
    core.device.deviceId,
    now,
  )
  // The inventory documents arrive from the back office.
  const line = { productId, variantId: null, quantity: 4, unitCostCents: 120 }
  const documents: [SyncedEntity, Record<string, unknown>][] = [
    ['supplier', { id: 'sup-1', name: 'Beans Ltd', leadTimeDays: 3 }],
    ['supplierProduct', { id: 'sp-1', supplierId: 'sup-1', productId, costCents: 120 }],
    [
      'purchaseOrder',
      { id: 'po-1', supplierId: 'sup-1', status: 'ORDERED', createdAt: now, lines: [line] },
    ],
    [
      'stockCount',
      { id: 'count-1', status: 'OPEN', createdAt: now, lines: [{ productId, counted: 3 }] },
    ],
    [
      'stockTransfer',
      {
        id: 'tr-1',
        fromStoreId: 's1',
        toStoreId: 's2',
        status: 'SENT',
        createdAt: now,
        lines: [line],
      },
    ],
    [
      'supplierInvoice',
      { id: 'inv-1', supplierId: 'sup-1', invoiceNumber: 'A-1', totalCents: 480 },
    ],
    ['reorderRule', { id: 'rule-1', productId, reorderPoint: 2, reorderQuantity: 10 }],
  ]
  apply(
    core,
    documents.map(([entity, data]) => pulled(entity, data.id as string, data)),
  )
  const records: [SyncedEntity, string][] = [
    ['stockMovement', movementId],
    ...documents.map(([entity, data]): [SyncedEntity, string] => [entity, data.id as string]),
    ['order', day.saleId],
    ['order', day.refundId],
    ['product', firstId(core, 'products')],
    ['category', firstId(core, 'categories')],
    ['taxRate', firstId(core, 'tax_rates')],
    ['customer', day.customerId],
    ['employee', day.managerId],
    ['shift', day.shiftId],
    ['shift', closedShiftId],
    ['cashMovement', day.cashMovementId],
    ['auditEvent', day.auditEventId],
    ['storeRules', STORE_RULES_ID],
  ]
  const wire = records.map(([entity, id]) => ({
    entity,
    id,
    data: readWireRecord(core.database.db, entity, id),
  }))
  return { core, day, closedShiftId, wire }
}

describe('wire records', () => {
  it('reads every entity in the shape the server validates', () => {
    const { core, wire } = registerWithEveryEntity()
    const entities = new Set(wire.map((record) => record.entity))
    for (const entity of Object.keys(entitySchemas)) {
      if (entity !== 'transaction') expect(entities, entity).toContain(entity)
    }
    for (const record of wire) {
      const parsed = entitySchemas[record.entity].safeParse(record.data)
      expect(
        parsed.error?.issues,
        `${record.entity} ${JSON.stringify(record.data)}`,
      ).toBeUndefined()
    }
    core.close()
  })

  it('carries the selling fields: refund links, variants, modifiers, tenders, JSON as values', () => {
    const { core, day, closedShiftId } = registerWithEveryEntity()
    const db = core.database.db
    const refund = readWireRecord(db, 'order', day.refundId) as {
      order: Record<string, unknown>
      items: Record<string, unknown>[]
      payments: Record<string, unknown>[]
    }
    expect(refund.order).toMatchObject({
      kind: 'REFUND',
      refundOfOrderId: day.saleId,
      shiftId: day.shiftId,
      customerId: day.customerId,
      employeeId: day.managerId,
      refundReason: 'damaged',
      totalCents: -4_50,
    })
    expect(refund.order).not.toHaveProperty('lateForShift')
    expect(refund.items[0]).toMatchObject({
      refundOfItemId: day.saleItemIds[0],
      variantName: 'Large',
      modifiers: [{ groupName: 'Extras', name: 'Extra shot', priceCents: 50 }],
      note: 'no sugar',
    })
    expect(refund.payments[0]).toMatchObject({ tenderId: 'card', label: 'Card' })
    const sale = readWireRecord(db, 'order', day.saleId) as { items: Record<string, unknown>[] }
    expect(sale.items[1]).toMatchObject({ weightGrams: 1250, modifiers: [] })

    expect(readWireRecord(db, 'product', firstId(core, 'products'))).toMatchObject({
      barcodes: expect.any(Array),
      variants: [],
      modifierGroups: [],
      trackStock: false,
      pricingUnit: 'each',
    })
    expect(readWireRecord(db, 'employee', day.managerId)).toMatchObject({
      role: 'manager',
      pinHash: expect.stringMatching(/^\$argon2id\$/),
    })
    expect(readWireRecord(db, 'shift', closedShiftId)).toMatchObject({
      status: 'CLOSED',
      employeeId: day.managerId,
      openedBy: day.managerId,
      registerCode: core.device.registerCode,
      countedCashCents: 104_50,
      closingCashCents: 104_50,
      cashCount: [{ denominationCents: 50_00, count: 2 }],
      zReport: { totalCents: 5_00, refundsCents: -1_00 },
    })
    expect(readWireRecord(db, 'auditEvent', day.auditEventId)).toMatchObject({
      action: 'refund.create',
      details: { amountCents: -4_50, reason: 'damaged' },
    })
    // A customer without an email sends none (the wire allows a missing email, not a null one).
    expect(readWireRecord(db, 'customer', day.customerId)).not.toHaveProperty('email')

    expect(recordLabel(db, 'customer', day.customerId)).toBe('Ada Lovelace')
    expect(recordLabel(db, 'employee', day.managerId)).toBe('Maya (manager)')
    expect(recordLabel(db, 'shift', day.shiftId)).toBe(`Shift ${core.device.registerCode} ${now}`)
    core.close()
  })
})

describe('applying pulled records', () => {
  it('stores every entity so the other register reads back the same wire record', () => {
    const { core: source, wire } = registerWithEveryEntity()
    const target = openTestCore(tempDir(), { signIn: 'nobody' })
    // Shifts first: a sale arriving for an open shift is not late.
    const ordered = [...wire].sort(
      (left, right) => Number(left.entity === 'order') - Number(right.entity === 'order'),
    )
    const result = apply(
      target,
      ordered.map((record) => pulled(record.entity, record.id, record.data, 2)),
    )
    expect(result).toMatchObject({ ignored: 0, skippedLocal: 0 })
    for (const record of wire) {
      const copy = readWireRecord(target.database.db, record.entity, record.id) as Record<
        string,
        unknown
      >
      const { updatedAt: _u, deviceId: _d, ...expected } = record.data as Record<string, unknown>
      const { updatedAt: _cu, deviceId: _cd, ...actual } = copy
      if (record.entity === 'order') {
        const envelope = (value: Record<string, unknown>) => ({
          ...value,
          order: { ...(value.order as object), updatedAt: null, deviceId: null },
        })
        expect(envelope(actual), `${record.entity} ${record.id}`).toEqual(envelope(expected))
      } else expect(actual, `${record.entity} ${record.id}`).toEqual(expected)
    }
    // The closed shift arrived after the sale's shift was open: nothing is in the late bucket.
    expect(
      target.database.sqlite
        .prepare('select count(*) as n from orders where late_for_shift = 1')
        .get(),
    ).toEqual({ n: 0 })
    source.close()
    target.close()
  })

  it('keeps a held record (same version and hash) rather than writing it again', () => {
    const core = openTestCore(tempDir(), { signIn: 'nobody' })
    const id = uuidv4()
    const customer = { id, name: 'Grace Hopper', phone: '555-0100', createdAt: now }
    apply(core, [pulled('customer', id, customer, 3)])
    core.database.sqlite.prepare('update customers set name = ? where id = ?').run('Local name', id)
    apply(core, [{ ...pulled('customer', id, customer, 3), hash: `hash-customer-${id}-3` }])
    expect(core.database.sqlite.prepare('select name from customers where id = ?').get(id)).toEqual(
      {
        name: 'Local name',
      },
    )
    apply(core, [pulled('customer', id, { ...customer, name: 'Grace B. Hopper' }, 4)])
    expect(core.database.sqlite.prepare('select name from customers where id = ?').get(id)).toEqual(
      {
        name: 'Grace B. Hopper',
      },
    )
    core.close()
  })

  it('gives a product without a barcode list its one barcode, searchable by it', () => {
    const core = openTestCore(tempDir(), { signIn: 'nobody' })
    const id = uuidv4()
    const taxRateId = firstId(core, 'tax_rates')
    apply(core, [
      pulled('product', id, {
        id,
        name: 'Oat flat white',
        sku: 'OAT-FW',
        barcode: '4006381333931',
        priceCents: 4_20,
        taxRateId,
      }),
    ])
    expect(
      core.database.sqlite
        .prepare('select barcodes, pricing_unit from products where id = ?')
        .get(id),
    ).toEqual({ barcodes: '["4006381333931"]', pricing_unit: 'each' })
    expect(
      core.database.sqlite
        .prepare('select product_id from product_barcodes where barcode = ?')
        .all('4006381333931'),
    ).toEqual([{ product_id: id }])
    core.close()
  })

  it('skips a product whose SKU another product holds here, and applies the rest of the page', () => {
    const core = openTestCore(tempDir(), { signIn: 'nobody' })
    const taken = core.database.sqlite.prepare('select sku from products limit 1').get() as {
      sku: string
    }
    const clash = uuidv4()
    const customerId = uuidv4()
    const result = apply(core, [
      pulled('product', clash, { id: clash, name: 'Clash', sku: taken.sku, priceCents: 100 }),
      pulled('customer', customerId, { id: customerId, name: 'After the clash', createdAt: now }),
    ])
    expect(result.ignored).toBe(1)
    expect(core.database.sqlite.prepare('select id from products where id = ?').get(clash)).toBe(
      undefined,
    )
    expect(
      core.database.sqlite.prepare('select name from customers where id = ?').get(customerId),
    ).toEqual({ name: 'After the clash' })
    core.close()
  })

  it('soft-deletes the new entities and ignores entities it does not keep', () => {
    const core = openTestCore(tempDir(), { signIn: 'nobody' })
    const id = uuidv4()
    apply(core, [pulled('customer', id, { id, name: 'Temp', createdAt: now })])
    const result = apply(core, [
      { ...pulled('customer', id, null, 2), op: 'delete' },
      pulled('transaction', uuidv4(), { id: 'x', amountCents: 1 }),
    ])
    expect(result.ignored).toBe(1)
    expect(
      core.database.sqlite.prepare('select deleted_at from customers where id = ?').get(id),
    ).toEqual({ deleted_at: now })
    core.close()
  })
})

describe('the late bucket', () => {
  it('flags an order first pulled after its shift closed here, and keeps the flag', () => {
    const core = openTestCore(tempDir(), { signIn: 'nobody' })
    const db = core.database.db
    const elsewhere = { deviceId: core.device.deviceId, registerCode: core.device.registerCode }
    const shiftId = openShift(db, elsewhere, now)
    // An order that arrived while the shift was open is part of the shift, not late.
    const onTime = uuidv4()
    const late = uuidv4()
    const source = openTestCore(tempDir(), { signIn: 'nobody' })
    for (const [id, number] of [
      [onTime, 'S01-R9-000001'],
      [late, 'S01-R9-000002'],
    ] as const)
      writeOrder(source.database.db, {
        id,
        deviceId: source.device.deviceId,
        number,
        kind: 'SALE',
        shiftId,
        lines: [{ id: uuidv4(), quantity: 1, totalCents: 3_00 }],
        now,
      })
    const wireOf = (id: string) => readWireRecord(source.database.db, 'order', id)
    apply(core, [pulled('order', onTime, wireOf(onTime))])
    closeShift(db, shiftId, now)
    apply(core, [pulled('order', late, wireOf(late))])
    const lateFlags = () =>
      core.database.sqlite
        .prepare(
          'select id, late_for_shift as late from orders where shift_id = ? order by order_number',
        )
        .all(shiftId)
    expect(lateFlags()).toEqual([
      { id: onTime, late: 0 },
      { id: late, late: 1 },
    ])
    // Later versions (a status change) neither set nor clear the flag.
    apply(core, [
      pulled('order', onTime, wireOf(onTime), 2),
      pulled('order', late, wireOf(late), 2),
    ])
    expect(lateFlags()).toEqual([
      { id: onTime, late: 0 },
      { id: late, late: 1 },
    ])
    source.close()
    core.close()
  })
})
