// Register database backup and restore (docs/operations.md).
//   tsx scripts/backupRegister.ts --data-dir DIR [--out FILE]      online backup of a live register
//   tsx scripts/backupRegister.ts --data-dir DIR --restore FILE    put a backup back (register stopped)
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'

const databaseFile = 'register.db'

export interface BackupSummary {
  file: string
  integrity: string
  orders: number
  /** Outbox rows not yet acknowledged by the server: they are pushed again after a restore. */
  unsynced: number
}

function summarise(file: string): BackupSummary {
  const copy = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const integrity = copy.pragma('integrity_check', { simple: true }) as string
    const count = (sql: string) => (copy.prepare(sql).get() as { n: number }).n
    return {
      file,
      integrity,
      orders: count('select count(*) as n from orders'),
      unsynced: count("select count(*) as n from outbox where state <> 'synced'"),
    }
  } finally {
    copy.close()
  }
}

/**
 * SQLite's online backup API, page by page, while the register keeps selling: the copy is one
 * consistent snapshot (committed sales only, including what still sits in the WAL), never a
 * half-written file as a plain file copy of a live WAL database can be.
 */
export async function backupRegister(options: {
  dataDir: string
  outFile?: string
  now?: Date
}): Promise<BackupSummary> {
  const source = join(resolve(options.dataDir), databaseFile)
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')
  const outFile = resolve(
    options.outFile ?? join(options.dataDir, 'backups', `register-${stamp}.db`),
  )
  if (existsSync(outFile)) throw new Error(`${outFile} exists; choose another --out`)
  mkdirSync(dirname(outFile), { recursive: true })
  const live = new Database(source, { fileMustExist: true })
  try {
    live.pragma('busy_timeout = 5000')
    await live.backup(outFile)
  } finally {
    live.close()
  }
  // One self-contained file: the register's WAL mode is switched off in the copy (the register
  // turns it back on when it opens a restored database), so reading it leaves no -wal beside it.
  const copy = new Database(outFile)
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
  // The copy holds staff PIN hashes and every sale (no sync tokens: those stay in the vault, so a
  // restored register is re-enrolled by an admin): readable by its owner only.
  chmodSync(outFile, 0o600)
  const summary = summarise(outFile)
  if (summary.integrity !== 'ok')
    throw new Error(`backup ${outFile} failed its integrity check: ${summary.integrity}`)
  return summary
}

/**
 * Puts a backup in place of a STOPPED register's database. The current database and its WAL and
 * shared-memory files are kept aside (never deleted), because a WAL left beside a restored
 * database would be replayed into it.
 */
export function restoreRegister(options: {
  dataDir: string
  backupFile: string
  now?: Date
}): BackupSummary & { keptAside: string[] } {
  const backup = summarise(resolve(options.backupFile))
  if (backup.integrity !== 'ok')
    throw new Error(`${options.backupFile} is damaged: ${backup.integrity}`)
  const dataDir = resolve(options.dataDir)
  mkdirSync(dataDir, { recursive: true })
  const target = join(dataDir, databaseFile)
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')
  const keptAside: string[] = []
  for (const suffix of ['', '-wal', '-shm']) {
    const file = `${target}${suffix}`
    if (!existsSync(file)) continue
    const aside = `${target}.before-restore-${stamp}${suffix}`
    renameSync(file, aside)
    keptAside.push(aside)
  }
  copyFileSync(backup.file, target)
  chmodSync(target, 0o600)
  return { ...summarise(target), keptAside }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      restore: { type: 'string' },
    },
  })
  const dataDir = values['data-dir'] ?? process.env.AURAFLOW_DATA_DIR
  if (!dataDir)
    throw new Error('usage: backupRegister.ts --data-dir DIR [--out FILE | --restore FILE]')
  if (values.restore) {
    const restored = restoreRegister({ dataDir, backupFile: values.restore })
    console.log(
      `Restored ${restored.file}: ${restored.orders} orders, ${restored.unsynced} to sync again.`,
    )
    for (const file of restored.keptAside) console.log(`Kept the replaced file as ${file}`)
    return
  }
  const summary = await backupRegister({ dataDir, ...(values.out ? { outFile: values.out } : {}) })
  console.log(
    `Backed up to ${summary.file}: ${summary.orders} orders, ${summary.unsynced} not yet synced, integrity ${summary.integrity}.`,
  )
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  })
}
