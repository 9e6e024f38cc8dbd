import type Database from 'better-sqlite3'
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'

/** A statement writing whole rows of one table, its column list read from the drizzle table. */
export interface RowWriter<T extends SQLiteTable> {
  run(row: T['$inferSelect']): void
}

/**
 * Prepares `INSERT` (or, with `upsert`, `INSERT … ON CONFLICT(id) DO UPDATE`) of every column of
 * `table`; a row typed from the table is its parameters, read in column order and bound by
 * position (a first sync writes hundreds of thousands: no per-row parameter object). Columns in
 * `insertOnly` keep their stored value when the row exists. Booleans are bound as 0/1, as drizzle
 * stores them.
 */
export function prepareRowWriter<T extends SQLiteTable>(
  sqlite: Database.Database,
  table: T,
  options: { upsert?: boolean; insertOnly?: readonly (keyof T['$inferSelect'])[] } = {},
): RowWriter<T> {
  const columns = Object.entries(getTableColumns(table))
  const names = columns.map(([, column]) => column.name).join(', ')
  const values = columns.map(() => '?').join(', ')
  const updates = columns
    .filter(([key]) => key !== 'id' && !options.insertOnly?.includes(key))
    .map(([, column]) => `${column.name} = excluded.${column.name}`)
    .join(', ')
  const statement = sqlite.prepare(
    `INSERT INTO ${getTableName(table)} (${names}) VALUES (${values})` +
      (options.upsert ? ` ON CONFLICT(id) DO UPDATE SET ${updates}` : ''),
  )
  const keys = columns.map(([key]) => key)
  const isBoolean = columns.map(([, column]) => column.columnType === 'SQLiteBoolean')
  const params: unknown[] = new Array(keys.length)
  return {
    run(row) {
      const fields = row as Record<string, unknown>
      for (let index = 0; index < keys.length; index++) {
        const value = fields[keys[index]!]
        params[index] = isBoolean[index] ? (value ? 1 : 0) : value
      }
      statement.run(params)
    },
  }
}
