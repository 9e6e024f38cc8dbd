import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { restoreBulkIndexes } from './bulkPullIndexes'
import { repairCatalogSearch } from './catalogSearchIndex'
import * as schema from './schema'

export type RegisterDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export interface RegisterDatabase {
  readonly db: RegisterDb
  readonly sqlite: Database.Database
  readonly file: string
  close(): void
}

/** Finds drizzle/register by walking up from this module (source tree, tests and the built app). */
export function findRegisterMigrations(start = import.meta.dirname): string {
  let dir = resolve(start)
  for (;;) {
    const candidate = join(dir, 'drizzle', 'register')
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`No drizzle/register migrations found above ${start}`)
    dir = parent
  }
}

/**
 * Opens (creating if needed) a register database and brings its schema up to date. Every
 * migration run happens in one transaction, so a failed upgrade leaves the old database intact.
 */
export function openRegisterDatabase(
  file: string,
  migrationsFolder = findRegisterMigrations(),
): RegisterDatabase {
  const sqlite = new Database(file)
  try {
    sqlite.pragma('journal_mode = WAL')
    // FULL: a sale is on disk before the UI says "paid", even if power fails right after.
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    const db = drizzle(sqlite, { schema })
    // Indexes a first sync stopped half-way still owes: before any migration can look for them.
    restoreBulkIndexes(sqlite)
    migrate(db, { migrationsFolder })
    // A first sync stopped half-way owes the catalog search index its rebuild.
    repairCatalogSearch(sqlite)
    return {
      db,
      sqlite,
      file,
      close: () => {
        if (sqlite.open) sqlite.close()
      },
    }
  } catch (error) {
    sqlite.close()
    throw error
  }
}

/** A transaction handle inside `db.transaction`; helpers that run inside one accept either. */
export type RegisterTx = Parameters<Parameters<RegisterDb['transaction']>[0]>[0]
export type RegisterExecutor = RegisterDb | RegisterTx
