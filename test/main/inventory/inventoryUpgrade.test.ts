import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { v4 as uuidv4 } from 'uuid'
import { describe, expect, it } from 'vitest'
import { findRegisterMigrations, openRegisterDatabase } from '../../../src/main/store/database'
import { call, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { migrationsOfRelease, oldProducts, seedOldStore } from '../store/registerFixtures'
import { rows, sell } from '../services/salesSupport'

/**
 * A register database from the release before the inventory migration opens on this one: its
 * products and pending outbox survive, the stock tables start empty, and a sale of a product that
 * tracks stock writes its movement on the upgraded file.
 */

const tempDir = useTempDirs('auraflow-inventory-upgrade-')
const now = '2026-11-30T09:00:00.000Z'

/** How many migrations shipped before the inventory one (the lead may renumber it at merge). */
function releaseBeforeInventory(): number {
  const journal = JSON.parse(
    readFileSync(join(findRegisterMigrations(), 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] }
  const index = journal.entries.findIndex((entry) => entry.tag.endsWith('_inventory'))
  expect(index).toBeGreaterThan(0)
  return index
}

describe('inventory upgrade', () => {
  it('keeps the data of a register from before the inventory migration, and sells tracked stock after', async () => {
    const dir = tempDir()
    const old = openRegisterDatabase(
      join(dir, 'register.db'),
      migrationsOfRelease(dir, releaseBeforeInventory()),
    )
    const names = (
      old.sqlite.prepare("select name from sqlite_master where type = 'table'").all() as {
        name: string
      }[]
    ).map((row) => row.name)
    expect(names).not.toContain('stock_movements')
    seedOldStore(
      old.sqlite,
      {
        deviceId: 'd0c1b52a-0000-4000-8000-000000000001',
        taxRateId: 'd0c1b52a-0000-4000-8000-000000000002',
        categoryId: 'd0c1b52a-0000-4000-8000-000000000003',
      },
      now,
    )
    old.sqlite
      .prepare(
        "insert into outbox (mutation_id, entity, entity_id, operation, state, created_at, updated_at) values (?, 'product', ?, 'upsert', 'pending', ?, ?)",
      )
      .run(uuidv4(), oldProducts[0][0], now, now)
    old.sqlite.prepare('update products set track_stock = 1 where id = ?').run(oldProducts[0][0])
    old.close()

    const upgraded = openTestCore(dir)
    expect(rows(upgraded, 'select id from products order by id')).toEqual(
      oldProducts.map(([id]) => ({ id })),
    )
    expect(rows(upgraded, 'select entity, state from outbox')).toEqual([
      { entity: 'product', state: 'pending' },
    ])
    expect(rows(upgraded, 'select * from stock_levels')).toEqual([])
    const catalog = await call(upgraded, 'catalog:list')
    expect(catalog.products.find((product) => product.id === oldProducts[0][0])).toMatchObject({
      onHand: 0,
      isLowStock: false,
    })
    await sell(
      upgraded,
      [{ productId: oldProducts[0][0], quantity: 2 }],
      [{ method: 'cash', amountCents: 100_000 }],
    )
    expect(await call(upgraded, 'stock:levels', { productIds: [oldProducts[0][0]] })).toMatchObject(
      [{ onHand: -2, isNegative: true }],
    )
    upgraded.close()
  })
})
