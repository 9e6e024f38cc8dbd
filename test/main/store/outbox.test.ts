import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { join } from 'node:path'
import { v4 as uuidv4 } from 'uuid'
import { describe, expect, it } from 'vitest'
import { listProducts } from '../../../src/main/store/catalogRepository'
import { findRegisterMigrations, openRegisterDatabase } from '../../../src/main/store/database'
import { ensureDeviceIdentity } from '../../../src/main/store/identityRepository'
import {
  claimDueEntries,
  outboxCounts,
  settleEntries,
} from '../../../src/main/store/outboxRepository'
import { commitSale } from '../../../src/main/store/saleRepository'
import { seedDemoStoreIfEmpty } from '../../../src/main/store/seed/seedDemoStore'
import { call, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'

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
    // The first release: only the first migration.
    const firstRelease = join(dir, 'migrations-v1')
    cpSync(findRegisterMigrations(), firstRelease, { recursive: true })
    const journalFile = join(firstRelease, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] }
    expect(journal.entries.length).toBeGreaterThan(1)
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }))

    // What the first release wrote: demo store, device, and one unsynced sale with its outbox entry.
    const old = openRegisterDatabase(join(dir, 'register.db'), firstRelease)
    const device = ensureDeviceIdentity(old.db, { registerCode: 'V1', now })
    seedDemoStoreIfEmpty(old.db, device.deviceId, now)
    const product = listProducts(old.db)[0]!
    const { orderId } = commitSale(old.db, {
      clientRequestId: uuidv4(),
      deviceId: device.deviceId,
      storeCode: 'S01',
      registerCode: 'V1',
      currency: 'USD',
      subtotalCents: product.priceCents,
      discountCents: 0,
      taxCents: 0,
      totalCents: product.priceCents,
      cashRoundingCents: 0,
      lines: [
        {
          productId: product.id,
          sku: product.sku,
          name: product.name,
          unitPriceCents: product.priceCents,
          quantity: 1,
          taxRateBasisPoints: 0,
          discountCents: 0,
          netCents: product.priceCents,
          taxCents: 0,
          totalCents: product.priceCents,
        },
      ],
      payments: [
        {
          method: 'cash',
          amountCents: product.priceCents,
          tenderedCents: product.priceCents,
          changeCents: 0,
          referenceNumber: null,
        },
      ],
      now,
    })
    old.close()

    const upgraded = openTestCore(dir)
    expect(await call(upgraded, 'order:get', { id: orderId })).toMatchObject({
      orderNumber: 'S01-V1-000001',
      totalCents: product.priceCents,
      syncStatus: 'PENDING',
    })
    expect(
      upgraded.database.sqlite.prepare('select entity, entity_id, state from outbox').all(),
    ).toEqual([{ entity: 'order', entity_id: orderId, state: 'pending' }])
    expect((await call(upgraded, 'sync:status')).counts.pending).toBe(1)
    // The upgraded schema is really in place.
    expect(
      upgraded.database.sqlite
        .prepare("select name from sqlite_master where name = 'outbox_record_idx'")
        .get(),
    ).toBeTruthy()
    upgraded.close()
  })
})
