import type Database from 'better-sqlite3'
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'

/** A statement writing whole rows of one table, its column list read from the drizzle table. */
export interface RowWriter<T extends SQLiteTable> {
  run(row: T['$inferSelect']): void
}

/**
 * Prepares `INSERT` (or, with `upsert`, `INSERT … ON CONFLICT(id) DO UPDATE`) of every column of
 * `table`, bound by property name (@orderNumber) so a row typed from the table is its parameters.
 * Columns in `insertOnly` keep their stored value when the row exists. Booleans are bound as 0/1,
 * as drizzle stores them.
 */
export function prepareRowWriter<T extends SQLiteTable>(
  sqlite: Database.Database,
  table: T,
  options: { upsert?: boolean; insertOnly?: readonly (keyof T['$inferSelect'])[] } = {},
): RowWriter<T> {
  const columns = Object.entries(getTableColumns(table))
  const names = columns.map(([, column]) => column.name).join(', ')
  const values = columns.map(([key]) => `@${key}`).join(', ')
  const updates = columns
    .filter(([key]) => key !== 'id' && !options.insertOnly?.includes(key))
    .map(([, column]) => `${column.name} = excluded.${column.name}`)
    .join(', ')
  const statement = sqlite.prepare(
    `INSERT INTO ${getTableName(table)} (${names}) VALUES (${values})` +
      (options.upsert ? ` ON CONFLICT(id) DO UPDATE SET ${updates}` : ''),
  )
  const booleans = columns
    .filter(([, column]) => column.columnType === 'SQLiteBoolean')
    .map(([key]) => key)
  if (booleans.length === 0) return { run: (row) => void statement.run(row) }
  return {
    run(row) {
      const params: Record<string, unknown> = { ...row }
      for (const key of booleans) params[key] = params[key] ? 1 : 0
      statement.run(params)
    },
  }
}
