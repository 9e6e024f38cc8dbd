import type Database from 'better-sqlite3'
import type { RegisterDb } from './database'
import type { ProductRow } from './catalogRepository'

/** What a write stores for a product (JSON columns as values; the store serialises them). */
export interface ProductWrite {
  id: string
  sku: string
  name: string
  priceCents: number
  categoryId: string | null
  taxRateId: string
  barcodes: readonly string[]
  variants: ProductRow['variants']
  modifierGroups: ProductRow['modifierGroups']
  trackStock: boolean
  pricingUnit: 'each' | 'kg'
  isActive: boolean
}

export interface CategoryWrite {
  id: string
  name: string
  color: string | null
  sortOrder: number
}

function prepareWriteStatements(sqlite: Database.Database) {
  return {
    // A local edit makes the row PENDING again; device_id stays the register that created it.
    upsertProduct: sqlite.prepare(
      `INSERT INTO products (id, device_id, sync_status, updated_at, sku, barcode, name, price_cents,
         category_id, tax_rate_id, is_active, barcodes, variants, modifier_groups, track_stock, pricing_unit)
       VALUES (@id, @deviceId, 'PENDING', @now, @sku, @barcode, @name, @priceCents, @categoryId,
         @taxRateId, @isActive, @barcodes, @variants, @modifierGroups, @trackStock, @pricingUnit)
       ON CONFLICT (id) DO UPDATE SET sync_status = 'PENDING', updated_at = excluded.updated_at,
         sku = excluded.sku, barcode = excluded.barcode, name = excluded.name,
         price_cents = excluded.price_cents, category_id = excluded.category_id,
         tax_rate_id = excluded.tax_rate_id, is_active = excluded.is_active,
         barcodes = excluded.barcodes, variants = excluded.variants,
         modifier_groups = excluded.modifier_groups, track_stock = excluded.track_stock,
         pricing_unit = excluded.pricing_unit`,
    ),
    upsertCategory: sqlite.prepare(
      `INSERT INTO categories (id, device_id, sync_status, updated_at, name, color, sort_order)
       VALUES (@id, @deviceId, 'PENDING', @now, @name, @color, @sortOrder)
       ON CONFLICT (id) DO UPDATE SET sync_status = 'PENDING', updated_at = excluded.updated_at,
         name = excluded.name, color = excluded.color, sort_order = excluded.sort_order`,
    ),
    productState: sqlite.prepare('SELECT id, deleted_at AS deletedAt FROM products WHERE id = ?'),
    productBySku: sqlite.prepare(
      'SELECT id, name, deleted_at AS deletedAt FROM products WHERE sku = ?',
    ),
    barcodeOwner: sqlite.prepare(
      `SELECT b.product_id AS productId, p.name, p.sku FROM product_barcodes b
       JOIN products p ON p.id = b.product_id WHERE b.barcode = ? AND b.product_id <> ? LIMIT 1`,
    ),
    allSkus: sqlite.prepare('SELECT id, sku, deleted_at AS deletedAt FROM products'),
    allBarcodes: sqlite.prepare('SELECT barcode, product_id AS productId FROM product_barcodes'),
    liveTaxRate: sqlite.prepare('SELECT id FROM tax_rates WHERE id = ? AND deleted_at IS NULL'),
    liveCategory: sqlite.prepare(
      'SELECT id, name FROM categories WHERE id = ? AND deleted_at IS NULL',
    ),
    categoryByName: sqlite.prepare(
      `SELECT id FROM categories WHERE deleted_at IS NULL AND name = ? COLLATE NOCASE AND id <> ?
       LIMIT 1`,
    ),
    categoryState: sqlite.prepare(
      'SELECT id, deleted_at AS deletedAt FROM categories WHERE id = ?',
    ),
  }
}

const writeCache = new WeakMap<Database.Database, ReturnType<typeof prepareWriteStatements>>()

function writes(db: RegisterDb) {
  let prepared = writeCache.get(db.$client)
  if (!prepared) {
    prepared = prepareWriteStatements(db.$client)
    writeCache.set(db.$client, prepared)
  }
  return prepared
}

/**
 * Inserts or replaces a product's editable fields, marked PENDING. The primary barcode column is
 * the first barcode; triggers (migration 0005) keep products_fts and product_barcodes in step.
 * Call inside the transaction that also queues its outbox entry.
 */
export function upsertProduct(
  db: RegisterDb,
  product: ProductWrite,
  deviceId: string,
  now: string,
): void {
  writes(db).upsertProduct.run({
    id: product.id,
    deviceId,
    now,
    sku: product.sku,
    barcode: product.barcodes[0] ?? null,
    name: product.name,
    priceCents: product.priceCents,
    categoryId: product.categoryId,
    taxRateId: product.taxRateId,
    isActive: product.isActive ? 1 : 0,
    barcodes: JSON.stringify(product.barcodes),
    variants: JSON.stringify(product.variants),
    modifierGroups: JSON.stringify(product.modifierGroups),
    trackStock: product.trackStock ? 1 : 0,
    pricingUnit: product.pricingUnit,
  })
}

export function upsertCategory(
  db: RegisterDb,
  category: CategoryWrite,
  deviceId: string,
  now: string,
): void {
  writes(db).upsertCategory.run({ ...category, deviceId, now })
}

/** Whether a product row exists, deleted or not (null when there is no such row). */
export function productState(db: RegisterDb, id: string): { deletedAt: string | null } | null {
  return (writes(db).productState.get(id) as { deletedAt: string | null } | undefined) ?? null
}

export function categoryState(db: RegisterDb, id: string): { deletedAt: string | null } | null {
  return (writes(db).categoryState.get(id) as { deletedAt: string | null } | undefined) ?? null
}

/** The product holding a SKU, deleted ones too (the SKU index covers them). */
export function productBySku(
  db: RegisterDb,
  sku: string,
): { id: string; name: string; deletedAt: string | null } | null {
  return (
    (writes(db).productBySku.get(sku) as
      { id: string; name: string; deletedAt: string | null } | undefined) ?? null
  )
}

/** Another product (not `exceptProductId`) that already answers to this barcode. */
export function barcodeOwner(
  db: RegisterDb,
  barcode: string,
  exceptProductId: string,
): { productId: string; name: string; sku: string } | null {
  return (
    (writes(db).barcodeOwner.get(barcode, exceptProductId) as
      { productId: string; name: string; sku: string } | undefined) ?? null
  )
}

export function isLiveTaxRate(db: RegisterDb, id: string): boolean {
  return writes(db).liveTaxRate.get(id) !== undefined
}

export function isLiveCategory(db: RegisterDb, id: string): boolean {
  return writes(db).liveCategory.get(id) !== undefined
}

/** A live category with this name (any case), other than `exceptId`. */
export function categoryIdByName(db: RegisterDb, name: string, exceptId = ''): string | null {
  return (writes(db).categoryByName.get(name, exceptId) as { id: string } | undefined)?.id ?? null
}

/** Every SKU in the store, deleted products' too: an import checks a whole file against these. */
export function allSkus(db: RegisterDb): { id: string; sku: string; deletedAt: string | null }[] {
  return writes(db).allSkus.all() as { id: string; sku: string; deletedAt: string | null }[]
}

/** Every barcode (product and variant) and its product. */
export function allBarcodes(db: RegisterDb): { barcode: string; productId: string }[] {
  return writes(db).allBarcodes.all() as { barcode: string; productId: string }[]
}
