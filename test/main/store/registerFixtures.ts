import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { findRegisterMigrations } from '../../../src/main/store/database'

/**
 * A copy of the register migrations as an earlier release shipped them: the first `count`
 * entries of the journal. Opening a database with it gives that release's schema.
 */
export function migrationsOfRelease(dir: string, count: number): string {
  const folder = join(dir, `migrations-${count}`)
  cpSync(findRegisterMigrations(), folder, { recursive: true })
  const journalFile = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] }
  if (journal.entries.length <= count) throw new Error(`no release before migration ${count}`)
  writeFileSync(
    journalFile,
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }),
  )
  return folder
}

/**
 * What the first releases wrote, as raw SQL on their own schema (today's seeding code writes
 * columns that did not exist then): store settings, this register, a tax rate, a category and
 * products, two with a barcode.
 */
export function seedOldStore(
  sqlite: Database.Database,
  ids: { deviceId: string; taxRateId: string; categoryId: string },
  now: string,
): void {
  sqlite
    .prepare(
      `insert into store_settings (id, store_name, store_code, currency, locale, prices_include_tax,
         tax_rounding, rounding_mode, cash_rounding_increment_cents, updated_at)
       values (1, 'Old Café', 'S01', 'USD', 'en-US', 0, 'line', 'half-up', 0, ?)`,
    )
    .run(now)
  sqlite
    .prepare(
      `insert into device_identity (id, device_id, register_code, last_order_seq, created_at)
       values (1, ?, 'V1', 0, ?)`,
    )
    .run(ids.deviceId, now)
  sqlite
    .prepare(
      `insert into tax_rates (id, device_id, sync_status, updated_at, name, rate_basis_points, is_default)
       values (?, ?, 'SYNCED', ?, 'Standard', 825, 1)`,
    )
    .run(ids.taxRateId, ids.deviceId, now)
  sqlite
    .prepare(
      `insert into categories (id, device_id, sync_status, updated_at, name, sort_order)
       values (?, ?, 'SYNCED', ?, 'Coffee', 0)`,
    )
    .run(ids.categoryId, ids.deviceId, now)
  const product = sqlite.prepare(
    `insert into products (id, device_id, sync_status, updated_at, sku, barcode, name, price_cents,
       category_id, tax_rate_id, is_active)
     values (?, ?, 'SYNCED', ?, ?, ?, ?, ?, ?, ?, 1)`,
  )
  for (const [id, sku, barcode, name, priceCents] of oldProducts)
    product.run(
      id,
      ids.deviceId,
      now,
      sku,
      barcode,
      name,
      priceCents,
      ids.categoryId,
      ids.taxRateId,
    )
}

export const oldProducts = [
  ['8f0c1b52-0000-4000-8000-000000000001', 'COF-FW', '4006381333931', 'Flat white', 4_20],
  ['8f0c1b52-0000-4000-8000-000000000002', 'COF-ESP', '0012345678905', 'Espresso', 2_80],
  ['8f0c1b52-0000-4000-8000-000000000003', 'TEA-GRN', null, 'Green tea', 3_00],
] as const
