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

export function printBootstrap(results: BootstrapResult[], options: SyncBenchOptions): void {
  const extra = results[0]
    ? results[0].seed.total - options.bootstrapProducts - options.bootstrapOrders
    : 0
  printTable(
    `Sync bootstrap: fresh register pulls ${options.bootstrapProducts} products + ${options.bootstrapOrders} orders (+ ${extra} categories and tax rates); server seeded by direct SQL (target: >= 20k rows/s)`,
    results.flatMap((result) =>
      result.runs.map((run) => ({
        database: result.database,
        'page size': run.pageSize,
        pages: run.pages,
        'rows pulled': run.pulled,
        'pull s': run.pullSeconds,
        'rows/s': run.rowsPerSecond,
        'page p50 ms': run.perPage.p50Ms,
        'page p99 ms': run.perPage.p99Ms,
        'server ms': run.perPagePhasesMs.serverHandler,
        'wire+parse ms': run.perPagePhasesMs.wireAndParse,
        'apply ms': run.perPagePhasesMs.localApply,
        'RSS idle→peak MB': `${run.idleRssMb}→${run.peakRssMb}`,
        'seed s': result.seed.seconds,
        error: run.lastError ?? '-',
      })),
    ),
  )
}

export function printVisibility(results: VisibilityResult[], options: SyncBenchOptions): void {
  printTable(
    `Sync visibility: A sells ${options.visibilitySales} sales one at a time (both registers idle between), each timed from the commit until B's order:synced (realtime poke; commits held at most ${options.commitDebounceMs} ms, an idle outbox pushes at once; target: p95 <= 150 ms), beside a bare loopback HTTP round trip in the same run`,
    results.map((result) => ({
      database: result.database,
      durability: Object.entries(result.durability)
        .map(([name, value]) => `${name}=${value}`)
        .join(' '),
      sales: result.sales,
      'p50 ms': result.latency.p50Ms,
      'p95 ms': result.latency.p95Ms,
      'p99 ms': result.latency.p99Ms,
      'bare HTTP p50/p95 ms': `${result.reference.bareHttp.p50Ms}/${result.reference.bareHttp.p95Ms}`,
      'bare WS p50/p95 ms': `${result.reference.bareWebSocket.p50Ms}/${result.reference.bareWebSocket.p95Ms}`,
      'p95 ÷ bare HTTP p95': `${result.ratioToBareHttpP95}x`,
      'sold→push p50': result.legsP50Ms.soldToPushStart,
      'push→B pull p50': result.legsP50Ms.pushStartToPullStart,
      'B pull p50': result.legsP50Ms.pull,
      'server push/pull p50': `${result.serverMs.push.p50Ms}/${result.serverMs.pull.p50Ms}`,
      'pull→event p50': result.legsP50Ms.pullEndToEvent,
      missed: result.missed,
    })),
  )
  printTable(
    'Sync visibility under load: A sells back to back without waiting for B (commits in quick succession coalesce into fewer pushes)',
    results.map((result) => ({
      database: result.database,
      sales: result.burst.sales,
      'A pushes': result.burst.pushes,
      'B pulls': result.burst.bPulls,
      'p50 ms': result.burst.latency.p50Ms,
      'p95 ms': result.burst.latency.p95Ms,
      'p99 ms': result.burst.latency.p99Ms,
    })),
  )
}
