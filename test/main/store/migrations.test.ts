import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { findRegisterMigrations, openRegisterDatabase } from '../../../src/main/store/database'
import { inStoreEan13 } from '../../../src/main/store/seed/demoCatalog'
import { call, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'

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
