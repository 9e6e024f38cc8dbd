import '../src/main/nodeVersionGuard'
import { benchCatalog } from './register/catalog'
import { benchSaleCommit } from './register/saleCommit'
import { inventoryFlags, printInventoryBench, runInventoryBench } from './inventory/index'
import { printReportBench, runReportBench } from './reports/report'
import { runServerBench } from './server/runServerBench'
import { runSyncBench } from './sync/runSyncBench'
import { describeDurability } from './durability'
import { compare, printTable, referenceColumns } from './stats'

/**
 * `npm run bench`: speed targets live here, never as timed assertions in tests.
 * Prints a table per benchmark and one JSON document with every figure at the end.
 */
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'))
const only = process.argv.slice(2).find((arg) => !arg.startsWith('--'))
/** `--also-fsync-off`: an extra, labelled PostgreSQL row with fsync=off; never the headline. */
const alsoFsyncOff = flags.includes('--also-fsync-off')
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
      { path: 'store API, 2 modifiers/line + card/cash', ...sale.storeModifiers },
      {
        path: 'sale service, 2 modifiers/line + card/cash',
        ...sale.serviceModifiers,
        'p99 vs raw': sale.serviceModifiersToRawP99,
      },
    ],
  )
}

if (!only || only === 'register') {
  const catalog = await benchCatalog()
  report.catalog = catalog
  printTable(
    `Catalog: ${catalog.products.toLocaleString('en-US')} products, search (FTS5, limit 20) and scans (target: search p95 <= 5 ms)`,
    [
      { path: 'search, all queries', ...catalog.search },
      ...Object.entries(catalog.searchByKind).map(([kind, summary]) => ({
        path: `  search: ${kind}`,
        ...summary,
      })),
      { path: 'catalog:search via registry', ...catalog.searchViaRegistry },
      { path: 'barcode lookup (1 in 4 weight labels)', ...catalog.barcodeLookup },
    ],
  )
  printTable('Catalog CSV import through the import service (one transaction, outbox per row)', [
    { ...catalog.csvImport, bulkInsertSeconds: catalog.bulkInsertSeconds },
  ])
}

if (!only || only === 'server') {
  const rows = await runServerBench()
  report.server = rows
  printTable(
    `Sync server: push ${(rows[0]?.orders ?? 0).toLocaleString('en-US')} orders (4 items + 1 payment) in batches of 50, pull them from a second device; raw multi-row INSERT, 1 tx per batch, as the same-run reference (target: push >= 50% of raw)`,
    rows.map(({ durability: _durability, ratioToRaw: _ratio, ...row }) => {
      const raw = rows.find(
        (other) => other.database === row.database && other.phase === 'raw insert',
      )
      return {
        ...row,
        ...(row.phase === 'push' && raw
          ? referenceColumns(
              compare(row.ordersPerSecond, {
                name: 'raw 50-row INSERT',
                value: raw.ordersPerSecond,
                unit: 'orders/s',
              }),
            )
          : { reference: '', ratio: '' }),
      }
    }),
    [...new Set(rows.map((row) => `durability: ${describeDurability(row.durability)}`))],
  )
}

if (!only || only === 'sync') report.sync = await runSyncBench(alsoFsyncOff ? { alsoFsyncOff } : {})

// Heavy (1M orders on a durable PostgreSQL, a few minutes): only when asked, `npm run bench reports`.
if (only === 'reports') {
  const result = await runReportBench({
    orders: Number(process.env.REPORT_BENCH_ORDERS ?? 1_000_000),
  })
  report.reports = result
  printReportBench(result, printTable)
}

// 10M movements take minutes to write: only when asked, `npm run bench inventory [--movements N]`.
if (only === 'inventory') {
  const result = runInventoryBench(inventoryFlags(process.argv.slice(2)))
  report.inventory = result
  printInventoryBench(result, printTable)
}

console.log('\nJSON')
console.log(JSON.stringify(report, null, 2))
