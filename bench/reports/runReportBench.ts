import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { hashPassword } from '../../src/server/auth/passwords'
import { buildServer } from '../../src/server/app'
import { defaultConfig } from '../../src/server/config'
import { openDatabase } from '../../src/server/db/connection'
import type { Database } from '../../src/server/db/connection'
import { issueEnrollmentCode } from '../../src/server/tenancy/enrollmentCodes'
import type { BatchPushResponse, TokenResponse } from '../../src/shared/sync'
import { summarize } from '../stats'
import type { LatencySummary } from '../stats'
import { startDurableCluster } from './durableCluster'
import type { Generated, Query } from './generate'
import { BENCH_YEAR, generateOrders, ORDERS_SQL, setProjectionTriggers } from './generate'

/**
 * The report bench: a one-year report over N orders (default 1,000,000) in 20 stores on a durable
 * PostgreSQL (fsync=on), through the real HTTP routes; and the projection's cost on push, as the
 * ratio of push throughput with the trigger to without it, in the same run (rounds alternate).
 */

export interface ReportBenchOptions {
  orders?: number
  stores?: number
  /** Timed runs of each report (after one warm-up run). */
  runs?: number
  /** Push cost: rounds alternating trigger on / off, batches per device per round. */
  pushRounds?: number
  pushBatchesPerRound?: number
  pushDevices?: number
  log?: (line: string) => void
}

export interface ReportTiming extends LatencySummary {
  report: string
  firstRunMs: number
}

export interface PushCost {
  path: string
  mode: 'projection trigger on' | 'projection trigger off'
  orders: number
  seconds: number
  ordersPerSecond: number
  /** Median over the rounds of (orders/s without the trigger ÷ with it − 1); set on the 'on' rows. */
  medianAddedCost: number | null
}

export interface ReportBenchResult {
  settings: string[]
  generated: Generated
  reports: ReportTiming[]
  push: PushCost[]
  /** Push throughput (HTTP) without the trigger over with it, minus one: the projection's added cost. */
  pushAddedCost: number
  /** The same on the database write alone (50-order multi-row INSERT, one durable commit each). */
  writeAddedCost: number
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

function pushOrder(id: string, now: string) {
  const items = [1, 2, 3].map((line) => ({
    id: `${id}-${line}`,
    productId: `p-${line}`,
    name: `Product ${line}`,
    quantity: 1,
    unitPriceCents: 250 * line,
    taxRateBasisPoints: 825,
    discountCents: 0,
    netCents: 250 * line,
    taxCents: Math.round(250 * line * 0.0825),
    totalCents: 250 * line + Math.round(250 * line * 0.0825),
  }))
  const total = items.reduce((sum, item) => sum + item.totalCents, 0)
  const net = items.reduce((sum, item) => sum + item.netCents, 0)
  return {
    order: {
      id,
      orderNumber: `P-${id.slice(0, 8)}`,
      status: 'COMPLETED',
      kind: 'SALE',
      subtotalCents: net,
      discountCents: 0,
      taxCents: total - net,
      totalCents: total,
      currency: 'USD',
      createdAt: now,
    },
    items,
    payments: [
      { id: `${id}-p1`, method: 'card', amountCents: 500 },
      { id: `${id}-p2`, method: 'cash', amountCents: total - 500 },
    ],
  }
}

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
  const app = await buildServer({ db: database.db, config })
  try {
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`

    log(`generating ${orders.toLocaleString('en-US')} orders in ${storeCount} stores…`)
    const generated = await generateOrders(query, { orders, stores: storeCount, log })
    log(
      `  inserted in ${generated.insertSeconds} s, projection backfill in ${generated.backfillSeconds} s (${generated.orderLines.toLocaleString('en-US')} lines)`,
    )

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

    const push = await measurePushCost(database.db, query, base, options, log)
    const write = await measureWriteCost(query, generated.tenantId, options, log)
    const added = (rows: PushCost[]) => {
      const on = rows.find((row) => row.mode === 'projection trigger on')!
      const off = rows.find((row) => row.mode === 'projection trigger off')!
      return Number((off.ordersPerSecond / on.ordersPerSecond - 1).toFixed(4))
    }
    return {
      settings: cluster.settings,
      generated,
      reports,
      push: [...push, ...write],
      pushAddedCost: added(push),
      writeAddedCost: added(write),
    }
  } finally {
    await app.close().catch(() => undefined)
    await database.close().catch(() => undefined)
    await cluster.stop()
  }
}

/**
 * Devices of fresh stores push 50-order batches concurrently; rounds alternate the projection
 * trigger on and off so both modes see the same database size, cache and machine load.
 */
async function measurePushCost(
  db: Database,
  query: Query,
  base: string,
  options: ReportBenchOptions,
  log: (line: string) => void,
): Promise<PushCost[]> {
  const rounds = options.pushRounds ?? 8
  const batches = options.pushBatchesPerRound ?? 8
  const deviceCount = options.pushDevices ?? 4
  const { rows } = await query(`INSERT INTO tenants (name) VALUES ('push bench') RETURNING id`)
  const tenantId = String(rows[0]!.id)
  const devices: { deviceId: string; authorization: string }[] = []
  for (let index = 0; index < deviceCount; index += 1) {
    const store = await query(
      `INSERT INTO stores (tenant_id, code, name) VALUES ($1, $2, $3) RETURNING id`,
      [tenantId, `PB${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`, `Push ${index}`],
    )
    const code = await issueEnrollmentCode(db, String(store.rows[0]!.id), { uses: null })
    const deviceId = randomUUID()
    const response = await fetch(`${base}/api/auth/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        enrollmentCode: code,
        deviceId,
        name: `Pusher ${index}`,
        fingerprint: `fp-${deviceId}`,
      }),
    })
    const tokens = (await response.json()) as TokenResponse
    devices.push({ deviceId, authorization: `Bearer ${tokens.accessToken}` })
  }
  const pushBatch = async (device: { deviceId: string; authorization: string }) => {
    const now = new Date().toISOString()
    const changes = Array.from({ length: 50 }, () => {
      const id = randomUUID()
      return {
        mutationId: randomUUID(),
        entity: 'order',
        id,
        op: 'upsert',
        baseVersion: 0,
        data: pushOrder(id, now),
      }
    })
    const response = await fetch(`${base}/api/sync/batch-push`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: device.authorization,
        'x-sync-protocol': '1',
      },
      body: JSON.stringify({ deviceId: device.deviceId, changes }),
    })
    const body = (await response.json()) as BatchPushResponse
    if (!body.results?.every((result) => result.status === 'applied'))
      throw new Error(`push failed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`)
  }
  // One warm-up batch per device, not counted.
  await Promise.all(devices.map(pushBatch))
  return alternate(
    'HTTP push (4 devices, 50-order batches)',
    query,
    rounds,
    devices.length * batches * 50,
    async () => {
      await Promise.all(
        devices.map(async (device) => {
          for (let batch = 0; batch < batches; batch += 1) await pushBatch(device)
        }),
      )
    },
    log,
  )
}

