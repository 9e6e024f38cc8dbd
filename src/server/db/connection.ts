import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import pg from 'pg'
import { acquireDataDirLock } from './dataDirLock'
import { schema } from './schema'

export type Schema = typeof schema
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>
/** A database handle or an open transaction: repository functions accept either. */
export type Executor = Database | Transaction

/** Rows of a raw `execute`: both drivers (PGlite and node-postgres) answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown } | null)?.rows
  if (!Array.isArray(rows)) throw new Error('query result without rows')
  return rows as T[]
}

export type DatabaseTarget =
  { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; poolSize?: number }

export interface ServerDatabase {
  db: Database
  kind: DatabaseTarget['kind']
  /** The connection string when on PostgreSQL: the realtime bus opens its own LISTEN connection. */
  postgresUrl: string | null
  /** Plain parameterised SQL outside drizzle, for tooling (bench, tests). */
  query(text: string, params?: unknown[]): Promise<unknown>
  close(): Promise<void>
}

const MIGRATION_LOCK_KEY = 7_302_441_001

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../drizzle/server',
)

/** Opens the database and applies the drizzle/server migrations before returning it. */
export async function openDatabase(target: DatabaseTarget): Promise<ServerDatabase> {
  if (target.kind === 'pglite') {
    let releaseLock = () => undefined as void
    if (target.dataDir) {
      mkdirSync(target.dataDir, { recursive: true })
      releaseLock = acquireDataDirLock(target.dataDir)
    }
    try {
      const client = target.dataDir ? new PGlite(target.dataDir) : new PGlite()
      await client.waitReady
      const db = drizzlePglite({ client, schema })
      await migratePglite(db, { migrationsFolder })
      const close = async () => {
        await client.close()
        releaseLock()
      }
      return {
        db,
        kind: 'pglite',
        postgresUrl: null,
        query: (text, params) => client.query(text, params),
        close,
      }
    } catch (error) {
      releaseLock()
      throw error
    }
  }
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 })
  // An idle client's network error must not crash the process; the pool replaces it.
  pool.on('error', () => undefined)
  const db = drizzlePg({ client: pool, schema })
  // Instances starting together must not race through the same migrations: hold an advisory
  // lock (on its own connection) while this one migrates.
  const lockClient = await pool.connect()
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    await migratePg(db, { migrationsFolder })
  } finally {
    await lockClient
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined)
    lockClient.release()
  }
  return {
    db,
    kind: 'postgres',
    postgresUrl: target.url,
    query: (text, params) => pool.query(text, params),
    close: () => pool.end(),
  }
}
