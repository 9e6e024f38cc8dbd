import { printTable } from '../stats'
import type { BacklogResult } from './backlog'
import type { BootstrapResult } from './bootstrap'
import type { SyncBenchOptions } from './options'
import type { VisibilityResult } from './visibility'

export function printBacklog(results: BacklogResult[], options: SyncBenchOptions): void {
  printTable(
    `Sync backlog drain: ${options.backlogOrders} pending orders (4-5 items + 1 payment), batches of 50, vs raw multi-row INSERT of the same rows (target: >= 30% of raw)`,
    results.map((result) => ({
      database: result.database,
      'drain s': result.drainSeconds,
      'orders/s': result.ordersPerSecond,
      batches: result.batches,
      'batch p50 ms': result.perBatch.p50Ms,
      'batch p99 ms': result.perBatch.p99Ms,
      'server p50 ms': result.serverHandler.p50Ms,
      'raw orders/s': result.raw.ordersPerSecond,
      'raw batch p50 ms': result.raw.perBatch.p50Ms,
      'vs raw': `${Math.round(result.ratioToRaw * 100)}%`,
      'pull-back s': result.pullBackSeconds,
      'on server': result.serverOrders,
      error: result.lastError ?? '-',
    })),
  )
  printTable(
    'Backlog: mean ms per batch by phase (register claim + read records / HTTP = server handler + wire and parse / register settle + status)',
    results.map((result) => ({
      database: result.database,
      ...result.perBatchPhasesMs,
      'http p50': result.http.p50Ms,
      'http p99': result.http.p99Ms,
      'server p99': result.serverHandler.p99Ms,
    })),
  )
}

export function printBootstrap(results: BootstrapResult[], _options: SyncBenchOptions): void {
  printTable(
    `Sync bootstrap: a fresh register pulls a store seeded by direct SQL (+ 22 categories and tax rates), vs the same rows inserted raw into an empty register database in one transaction, same run (${results[0]?.durability ?? ''}; targets: >= 15k orders/s for orders alone, >= 50k rows/s for 100k products + 10k orders)`,
    results.flatMap((result) =>
      result.runs.map((run) => ({
        database: result.database,
        scenario: run.scenario,
        'bulk page': run.pageSize,
        'rows pulled': run.pulled,
        'pull s': run.pullSeconds,
        'rows/s': run.rowsPerSecond,
        'orders/s': run.ordersPerSecond,
        'raw s': run.raw.seconds,
        'raw rows/s': run.raw.recordsPerSecond,
        'vs raw': `${Math.round(run.ratioToRaw * 100)}%`,
        pages: run.pages,
        tx: run.transactions,
        'tx p50 ms': run.perTransaction.p50Ms,
        'server ms/page': run.serverHandlerMs,
        'RSS idle→peak MB': `${run.idleRssMb}→${run.peakRssMb}`,
        error: run.lastError ?? '-',
      })),
    ),
  )
}

export function printVisibility(results: VisibilityResult[], options: SyncBenchOptions): void {
  printTable(
    `Sync visibility: A sells ${options.visibilitySales} sales one at a time, each timed until B's order:synced (realtime poke, ${options.commitDebounceMs} ms commit debounce; target: p95 <= 500 ms)`,
    results.map((result) => ({
      database: result.database,
      sales: result.sales,
      'p50 ms': result.latency.p50Ms,
      'p95 ms': result.latency.p95Ms,
      'p99 ms': result.latency.p99Ms,
      'mean ms': result.latency.meanMs,
      'sold→push p50': result.legsP50Ms.soldToPushStart,
      'push→B pull p50': result.legsP50Ms.pushStartToPullStart,
      'B pull p50': result.legsP50Ms.pull,
      'pull→event p50': result.legsP50Ms.pullEndToEvent,
      missed: result.missed,
    })),
  )
}
