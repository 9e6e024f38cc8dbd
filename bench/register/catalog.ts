import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { openRegisterCore, type RegisterCore } from '../../src/main/core'
import { listTaxRates, lookupBarcode, searchProducts } from '../../src/main/store/catalogRepository'
import { getStoreOptions } from '../../src/main/store/identityRepository'
import { ean13CheckDigit } from '../../src/shared/domain/barcode'
import { elapsedMs, summarize, type LatencySummary } from '../stats'
import { benchProducts, searchMix, seededRandom } from './catalogData'

export interface CatalogBenchResult {
  products: number
  /** Wall time of the raw bulk insert that builds the catalog (triggers fill FTS and barcodes). */
  bulkInsertSeconds: number
  search: LatencySummary
  searchByKind: Record<string, LatencySummary>
  /** The same queries through the handler registry (input and output checked by zod). */
  searchViaRegistry: LatencySummary
  barcodeLookup: LatencySummary
  csvImport: { rows: number; seconds: number; rowsPerSecond: number }
}

function openCore(dataDir: string): RegisterCore {
  const core = openRegisterCore({ dataDir, host: 'web', appVersion: 'bench', registerCode: 'B1' })
  core.authority.signIn('1234')
  return core
}

/** Setup, not the measurement: one transaction of prepared inserts. */
function bulkInsert(core: RegisterCore, count: number): number {
  const taxRateId = listTaxRates(core.database.db)[0]!.id
  const insert = core.database.sqlite.prepare(
    `INSERT INTO products (id, device_id, sync_status, updated_at, sku, barcode, name, price_cents,
       tax_rate_id, barcodes) VALUES (?, ?, 'SYNCED', ?, ?, ?, ?, ?, ?, ?)`,
  )
  const now = new Date().toISOString()
  const start = process.hrtime.bigint()
  core.database.sqlite.transaction(() => {
    for (const product of benchProducts(count))
      insert.run(
        uuidv7(),
        core.device.deviceId,
        now,
        product.sku,
        product.barcode,
        product.name,
        product.priceCents,
        taxRateId,
        JSON.stringify([product.barcode]),
      )
  })()
  return elapsedMs(start) / 1000
}

function time(samples: number[], run: () => unknown): void {
  const start = process.hrtime.bigint()
  run()
  samples.push(elapsedMs(start))
}

/**
 * Catalog at store scale: search and scans over 100k products, and a 100k-row CSV import
 * through the real import service (one transaction, outbox entry per product).
 */
export async function benchCatalog(
  count = Number(process.env.BENCH_PRODUCTS ?? 100_000),
  queries = 3000,
): Promise<CatalogBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'auraflow-bench-catalog-'))
  try {
    const core = openCore(join(dir, 'search'))
    const db = core.database.db
    const bulkInsertSeconds = bulkInsert(core, count)
    const products = benchProducts(count)
    const mix = searchMix(products, queries)
    const kinds = ['word prefix', 'two words', '3-letter prefix', 'SKU', 'barcode']
    for (const query of mix.slice(0, 300)) searchProducts(db, query, 20)

    const samples: number[] = []
    const byKind = new Map<string, number[]>(kinds.map((kind) => [kind, []]))
    mix.forEach((query, index) => {
      const start = process.hrtime.bigint()
      searchProducts(db, query, 20)
      const ms = elapsedMs(start)
      samples.push(ms)
      byKind.get(kinds[index % kinds.length]!)!.push(ms)
    })
    const viaRegistry: number[] = []
    for (const query of mix.slice(0, 1000)) {
      const start = process.hrtime.bigint()
      const result = await core.registry.dispatch('catalog:search', { query, limit: 20 })
      viaRegistry.push(elapsedMs(start))
      if (!result.ok) throw new Error(`search failed: ${result.error.message}`)
    }

    // Scans: product barcodes, plus weight labels (21 + 5-digit item + grams) for a weighed item.
    const rules = getStoreOptions(db).embeddedBarcodes
    core.database.sqlite
      .prepare(
        "UPDATE products SET barcode = '2100042', barcodes = '[\"2100042\"]', pricing_unit = 'kg' WHERE sku = ?",
      )
      .run(products[0]!.sku)
    const random = seededRandom(11)
    const scans = Array.from({ length: 3000 }, (_, index) => {
      if (index % 4 !== 0) return products[Math.floor(random() * count)]!.barcode
      const body = `2100042${String(100 + Math.floor(random() * 2000)).padStart(5, '0')}`
      return `${body}${ean13CheckDigit(body)}`
    })
    const lookups: number[] = []
    for (const code of scans) time(lookups, () => lookupBarcode(db, code, rules))
    core.close()

    // Import into a fresh register: every row is a new product.
    const importCore = openCore(join(dir, 'import'))
    const csvRows = benchProducts(count, 'CS', 99).map(
      (product) =>
        `${product.sku},"${product.name}",${(product.priceCents / 100).toFixed(2)},Grocery,,${product.barcode},true,false,each`,
    )
    const csv = [
      'sku,name,price,category,tax_rate,barcodes,active,track_stock,pricing_unit',
      ...csvRows,
    ].join('\n')
    const start = process.hrtime.bigint()
    const imported = await importCore.registry.dispatch('catalog:importCsv', { csv })
    const seconds = elapsedMs(start) / 1000
    if (!imported.ok) throw new Error(`import failed: ${imported.error.message}`)
    const report = imported.value as { created: number; rejected: unknown[] }
    if (report.created !== count)
      throw new Error(
        `import created ${report.created} of ${count} (${report.rejected.length} rejected)`,
      )
    importCore.close()

    return {
      products: count,
      bulkInsertSeconds: Math.round(bulkInsertSeconds * 100) / 100,
      search: summarize(samples),
      searchByKind: Object.fromEntries(
        [...byKind].map(([kind, values]) => [kind, summarize(values)]),
      ),
      searchViaRegistry: summarize(viaRegistry),
      barcodeLookup: summarize(lookups),
      csvImport: {
        rows: count,
        seconds: Math.round(seconds * 100) / 100,
        rowsPerSecond: Math.round(count / seconds),
      },
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
