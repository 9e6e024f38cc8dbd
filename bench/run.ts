import '../src/main/nodeVersionGuard'
import { benchSaleCommit } from './register/saleCommit'
import { runServerBench } from './server/runServerBench'
import { runSyncBench } from './sync/runSyncBench'
import { printTable } from './stats'

/**
 * `npm run bench`: speed targets live here, never as timed assertions in tests.
 * Prints a table per benchmark and one JSON document with every figure at the end.
 */
const only = process.argv[2]
const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version }

if (!only || only === 'register') {
  const sale = benchSaleCommit()
  report.saleCommit = sale
  printTable(
    `Sale commit: 5 items + 1 payment + outbox, synchronous=FULL, ${sale.sales} sales (target: store p99 <= 2x raw)`,
    [
      { path: 'raw better-sqlite3 inserts', ...sale.raw, 'p99 vs raw': 1 },
      { path: 'store API (commitSale)', ...sale.store, 'p99 vs raw': sale.storeToRawP99 },
      {
        path: 'sale service (price + commit)',
        ...sale.service,
        'p99 vs raw': sale.serviceToRawP99,
      },
    ],
  )
}

if (!only || only === 'server') {
  const rows = await runServerBench()
  report.server = rows
  printTable(
    'Sync server: push 10,000 orders (4 items + 1 payment) in batches of 50, pull them from a second device; raw multi-row INSERT as the ceiling (target: push >= 30% of raw)',
    rows.map((row) => ({ ...row, ratioToRaw: row.ratioToRaw ?? '' })),
  )
}

if (!only || only === 'sync') report.sync = await runSyncBench()

console.log('\nJSON')
console.log(JSON.stringify(report, null, 2))
