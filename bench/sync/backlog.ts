import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rowsOf } from '../../src/server/db/connection'
import { summarize, type LatencySummary } from '../stats'
import type { BenchServer, DatabaseKind } from './benchServer'
import type { EnrollResult, SeedResult } from './protocol'
import { measureRawIngest, round, type RawIngestResult } from './rawIngest'
import { spawnRegister } from './registerHandle'
import type { SyncBenchOptions } from './options'

export interface BacklogResult {
  database: DatabaseKind
  orders: number
  seedSeconds: number
  /** First sync run start → last order acknowledged. */
  drainSeconds: number
  ordersPerSecond: number
  batches: number
  /** Register's full cycle per batch: claim + read + HTTP + settle + status. */
  perBatch: LatencySummary
  /** Where a batch's time goes, means in ms. */
  perBatchPhasesMs: {
    localBeforeSend: number
    http: number
    serverHandler: number
    wireAndParse: number
    localAfterReply: number
  }
  serverHandler: LatencySummary
  /** batch-push round trip as the register's HTTP client saw it. */
  http: LatencySummary
  /** The same run then pulls its own orders back (every pull returns the store's changes). */
  pullBackSeconds: number
  pulledBack: number
  enrollToIdleSeconds: number
  serverOrders: number
  raw: RawIngestResult
  /** Backlog orders/s over raw ingest orders/s; the target is at least 0.3. */
  ratioToRaw: number
  lastError: string | null
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : round(values.reduce((sum, value) => sum + value, 0) / values.length)

/** A register with N pending orders enrolls to a server (run it first, on an empty database) and drains its outbox. */
export async function benchBacklog(
  server: BenchServer,
  options: SyncBenchOptions,
): Promise<BacklogResult> {
  const database = server.kind
  const dir = mkdtempSync(join(tmpdir(), 'auraflow-bench-sync-'))
  const register = spawnRegister(`backlog-${database}`, options.cpuProfileDir)
  try {
    const { storeId, code } = await server.createStore()
    await register.call({
      type: 'open',
      dataDir: join(dir, 'register'),
      registerCode: 'B1',
      sync: {
        intervalMs: 3_600_000,
        commitDebounceMs: options.commitDebounceMs,
        pullPageSize: 500,
        isRealtimeEnabled: false,
      },
    })
    const seed = await register.call<SeedResult>({
      type: 'seedBacklog',
      orders: options.backlogOrders,
    })
    server.takeSamples()
    const run = await register.call<EnrollResult>({
      type: 'enroll',
      serverUrl: server.url,
      enrollmentCode: code,
    })
    const serverSamples = server
      .takeSamples()
      .filter((sample) => sample.path === '/api/sync/batch-push')

    const startMs = run.statuses.find((status) => status.state === 'syncing')?.atMs ?? run.startMs
    // A status is emitted after each settled batch; the first with nothing left ends the drain.
    const batchEnds: number[] = []
    let lastSynced = 0
    for (const status of run.statuses) {
      if (status.synced > lastSynced) {
        batchEnds.push(status.atMs)
        lastSynced = status.synced
      }
    }
    const drained = run.statuses.find(
      (status) => status.synced >= options.backlogOrders && status.pending === 0,
    )
    const drainEndMs = drained?.atMs ?? run.endMs
    const pulls = run.statuses.filter((status) => status.pulledChanges !== null)
    const pushes = run.http.filter((sample) => sample.path === '/api/sync/batch-push')
    const cycles = batchEnds.map(
      (end, index) => end - (index === 0 ? startMs : batchEnds[index - 1]!),
    )
    const phases = pushes.slice(0, batchEnds.length).map((http, index) => {
      const previousEnd = index === 0 ? startMs : batchEnds[index - 1]!
      const handler = serverSamples[index]
        ? serverSamples[index]!.endMs - serverSamples[index]!.startMs
        : 0
      return {
        before: http.startMs - previousEnd,
        http: http.endMs - http.startMs,
        handler,
        after: batchEnds[index]! - http.endMs,
      }
    })
    const counted = rowsOf<{ count: string | number }>(
      await server.database.query(
        `SELECT count(*) AS count FROM sync_records WHERE store_id = $1 AND entity = 'order'`,
        [storeId],
      ),
    )

    const raw = await measureRawIngest(server.database, storeId, 50)
    const drainSeconds = (drainEndMs - startMs) / 1000
    const ordersPerSecond = Math.round(options.backlogOrders / drainSeconds)
    return {
      database,
      orders: options.backlogOrders,
      seedSeconds: round(seed.seconds),
      drainSeconds: round(drainSeconds),
      ordersPerSecond,
      batches: batchEnds.length,
      perBatch: summarize(cycles),
      perBatchPhasesMs: {
        localBeforeSend: mean(phases.map((phase) => phase.before)),
        http: mean(phases.map((phase) => phase.http)),
        serverHandler: mean(phases.map((phase) => phase.handler)),
        wireAndParse: mean(phases.map((phase) => phase.http - phase.handler)),
        localAfterReply: mean(phases.map((phase) => phase.after)),
      },
      serverHandler: summarize(serverSamples.map((sample) => sample.endMs - sample.startMs)),
      http: summarize(phases.map((phase) => phase.http)),
      pullBackSeconds: pulls.length > 0 ? round((pulls.at(-1)!.atMs - drainEndMs) / 1000) : 0,
      pulledBack: pulls.at(-1)?.pulledChanges ?? 0,
      enrollToIdleSeconds: round((run.endMs - run.startMs) / 1000),
      serverOrders: Number(counted[0]?.count ?? 0),
      raw,
      ratioToRaw: round(ordersPerSecond / raw.ordersPerSecond),
      lastError: run.lastError,
    }
  } finally {
    await register.close().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  }
}
