import { performance } from 'node:perf_hooks'
import { Pool } from 'undici'
import type { BatchPushResponse } from '../../src/shared/sync'
import type { EnrolledRegister } from './enrollRegisters'
import { registerSales, seededRandom } from './envelopes'
import type { RegisterSales } from './envelopes'
import type { ArrivalModel } from './options'

export interface LoadTarget {
  name: string
  origin: string
  registers: EnrolledRegister[]
}

export interface DriveOptions {
  salesPerSecond: number
  warmupSeconds: number
  durationSeconds: number
  arrivals: ArrivalModel
  timeoutMs: number
  /** Called once the warm-up is over and measuring starts. */
  onMeasureStart(): void
}

/** What one server instance saw from the registers pointed at it. */
export interface TargetTally {
  name: string
  salesSent: number
  /** Sent during the warm-up: counted, stored and verified, but not in the latency figures. */
  warmupSales: number
  applied: number
  /** Push latency of every reply of the measured window, in ms (send to last body byte). */
  latenciesMs: number[]
  /** For each latency, the second of the measured window its push was sent in. */
  latencySeconds: number[]
  errors: Map<string, number>
  errorSamples: string[]
  totalCentsSent: number
  bytesSent: number
  /** Applied sales of the measured window and when the last of them was acknowledged. */
  measuredApplied: number
  lastMeasuredAckMs: number
}

export interface DriveResult {
  targets: TargetTally[]
  /** Timer firing late against its schedule, ms: the generator's own delay. */
  scheduleLagMs: number[]
  generatorCpuSeconds: number
  measuredSeconds: number
  windowStartMs: number
}

const SALE_PATH = '/api/sync/batch-push'

interface Outstanding {
  count: number
  drained: (() => void) | null
}

function countError(tally: TargetTally, key: string, sample: string): void {
  tally.errors.set(key, (tally.errors.get(key) ?? 0) + 1)
  if (tally.errorSamples.length < 5) tally.errorSamples.push(sample.slice(0, 300))
}

function classify(error: unknown): string {
  const code = (error as { code?: string } | null)?.code ?? 'UNKNOWN'
  return /TIMEOUT/.test(code) ? 'timeout' : `network ${code}`
}

/**
 * Open-loop load: every register sells on its own clock (Poisson or jittered-uniform gaps around
 * 1/rate) and each sale is pushed at once, whether or not its previous push has returned, so a slow
 * server meets the offered rate rather than a politely slowed one. Schedules are absolute, so late
 * timers do not lower the rate; how late they fire is reported as the generator's own lag.
 */
export async function driveLoad(
  targets: LoadTarget[],
  options: DriveOptions,
): Promise<DriveResult> {
  const meanGapMs = 1000 / options.salesPerSecond
  const random = seededRandom(7)
  const gap =
    options.arrivals === 'poisson'
      ? () => -Math.log(1 - random()) * meanGapMs
      : () => meanGapMs * (0.5 + random())
  const outstanding: Outstanding = { count: 0, drained: null }
  const scheduleLagMs: number[] = []
  const tallies: TargetTally[] = []
  const pools: Pool[] = []
  const startAt = performance.now() + 100
  const windowStartMs = startAt + options.warmupSeconds * 1000
  const endAt = windowStartMs + options.durationSeconds * 1000
  let cpuAtWindow: NodeJS.CpuUsage | null = null
  let isMeasuring = false
  let activeRegisters = 0
  let allScheduled: () => void = () => undefined
  const scheduled = new Promise<void>((resolve) => (allScheduled = resolve))

  for (const target of targets) {
    const tally: TargetTally = {
      name: target.name,
      salesSent: 0,
      warmupSales: 0,
      applied: 0,
      latenciesMs: [],
      latencySeconds: [],
      errors: new Map(),
      errorSamples: [],
      totalCentsSent: 0,
      bytesSent: 0,
      measuredApplied: 0,
      lastMeasuredAckMs: windowStartMs,
    }
    tallies.push(tally)
    const pool = new Pool(target.origin, {
      connections: Math.max(1, target.registers.length),
      pipelining: 1,
      keepAliveTimeout: 60_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connectTimeout: options.timeoutMs,
    })
    pools.push(pool)
    for (const register of target.registers) {
      const headers = {
        authorization: `Bearer ${register.accessToken}`,
        'content-type': 'application/json',
        'x-sync-protocol': '1',
      }
      const sales = registerSales(
        register.deviceId,
        register.code,
        seededRandom(1000 + register.index),
      )
      let nextAt = startAt + (options.arrivals === 'poisson' ? gap() : random() * meanGapMs)
      const fire = () => {
        const now = performance.now()
        scheduleLagMs.push(now - nextAt)
        if (!isMeasuring && now >= windowStartMs) {
          isMeasuring = true
          cpuAtWindow = process.cpuUsage()
          options.onMeasureStart()
        }
        const second = nextAt >= windowStartMs ? Math.floor((nextAt - windowStartMs) / 1000) : -1
        sendSale(pool, tally, sales, headers, second, outstanding)
        nextAt += gap()
        if (nextAt < endAt) {
          setTimeout(fire, Math.max(0, nextAt - performance.now()))
        } else if (--activeRegisters === 0) {
          allScheduled()
        }
      }
      if (nextAt < endAt) {
        activeRegisters += 1
        setTimeout(fire, Math.max(0, nextAt - performance.now()))
      }
    }
  }
  if (activeRegisters === 0) allScheduled()
  await scheduled
  if (outstanding.count > 0) await new Promise<void>((resolve) => (outstanding.drained = resolve))
  const cpu = process.cpuUsage(cpuAtWindow ?? undefined)
  await Promise.all(pools.map((pool) => pool.close()))
  return {
    targets: tallies,
    scheduleLagMs,
    generatorCpuSeconds: (cpu.user + cpu.system) / 1e6,
    measuredSeconds: options.durationSeconds,
    windowStartMs,
  }
}

function sendSale(
  pool: Pool,
  tally: TargetTally,
  sales: RegisterSales,
  headers: Record<string, string>,
  /** Second of the measured window, or -1 during the warm-up. */
  second: number,
  outstanding: Outstanding,
): void {
  const isMeasured = second >= 0
  const { body, totalCents } = sales.next()
  tally.salesSent += 1
  if (!isMeasured) tally.warmupSales += 1
  tally.totalCentsSent += totalCents
  tally.bytesSent += body.length
  outstanding.count += 1
  const started = performance.now()
  pool
    .request({ method: 'POST', path: SALE_PATH, headers, body })
    .then(async (response) => {
      const text = await response.body.text()
      const finished = performance.now()
      if (isMeasured) {
        tally.latenciesMs.push(finished - started)
        tally.latencySeconds.push(second)
      }
      if (response.statusCode !== 200) {
        const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? ''
        countError(tally, `http ${response.statusCode} ${code}`.trim(), text)
        return
      }
      const result = (JSON.parse(text) as BatchPushResponse).results[0]
      if (result?.status !== 'applied') {
        countError(
          tally,
          `record ${result?.status ?? 'missing'}${result?.error ? ` ${result.error.code}` : ''}`,
          text,
        )
        return
      }
      tally.applied += 1
      if (isMeasured) {
        tally.measuredApplied += 1
        tally.lastMeasuredAckMs = Math.max(tally.lastMeasuredAckMs, finished)
      }
    })
    .catch((error: unknown) => countError(tally, classify(error), String(error)))
    .finally(() => {
      outstanding.count -= 1
      if (outstanding.count === 0) outstanding.drained?.()
    })
}
