/**
 * What a figure was measured on, read back from the database itself rather than from what the bench
 * asked for: a bench is only worth quoting when it ran durable, as a store would run it.
 */
export interface Durability {
  /** `PostgreSQL`, `PGlite` or `SQLite`. */
  database: string
  /** Setting name → the value the database reports (`SHOW x`, `PRAGMA x`). */
  settings: Record<string, string>
  /** PGlite and SQLite: the folder the data lives in; null for PostgreSQL (its own cluster). */
  dataDir: string | null
  /** fsync/synchronous on, data on disk. */
  isDurable: boolean
}

type Query = (text: string, params?: unknown[]) => Promise<unknown>

const firstValue = (result: unknown): string => {
  const rows = (result as { rows?: Record<string, unknown>[] }).rows ?? []
  const row = rows[0] ?? {}
  return String(Object.values(row)[0] ?? '?')
}

/** `SHOW fsync`, `synchronous_commit`, `full_page_writes` on a PostgreSQL or PGlite connection. */
export async function readPostgresDurability(
  database: 'PostgreSQL' | 'PGlite',
  query: Query,
  dataDir: string | null,
): Promise<Durability> {
  const settings: Record<string, string> = {}
  for (const name of ['fsync', 'synchronous_commit', 'full_page_writes'])
    settings[name] = firstValue(await query(`SHOW ${name}`))
  const isOn = settings.fsync === 'on' && settings.synchronous_commit !== 'off'
  return {
    database,
    settings,
    dataDir,
    isDurable: database === 'PostgreSQL' ? isOn : isOn && dataDir !== null,
  }
}

/** The register's SQLite as its store opened it (src/main/store/database.ts sets the pragmas). */
export function readSqliteDurability(
  pragma: (name: string) => unknown,
  dataDir: string,
): Durability {
  const journalMode = String(pragma('journal_mode'))
  const synchronous = Number(pragma('synchronous'))
  const names = ['OFF', 'NORMAL', 'FULL', 'EXTRA']
  return {
    database: 'SQLite',
    settings: {
      journal_mode: journalMode,
      synchronous: names[synchronous] ?? String(synchronous),
    },
    dataDir,
    // NORMAL in WAL mode stays consistent but may lose the last commits on power loss.
    isDurable: synchronous >= 2,
  }
}

/**
 * One line for a table header: `PostgreSQL fsync=on synchronous_commit=on full_page_writes=on`.
 * The folder itself is in the JSON; a header only says the data is on disk.
 */
export function describeDurability(durability: Durability): string {
  const settings = Object.entries(durability.settings)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ')
  const where = durability.dataDir ? ' on disk (temp folder)' : ''
  // PGlite reports fsync=off and could not honour it anyway: its Node file system has no fsync.
  const why = durability.database === 'PGlite' ? ' (PGlite cannot fsync)' : ''
  return `${durability.database} ${settings}${where}${durability.isDurable ? '' : ` [NOT DURABLE${why}]`}`
}
