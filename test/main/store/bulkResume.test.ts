import { describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { rebuildCatalogSearch } from '../../../src/main/store/catalogSearchIndex'
import { openRegisterDatabase } from '../../../src/main/store/database'
import { applyPulledPage } from '../../../src/main/store/pullApplier'
import type { PulledChange } from '../../../src/shared/sync'
import { call, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'

/*
 * A first sync killed after any of its transactions (no `finally`, no rebuild: the process is
 * gone) and run again from its cursor ends with the very rows, search index and table indexes of
 * one that was never interrupted. Between the two runs the register is opened again, which builds
 * what the bulk pull had set aside (catalogSearchIndex.ts, bulkPullIndexes.ts).
 */

const tempDir = useTempDirs('auraflow-bulk-resume-')
const now = '2026-12-02T10:00:00.000Z'
const pageSize = 40

interface Store {
  pages: PulledChange[][]
}

/** A catalog and its sales, with later pages renaming a product, editing an order and deleting one. */
function storeChanges(taxRateId: string): Store {
  const changes: Omit<PulledChange, 'seq'>[] = []
  const change = (entity: string, id: string, data: unknown, version = 1, op = 'upsert') =>
    changes.push({
      entity: entity as PulledChange['entity'],
      id,
      op: op as PulledChange['op'],
      version,
      hash: `hash-${id}-${version}`,
      data,
      deviceId: 'device-elsewhere',
      updatedAt: now,
    })
  const product = (index: number, name = `Resume loaf r${index}q`) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    sku: `RES-${index}`,
    name,
    barcode: String(2_700_000_000_000 + index),
    priceCents: 100 + index,
    taxRateId,
    isActive: true,
  })
  const order = (index: number, lines: number) => {
    const id = `00000000-0000-4000-9000-${String(index).padStart(12, '0')}`
    return {
      order: {
        id,
        orderNumber: `RES-${index}`,
        clientRequestId: `request-${index}`,
        currency: 'USD',
        totalCents: 500 * lines,
        createdAt: now,
        shiftId: null,
      },
      items: Array.from({ length: lines }, (_, line) => ({
        id: `${id}-line-${line}`,
        name: `Resume loaf r${line}q`,
        sku: `RES-${line}`,
        quantity: 1,
        unitPriceCents: 500,
        totalCents: 500,
      })),
      payments: [{ id: `${id}-pay`, method: 'cash', amountCents: 500 * lines }],
    }
  }
  for (let index = 0; index < 150; index++) change('product', product(index).id, product(index))
  for (let index = 0; index < 60; index++)
    change('order', order(index, 2).order.id, order(index, 2))
  // Later versions of earlier records, as a store busy during the pull sends them.
  change('product', product(3).id, product(3, 'Renamed loaf x3q'), 2)
  change('order', order(5, 3).order.id, order(5, 3), 2)
  change('product', product(7).id, null, 2, 'delete')
  const sequenced = changes.map((item, index) => ({ ...item, seq: index + 1 }) as PulledChange)
  const pages: PulledChange[][] = []
  for (let at = 0; at < sequenced.length; at += pageSize)
    pages.push(sequenced.slice(at, at + pageSize))
  return { pages }
}

function applyPages(core: RegisterCore, pages: PulledChange[][], isBulk: boolean) {
  pages.forEach((changes, index) =>
    applyPulledPage(
      core.database.db,
      {
        changes,
        nextSyncToken: `seq-${changes.at(-1)!.seq}`,
        defersSearch: isBulk,
        isInterim: isBulk && index < pages.length - 1,
      },
      { localDeviceId: core.device.deviceId, currency: 'USD', now },
    ),
  )
}

/** The pulled rows of each table (the demo catalog a test register opens with aside). */
const pulledRows = {
  products: "select * from products where sku like 'RES-%'",
  orders: "select * from orders where order_number like 'RES-%'",
  order_items: "select * from order_items where order_id like '00000000-0000-4000-9000-%'",
  payments: "select * from payments where order_id like '00000000-0000-4000-9000-%'",
  product_barcodes: "select * from product_barcodes where barcode like '27%'",
}

