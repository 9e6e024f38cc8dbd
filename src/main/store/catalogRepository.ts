import type Database from 'better-sqlite3'
import { asc, isNull } from 'drizzle-orm'
import type { z } from 'zod'
import { parseEmbeddedBarcode } from '../../shared/domain/barcode'
import type { BarcodeMatch, Product } from '../../shared/ipc/schemas'
import type { EmbeddedBarcodeRule } from '../../shared/store/options'
import type { RegisterDb, RegisterExecutor } from './database'
import { categories } from './schema'

/** A product as the contract carries it: JSON columns parsed, the tax rate joined in. */
export type ProductRow = z.infer<typeof Product>
export type BarcodeMatchRow = z.infer<typeof BarcodeMatch>

interface ProductRecord {
  id: string
  sku: string
  barcode: string | null
  name: string
  priceCents: number
  categoryId: string | null
  taxRateId: string
  taxRateBasisPoints: number
  isActive: number
  barcodes: string
  variants: string
  modifierGroups: string
  trackStock: number
  pricingUnit: 'each' | 'kg'
  onHandMilli: number | null
  reorderPointMilli: number | null
}

/**
 * On hand (every variant summed, the stock_levels projection) and the product's reorder point,
 * read only for products that track stock: primary-key lookups, no sum over movements.
 */
const stockColumns = `CASE WHEN p.track_stock = 1 THEN coalesce(
    (SELECT sum(l.on_hand_milli) FROM stock_levels l WHERE l.product_id = p.id), 0) END AS onHandMilli,
  CASE WHEN p.track_stock = 1 THEN (SELECT min(r.reorder_point_milli) FROM reorder_rules r
    WHERE r.product_id = p.id AND r.variant_id = '' AND r.deleted_at IS NULL) END AS reorderPointMilli`

/** A deleted product is never for sale, so it reads as inactive wherever it still shows up. */
const productSelect = `SELECT p.id, p.sku, p.barcode, p.name, p.price_cents AS priceCents,
  p.category_id AS categoryId, p.tax_rate_id AS taxRateId, t.rate_basis_points AS taxRateBasisPoints,
  (p.is_active = 1 AND p.deleted_at IS NULL) AS isActive, p.barcodes, p.variants,
  p.modifier_groups AS modifierGroups, p.track_stock AS trackStock, p.pricing_unit AS pricingUnit,
  ${stockColumns}
  FROM products p JOIN tax_rates t ON t.id = p.tax_rate_id`

const sellable = 'p.is_active = 1 AND p.deleted_at IS NULL'
const rankedHits = 1000

function parseList<T>(json: string): T[] {
  if (json === '[]') return []
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? (value as T[]) : []
  } catch {
    return []
  }
}

function toProductRow(record: ProductRecord): ProductRow {
  return {
    id: record.id,
    sku: record.sku,
    barcode: record.barcode,
    name: record.name,
    priceCents: record.priceCents,
    categoryId: record.categoryId,
    taxRateId: record.taxRateId,
    taxRateBasisPoints: record.taxRateBasisPoints,
    isActive: record.isActive === 1,
    barcodes: parseList<string>(record.barcodes),
    variants: parseList<ProductRow['variants'][number]>(record.variants),
    modifierGroups: parseList<ProductRow['modifierGroups'][number]>(record.modifierGroups),
    trackStock: record.trackStock === 1,
    pricingUnit: record.pricingUnit,
    ...(record.onHandMilli === null
      ? {}
      : {
          onHand: record.onHandMilli / 1000,
          isLowStock:
            record.reorderPointMilli !== null && record.onHandMilli <= record.reorderPointMilli,
        }),
  }
}

/**
 * Search and scans run on every keystroke and every beep, so their statements are prepared once
 * per database rather than built by the query builder per call.
 */
function prepareCatalogStatements(sqlite: Database.Database) {
  return {
    sellable: sqlite.prepare(`${productSelect} WHERE ${sellable} ORDER BY p.name`),
    sellableInCategory: sqlite.prepare(
      `${productSelect} WHERE ${sellable} AND p.category_id = ? ORDER BY p.name`,
    ),
    notDeleted: sqlite.prepare(`${productSelect} WHERE p.deleted_at IS NULL ORDER BY p.name`),
    byIds: sqlite.prepare(`${productSelect} WHERE p.id IN (SELECT value FROM json_each(?))`),
    exact: sqlite.prepare(
      `${productSelect} WHERE ${sellable} AND p.id IN (
        SELECT product_id FROM product_barcodes WHERE barcode = @code
        UNION SELECT id FROM products WHERE sku = @code OR sku = @upper)
       ORDER BY p.name LIMIT @limit`,
    ),
    // bm25 puts name hits above SKU and barcode hits (weights per column: name, sku, barcodes).
    // Only the first `rankedHits` matches are ranked: a one-letter prefix matches tens of
    // thousands of rows at 100k products, and scoring them all costs ~15 ms for no useful order.
    fullText: sqlite.prepare(
      `${productSelect} JOIN (
         SELECT rowid, bm25(products_fts, 10.0, 2.0, 1.0) AS score FROM products_fts
         WHERE products_fts MATCH @match LIMIT ${rankedHits}
       ) AS hit ON hit.rowid = p.rowid
       WHERE ${sellable} ORDER BY hit.score, p.name LIMIT @limit`,
    ),
    barcode: sqlite.prepare(
      `SELECT product_id AS productId, variant_id AS variantId FROM product_barcodes
       WHERE barcode = ? ORDER BY variant_id IS NOT NULL LIMIT 1`,
    ),
    productBarcode: sqlite.prepare(
      `SELECT product_id AS productId FROM product_barcodes
       WHERE barcode = ? AND variant_id IS NULL LIMIT 1`,
    ),
    taxRates: sqlite.prepare(
      `SELECT id, name, rate_basis_points AS rateBasisPoints, is_default AS isDefault
       FROM tax_rates WHERE deleted_at IS NULL ORDER BY is_default DESC, name`,
    ),
  }
}

