import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { Database } from '../../src/server/db/connection'
import type { ReportProjector } from '../../src/server/reports/projector'
import { issueEnrollmentCode } from '../../src/server/tenancy/enrollmentCodes'
import type { BatchPushResponse, TokenResponse } from '../../src/shared/sync'
import type { Query } from './generate'
import { ORDERS_SQL, setProjectionTriggers } from './generate'

/**
 * The projection's cost on push, both ways, in the same run: rounds run the three modes in a
 * rotated order (none, trigger, stream; then trigger, stream, none; …) so each sees the same
 * database size, cache and machine load; each mode's per-round time is compared with the same
 * round's `none` time, and the medians of those ratios are reported.
 *
 * - none: no projection at all (the reference).
 * - trigger: the statement-level triggers of 0006 project in the push transaction.
 * - stream: the server's projector projects after each push commits (woken by the bus), running
 *   concurrently with the pushes on the same database; its catch-up after the last push of the
 *   run is timed apart (`drainMs`), and `withDrain` counts it in.
 *
 * Between runs (untimed) the triggers are dropped and the projector brought current, so every run
 * starts from a current projection; each round starts after a CHECKPOINT.
 */

export type ProjectionMode = 'none' | 'trigger' | 'stream'
export const MODES: readonly ProjectionMode[] = ['none', 'trigger', 'stream']

export interface PushCost {
  path: string
  mode: ProjectionMode
  orders: number
  seconds: number
  ordersPerSecond: number
  /** Median over the rounds of (this mode's time ÷ the same round's `none` time − 1). */
  medianAddedCost: number | null
  /** stream only: median time to bring the projection current after a run's last push. */
  medianDrainMs: number | null
  /** stream only: the median added cost counting the catch-up after the run too. */
  medianAddedCostWithDrain: number | null
}

