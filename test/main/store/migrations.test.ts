import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { findRegisterMigrations, openRegisterDatabase } from '../../../src/main/store/database'
import { inStoreEan13 } from '../../../src/main/store/seed/demoCatalog'
import { call, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { migrationsOfRelease, oldProducts, seedOldStore } from './registerFixtures'

const tempDir = useTempDirs()

function tableNames(file: string): string[] {
  const sqlite = new Database(file, { readonly: true })
  try {
    return (
      sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
        name: string
      }[]
    ).map((row) => row.name)
  } finally {
    sqlite.close()
  }
}

describe('register store migrations', () => {
  it('creates every table on an empty file, in WAL mode with foreign keys on', () => {
    const file = join(tempDir(), 'register.db')
    const database = openRegisterDatabase(file)
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(database.sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL
    database.close()
    expect(tableNames(file)).toEqual(
      expect.arrayContaining([
        'categories',
        'device_identity',
        'order_items',
        'orders',
        'outbox',
        'payments',
        'products',
        'store_settings',
        'tax_rates',
      ]),
    )
  })

  it('is idempotent: reopening applies nothing twice and keeps the data', async () => {
    const dir = tempDir()
    const first = openTestCore(dir)
    const deviceId = first.device.deviceId
    first.close()
    const second = openTestCore(dir)
    expect(second.device.deviceId).toBe(deviceId)
    const catalog = await call(second, 'catalog:list')
    expect(catalog.products.length).toBeGreaterThanOrEqual(40)
    second.close()
  })

  it('leaves the previous database untouched when an upgrade fails', () => {
    const dir = tempDir()
    const file = join(dir, 'register.db')
    openTestCore(dir).close()

    // A release whose migration fails half-way: it creates a table, then hits a bad statement.
    const migrations = join(dir, 'migrations')
    cpSync(findRegisterMigrations(), migrations, { recursive: true })
    const journalFile = join(migrations, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
      entries: { idx: number; when: number; tag: string; breakpoints: boolean; version: string }[]
    }
    const tag = '0099_broken_upgrade'
    journal.entries.push({
      idx: journal.entries.length,
      version: '6',
      when: Date.now(),
      tag,
      breakpoints: true,
    })
    writeFileSync(journalFile, JSON.stringify(journal))
    writeFileSync(
      join(migrations, `${tag}.sql`),
      'CREATE TABLE half_done (id integer);\n--> statement-breakpoint\nALTER TABLE no_such_table ADD COLUMN x integer;',
    )

    const before = tableNames(file)
    expect(() => openRegisterDatabase(file, migrations)).toThrow(/no_such_table/)
    expect(tableNames(file)).toEqual(before)
    expect(tableNames(file)).not.toContain('half_done')
  })
})

describe('catalog search index upgrade', () => {
  it('indexes the products of a store from before the index (0003), so barcodes scan after upgrade', async () => {
    const dir = tempDir()
    const file = join(dir, 'register.db')
    const old = openRegisterDatabase(file, migrationsOfRelease(dir, 4))
    seedOldStore(
      old.sqlite,
      {
        deviceId: 'd0c1b52a-0000-4000-8000-000000000001',
        taxRateId: 'd0c1b52a-0000-4000-8000-000000000002',
        categoryId: 'd0c1b52a-0000-4000-8000-000000000003',
      },
      '2026-01-05T09:00:00.000Z',
    )
    old.close()

    const upgraded = openTestCore(dir)
    const sqlite = upgraded.database.sqlite
    const withBarcode = oldProducts.filter(([, , barcode]) => barcode !== null)
    // One lookup row per barcode (no duplicates from the backfill), and the barcode list filled.
    expect(
      sqlite.prepare('select barcode, product_id from product_barcodes order by barcode').all(),
    ).toEqual(
      withBarcode
        .map(([id, , barcode]) => ({ barcode, product_id: id }))
        .sort((left, right) => String(left.barcode).localeCompare(String(right.barcode))),
    )
    expect(sqlite.prepare('select id, barcodes from products order by id').all()).toEqual(
      oldProducts.map(([id, , barcode]) => ({
        id,
        barcodes: JSON.stringify(barcode === null ? [] : [barcode]),
      })),
    )
    // The full-text index is whole and answers by name, SKU and barcode.
    expect(() =>
      sqlite.prepare("insert into products_fts(products_fts) values ('integrity-check')").run(),
    ).not.toThrow()
    const matched = (query: string) =>
      sqlite
        .prepare(
          'select p.id from products_fts join products p on p.rowid = products_fts.rowid where products_fts match ? order by p.id',
        )
        .all(query)
    expect(matched('flat*')).toEqual([{ id: oldProducts[0][0] }])
    expect(matched('"TEA-GRN"')).toEqual([{ id: oldProducts[2][0] }])
    expect(matched('"0012345678905"')).toEqual([{ id: oldProducts[1][0] }])
    for (const [id, , barcode] of withBarcode) {
      const found = await call(upgraded, 'catalog:search', { query: barcode!, limit: 10 })
      expect(found.map((product) => product.id)).toEqual([id])
    }
    // Later edits keep both in step (the triggers run on the upgraded file).
    sqlite
      .prepare('update products set barcodes = ? where id = ?')
      .run(JSON.stringify(['4006381333931', '9780201379624']), oldProducts[0][0])
    expect(
      sqlite
        .prepare('select product_id from product_barcodes where barcode = ?')
        .all('9780201379624'),
    ).toEqual([{ product_id: oldProducts[0][0] }])
    expect(matched('"9780201379624"')).toEqual([{ id: oldProducts[0][0] }])
    upgraded.close()
  })
})

describe('demo catalog', () => {
  it('seeds at least 40 products in at least 5 categories on the first run only', async () => {
    const dir = tempDir()
    const core = openTestCore(dir)
    const catalog = await call(core, 'catalog:list')
    expect(catalog.products.length).toBeGreaterThanOrEqual(40)
    expect(catalog.categories.length).toBeGreaterThanOrEqual(5)
    for (const category of catalog.categories) {
      expect(catalog.products.some((product) => product.categoryId === category.id)).toBe(true)
    }
    expect(new Set(catalog.products.map((product) => product.sku)).size).toBe(
      catalog.products.length,
    )
    core.close()
    const again = openTestCore(dir)
    expect((await call(again, 'catalog:list')).products).toHaveLength(catalog.products.length)
    again.close()
  })

  it('gives two registers the same catalog ids, so syncing them never duplicates products', async () => {
    const a = openTestCore(tempDir())
    const b = openTestCore(tempDir())
    const ids = async (core: typeof a) =>
      (await call(core, 'catalog:list')).products.map((product) => product.id).sort()
    expect(await ids(a)).toEqual(await ids(b))
    expect(a.device.deviceId).not.toBe(b.device.deviceId)
    a.close()
    b.close()
  })

  it('prints valid EAN-13 check digits on in-store barcodes', () => {
    const code = inStoreEan13(10101)
    expect(code).toBe('2000000101019') // weighted sum 11 -> check digit 9
    const digits = [...code].map(Number)
    const sum = digits
      .slice(0, 12)
      .reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 1 : 3), 0)
    expect(code).toHaveLength(13)
    expect((sum + (digits[12] ?? 0)) % 10).toBe(0)
  })
})
