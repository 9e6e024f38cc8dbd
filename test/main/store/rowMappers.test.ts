import { getTableColumns, getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import {
  entitySchemas,
  wireRecordSchemas,
  type ReadWireRecord,
  type WireRecordEntity,
} from '../../../src/shared/sync'
import {
  categoryToRow,
  categoryToWire,
  productToRow,
  productToWire,
  taxRateToRow,
  taxRateToWire,
} from '../../../src/main/store/rows/catalogRows'
import {
  localOrderColumns,
  orderItemToRow,
  orderToRow,
  paymentToRow,
} from '../../../src/main/store/rows/orderRows'
import {
  auditEventToRow,
  auditEventToWire,
  cashMovementToRow,
  cashMovementToWire,
  customerToRow,
  customerToWire,
  employeeToRow,
  employeeToWire,
  shiftToRow,
  shiftToWire,
} from '../../../src/main/store/rows/storeRows'
import { localSyncColumns, type SyncMeta } from '../../../src/main/store/rows/syncRow'
import { syncedTables } from '../../../src/main/store/syncedTables'
import { orderItems, orders, payments } from '../../../src/main/store/schema'

// JSON columns hold JSON; every other column gets a value no mapper would invent as a default.
const jsonSamples: Record<string, string> = {
  barcodes: '["4006381333931","4006381333948"]',
  variants: JSON.stringify([
    {
      id: '0b9c6a4e-1d7e-4c1a-9a51-2f3f3f1a0001',
      name: 'Large',
      priceCents: 450,
      sku: null,
      barcode: null,
    },
  ]),
  modifierGroups: '[]',
  modifiers: '[{"groupName":"Extras","name":"Extra shot","priceCents":50}]',
  cashCount: '[{"denominationCents":5000,"count":2}]',
  zReport: '{"totalCents":500}',
  details: '{"reason":"damaged"}',
}

/** A row with a distinctive value in every column, as a register would hold it. */
function sampleRow(table: SQLiteTable): Record<string, unknown> {
  const row: Record<string, unknown> = {}
  Object.entries(getTableColumns(table)).forEach(([key, column], index) => {
    const enumValues = (column as { enumValues?: string[] }).enumValues
    if (key === 'deletedAt') row[key] = null
    else if (key === 'lineNumber') row[key] = 1
    else if (key === 'currency') row[key] = 'EUR'
    else if (key in jsonSamples) row[key] = jsonSamples[key]
    else if (enumValues) row[key] = enumValues[1] ?? enumValues[0]
    else if (column.columnType === 'SQLiteBoolean') row[key] = column.default !== true
    else if (column.columnType === 'SQLiteInteger') row[key] = 7 + index
    else row[key] = `${key}-${getTableName(table)}`
  })
  return row
}

const metaOf = (row: Record<string, unknown>): SyncMeta => ({
  id: row.id as string,
  deviceId: 'device-elsewhere',
  syncVersion: 3,
  serverHash: 'hash-3',
  syncStatus: 'SYNCED',
  updatedAt: row.updatedAt as string,
  deletedAt: null,
})

/** What crosses the network: JSON text, read back with the register's schema. */
function overTheWire<E extends WireRecordEntity>(entity: E, data: unknown): ReadWireRecord<E> {
  const sent: unknown = JSON.parse(JSON.stringify(data))
  // Whatever a register sends, the server accepts.
  expect(entitySchemas[entity].safeParse(sent).error?.issues).toBeUndefined()
  return wireRecordSchemas[entity].parse(sent) as ReadWireRecord<E>
}

function expectCarried(
  table: SQLiteTable,
  local: readonly string[],
  row: Record<string, unknown>,
  wire: Record<string, unknown>,
  back: Record<string, unknown>,
) {
  const columns = Object.keys(getTableColumns(table))
  expect(Object.keys(back).sort()).toEqual([...columns].sort())
  for (const key of columns) {
    if (local.includes(key)) continue
    // A column is either local-only or travels, and comes back as it left.
    expect(wire, `${getTableName(table)}.${key} is not on the wire`).toHaveProperty(key)
    expect(back[key], `${getTableName(table)}.${key}`).toEqual(row[key])
  }
}

const simpleMappers = {
  product: {
    toWire: productToWire,
    toRow: (data: never, meta: SyncMeta) =>
      productToRow(data, meta, { defaultTaxRateId: null, hasCategory: () => true }),
  },
  category: { toWire: categoryToWire, toRow: categoryToRow },
  taxRate: { toWire: taxRateToWire, toRow: taxRateToRow },
  customer: { toWire: customerToWire, toRow: customerToRow },
  employee: { toWire: employeeToWire, toRow: employeeToRow },
  shift: { toWire: shiftToWire, toRow: shiftToRow },
  cashMovement: { toWire: cashMovementToWire, toRow: cashMovementToRow },
  auditEvent: { toWire: auditEventToWire, toRow: auditEventToRow },
} as const

describe('row mappers', () => {
  for (const [entity, mapper] of Object.entries(simpleMappers)) {
    it(`carries every ${entity} column to the wire and back, or lists it as local`, () => {
      const table = syncedTables[entity as keyof typeof simpleMappers]
      const row = sampleRow(table)
      const wire = (mapper.toWire as (row: unknown) => Record<string, unknown>)(row)
      const read = overTheWire(entity as keyof typeof simpleMappers, wire)
      const back = (mapper.toRow as (data: unknown, meta: SyncMeta) => Record<string, unknown>)(
        read,
        metaOf(row),
      )
      expectCarried(table, localSyncColumns, row, wire, back)
    })
  }

  it('carries every order, line and payment column inside the envelope, or lists it as local', () => {
    const order = sampleRow(orders)
    const item: Record<string, unknown> = { ...sampleRow(orderItems), orderId: order.id }
    const payment: Record<string, unknown> = { ...sampleRow(payments), orderId: order.id }
    const strip = (row: Record<string, unknown>, local: readonly string[]) =>
      Object.fromEntries(Object.entries(row).filter(([key]) => !local.includes(key)))
    const wire = {
      order: strip(order, localOrderColumns.orders),
      items: [
        {
          ...strip(item, localOrderColumns.orderItems),
          modifiers: JSON.parse(item.modifiers as string),
        },
      ],
      payments: [strip(payment, localOrderColumns.payments)],
    }
    const read = overTheWire('order', wire)
    const meta = metaOf(order)
    const back = orderToRow(read, meta, { currency: 'USD', isLate: order.lateForShift as boolean })
    expectCarried(
      orders,
      [...localSyncColumns, ...localOrderColumns.orders],
      order,
      wire.order,
      back,
    )
    const local = [...localSyncColumns, ...localOrderColumns.orderItems]
    expectCarried(orderItems, local, item, wire.items[0]!, orderItemToRow(read.items[0]!, 0, meta))
    expectCarried(
      payments,
      [...localSyncColumns, ...localOrderColumns.payments],
      payment,
      wire.payments[0]!,
      paymentToRow(read.payments[0]!, 0, meta, back.createdAt),
    )
  })
})