type CatalogStatements = ReturnType<typeof prepareCatalogStatements>
const statementCache = new WeakMap<Database.Database, CatalogStatements>()

/**
 * Takes the database, not a transaction handle: better-sqlite3 is synchronous, so inside
 * `db.transaction` these statements run on the same connection and join the transaction.
 */
function statements(db: RegisterDb): CatalogStatements {
  const sqlite = db.$client
  let prepared = statementCache.get(sqlite)
  if (!prepared) {
    prepared = prepareCatalogStatements(sqlite)
    statementCache.set(sqlite, prepared)
  }
  return prepared
}

function products(statement: Database.Statement, ...params: unknown[]): ProductRow[] {
  return (statement.all(...params) as ProductRecord[]).map(toProductRow)
}

export function listCategories(db: RegisterExecutor) {
  return db
    .select({
      id: categories.id,
      name: categories.name,
      color: categories.color,
      sortOrder: categories.sortOrder,
    })
    .from(categories)
    .where(isNull(categories.deletedAt))
    .orderBy(asc(categories.sortOrder), asc(categories.name))
    .all()
}

/** Active products for the sell screen, optionally one category's. */
export function listProducts(db: RegisterDb, categoryId?: string): ProductRow[] {
  const prepared = statements(db)
  return categoryId
    ? products(prepared.sellableInCategory, categoryId)
    : products(prepared.sellable)
}

/** Every product not deleted, inactive ones too (the manager's editor, CSV export). */
export function listAllProducts(db: RegisterDb): ProductRow[] {
  return products(statements(db).notDeleted)
}

export function listTaxRates(db: RegisterDb) {
  return (
    statements(db).taxRates.all() as {
      id: string
      name: string
      rateBasisPoints: number
      isDefault: number
    }[]
  ).map((rate) => ({ ...rate, isDefault: rate.isDefault === 1 }))
}

/**
 * Turns typed text into an FTS5 query: every token must match as a prefix. Each token is quoted
 * as an FTS string (so `-`, `"`, `*`, `OR` are text, not syntax); tokens without a letter or digit
 * would tokenize to nothing and are dropped.
 */
export function ftsPrefixQuery(text: string): string | null {
  const tokens = text
    .normalize('NFC')
    .split(/\s+/)
    .filter((token) => /[\p{L}\p{N}]/u.test(token))
  if (tokens.length === 0) return null
  return tokens.map((token) => `"${token.replaceAll('"', '""')}"*`).join(' ')
}

/**
 * Exact barcode or SKU first (a scan or a typed code), then products matching every typed word as
 * a prefix of a word in the name, SKU or barcodes. Only active products.
 */
export function searchProducts(db: RegisterDb, query: string, limit: number): ProductRow[] {
  const prepared = statements(db)
  const text = query.trim()
  const found = products(prepared.exact, { code: text, upper: text.toUpperCase(), limit })
  const match = ftsPrefixQuery(text)
  if (found.length >= limit || match === null) return found
  const seen = new Set(found.map((product) => product.id))
  for (const product of products(prepared.fullText, { match, limit: limit + found.length })) {
    if (found.length >= limit) break
    if (!seen.has(product.id)) found.push(product)
  }
  return found
}

/** Products by id, inactive and deleted ones included (as isActive false): a sale reprices from these. */
export function findProducts(db: RegisterDb, ids: readonly string[]): ProductRow[] {
  if (ids.length === 0) return []
  return products(statements(db).byIds, JSON.stringify([...new Set(ids)]))
}

function findProduct(db: RegisterDb, id: string): ProductRow | null {
  return findProducts(db, [id])[0] ?? null
}

/**
 * Resolves a scanned code: a product's or variant's own barcode first, else an in-store EAN-13
 * embedding a weight or price (the product is the one whose barcode is the code's first 7
 * digits). Null when unknown, or when the product is not for sale.
 */
export function lookupBarcode(
  db: RegisterDb,
  code: string,
  rules: readonly EmbeddedBarcodeRule[],
): BarcodeMatchRow | null {
  const prepared = statements(db)
  const exact = prepared.barcode.get(code) as
    { productId: string; variantId: string | null } | undefined
  if (exact) {
    const product = findProduct(db, exact.productId)
    if (!product?.isActive) return null
    return { product, variantId: exact.variantId, weightGrams: null, embeddedPriceCents: null }
  }
  const embedded = parseEmbeddedBarcode(code, rules)
  if (!embedded) return null
  const owner = prepared.productBarcode.get(embedded.productCode) as
    { productId: string } | undefined
  const product = owner ? findProduct(db, owner.productId) : null
  if (!product?.isActive) return null
  return {
    product,
    variantId: null,
    weightGrams: embedded.kind === 'weight' ? embedded.value : null,
    embeddedPriceCents: embedded.kind === 'price' ? embedded.value : null,
  }
}
