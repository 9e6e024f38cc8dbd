import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { rebuildCatalogSearch } from '../../src/main/store/catalogSearchIndex'
import { openRegisterDatabase } from '../../src/main/store/database'
import {
  BULK_PULL_LIMIT,
  MAX_PULL_LIMIT,
  REGISTER_PULL_LIMIT,
} from '../../src/shared/sync/protocol'
import { summarize, type LatencySummary } from '../stats'
import type { BenchServer, DatabaseKind } from './benchServer'
import type { EnrollResult, OpenResult } from './protocol'
import { round } from './rawIngest'
import { spawnRegister } from './registerHandle'
import { seedStoreDirectly, type SeededStore } from './serverSeed'
import type { SyncBenchOptions } from './options'

/** What the register's SQLite runs with (as shipped: openRegisterDatabase). */
export const registerDurability =
  "register SQLite as shipped: WAL, synchronous=FULL; a first sync's interim transactions NORMAL, its last FULL"

/** The same rows written straight into the register schema: the ceiling the pull is held to. */
export interface RawApply {
  /** Local rows inserted (tax rates, categories, products, orders, order items, payments). */
  localRows: number
  /** Insert, search index build and checkpoint together. */
  seconds: number
  /** The one transaction of INSERTs (search triggers standing aside). */
  insertSeconds: number
  /** Building the indexes, search index and barcode lookup once, then the checkpoint. */
  searchSeconds: number
  /** CPU time (user + system) of the whole raw apply. */
  cpuSeconds: number
  /** The pulled records those rows came from, per second of raw insert. */
  recordsPerSecond: number
}

export interface BootstrapRun {
  scenario: string
  products: number
  orders: number
  /** Records a bulk page asks for (the register's own protocol, BULK_PULL_LIMIT). */
  pageSize: number
  pages: number
  /** Committed transactions (one progress report each). */
  transactions: number
  pulled: number
  pullSeconds: number
  rowsPerSecond: number
  ordersPerSecond: number
  /** Local rows the pull wrote (products, orders, their items and payments). */
  localRowsWritten: number
  /** Time between progress reports (a transaction, its wait for the page, the final rebuild). */
  perTransaction: LatencySummary
  /** Mean server handler time of one pull request, ms. */
  serverHandlerMs: number
  raw: RawApply
  /** The register's rows/s over the raw apply's, same run, same rows. */
  ratioToRaw: number
  /**
   * CPU seconds (user + system), which a shared machine's load disturbs far less than wall time:
   * the register process over the enrollment and pull, the bench process (the sync server's
   * handlers) meanwhile, and the raw apply; and the raw apply's CPU over the register's.
   */
  cpu: { registerSeconds: number; serverSeconds: number; rawSeconds: number; ratioToRaw: number }
  /** The register process idle after opening, then at its highest during the pull (sampled every 50 ms). */
  idleRssMb: number
  peakRssMb: number
  lastError: string | null
}

