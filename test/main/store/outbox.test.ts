import type Database from 'better-sqlite3'
import { join } from 'node:path'
import { v4 as uuidv4 } from 'uuid'
import { describe, expect, it } from 'vitest'
import { openRegisterDatabase } from '../../../src/main/store/database'
import {
  claimDueEntries,
  outboxCounts,
  settleEntries,
} from '../../../src/main/store/outboxRepository'
import { readWireRecord } from '../../../src/main/store/syncRecords'
import { call, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { migrationsOfRelease, oldProducts, seedOldStore } from './registerFixtures'

const tempDir = useTempDirs()
const now = '2026-11-22T10:00:00.000Z'

function addEntry(sqlite: Database.Database, entity: string, entityId: string): number {
  return Number(
    sqlite
      .prepare(
        "insert into outbox (mutation_id, entity, entity_id, operation, state, created_at, updated_at) values (?, ?, ?, 'upsert', 'pending', ?, ?)",
      )
      .run(uuidv4(), entity, entityId, now, now).lastInsertRowid,
  )
}

describe('outbox claims', () => {
  it('sends a record’s mutations in order, even with another batch in flight', () => {
    const core = openTestCore(tempDir())
    const { sqlite, db } = core.database
    const firstEdit = addEntry(sqlite, 'customer', 'c-1')
    const other = addEntry(sqlite, 'customer', 'c-2')
    const secondEdit = addEntry(sqlite, 'customer', 'c-1')

    expect(claimDueEntries(db, 50, now).map((row) => row.id)).toEqual([firstEdit, other])
    // While those are in flight a second claim finds nothing: c-1's next edit waits its turn.
    expect(claimDueEntries(db, 50, now)).toEqual([])
    settleEntries(
      db,
      new Map([[firstEdit, { kind: 'synced', serverVersion: 1, serverHash: 'h' }]]),
      now,
    )
    expect(claimDueEntries(db, 50, now).map((row) => row.id)).toEqual([secondEdit])
    core.close()
  })

  it('does not let a dead mutation hold the record’s later ones back', () => {
    const core = openTestCore(tempDir())
    const { sqlite, db } = core.database
    const poison = addEntry(sqlite, 'customer', 'c-1')
    const later = addEntry(sqlite, 'customer', 'c-1')
    claimDueEntries(db, 50, now)
    settleEntries(db, new Map([[poison, { kind: 'dead', error: 'REJECTED: bad' }]]), now)
    expect(claimDueEntries(db, 50, now).map((row) => row.id)).toEqual([later])
    expect(outboxCounts(db)).toMatchObject({ dead: 1, inFlight: 1 })
    core.close()
  })
})

describe('upgrades', () => {
  it('keeps pending sales and their outbox entries through every migration since the first release', async () => {
    const dir = tempDir()
    // What the first release wrote, on its own schema: store, device, one unsynced sale and its
    // outbox entry.
    const old = openRegisterDatabase(join(dir, 'register.db'), migrationsOfRelease(dir, 1))
    const deviceId = uuidv4()
    seedOldStore(old.sqlite, { deviceId, taxRateId: uuidv4(), categoryId: uuidv4() }, now)
    const [productId, sku, , name, priceCents] = oldProducts[0]
    const orderId = uuidv4()
    const pending = { device_id: deviceId, updated_at: now }
    old.sqlite
      .prepare(
        `insert into orders (id, device_id, updated_at, order_number, client_request_id, status, currency,
           item_count, subtotal_cents, discount_cents, tax_cents, total_cents, created_at)
         values (@id, @device_id, @updated_at, 'S01-V1-000001', @request, 'COMPLETED', 'USD', 1, @total, 0, 0, @total, @updated_at)`,
      )
      .run({ ...pending, id: orderId, request: uuidv4(), total: priceCents })
    old.sqlite
      .prepare(
        `insert into order_items (id, device_id, updated_at, order_id, line_number, product_id, sku, name,
           unit_price_cents, quantity, tax_rate_basis_points, net_cents, tax_cents, total_cents)
         values (@id, @device_id, @updated_at, @order, 1, @product, @sku, @name, @total, 1, 0, @total, 0, @total)`,
      )
      .run({
        ...pending,
        id: uuidv4(),
        order: orderId,
        product: productId,
        sku,
        name,
        total: priceCents,
      })
    old.sqlite
      .prepare(
        `insert into payments (id, device_id, updated_at, order_id, method, amount_cents, tendered_cents, status, created_at)
         values (@id, @device_id, @updated_at, @order, 'cash', @total, @total, 'COMPLETED', @updated_at)`,
      )
      .run({ ...pending, id: uuidv4(), order: orderId, total: priceCents })
    old.sqlite.prepare('update device_identity set last_order_seq = 1 where id = 1').run()
    addEntry(old.sqlite, 'order', orderId)
    old.close()

    const upgraded = openTestCore(dir)
    expect(await call(upgraded, 'order:get', { id: orderId })).toMatchObject({
      orderNumber: 'S01-V1-000001',
      totalCents: priceCents,
      syncStatus: 'PENDING',
    })
    expect(
      upgraded.database.sqlite.prepare('select entity, entity_id, state from outbox').all(),
    ).toEqual([{ entity: 'order', entity_id: orderId, state: 'pending' }])
    expect((await call(upgraded, 'sync:getStatus')).counts.pending).toBe(1)
    // The upgraded schema is really in place, and the old sale reads as a sale on the wire.
    expect(
      upgraded.database.sqlite
        .prepare("select name from sqlite_master where name = 'outbox_record_idx'")
        .get(),
    ).toBeTruthy()
    expect(readWireRecord(upgraded.database.db, 'order', orderId)).toMatchObject({
      order: { kind: 'SALE', shiftId: null },
      items: [{ sku, modifiers: [] }],
    })
    upgraded.close()
  })
})
