import type { Durability } from '../durability'
import { percentile, summarize } from '../stats'
import type { StoredSales } from './database'
import type { TargetTally } from './driver'
import type { PhaseName } from './options'
import type { PostgresActivity } from './postgresActivity'
import type { ProfileSummary } from './profile'

/** The figures a phase reports, and how they are computed from the driver's tallies. */

export interface LatencyFigures {
  count: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  meanMs: number
}

export interface TallyReport {
  salesSent: number
  warmupSales: number
  applied: number
  errors: number
  errorBreakdown: Record<string, number>
  errorSamples: string[]
  latency: LatencyFigures
  /** Applied sales of the measured window per second, until the last one was acknowledged. */
  throughputPerSecond: number
  averageBodyBytes: number
}

export interface InstanceReport extends TallyReport {
  name: string
  pid: number
  registers: number
  /** Peak of VmRSS sampled every 250 ms during the measured window, MiB. */
  peakRssMiB: number
  /** VmHWM at the end: the peak over the whole process life, start-up included, MiB. */
  lifetimePeakRssMiB: number | null
  /** CPU of this server process during the measured window, % of one core. */
  cpuPercent: number | null
  unexpectedExit: string | null
}

export interface PhaseReport extends TallyReport {
  phase: PhaseName
  title: string
  /** The database's own report of fsync, synchronous_commit and full_page_writes. */
  durability: Durability
  database: 'PostgreSQL' | 'PGlite'
  registers: number
  stores: number
  offeredSalesPerSecond: number
  measuredSeconds: number
  instances: InstanceReport[]
  /** CPU during the measured window, % of one core (the machine has 2). */
  cpuPercent: { servers: number | null; postgres: number | null; generator: number }
  generator: { scheduleLagP99Ms: number; scheduleLagMaxMs: number }
  /** p99 push latency of the pushes sent in each second of the measured window, ms. */
  p99BySecondMs: number[]
  postgresActivity: PostgresActivity | null
  stored: StoredSales
  verification: { isExact: boolean; message: string }
  isTargetMet: boolean
  profiles: ProfileSummary[]
}

export const TARGET_P99_MS = 250
export const MiB = (kb: number) => Math.round(kb / 102.4) / 10
export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits

export function latencyOf(samples: number[]): LatencyFigures {
  const summary = summarize(samples)
  const max = samples.reduce((highest, value) => Math.max(highest, value), 0)
  return {
    count: summary.count,
    p50Ms: round(summary.p50Ms),
    p95Ms: round(summary.p95Ms),
    p99Ms: round(summary.p99Ms),
    maxMs: round(max),
    meanMs: round(summary.meanMs),
  }
}

export function p99BySecond(tallies: TargetTally[], seconds: number): number[] {
  const buckets: number[][] = Array.from({ length: Math.ceil(seconds) }, () => [])
  for (const tally of tallies)
    tally.latenciesMs.forEach((latency, index) =>
      buckets[tally.latencySeconds[index]!]?.push(latency),
    )
  return buckets.map((bucket) =>
    round(
      percentile(
        bucket.sort((left, right) => left - right),
        99,
      ) || 0,
    ),
  )
}

export function tallyReport(tallies: TargetTally[], windowStartMs: number): TallyReport {
  const sum = (pick: (tally: TargetTally) => number) =>
    tallies.reduce((total, tally) => total + pick(tally), 0)
  const breakdown: Record<string, number> = {}
  for (const tally of tallies)
    for (const [key, count] of tally.errors) breakdown[key] = (breakdown[key] ?? 0) + count
  const lastAckMs = Math.max(...tallies.map((tally) => tally.lastMeasuredAckMs))
  const salesSent = sum((tally) => tally.salesSent)
  return {
    salesSent,
    warmupSales: sum((tally) => tally.warmupSales),
    applied: sum((tally) => tally.applied),
    errors: Object.values(breakdown).reduce((total, count) => total + count, 0),
    errorBreakdown: breakdown,
    errorSamples: tallies.flatMap((tally) => tally.errorSamples).slice(0, 5),
    latency: latencyOf(tallies.flatMap((tally) => tally.latenciesMs)),
    throughputPerSecond: round(
      sum((tally) => tally.measuredApplied) / Math.max(0.001, (lastAckMs - windowStartMs) / 1000),
    ),
    averageBodyBytes: Math.round(sum((tally) => tally.bytesSent) / Math.max(1, salesSent)),
  }
}