export interface BootstrapResult {
  database: DatabaseKind
  durability: string
  seeds: SeededStore[]
  runs: BootstrapRun[]
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : round(values.reduce((sum, value) => sum + value, 0) / values.length)
const megabytes = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10

/**
 * A fresh register enrolls to a store and pulls it all: a store of orders only, then a catalog
 * with its order history (issue 13: 10k orders; 100k products + 10k orders). Each run is followed
 * by the same rows inserted raw into an empty register database, timed in the same sitting.
 */
export async function benchBootstrap(
  server: BenchServer,
  options: SyncBenchOptions,
): Promise<BootstrapResult> {
  const scenarios = [
    { products: 0, orders: options.bootstrapOrders },
    { products: options.bootstrapProducts, orders: options.bootstrapOrders },
  ].filter((scenario, index, all) => index === 0 || scenario.products !== all[0]!.products)
  const seeds: SeededStore[] = []
  const runs: BootstrapRun[] = []
  // BENCH_SYNC_BULK_PAGE=1000,2000,5000 compares a first sync's page sizes (default: the register's).
  const pageSizes = (process.env.BENCH_SYNC_BULK_PAGE ?? String(BULK_PULL_LIMIT))
    .split(',')
    .map(Number)
  if (pageSizes.some((size) => !Number.isInteger(size) || size < 1 || size > MAX_PULL_LIMIT))
    throw new Error(`BENCH_SYNC_BULK_PAGE: page sizes are integers 1..${MAX_PULL_LIMIT}`)
  for (const scenario of scenarios) {
    const { storeId, code } = await server.createStore()
    const seed = await seedStoreDirectly(
      server.database,
      storeId,
      scenario.products,
      scenario.orders,
    )
    seeds.push(seed)
    const name =
      scenario.products > 0
        ? `${scenario.products} products + ${scenario.orders} orders`
        : `${scenario.orders} orders`
    for (const pageSize of pageSizes)
      runs.push(await pullOnce(server, code, name, scenario, pageSize, options))
  }
  return { database: server.kind, durability: registerDurability, seeds, runs }
}

async function pullOnce(
  server: BenchServer,
  code: string,
  scenario: string,
  sizes: { products: number; orders: number },
  pageSize: number,
  options: SyncBenchOptions,
): Promise<BootstrapRun> {
  const dir = mkdtempSync(join(tmpdir(), 'auraflow-bench-sync-'))
  const register = spawnRegister(
    `bootstrap-${server.kind}-${sizes.products}`,
    options.cpuProfileDir,
  )
  let registerClosed = false
  try {
    const opened = await register.call<OpenResult>({
      type: 'open',
      dataDir: join(dir, 'register'),
      registerCode: 'F1',
      sync: {
        intervalMs: 3_600_000,
        commitDebounceMs: options.commitDebounceMs,
        pullPageSize: REGISTER_PULL_LIMIT,
        bulkPull: { pageSize },
        isRealtimeEnabled: false,
      },
    })
    server.takeSamples()
    const serverCpuAtStart = process.cpuUsage()
    const run = await register.call<EnrollResult>({
      type: 'enroll',
      serverUrl: server.url,
      enrollmentCode: code,
    })
    const serverCpu = process.cpuUsage(serverCpuAtStart)
    const handlers = server
      .takeSamples()
      .filter((sample) => sample.path === '/api/sync/pull-changes')
    const startMs = run.statuses.find((status) => status.state === 'syncing')?.atMs ?? run.startMs
    const reports = run.statuses.filter(
      (status, index, all) =>
        status.pulledChanges !== null && status.pulledChanges !== all[index - 1]?.pulledChanges,
    )
    const endMs = reports.at(-1)?.atMs ?? run.endMs
    const pulled = reports.at(-1)?.pulledChanges ?? 0
    const pullSeconds = (endMs - startMs) / 1000
    const rowsPerSecond = Math.round(pulled / pullSeconds)
    await register.close()
    registerClosed = true
    const raw = rawApply(join(dir, 'register', 'register.db'), pulled, dir)
    return {
      scenario,
      ...sizes,
      pageSize,
      pages: handlers.length,
      transactions: reports.length,
      pulled,
      pullSeconds: round(pullSeconds),
      rowsPerSecond,
      ordersPerSecond: Math.round(sizes.orders / pullSeconds),
      localRowsWritten:
        run.tables.products! + run.tables.orders! + run.tables.order_items! + run.tables.payments!,
      perTransaction: summarize(
        reports.map((report, index) => report.atMs - (reports[index - 1]?.atMs ?? startMs)),
      ),
      serverHandlerMs: mean(handlers.map((sample) => sample.endMs - sample.startMs)),
      raw,
      ratioToRaw: round(rowsPerSecond / raw.recordsPerSecond),
      cpu: {
        registerSeconds: round(run.cpuSeconds),
        serverSeconds: round((serverCpu.user + serverCpu.system) / 1e6),
        rawSeconds: raw.cpuSeconds,
        ratioToRaw: round(raw.cpuSeconds / run.cpuSeconds),
      },
      idleRssMb: megabytes(opened.rssBytes),
      peakRssMb: megabytes(run.peakRssBytes),
      lastError: run.lastError,
    }
  } finally {
    if (!registerClosed) await register.close().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Parents first, so foreign keys hold row by row. */
const rawTables = ['tax_rates', 'categories', 'products', 'orders', 'order_items', 'payments']

/**
 * The pulled rows as the register stored them, inserted into an empty register database (same
 * schema, migrations, WAL and synchronous=FULL) with plain prepared INSERTs in one transaction: no
 * sync code, no parsing, no page handling. It ends where the pull ends (rows, search index,
 * barcode lookup, indexes, log checkpointed) the quickest plain way: the search triggers stand
 * aside and the plain indexes are dropped while the rows go in, then each is built once. (The
 * reference used to keep the triggers on row by row, which the pull does not do: twice the CPU of
 * this one at 100k products, so the pull read above 100% of a "raw" that was no ceiling.) It does
 * not depend on how the register defers work, so it is the same reference before and after a
 * change to the pull.
 */
function rawApply(registerFile: string, pulledRecords: number, dir: string): RawApply {
  const source = new Database(registerFile, { readonly: true })
  const rows = new Map<string, unknown[][]>()
  const columns = new Map<string, string[]>()
  try {
    for (const table of rawTables) {
      const statement = source.prepare(`SELECT * FROM ${table}`).raw()
      columns.set(
        table,
        statement.columns().map((column) => column.name),
      )
      rows.set(table, statement.all() as unknown[][])
    }
  } finally {
    source.close()
  }
  const target = openRegisterDatabase(join(dir, 'raw.db'))
  try {
    const inserts = rawTables.map((table) => {
      const names = columns.get(table)!
      return {
        rows: rows.get(table)!,
        statement: target.sqlite.prepare(
          `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        ),
      }
    })
    // Plain indexes (not unique) go for the insert and are built once after, as a bulk load does.
    const plainIndexes = target.sqlite
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (${rawTables.map((table) => `'${table}'`).join(', ')})`,
      )
      .all() as { name: string; sql: string }[]
    const started = process.hrtime.bigint()
    const cpuAtStart = process.cpuUsage()
    target.sqlite.transaction(() => {
      target.sqlite
        .prepare('INSERT INTO catalog_search_deferred (id, since) VALUES (1, ?)')
        .run('raw')
      for (const index of plainIndexes) target.sqlite.exec(`DROP INDEX "${index.name}"`)
      for (const insert of inserts) for (const row of insert.rows) insert.statement.run(row)
    })()
    const inserted = process.hrtime.bigint()
    target.sqlite.transaction(() => {
      for (const index of plainIndexes) target.sqlite.exec(index.sql)
    })()
    rebuildCatalogSearch(target.sqlite)
    target.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const ended = process.hrtime.bigint()
    const cpu = process.cpuUsage(cpuAtStart)
    const seconds = Number(ended - started) / 1e9
    return {
      localRows: inserts.reduce((sum, insert) => sum + insert.rows.length, 0),
      seconds: round(seconds),
      insertSeconds: round(Number(inserted - started) / 1e9),
      searchSeconds: round(Number(ended - inserted) / 1e9),
      cpuSeconds: round((cpu.user + cpu.system) / 1e6),
      recordsPerSecond: Math.round(pulledRecords / seconds),
    }
  } finally {
    target.close()
  }
}
