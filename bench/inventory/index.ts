import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid'
import { openRegisterCore } from '../../src/main/core'
import { completeSale } from '../../src/main/services/saleService'
import { listProducts } from '../../src/main/store/catalogRepository'
import { getStoreOptions } from '../../src/main/store/identityRepository'
import { shifts } from '../../src/main/store/schema'
import { applyPulledMovement, onHandMilli } from '../../src/main/store/stockRepository'
import { readSqliteDurability, describeDurability, type Durability } from '../durability'
import { compare, elapsedMs, summarize, type Compared, type LatencySummary } from '../stats'

/**
 * Register stock: on hand of one product read from the projection (stock_levels) over `products`
 * products and `movements` stock movements, beside a primary-key read of a product in the same
 * database as the same-run reference; and a sale's commit with a tracked line (one more record,
 * the movement, and its projection) beside the same sale of untracked products, interleaved sale
 * by sale. Movements are written through the pull path (applyPulledMovement), so the fill time is
 * also the register's apply rate for pulled movements (without HTTP).
 *
 * `npx tsx bench/inventory/index.ts [--products 100000] [--movements 10000000] [--lookups 20000]
 * [--sales 1000]`; `npm run bench inventory` runs it with these defaults (10M movements take a
 * few minutes to write; `--movements 1000000` is a quick run).
 */

export interface InventoryBenchOptions {
  products: number
  movements: number
  lookups: number
  sales: number
}

export interface InventoryBenchResult {
  settings: InventoryBenchOptions & { linesPerMovement: number }
  durability: Durability
  fillSeconds: number
  /** Pulled movements applied per second while filling (pull path, no HTTP). */
  applyMovementsPerSecond: number
  onHandLookup: LatencySummary
  productPrimaryKeyLookup: LatencySummary
  lookupP95: Compared
  saleUntracked: LatencySummary
  saleTracked: LatencySummary
  saleP99: Compared
}

const chunk = 20_000

