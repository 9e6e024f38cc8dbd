import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import os from 'node:os'
import { hashPassword } from '../../src/server/auth/passwords'
import { buildServer } from '../../src/server/app'
import { defaultConfig } from '../../src/server/config'
import { openDatabase } from '../../src/server/db/connection'
import { createLocalBus } from '../../src/server/realtime/bus'
import { createReportProjector } from '../../src/server/reports/projector'
import { summarize } from '../stats'
import type { LatencySummary } from '../stats'
import { startDurableCluster } from './durableCluster'
import type { Generated, Query } from './generate'
import { BENCH_YEAR, generateOrders } from './generate'
import type { PushCost } from './pushCost'
import { measurePushCost, measureWriteCost } from './pushCost'

/**
 * The report bench: a one-year report over N orders (default 1,000,000) in 20 stores on a durable
 * PostgreSQL (fsync=on), through the real HTTP routes (the server's record-stream projector
 * running); and the projection's cost on push both ways (in the push transaction by trigger, after
 * it from the record stream) against no projection, in the same run (pushCost.ts).
 */

export interface ReportBenchOptions {
  orders?: number
  stores?: number
  /** Timed runs of each report (after one warm-up run). */
  runs?: number
  /** Push cost: rounds of the three modes (none, trigger, stream), batches per device per run. */
  pushRounds?: number
  pushBatchesPerRound?: number
  pushDevices?: number
  log?: (line: string) => void
}

export interface ReportTiming extends LatencySummary {
  report: string
  firstRunMs: number
}

export interface ReportBenchResult {
  settings: string[]
  generated: Generated
  reports: ReportTiming[]
  push: PushCost[]
  /** The added cost of each way (median per-round ratio to no projection), HTTP push and write. */
  addedCost: {
    trigger: { push: number; write: number }
    stream: { push: number; write: number; pushWithDrain: number; writeWithDrain: number }
  }
  /** The machine's 1-minute load average at the reports, before and after the push rounds (2 cores shared). */
  loadAverage: { reports: number; before: number; after: number }
  /** What each report request adds to bring its stores current (here: all current, the check). */
  catchUpCheck: LatencySummary
}

const REPORTS: [string, string][] = [
  ['summary', '/api/admin/reports/summary'],
  ['by day', '/api/admin/reports/sales?groupBy=day'],
  ['by item', '/api/admin/reports/sales?groupBy=item'],
  ['by hour', '/api/admin/reports/sales?groupBy=hour'],
  ['by category', '/api/admin/reports/sales?groupBy=category'],
  ['by employee', '/api/admin/reports/sales?groupBy=employee'],
  ['payment methods', '/api/admin/reports/payment-methods'],
]

