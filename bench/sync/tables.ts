import { describeDurability, type Durability } from '../durability'
import { printTable, referenceColumns, type Compared } from '../stats'
import type { BacklogResult } from './backlog'
import type { BootstrapResult } from './bootstrap'
import type { SyncBenchOptions } from './options'
import type { VisibilityResult } from './visibility'

/**
 * The reference columns of a row whose result carries `compared` (bootstrap: raw SQLite apply;
 * visibility: a bare loopback round trip); none for one that does not (yet).
 */
function referenceOf(result: object): Record<string, string> {
  const compared = (result as { compared?: Compared }).compared
  return compared ? referenceColumns(compared) : {}
}

/** One line per distinct durability setting among the results, for a table's header. */
export function durabilityNotes(settings: readonly Durability[]): string[] {
  const lines = settings.map((durability) => `durability: ${describeDurability(durability)}`)
  return [...new Set(lines)]
}

export function printBacklog(results: BacklogResult[], options: SyncBenchOptions): void {
  printTable(
    `Sync backlog drain: ${options.backlogOrders} pending orders (4-5 items + 1 payment), negotiated batch size, vs raw 50-row multi-row INSERT of the same rows, 1 tx per batch, same run (target: >= 50% of raw)`,
    results.map((result) => ({
      database: result.label,
      'batch/lanes': `${result.batchRecords}/${result.lanes} (max ${result.largestPush})`,
      'drain s': result.drainSeconds,
      'orders/s': result.ordersPerSecond,
      ...referenceColumns(result.compared),
      batches: result.batches,
      'batch p50 ms': result.perBatch.p50Ms,
      'batch p99 ms': result.perBatch.p99Ms,
      'server p50 ms': result.serverHandler.p50Ms,
      'raw batch p50 ms': result.raw?.perBatch.p50Ms ?? '-',
      'pull-back s': result.pullBackSeconds,
      'on server': result.serverOrders,
      error: result.lastError ?? '-',
    })),
    durabilityNotes(
      results.flatMap((result) => [result.durability.server, result.durability.register]),
    ),
  )
  printTable(
    'Backlog: mean ms per batch by phase (register claim + read records / HTTP = server handler + wire and parse / register settle + status)',
    results.map((result) => ({
      database: result.label,
      ...result.perBatchPhasesMs,
      'http p50': result.http.p50Ms,
      'http p99': result.http.p99Ms,
      'server p99': result.serverHandler.p99Ms,
    })),
  )
}

export function printBootstrap(
  results: BootstrapResult[],
  _options: SyncBenchOptions,
  notes: readonly string[] = [],
): void {
  printTable(
    `Sync bootstrap: a fresh register pulls a store seeded by direct SQL (+ 22 categories and tax rates), vs the same rows inserted raw into an empty register database in one transaction (search triggers aside and plain indexes dropped, each built once after), same run (${results[0]?.durability ?? ''}; targets: >= 15k orders/s for orders alone, >= 50k rows/s for 100k products + 10k orders)`,
    results.flatMap((result) =>
      result.runs.map((run) => ({
        database: result.database,
        scenario: run.scenario,
        'bulk page': run.pageSize,
        'rows pulled': run.pulled,
        'pull s': run.pullSeconds,
        'rows/s': run.rowsPerSecond,
        'orders/s': run.ordersPerSecond,
        'raw s (insert+search)': `${run.raw.seconds} (${run.raw.insertSeconds}+${run.raw.searchSeconds})`,
        'raw rows/s': run.raw.recordsPerSecond,
        'vs raw': `${Math.round(run.ratioToRaw * 100)}%`,
        'CPU s reg/srv/raw': `${run.cpu.registerSeconds}/${run.cpu.serverSeconds}/${run.cpu.rawSeconds}`,
        'CPU vs raw': `${Math.round(run.cpu.ratioToRaw * 100)}%`,
        pages: run.pages,
        tx: run.transactions,
        'tx p50 ms': run.perTransaction.p50Ms,
        'server ms/page': run.serverHandlerMs,
        'RSS idle→peak MB': `${run.idleRssMb}→${run.peakRssMb}`,
        error: run.lastError ?? '-',
      })),
    ),
    notes,
  )
}

export function printVisibility(
  results: VisibilityResult[],
  options: SyncBenchOptions,
  notes: readonly string[] = [],
): void {
  printTable(
    `Sync visibility: A sells ${options.visibilitySales} sales one at a time (both registers idle between), each timed from the commit until B's order:synced (realtime poke; commits held at most ${options.commitDebounceMs} ms, an idle outbox pushes at once; target: p95 <= 150 ms), beside a bare loopback HTTP round trip in the same run`,
    results.map((result) => ({
      database: result.database,
      sales: result.sales,
      'p50 ms': result.latency.p50Ms,
      'p95 ms': result.latency.p95Ms,
      'p99 ms': result.latency.p99Ms,
      ...referenceOf(result),
      'bare WS p50/p95 ms': `${result.reference.bareWebSocket.p50Ms}/${result.reference.bareWebSocket.p95Ms}`,
      'sold→push p50': result.legsP50Ms.soldToPushStart,
      'push→B pull p50': result.legsP50Ms.pushStartToPullStart,
      'B pull p50': result.legsP50Ms.pull,
      'server push/pull p50': `${result.serverMs.push.p50Ms}/${result.serverMs.pull.p50Ms}`,
      'pull→event p50': result.legsP50Ms.pullEndToEvent,
      missed: result.missed,
    })),
    notes,
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

/** The batch-size × batches-in-flight grid: orders/s and its share of the raw ceiling per cell. */
export function printBatchGrid(results: BacklogResult[], orders: number): void {
  const labels = [...new Set(results.map((result) => result.label))]
  const lanes = [...new Set(results.map((result) => result.lanes))].sort((a, b) => a - b)
  const sizes = [...new Set(results.map((result) => result.batchRecords))].sort((a, b) => a - b)
  for (const label of labels) {
    const mine = results.filter((result) => result.label === label)
    const reference = mine[0]?.compared.reference
    printTable(
      `Backlog grid, ${label}: ${orders} pending orders per cell, best of ${Math.max(...mine.map((result) => result.round ?? 1))} rounds, orders/s (ratio to ${reference ? `${reference.name} ${reference.value} ${reference.unit}` : 'raw'}) by records per push × batches in flight`,
      sizes.map((size) => ({
        'records/push': size,
        ...Object.fromEntries(
          lanes.map((lane) => {
            const rounds = mine.filter(
              (result) => result.batchRecords === size && result.lanes === lane,
            )
            const failed = rounds.find(
              (result) => result.lastError || result.serverOrders !== result.orders,
            )
            const best = rounds.reduce<BacklogResult | null>(
              (top, result) =>
                !top || result.ordersPerSecond > top.ordersPerSecond ? result : top,
              null,
            )
            const cell = failed ?? best
            const text = !cell
              ? '-'
              : cell.lastError || cell.serverOrders !== cell.orders
                ? `ERR ${cell.serverOrders}/${cell.orders}`
                : `${cell.ordersPerSecond} (${(cell.compared.ratio ?? 0).toFixed(2)}x)`
            return [`${lane} in flight`, text]
          }),
        ),
      })),
      durabilityNotes(
        mine.flatMap((result) => [result.durability.server, result.durability.register]),
      ),
    )
  }
}
