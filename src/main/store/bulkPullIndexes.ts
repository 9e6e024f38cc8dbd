import type Database from 'better-sqlite3'

/*
 * A first sync writes the catalog and the sales history at once. Each plain index on those tables
 * costs a B-tree insert at a random place per row, which together were half of a bulk insert's
 * time; built once from the finished rows they cost a tenth of that (bench/sync). So the first
 * bulk transaction drops the ones the pull itself never reads and rebuildCatalogSearch builds them
 * again, with the search index, in the transaction that ends the deferral.
 *
 * Durable like the deferral: the CREATE statement of each index dropped is written to
 * bulk_pull_indexes in the transaction that drops it (migration 0009), and the transaction that
 * builds it again deletes the row. A crash in between leaves the rows, and opening the database
 * builds them before it migrates (so a migration never meets a missing index) or reads.
 */

/** The tables a first sync fills. Unique indexes stay: they are the checks the rows must pass. */
const filledTables = ['products', 'orders', 'order_items', 'payments']

/** Read while the pull writes: an order pulled again has its lines and payments replaced by id. */
const readByPull = new Set(['order_items_order_idx', 'payments_order_idx'])

const hasTable = (sqlite: Database.Database) =>
  sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bulk_pull_indexes'")
    .get() !== undefined

/** Drops the filled tables' plain indexes, keeping each one's statement; inside a transaction. */
export function setAsideBulkIndexes(sqlite: Database.Database): void {
  const keep = sqlite.prepare('INSERT INTO bulk_pull_indexes (name, sql) VALUES (?, ?)')
  for (const table of filledTables) {
    const indexes = sqlite
      .prepare(
        `SELECT l.name, m.sql FROM pragma_index_list(?) AS l JOIN sqlite_master AS m ON m.name = l.name
         WHERE l."unique" = 0 AND l.origin = 'c' AND m.sql IS NOT NULL`,
      )
      .all(table) as { name: string; sql: string }[]
    for (const index of indexes) {
      if (readByPull.has(index.name)) continue
      keep.run(index.name, index.sql)
      sqlite.exec(`DROP INDEX "${index.name}"`)
    }
  }
}

/** Builds every index set aside, in one transaction; false when none was. */
export function restoreBulkIndexes(sqlite: Database.Database): boolean {
  if (!hasTable(sqlite)) return false
  return sqlite.transaction(() => {
    const indexes = sqlite.prepare('SELECT name, sql FROM bulk_pull_indexes').all() as {
      name: string
      sql: string
    }[]
    for (const index of indexes) sqlite.exec(index.sql)
    sqlite.exec('DELETE FROM bulk_pull_indexes')
    return indexes.length > 0
  })()
}