/** Everything a pull writes, as rows (search rowids aside), and every index's definition. */
function snapshot(core: RegisterCore) {
  const sqlite = core.database.sqlite
  const rows = Object.fromEntries(
    Object.entries(pulledRows).map(([table, query]) => [
      table,
      sqlite.prepare(`${query} order by 1, 2`).all() as Record<string, unknown>[],
    ]),
  )
  const indexes = sqlite
    .prepare("select name, sql from sqlite_master where type = 'index' order by name")
    .all()
  expect(() =>
    sqlite
      .prepare("insert into products_fts(products_fts, rank) values ('integrity-check', 1)")
      .run(),
  ).not.toThrow()
  const owed = sqlite
    .prepare(
      'select (select count(*) from catalog_search_deferred) + (select count(*) from bulk_pull_indexes) as n',
    )
    .get() as { n: number }
  return { rows, indexes, owed: owed.n }
}

function taxRateOf(core: RegisterCore): string {
  return (core.database.sqlite.prepare('select id from tax_rates limit 1').get() as { id: string })
    .id
}

describe('a first sync interrupted at any page', () => {
  it('ends with the same rows, search and indexes as one never interrupted', async () => {
    const whole = openTestCore(tempDir())
    const { pages } = storeChanges(taxRateOf(whole))
    const freshIndexes = whole.database.sqlite
      .prepare("select name, sql from sqlite_master where type = 'index' order by name")
      .all()
    applyPages(whole, pages, true)
    rebuildCatalogSearch(whole.database.sqlite)
    const expected = snapshot(whole)
    expect(expected.owed).toBe(0)
    expect(expected.indexes).toEqual(freshIndexes)
    expect(expected.rows.products).toHaveLength(150)
    expect(expected.rows.orders).toHaveLength(60)
    expect(expected.rows.order_items).toHaveLength(60 * 2 + 1)
    expect(expected.rows.product_barcodes).toHaveLength(150)
    expect((await call(whole, 'catalog:search', { query: 'x3q' })).map((p) => p.name)).toEqual([
      'Renamed loaf x3q',
    ])
    whole.close()

    for (let stop = 1; stop < pages.length; stop++) {
      const dir = tempDir()
      const first = openTestCore(dir)
      applyPages(first, pages.slice(0, stop), true)
      // Killed: the bulk pull's index and search are owed, held in the database itself.
      const owedRows = first.database.sqlite
        .prepare('select count(*) as n from bulk_pull_indexes')
        .get() as { n: number }
      expect(owedRows.n).toBeGreaterThan(0)
      first.close()
      const again = openTestCore(dir)
      expect(snapshot(again).owed).toBe(0)
      // The next pull goes on in bulk or, close to the head, page by page.
      applyPages(again, pages.slice(stop), stop % 2 === 0)
      rebuildCatalogSearch(again.database.sqlite)
      const ended = snapshot(again)
      expect(ended.rows, `stopped after page ${stop}`).toEqual(expected.rows)
      expect(ended.indexes).toEqual(expected.indexes)
      expect(ended.owed).toBe(0)
      expect((await call(again, 'catalog:search', { query: 'r149q' })).map((p) => p.name)).toEqual([
        'Resume loaf r149q',
      ])
      again.close()
    }
  })

  it('builds the owed indexes before migrating, so a migration never meets one missing', () => {
    const dir = tempDir()
    const core = openTestCore(dir)
    applyPages(core, storeChanges(taxRateOf(core)).pages.slice(0, 2), true)
    const dropped = core.database.sqlite
      .prepare('select name from bulk_pull_indexes order by name')
      .pluck()
      .all()
    expect(dropped).toEqual(expect.arrayContaining(['orders_created_idx', 'products_barcode_idx']))
    // Those the pull reads while it writes, and the unique ones, stay.
    expect(dropped).not.toContain('order_items_order_idx')
    expect(dropped).not.toContain('products_sku_unique')
    const file = core.database.file
    core.close()
    const reopened = openRegisterDatabase(file)
    const names = reopened.sqlite
      .prepare("select name from sqlite_master where type = 'index'")
      .pluck()
      .all()
    expect(names).toEqual(expect.arrayContaining(dropped))
    reopened.close()
  })
})