interface ModeControl {
  query: Query
  projector: ReportProjector
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return 0
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

async function enter(control: ModeControl, mode: ProjectionMode): Promise<void> {
  await setProjectionTriggers(control.query, mode === 'trigger')
  if (mode === 'stream') control.projector.resume()
}

async function leave(control: ModeControl): Promise<void> {
  await control.projector.pause()
  await setProjectionTriggers(control.query, false)
  await control.projector.drain()
}

export async function rotateModes(
  path: string,
  control: ModeControl,
  rounds: number,
  ordersPerRun: number,
  work: () => Promise<void>,
  log: (line: string) => void,
): Promise<PushCost[]> {
  const totals = new Map(MODES.map((mode) => [mode, 0]))
  const ratios = new Map(MODES.map((mode) => [mode, [] as number[]]))
  const withDrain: number[] = []
  const drains: number[] = []
  await leave(control)
  for (let round = 0; round < rounds; round += 1) {
    // Each round starts after a checkpoint, so a checkpoint's flush (the 1M-order backfill left
    // gigabytes dirty) lands on no mode in particular: the rotation gives each the same places.
    await control.query('CHECKPOINT')
    const order = MODES.map((_, index) => MODES[(index + round) % MODES.length]!)
    const ms = new Map<ProjectionMode, number>()
    let drainMs = 0
    for (const mode of order) {
      await enter(control, mode)
      const waits = process.env.BENCH_REPORT_WAITS ? sampleWaits(control.query) : null
      const started = performance.now()
      await work()
      ms.set(mode, performance.now() - started)
      if (waits) log(`    ${mode} waits: ${JSON.stringify(await waits.stop())}`)
      if (mode === 'stream') {
        const drainStarted = performance.now()
        await control.projector.drain()
        drainMs = performance.now() - drainStarted
      }
      await leave(control)
      totals.set(mode, totals.get(mode)! + ms.get(mode)!)
    }
    const none = ms.get('none')!
    for (const mode of MODES) ratios.get(mode)!.push(ms.get(mode)! / none - 1)
    withDrain.push((ms.get('stream')! + drainMs) / none - 1)
    drains.push(drainMs)
    log(
      `  ${path} round ${round + 1}/${rounds}: ${MODES.map((mode) => `${mode} ${Math.round(ms.get(mode)!)} ms`).join(', ')}, stream catch-up ${Math.round(drainMs)} ms`,
    )
  }
  control.projector.resume()
  const fixed = (value: number) => Number(value.toFixed(4))
  return MODES.map((mode) => ({
    path,
    mode,
    orders: ordersPerRun * rounds,
    seconds: Number((totals.get(mode)! / 1000).toFixed(2)),
    ordersPerSecond: Math.round((ordersPerRun * rounds) / (totals.get(mode)! / 1000)),
    medianAddedCost: mode === 'none' ? null : fixed(median(ratios.get(mode)!)),
    medianDrainMs: mode === 'stream' ? Math.round(median(drains)) : null,
    medianAddedCostWithDrain: mode === 'stream' ? fixed(median(withDrain)) : null,
  }))
}

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

export interface PushCostOptions {
  rounds: number
  batches: number
  devices: number
}

/** Devices of fresh stores push 50-order batches concurrently over HTTP. */
export async function measurePushCost(
  db: Database,
  control: ModeControl,
  base: string,
  options: PushCostOptions,
  log: (line: string) => void,
): Promise<PushCost[]> {
  const { query } = control
  const { rows } = await query(`INSERT INTO tenants (name) VALUES ('push bench') RETURNING id`)
  const tenantId = String(rows[0]!.id)
  const devices: { deviceId: string; authorization: string }[] = []
  for (let index = 0; index < options.devices; index += 1) {
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
  return rotateModes(
    `HTTP push (${options.devices} devices, 50-order batches)`,
    control,
    options.rounds,
    devices.length * options.batches * 50,
    async () => {
      await Promise.all(
        devices.map(async (device) => {
          for (let batch = 0; batch < options.batches; batch += 1) await pushBatch(device)
        }),
      )
    },
    log,
  )
}

/**
 * The database write alone: the push's multi-row INSERT of 50 orders, one durable commit each; in
 * stream mode the projector is woken after each commit, as a push wakes it.
 */
export async function measureWriteCost(
  control: ModeControl,
  tenantId: string,
  options: PushCostOptions,
  log: (line: string) => void,
): Promise<PushCost[]> {
  const { query } = control
  const store = await query(
    `INSERT INTO stores (tenant_id, code, name, time_zone) VALUES ($1, $2, 'Write bench', 'Europe/London') RETURNING id`,
    [tenantId, `WB${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`],
  )
  const storeId = String(store.rows[0]!.id)
  let offset = 0
  return rotateModes(
    'database write (50-order INSERT, commit)',
    control,
    options.rounds * 2,
    options.batches * 50,
    async () => {
      for (let batch = 0; batch < options.batches; batch += 1) {
        // The head moves with the records, as in a push (the projector reads up to the head).
        await query(
          `WITH w AS (${ORDERS_SQL} RETURNING seq) UPDATE stores SET head_seq = (SELECT max(seq) FROM w) WHERE id = $1::uuid`,
          [storeId, 'write-bench', 50, offset],
        )
        offset += 50
        control.projector.wake(storeId)
      }
    },
    log,
  )
}

/** BENCH_REPORT_WAITS=1: what the database's busy sessions wait on during a run (every 100 ms). */
function sampleWaits(query: Query) {
  const counts: Record<string, number> = {}
  let isDone = false
  const sampling = (async () => {
    while (!isDone) {
      const { rows } = await query(
        `SELECT coalesce(wait_event_type, 'cpu') || ':' || coalesce(wait_event, '') || ' ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 40) AS w
         FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      )
      for (const row of rows) counts[String(row.w)] = (counts[String(row.w)] ?? 0) + 1
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })()
  return {
    async stop() {
      isDone = true
      await sampling
      return counts
    },
  }
}