export async function runReportBench(options: ReportBenchOptions = {}): Promise<ReportBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line))
  const orders = options.orders ?? 1_000_000
  const storeCount = options.stores ?? 20
  const runs = options.runs ?? 20
  const cluster = await startDurableCluster()
  log(`report bench: PostgreSQL ${cluster.settings.join(' ')}`)
  const database = await openDatabase({ kind: 'postgres', url: cluster.url, poolSize: 8 })
  const query: Query = async (text, values) =>
    (await database.query(text, values)) as { rows: Record<string, unknown>[] }
  const config = defaultConfig({
    jwtSecret: `bench-${randomUUID()}-secret-long-enough`,
    authRateLimit: { max: 100_000, windowMs: 60_000 },
    backofficeRateLimit: { max: 100_000, windowMs: 60_000 },
    backofficeDir: '/nonexistent/backoffice',
  })
  // The bench's own projector (the server's default one, controlled): paused while the data is
  // generated, running for the reports and the stream rounds.
  // The server's wiring: pushes poke the bus, the bus wakes the projector.
  const bus = createLocalBus()
  const projector = createReportProjector(database.db, bus, {
    onError: (error) => log(`  projector: ${String(error)}`),
  })
  await projector.pause()
  const app = await buildServer({ db: database.db, config, bus, reportProjector: projector })
  try {
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`

    log(`generating ${orders.toLocaleString('en-US')} orders in ${storeCount} stores…`)
    const generated = await generateOrders(query, { orders, stores: storeCount, log })
    log(
      `  inserted in ${generated.insertSeconds} s, projection backfill in ${generated.backfillSeconds} s (${generated.orderLines.toLocaleString('en-US')} lines)`,
    )
    // The generated data flushed now, not in the middle of the timed runs.
    await query('CHECKPOINT')
    const loadAtReports = os.loadavg()[0]!

    const email = `owner-${randomUUID()}@bench.test`
    await query(
      `INSERT INTO admin_users (email, password_hash, role, tenant_id) VALUES ($1, $2, 'tenant_admin', $3)`,
      [email, await hashPassword('bench password 123'), generated.tenantId],
    )
    const login = await fetch(`${base}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'bench password 123' }),
    })
    const { accessToken } = (await login.json()) as { accessToken: string }
    const authorization = `Bearer ${accessToken}`

    projector.resume()
    const reports: ReportTiming[] = []
    const range = `from=${BENCH_YEAR.from}&to=${BENCH_YEAR.to}`
    for (const [name, path] of REPORTS) {
      const url = `${base}${path}${path.includes('?') ? '&' : '?'}${range}`
      const timeOnce = async () => {
        const started = performance.now()
        const response = await fetch(url, { headers: { authorization } })
        const text = await response.text()
        if (response.status !== 200) throw new Error(`${name}: ${response.status} ${text}`)
        return performance.now() - started
      }
      const firstRunMs = await timeOnce()
      const samples: number[] = []
      for (let run = 0; run < runs; run += 1) samples.push(await timeOnce())
      const timing = { report: name, ...summarize(samples), firstRunMs: Math.round(firstRunMs) }
      reports.push(timing)
      log(`  ${name}: p95 ${timing.p95Ms} ms (first ${timing.firstRunMs} ms)`)
    }

    // The projector's part of each report request above: the catch-up of its 20 stores.
    const checks: number[] = []
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now()
      await projector.catchUp(generated.storeIds)
      checks.push(performance.now() - started)
    }
    const catchUpCheck = summarize(checks)
    log(`  report catch-up check: p95 ${catchUpCheck.p95Ms} ms`)

    const control = { query, projector }
    const pushOptions = {
      rounds: options.pushRounds ?? 8,
      batches: options.pushBatchesPerRound ?? 8,
      devices: options.pushDevices ?? 4,
    }
    const loadBefore = os.loadavg()[0]!
    const push = await measurePushCost(database.db, control, base, pushOptions, log)
    const write = await measureWriteCost(control, generated.tenantId, pushOptions, log)
    const loadAfter = os.loadavg()[0]!
    const cost = (rows: PushCost[], mode: 'trigger' | 'stream') =>
      rows.find((row) => row.mode === mode)!
    return {
      settings: cluster.settings,
      generated,
      reports,
      push: [...push, ...write],
      addedCost: {
        trigger: {
          push: cost(push, 'trigger').medianAddedCost!,
          write: cost(write, 'trigger').medianAddedCost!,
        },
        stream: {
          push: cost(push, 'stream').medianAddedCost!,
          write: cost(write, 'stream').medianAddedCost!,
          pushWithDrain: cost(push, 'stream').medianAddedCostWithDrain!,
          writeWithDrain: cost(write, 'stream').medianAddedCostWithDrain!,
        },
      },
      loadAverage: {
        reports: Number(loadAtReports.toFixed(2)),
        before: Number(loadBefore.toFixed(2)),
        after: Number(loadAfter.toFixed(2)),
      },
      catchUpCheck,
    }
  } finally {
    await app.close().catch(() => undefined)
    await projector.close().catch(() => undefined)
    await database.close().catch(() => undefined)
    await cluster.stop()
  }
}
