import { sql } from 'drizzle-orm'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import type { Database } from './connection'
import { migrationsFolder, rowsOf } from './connection'

/** How many migrations this build ships (drizzle/server). */
export function countShippedMigrations(): number {
  return readMigrationFiles({ migrationsFolder }).length
}

/** How many migrations the database has applied; throws when it cannot be reached. */
export async function countAppliedMigrations(db: Database): Promise<number> {
  const [row] = rowsOf<{ applied: number | string }>(
    await db.execute(sql`select count(*) as applied from drizzle.__drizzle_migrations`),
  )
  return Number(row?.applied)
}