export function runInventoryBench(options: InventoryBenchOptions): InventoryBenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'auraflow-bench-stock-'))
  try {
    const core = openRegisterCore({
      dataDir: join(dir, 'store'),
      host: 'web',
      appVersion: 'bench',
      registerCode: 'B1',
    })
    const { db, sqlite } = core.database
    const taxRateId = (sqlite.prepare('SELECT id FROM tax_rates LIMIT 1').get() as { id: string })
      .id
    const insertProduct = sqlite.prepare(
      `INSERT INTO products (id, device_id, sync_status, updated_at, sku, name, price_cents, tax_rate_id, track_stock)
       VALUES (?, 'bench', 'SYNCED', ?, ?, ?, 100, ?, 1)`,
    )
    const productIds: string[] = []
    const at = new Date().toISOString()
    sqlite.transaction(() => {
      for (let index = 0; index < options.products; index++) {
        const id = uuidv4()
        productIds.push(id)
        insertProduct.run(id, at, `BENCH-${index}`, `Bench product ${index}`, taxRateId)
      }
    })()

    // Movements of 3 lines each over random products, applied as a pull applies them.
    const linesPerMovement = 3
    const fillStarted = process.hrtime.bigint()
    for (let from = 0; from < options.movements; from += chunk) {
      const to = Math.min(options.movements, from + chunk)
      sqlite.transaction(() => {
        for (let index = from; index < to; index++) {
          const lines = Array.from({ length: linesPerMovement }, () => ({
            productId: productIds[Math.floor(Math.random() * productIds.length)]!,
            variantId: null,
            quantity: index % 7 === 0 ? 5.25 : -1,
          }))
          const id = uuidv4()
          applyPulledMovement(
            sqlite,
            { id, kind: index % 7 === 0 ? 'RECEIPT' : 'SALE', createdAt: at, lines },
            {
              id,
              deviceId: 'bench',
              syncVersion: 1,
              serverHash: 'h',
              syncStatus: 'SYNCED',
              updatedAt: at,
              deletedAt: null,
            },
          )
        }
      })()
    }
    const fillMs = elapsedMs(fillStarted)
    sqlite.pragma('wal_checkpoint(TRUNCATE)')

    // Lookups interleaved with the reference, one random product at a time.
    const byPrimaryKey = sqlite.prepare('SELECT price_cents FROM products WHERE id = ?').pluck()
    const onHand: number[] = []
    const reference: number[] = []
    for (let index = 0; index < options.lookups; index++) {
      const id = productIds[Math.floor(Math.random() * productIds.length)]!
      let started = process.hrtime.bigint()
      onHandMilli(db, id, null)
      onHand.push(elapsedMs(started))
      started = process.hrtime.bigint()
      byPrimaryKey.get(id)
      reference.push(elapsedMs(started))
    }

    // A cashier's sale of 3 lines: tracked demo products, or untracked ones, turn about.
    const plain = listProducts(db).filter(
      (product) =>
        product.variants.length === 0 &&
        product.modifierGroups.length === 0 &&
        product.pricingUnit === 'each',
    )
    if (plain.length < 6) throw new Error('Demo catalog changed.')
    const tracked = plain.slice(0, 3)
    const untracked = plain.slice(3, 6)
    sqlite
      .prepare('UPDATE products SET track_stock = 1 WHERE id IN (SELECT value FROM json_each(?))')
      .run(JSON.stringify(tracked.map((product) => product.id)))
    // A signed-in cashier at an open shift, as at a real till.
    core.authority.signIn('1111')
    db.insert(shifts)
      .values({
        id: uuidv7(),
        deviceId: core.device.deviceId,
        updatedAt: at,
        registerCode: core.device.registerCode,
        openedBy: core.authority.current()!.employeeId,
        openedAt: at,
        openingCashCents: 10_000,
        status: 'OPEN',
      })
      .run()
    const saleOptions = { authority: core.authority, storeOptions: getStoreOptions(db) }
    const sell = (products: typeof plain) => {
      const started = process.hrtime.bigint()
      completeSale(
        core.store,
        core.device,
        {
          clientRequestId: uuidv4(),
          lines: products.map((product) => ({
            productId: product.id,
            quantity: 1,
            modifierOptionIds: [],
          })),
          payments: [{ method: 'cash', amountCents: 1_000_000 }],
        },
        new Date().toISOString(),
        saleOptions,
      )
      return elapsedMs(started)
    }
    const saleTracked: number[] = []
    const saleUntracked: number[] = []
    const warmup = 50
    for (let index = 0; index < warmup + options.sales; index++) {
      const first = index % 2 === 0
      const a = sell(first ? tracked : untracked)
      const b = sell(first ? untracked : tracked)
      if (index < warmup) continue
      saleTracked.push(first ? a : b)
      saleUntracked.push(first ? b : a)
    }
    const durability = readSqliteDurability((name) => sqlite.pragma(name, { simple: true }), dir)
    core.close()

    const lookupSummary = summarize(onHand)
    const referenceSummary = summarize(reference)
    const trackedSummary = summarize(saleTracked)
    const untrackedSummary = summarize(saleUntracked)
    return {
      settings: { ...options, linesPerMovement },
      durability,
      fillSeconds: Math.round(fillMs) / 1000,
      applyMovementsPerSecond: Math.round(options.movements / (fillMs / 1000)),
      onHandLookup: lookupSummary,
      productPrimaryKeyLookup: referenceSummary,
      lookupP95: compare(lookupSummary.p95Ms, {
        name: 'products primary-key read p95',
        value: referenceSummary.p95Ms,
        unit: 'ms',
      }),
      saleUntracked: untrackedSummary,
      saleTracked: trackedSummary,
      saleP99: compare(trackedSummary.p99Ms, {
        name: 'same sale, untracked products, p99',
        value: untrackedSummary.p99Ms,
        unit: 'ms',
      }),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function inventoryFlags(argv: readonly string[]): InventoryBenchOptions {
  const flag = (name: string, fallback: number) => {
    const index = argv.indexOf(`--${name}`)
    if (index < 0) return fallback
    const value = Number(argv[index + 1])
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new Error(`--${name} expects a positive integer`)
    return value
  }
  return {
    products: flag('products', 100_000),
    movements: flag('movements', 10_000_000),
    lookups: flag('lookups', 20_000),
    sales: flag('sales', 1_000),
  }
}

export function printInventoryBench(
  result: InventoryBenchResult,
  printTable: (title: string, rows: Record<string, string | number>[], notes?: string[]) => void,
): void {
  const { settings } = result
  const notes = [
    `durability: ${describeDurability(result.durability)}`,
    `settings: ${settings.products.toLocaleString('en-US')} products, ${settings.movements.toLocaleString('en-US')} movements of ${settings.linesPerMovement} lines, ${settings.lookups.toLocaleString('en-US')} lookups, ${settings.sales.toLocaleString('en-US')} sales each way`,
    `fill: ${result.fillSeconds} s (${result.applyMovementsPerSecond.toLocaleString('en-US')} pulled movements/s applied with their projection)`,
  ]
  const ratio = (compared: Compared) => (compared.ratio === null ? '-' : `${compared.ratio}x`)
  printTable(
    'Register stock: on-hand lookup (projection, not a sum) and sale commit with a tracked item (targets: lookup p95 <= 1 ms; tracked sale p99 <= 1.10x untracked)',
    [
      {
        path: 'on-hand lookup (stock_levels)',
        ...result.onHandLookup,
        'vs reference': ratio(result.lookupP95),
      },
      {
        path: 'reference: products primary key',
        ...result.productPrimaryKeyLookup,
        'vs reference': '1x',
      },
      { path: 'sale, 3 untracked lines', ...result.saleUntracked, 'vs reference': '1x' },
      {
        path: 'sale, 3 tracked lines (+1 movement)',
        ...result.saleTracked,
        'vs reference': ratio(result.saleP99),
      },
    ],
    notes,
  )
}

// Run directly: `npx tsx bench/inventory/index.ts`.
if (process.argv[1]?.endsWith(join('inventory', 'index.ts'))) {
  const { printTable } = await import('../stats')
  const result = runInventoryBench(inventoryFlags(process.argv.slice(2)))
  printInventoryBench(result, printTable)
  console.log('\nJSON')
  console.log(JSON.stringify({ inventory: result }, null, 2))
}
