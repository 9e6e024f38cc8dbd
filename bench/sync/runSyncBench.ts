import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openRegisterDatabase } from '../../src/main/store/database'
import { readSqliteDurability, type Durability } from '../durability'
import { elapsedMs } from '../stats'
import {
  benchBacklog,
  closeBacklogSession,
  drainBacklog,
  openBacklogSession,
  rawReference,
  type BacklogResult,
} from './backlog'
import { availableDatabases, startBenchServer, type BenchServer } from './benchServer'
import { benchBootstrap, type BootstrapResult } from './bootstrap'
import { syncBenchOptionsFromEnv, type SyncBenchOptions, type SyncMeasurement } from './options'
import {
  durabilityNotes,
  printBacklog,
  printBatchGrid,
  printBootstrap,
  printVisibility,
} from './tables'
import { benchVisibility, type VisibilityResult } from './visibility'

/**
 * Register-side sync benchmarks (issue 4 item 9): backlog drain against the raw ingest ceiling,
 * bootstrap pull, and register→register visibility, each on PGlite and PostgreSQL. Prints one
 * table per measurement and returns every figure. Options default to the sizes, read
 * from the environment (see options.ts).
 */
export async function runSyncBench(
  overrides: Partial<SyncBenchOptions> = {},
): Promise<Record<string, unknown>> {
  const options = syncBenchOptionsFromEnv(process.env, overrides)
  const backlog: BacklogResult[] = []
  const bootstrap: BootstrapResult[] = []
  const visibility: VisibilityResult[] = []
  const grid: BacklogResult[] = []
  const durability: Durability[] = [registerDurability()]
  const isWanted = (measurement: SyncMeasurement) => options.measurements.includes(measurement)
  // One server per database, each measurement in its own store; the backlog runs first, on an
  // empty database, and the bootstrap's 100k-row store last.
  for (const database of availableDatabases(options.databases)) {
    const server = await timed(`${database} server start`, () => startBenchServer(database))
    durability.push(server.durability)
    try {
      if (isWanted('backlog'))
        backlog.push(await timed(`${database} backlog`, () => benchBacklog(server, options)))
      if (isWanted('grid'))
        grid.push(...(await timed(`${database} backlog grid`, () => benchGrid(server, options))))
      if (isWanted('visibility'))
        visibility.push(
          await timed(`${database} visibility`, () => benchVisibility(server, options)),
        )
      if (isWanted('bootstrap'))
        bootstrap.push(await timed(`${database} bootstrap`, () => benchBootstrap(server, options)))
    } finally {
      await server.stop()
    }
  }
  if (
    options.alsoFsyncOff &&
    isWanted('backlog') &&
    availableDatabases(['PostgreSQL']).includes('PostgreSQL')
  ) {
    const server = await startBenchServer('PostgreSQL', { isFsyncOff: true })
    try {
      backlog.push(await timed(`${server.label} backlog`, () => benchBacklog(server, options)))
    } finally {
      await server.stop()
    }
  }
  if (isWanted('backlog')) printBacklog(backlog, options)
  if (isWanted('grid')) printBatchGrid(grid, options.gridOrders)
  const notes = durabilityNotes(durability)
  if (isWanted('bootstrap')) printBootstrap(bootstrap, options, notes)
  if (isWanted('visibility')) printVisibility(visibility, options, notes)
  return { options, sourceDigest: sourceDigest(), durability, backlog, bootstrap, visibility, grid }
}

/**
 * Every records-per-push × batches-in-flight cell drains a backlog of its own, on one register
 * (reopened with the cell's settings, so each drain negotiates from 50 as a restarted register
 * does) into one store. Rounds walk the cells forwards, then backwards, so a slow spell on a
 * shared machine does not land on one cell; the table shows each cell's best round, the JSON every
 * round. The raw ceiling is measured once, on the first drain's rows.
 */
async function benchGrid(server: BenchServer, options: SyncBenchOptions): Promise<BacklogResult[]> {
  const cells: { batchRecords: number; lanes: number }[] = []
  for (const lanes of options.gridLanes)
    for (const batchRecords of options.gridBatchSizes) cells.push({ batchRecords, lanes })
  const session = await openBacklogSession(server, options, cells[0])
  try {
    // Enrolls and measures the ceiling; not a cell (its first push waits for the enrollment).
    const first = await drainBacklog(session, server, options, {
      orders: options.gridOrders,
      ...cells[0],
    })
    const reference = rawReference(first.raw!)
    const results: BacklogResult[] = []
    for (let round = 0; round < options.gridRounds; round++) {
      for (const cell of round % 2 === 0 ? cells : [...cells].reverse()) {
        const result = await drainBacklog(session, server, options, {
          orders: options.gridOrders,
          ...cell,
          reference,
        })
        console.error(
          `[sync bench] ${server.label} grid round ${round + 1} ${cell.batchRecords}x${cell.lanes}: ${result.ordersPerSecond} orders/s`,
        )
        results.push({ ...result, round: round + 1 })
      }
    }
    return results
  } finally {
    await closeBacklogSession(session)
  }
}

/**
 * The sync code measured, as one hash: src/ changes under a running team, so a figure is only
 * comparable with another taken on the same digest.
 */
function sourceDigest(): string {
  const root = fileURLToPath(new URL('../../src/', import.meta.url))
  const hash = createHash('sha256')
  for (const folder of ['main/sync', 'main/store', 'server/sync', 'server/routes', 'shared/sync']) {
    for (const file of readdirSync(join(root, folder))
      .filter((name) => name.endsWith('.ts'))
      .sort()) {
      hash.update(`${folder}/${file}\0`).update(readFileSync(join(root, folder, file)))
    }
  }
  return hash.digest('hex').slice(0, 16)
}

/**
 * The register's SQLite as its store opens it (WAL, synchronous=FULL in src/main/store/database.ts),
 * read back from a scratch database; every register process in these benches opens the same way.
 */
function registerDurability(): Durability {
  const dir = mkdtempSync(join(tmpdir(), 'auraflow-bench-sqlite-'))
  const database = openRegisterDatabase(join(dir, 'register.db'))
  try {
    return readSqliteDurability((name) => database.sqlite.pragma(name, { simple: true }), dir)
  } finally {
    database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Progress on stderr, so a long run shows where it is and stdout stays tables and JSON. */
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint()
  const value = await work()
  console.error(`[sync bench] ${label}: ${(elapsedMs(started) / 1000).toFixed(1)} s`)
  return value
}
