import type Database from 'better-sqlite3'
import { restoreBulkIndexes, setAsideBulkIndexes } from './bulkPullIndexes'

/**
 * The catalog's search index (products_fts, FTS5 over name, SKU and barcodes) and barcode lookup
 * (product_barcodes) are kept row by row by triggers (migrations 0005 and 0007). A first sync
 * writes a whole catalog at once, where those triggers are most of the cost: it defers them and
 * builds both once at the end.
 *
 * Deferral is durable: the row in catalog_search_deferred is written in the same transaction as
 * the first rows that skip the triggers, and removed in the same transaction as the rebuild. A
 * crash in between leaves the row, and opening the database rebuilds (repairCatalogSearch), so the
 * index never disagrees with the products table once anyone reads it.
 */

/**
 * Makes the triggers stand aside from now on, and the filled tables' plain indexes with them
 * (bulkPullIndexes.ts); call inside the transaction that writes the rows.
 */
export function deferCatalogSearch(sqlite: Database.Database, now: string): void {
  const deferred = sqlite
    .prepare('INSERT INTO catalog_search_deferred (id, since) VALUES (1, ?) ON CONFLICT DO NOTHING')
    .run(now)
  if (deferred.changes > 0) setAsideBulkIndexes(sqlite)
}

export function isCatalogSearchDeferred(sqlite: Database.Database): boolean {
  return sqlite.prepare('SELECT 1 FROM catalog_search_deferred').get() !== undefined
}

/** The same rows the per-product triggers write, for every product at once. */
const barcodeRows = `
  INSERT INTO product_barcodes (barcode, product_id, variant_id)
    SELECT p.barcode, p.id, NULL FROM products p WHERE p.barcode IS NOT NULL AND p.barcode <> ''
    UNION SELECT b.value, p.id, NULL FROM products p, json_each(p.barcodes) AS b
      WHERE b.value IS NOT NULL AND b.value <> '' AND b.value IS NOT p.barcode
    UNION SELECT v.value ->> 'barcode', p.id, v.value ->> 'id' FROM products p, json_each(p.variants) AS v
      WHERE (v.value ->> 'barcode') IS NOT NULL AND (v.value ->> 'barcode') <> ''`

/**
 * Rebuilds the search index and the barcode lookup from the products table, builds the indexes
 * set aside, and turns the triggers back on, in one transaction. False (and nothing done) when
 * nothing was deferred.
 */
export function rebuildCatalogSearch(sqlite: Database.Database): boolean {
  return sqlite.transaction(() => {
    const hasIndexes = restoreBulkIndexes(sqlite)
    if (!isCatalogSearchDeferred(sqlite)) return hasIndexes
    sqlite.exec(`INSERT INTO products_fts (products_fts) VALUES ('rebuild')`)
    // Its indexes are built once from the sorted rows rather than kept row by row (about twice
    // as fast at 100k products), recreated from their own definitions.
    const indexes = sqlite
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'product_barcodes' AND sql IS NOT NULL",
      )
      .all() as { name: string; sql: string }[]
    for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`)
    sqlite.exec('DELETE FROM product_barcodes')
    sqlite.exec(barcodeRows)
    for (const index of indexes) sqlite.exec(index.sql)
    sqlite.exec('DELETE FROM catalog_search_deferred')
    return true
  })()
}

/**
 * On open: finishes a rebuild a crash (or a stopped first sync) left owed. A database migrated
 * only to an older release (tests of upgrades) has no deferral to finish.
 */
export function repairCatalogSearch(sqlite: Database.Database): boolean {
  const hasTable = sqlite
    .prepare(
      "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'catalog_search_deferred'",
    )
    .get()
  return hasTable !== undefined && rebuildCatalogSearch(sqlite)
}
