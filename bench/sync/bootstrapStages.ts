import { execSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { applyPulledPage } from '../../src/main/store/pullApplier'
import { rebuildCatalogSearch } from '../../src/main/store/catalogSearchIndex'
import { openRegisterDatabase } from '../../src/main/store/database'
import { PullChangesResponse } from '../../src/shared/sync/protocol'
import { wireRecordSchemas } from '../../src/shared/sync/wireRecords'
import { pullChangesJson } from '../../src/server/sync/pull'
import { startBenchServer } from './benchServer'
import { seedStoreDirectly } from './serverSeed'

let cpuAt = process.cpuUsage()
const ms = (start: bigint) => {
  const cpu = process.cpuUsage(cpuAt)
  cpuAt = process.cpuUsage()
  return `${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} cpu`
}
const products = Number(process.env.BENCH_SYNC_PRODUCTS ?? 100_000)
const orders = Number(process.env.BENCH_SYNC_HISTORY ?? 10_000)
const server = await startBenchServer('PostgreSQL')
try {
  const { storeId } = await server.createStore()
  await seedStoreDirectly(server.database, storeId, products, orders)
  const texts: string[] = []
  let since = 0
  let t = process.hrtime.bigint()
  cpuAt = process.cpuUsage()
  for (;;) {
    const page = await pullChangesJson(server.database.db, {
      storeId,
      since: { kind: 'seq', seq: since },
      limit: 5000,
    })
    if (page.kind !== 'page') throw new Error('reset')
    texts.push(
      `{"changes":${page.changesJson},"nextSyncToken":"x${page.nextSeq}","hasMore":${page.hasMore},"headSeq":${page.headSeq}}`,
    )
    since = page.nextSeq
    if (!page.hasMore) break
  }
  console.log(`server page query: ${ms(t)} ms for ${texts.length} pages`)
  const plan = await server.database.query(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT seq, data::text FROM sync_records WHERE store_id = $1 AND seq > 0 ORDER BY seq LIMIT 5001`,
    [storeId],
  )
  console.log(JSON.stringify(plan).slice(0, 1500))
  t = process.hrtime.bigint()
  cpuAt = process.cpuUsage()
  const parsed = texts.map((text) => JSON.parse(text) as unknown)
  console.log(
    `JSON.parse: ${ms(t)} ms, ${(texts.reduce((s, x) => s + x.length, 0) / 1e6).toFixed(1)} MB`,
  )
  t = process.hrtime.bigint()
  cpuAt = process.cpuUsage()
  const pages = parsed.map((page) => PullChangesResponse.parse(page))
  console.log(`envelope zod: ${ms(t)} ms`)
  t = process.hrtime.bigint()
  cpuAt = process.cpuUsage()
  for (const page of pages)
    for (const change of page.changes)
      wireRecordSchemas[change.entity as 'order'].safeParse(change.data)
  console.log(`record zod: ${ms(t)} ms`)
  const dir = mkdtempSync(join(tmpdir(), 'auraflow-stages-'))
  try {
    const register = openRegisterDatabase(join(dir, 'r.db'))
    if (process.env.CACHE) register.sqlite.pragma(`cache_size = ${process.env.CACHE}`)
    t = process.hrtime.bigint()
    cpuAt = process.cpuUsage()
    pages.forEach((page, index) =>
      applyPulledPage(
        register.db,
        {
          changes: page.changes,
          nextSyncToken: page.nextSyncToken,
          defersSearch: true,
          isInterim: index < pages.length - 1,
        },
        { localDeviceId: 'dev', currency: 'USD', now: new Date().toISOString() },
      ),
    )
    console.log(`apply (incl. record zod): ${ms(t)} ms`)
    t = process.hrtime.bigint()
    cpuAt = process.cpuUsage()
    rebuildCatalogSearch(register.sqlite)
    console.log(`search rebuild: ${ms(t)} ms`)
    t = process.hrtime.bigint()
    cpuAt = process.cpuUsage()
    register.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    console.log(`checkpoint: ${ms(t)}`)
    const tables = ['tax_rates', 'categories', 'products', 'orders', 'order_items', 'payments']
    const data = tables.map((table) => {
      const statement = register.sqlite.prepare(`SELECT * FROM ${table}`).raw()
      const names = statement.columns().map((column) => column.name)
      return { table, names, rows: statement.all() as unknown[][] }
    })
    register.close()
    if (process.env.KEEP) execSync(`cp ${join(dir, 'r.db')} ${process.env.KEEP}`)
    for (const defer of [true]) {
      const raw = openRegisterDatabase(join(dir, `raw${defer}.db`))
      if (process.env.CACHE) raw.sqlite.pragma(`cache_size = ${process.env.CACHE}`)
      const inserts = data.map((d) => ({
        rows: d.rows,
        statement: raw.sqlite.prepare(
          `INSERT INTO ${d.table} (${d.names.join(', ')}) VALUES (${d.names.map(() => '?').join(', ')})`,
        ),
      }))
      t = process.hrtime.bigint()
      cpuAt = process.cpuUsage()
      raw.sqlite.transaction(() => {
        if (defer) raw.sqlite.prepare("INSERT INTO catalog_search_deferred VALUES (1, 'x')").run()
        for (const insert of inserts) for (const row of insert.rows) insert.statement.run(row)
      })()
      console.log(`raw insert defer=${defer}: ${ms(t)}`)
      t = process.hrtime.bigint()
      cpuAt = process.cpuUsage()
      rebuildCatalogSearch(raw.sqlite)
      raw.sqlite.pragma('wal_checkpoint(TRUNCATE)')
      console.log(`raw rebuild+checkpoint: ${ms(t)}`)
      raw.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
} finally {
  await server.stop()
}
