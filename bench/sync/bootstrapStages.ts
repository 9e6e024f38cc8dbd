import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rebuildCatalogSearch } from '../../src/main/store/catalogSearchIndex'
import { openRegisterDatabase } from '../../src/main/store/database'
import { applyPulledPage } from '../../src/main/store/pullApplier'
import { pullChangesJson } from '../../src/server/sync/pull'
import { fastReadPullPage, readWireRecordData } from '../../src/shared/sync/fastWireRecords'
import { PullChangesResponse } from '../../src/shared/sync/protocol'
import { wireRecordSchemas, type WireRecordEntity } from '../../src/shared/sync/wireRecords'
import { startBenchServer } from './benchServer'
import { seedStoreDirectly } from './serverSeed'

/*
 * Where a first sync's time goes, stage by stage, in one process (no HTTP): the server's page
 * queries, JSON.parse, the page and record checks (zod, and the fast readers the register uses),
 * the apply into a register database, the search and index build, the checkpoint. Wall and CPU
 * time each; on a shared machine read the CPU column.
 *
 *   npx tsx bench/sync/bootstrapStages.ts   (BENCH_SYNC_PRODUCTS=100000 BENCH_SYNC_HISTORY=10000)
 */

const products = Number(process.env.BENCH_SYNC_PRODUCTS ?? 100_000)
const orders = Number(process.env.BENCH_SYNC_HISTORY ?? 10_000)
const pageSize = 5000

function stage<T>(name: string, run: () => T): T {
  const cpuAt = process.cpuUsage()
  const started = process.hrtime.bigint()
  const result = run()
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  const cpu = process.cpuUsage(cpuAt)
  console.log(
    `${name.padEnd(34)} ${wallMs.toFixed(0).padStart(6)} ms wall ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(6)} ms CPU`,
  )
  return result
}

const server = await startBenchServer('PostgreSQL')
const dir = mkdtempSync(join(tmpdir(), 'auraflow-stages-'))
try {
  const { storeId } = await server.createStore()
  await seedStoreDirectly(server.database, storeId, products, orders)
  const texts: string[] = []
  const cpuAt = process.cpuUsage()
  const started = process.hrtime.bigint()
  for (let since = 0; ;) {
    const page = await pullChangesJson(server.database.db, {
      storeId,
      since: { kind: 'seq', seq: since },
      limit: pageSize,
    })
    if (page.kind !== 'page') throw new Error(page.reason)
    texts.push(
      `{"changes":${page.changesJson},"nextSyncToken":"seq-${page.nextSeq}","hasMore":${page.hasMore},"headSeq":${page.headSeq}}`,
    )
    since = page.nextSeq
    if (!page.hasMore) break
  }
  const cpu = process.cpuUsage(cpuAt)
  console.log(
    `server page queries (${texts.length} pages)`.padEnd(34),
    `${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0).padStart(6)} ms wall ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(6)} ms CPU (this process; PostgreSQL's not counted)`,
  )
  const megabytes = texts.reduce((sum, text) => sum + text.length, 0) / 1e6
  const json = stage(`JSON.parse (${megabytes.toFixed(1)} MB)`, () =>
    texts.map((text) => JSON.parse(text) as unknown),
  )
  stage('page check: zod', () => json.map((page) => PullChangesResponse.parse(page)))
  const pages = stage('page check: fast reader', () =>
    json.map((page) => fastReadPullPage(page) ?? PullChangesResponse.parse(page)),
  )
  const changes = pages.flatMap((page) => page.changes)
  stage('record check: zod', () => {
    for (const change of changes)
      wireRecordSchemas[change.entity as WireRecordEntity].safeParse(change.data)
  })
  stage('record check: fast reader', () => {
    for (const change of changes) readWireRecordData(change.entity as WireRecordEntity, change.data)
  })
  const register = openRegisterDatabase(join(dir, 'register.db'))
  stage('apply (record check included)', () =>
    pages.forEach((page, index) =>
      applyPulledPage(
        register.db,
        {
          changes: page.changes,
          nextSyncToken: page.nextSyncToken,
          defersSearch: true,
          isInterim: index < pages.length - 1,
        },
        { localDeviceId: 'stages', currency: 'USD', now: new Date().toISOString() },
      ),
    ),
  )
  stage('search, indexes: built once', () => rebuildCatalogSearch(register.sqlite))
  stage('checkpoint', () => register.sqlite.pragma('wal_checkpoint(TRUNCATE)'))
  register.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
  await server.stop()
}
