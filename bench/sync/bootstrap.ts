import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { summarize, type LatencySummary } from '../stats'
import type { BenchServer, DatabaseKind } from './benchServer'
import type { EnrollResult, OpenResult } from './protocol'
import { round } from './rawIngest'
import { spawnRegister } from './registerHandle'
import { seedStoreDirectly, type SeededStore } from './serverSeed'
import type { SyncBenchOptions } from './options'

export interface BootstrapRun {
  pageSize: number
  pages: number
  pulled: number
  pullSeconds: number
  rowsPerSecond: number
  /** Local rows the pull wrote (products, orders, their items and payments). */
  localRowsWritten: number
  perPage: LatencySummary
  /** Where a page's time goes, means in ms. */
  perPagePhasesMs: {
    serverHandler: number
    wireAndParse: number
    localApply: number
    betweenPages: number
  }
  /** The register process idle after opening, then at its highest during the pull (sampled every 50 ms). */
  idleRssMb: number
  peakRssMb: number
  lastError: string | null
}

export interface BootstrapResult {
  database: DatabaseKind
  seed: SeededStore
  runs: BootstrapRun[]
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : round(values.reduce((sum, value) => sum + value, 0) / values.length)
const megabytes = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10

/** A fresh register enrolls to a store holding a catalog and an order history and pulls it all. */
export async function benchBootstrap(
  server: BenchServer,
  options: SyncBenchOptions,
): Promise<BootstrapResult> {
  const { storeId, code } = await server.createStore()
  const seed = await seedStoreDirectly(
    server.database,
    storeId,
    options.bootstrapProducts,
    options.bootstrapOrders,
  )
  const runs: BootstrapRun[] = []
  for (const pageSize of options.pullPageSizes)
    runs.push(await pullOnce(server, code, pageSize, options))
  return { database: server.kind, seed, runs }
}

async function pullOnce(
  server: BenchServer,
  code: string,
  pageSize: number,
  options: SyncBenchOptions,
): Promise<BootstrapRun> {
  const dir = mkdtempSync(join(tmpdir(), 'auraflow-bench-sync-'))
  const register = spawnRegister(`bootstrap-${server.kind}-${pageSize}`, options.cpuProfileDir)
  try {
    const opened = await register.call<OpenResult>({
      type: 'open',
      dataDir: join(dir, 'register'),
      registerCode: 'F1',
      sync: {
        intervalMs: 3_600_000,
        commitDebounceMs: options.commitDebounceMs,
        pullPageSize: pageSize,
        isRealtimeEnabled: false,
      },
    })
    server.takeSamples()
    const run = await register.call<EnrollResult>({
      type: 'enroll',
      serverUrl: server.url,
      enrollmentCode: code,
    })
    const handlers = server
      .takeSamples()
      .filter((sample) => sample.path === '/api/sync/pull-changes')
    const startMs = run.statuses.find((status) => status.state === 'syncing')?.atMs ?? run.startMs
    const pages = run.statuses.filter((status) => status.pulledChanges !== null)
    const endMs = pages.at(-1)?.atMs ?? run.endMs
    const pulled = pages.at(-1)?.pulledChanges ?? 0
    const requests = run.http.filter((sample) => sample.path === '/api/sync/pull-changes')
    const phases = requests.slice(0, pages.length).map((http, index) => {
      const handler = handlers[index] ? handlers[index]!.endMs - handlers[index]!.startMs : 0
      const previousEnd = index === 0 ? startMs : pages[index - 1]!.atMs
      return {
        cycle: pages[index]!.atMs - previousEnd,
        handler,
        wire: http.endMs - http.startMs - handler,
        apply: pages[index]!.atMs - http.endMs,
        between: http.startMs - previousEnd,
      }
    })
    const pullSeconds = (endMs - startMs) / 1000
    return {
      pageSize,
      pages: pages.length,
      pulled,
      pullSeconds: round(pullSeconds),
      rowsPerSecond: Math.round(pulled / pullSeconds),
      localRowsWritten:
        run.tables.products! + run.tables.orders! + run.tables.order_items! + run.tables.payments!,
      perPage: summarize(phases.map((phase) => phase.cycle)),
      perPagePhasesMs: {
        serverHandler: mean(phases.map((phase) => phase.handler)),
        wireAndParse: mean(phases.map((phase) => phase.wire)),
        localApply: mean(phases.map((phase) => phase.apply)),
        betweenPages: mean(phases.map((phase) => phase.between)),
      },
      idleRssMb: megabytes(opened.rssBytes),
      peakRssMb: megabytes(run.peakRssBytes),
      lastError: run.lastError,
    }
  } finally {
    await register.close().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  }
}