/**
 * Rounds alternate the trigger on and off (in both orders) so both modes see the same database
 * size, cache and machine load; the totals and the median of the per-round ratios are reported.
 */
async function alternate(
  path: string,
  query: Query,
  rounds: number,
  ordersPerRun: number,
  work: () => Promise<void>,
  log: (line: string) => void,
): Promise<PushCost[]> {
  const totals = { on: { orders: 0, ms: 0 }, off: { orders: 0, ms: 0 } }
  const ratios: number[] = []
  for (let round = 0; round < rounds; round += 1) {
    const ms = { on: 0, off: 0 }
    for (const mode of round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
      await setProjectionTriggers(query, mode === 'on')
      const started = performance.now()
      await work()
      ms[mode] = performance.now() - started
      totals[mode].ms += ms[mode]
      totals[mode].orders += ordersPerRun
    }
    ratios.push(ms.on / ms.off - 1)
  }
  await setProjectionTriggers(query, true)
  log(`  ${path}: ${rounds} rounds`)
  const sorted = [...ratios].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  const row = (mode: 'on' | 'off'): PushCost => ({
    path,
    mode: mode === 'on' ? 'projection trigger on' : 'projection trigger off',
    orders: totals[mode].orders,
    seconds: Number((totals[mode].ms / 1000).toFixed(2)),
    ordersPerSecond: Math.round(totals[mode].orders / (totals[mode].ms / 1000)),
    medianAddedCost: mode === 'on' ? Number(median.toFixed(4)) : null,
  })
  return [row('on'), row('off')]
}

/** The database write alone: the push's multi-row INSERT of 50 orders, one durable commit each. */
async function measureWriteCost(
  query: Query,
  tenantId: string,
  options: ReportBenchOptions,
  log: (line: string) => void,
): Promise<PushCost[]> {
  const store = await query(
    `INSERT INTO stores (tenant_id, code, name, time_zone) VALUES ($1, $2, 'Write bench', 'Europe/London') RETURNING id`,
    [tenantId, `WB${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`],
  )
  const storeId = String(store.rows[0]!.id)
  const batchesPerRun = options.pushBatchesPerRound ?? 8
  let offset = 0
  return alternate(
    'database write (50-order INSERT, commit)',
    query,
    (options.pushRounds ?? 8) * 2,
    batchesPerRun * 50,
    async () => {
      for (let batch = 0; batch < batchesPerRun; batch += 1) {
        await query(ORDERS_SQL, [storeId, 'write-bench', 50, offset])
        offset += 50
      }
    },
    log,
  )
}
