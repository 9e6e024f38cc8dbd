import { describeDurability } from '../durability'
import { printTable } from '../stats'
import type { LoadOptions } from './options'
import type { InstanceReport, PhaseReport } from './phaseFigures'
import { TARGET_P99_MS } from './phaseFigures'

export interface RunReport {
  command: string
  startedAt: string
  loadAverageAtStart: number[]
  loadAverageAtEnd: number[]
  cpus: number
  options: LoadOptions
  target: { p99Ms: number; errors: 0 }
  phases: PhaseReport[]
  isTargetMet: boolean
  isVerified: boolean
}

const text = (value: number | null, suffix = '') => (value === null ? 'n/a' : `${value}${suffix}`)

function latencyRow(label: string, report: PhaseReport | InstanceReport) {
  return {
    phase: label,
    'sales sent': report.salesSent,
    errors: report.errors,
    p50: `${report.latency.p50Ms} ms`,
    p95: `${report.latency.p95Ms} ms`,
    p99: `${report.latency.p99Ms} ms`,
    max: `${report.latency.maxMs} ms`,
    'acked/s': report.throughputPerSecond,
  }
}

export function printRun(run: RunReport): void {
  const latencyRows = run.phases.flatMap((phase) => [
    latencyRow(
      `${phase.phase} (${phase.database}${phase.durability.settings.fsync === 'off' ? ' fsync=off, NOT durable' : ''}, ${phase.instances.length} server${phase.instances.length > 1 ? 's' : ''})`,
      phase,
    ),
    ...(phase.instances.length > 1
      ? phase.instances.map((instance) => latencyRow(`  ${instance.name}`, instance))
      : []),
  ])
  printTable(
    `Push latency (measured window; offered ${run.options.registers} registers x ${run.options.salesPerSecond} sale/s; target p99 <= ${TARGET_P99_MS} ms, 0 errors)`,
    latencyRows,
    [
      ...new Set(
        run.phases.map(
          (phase) => `durability, ${phase.phase}: ${describeDurability(phase.durability)}`,
        ),
      ),
    ],
  )

  printTable(
    'Server processes (RSS peak sampled every 250 ms in the measured window; lifetime = VmHWM)',
    run.phases.flatMap((phase) =>
      phase.instances.map((instance) => ({
        instance: instance.name,
        pid: instance.pid,
        registers: instance.registers,
        'RSS peak': `${instance.peakRssMiB} MiB`,
        'RSS lifetime peak': text(instance.lifetimePeakRssMiB, ' MiB'),
        'CPU (% of a core)': text(instance.cpuPercent, ' %'),
        exit: instance.unexpectedExit ?? 'clean',
      })),
    ),
  )

  printTable(
    'Where the CPU went (% of one core; the machine has ' + run.cpus + ') and verification',
    run.phases.map((phase) => ({
      phase: phase.phase,
      servers: text(phase.cpuPercent.servers, ' %'),
      postgres: text(phase.cpuPercent.postgres, ' %'),
      generator: `${phase.cpuPercent.generator} %`,
      'gen. lag p99/max': `${phase.generator.scheduleLagP99Ms}/${phase.generator.scheduleLagMaxMs} ms`,
      'stored sales': phase.stored.sales,
      verified: phase.verification.isExact ? 'exact' : 'MISMATCH',
      target: phase.isTargetMet ? 'met' : 'MISSED',
    })),
  )

  printTable(
    'PostgreSQL connections of the servers, sampled every 500 ms (mean/max)',
    run.phases.flatMap((phase) =>
      phase.postgresActivity
        ? [
            {
              phase: phase.phase,
              connections: phase.postgresActivity.connectionsMax,
              'running a statement': `${phase.postgresActivity.activeMean}/${phase.postgresActivity.activeMax}`,
              'idle in transaction': `${phase.postgresActivity.idleInTransactionMean}/${phase.postgresActivity.idleInTransactionMax}`,
              'waiting on a lock': `${phase.postgresActivity.lockWaitMean}/${phase.postgresActivity.lockWaitMax}`,
            },
          ]
        : [],
    ),
  )

  for (const phase of run.phases) {
    console.log(
      `\n${phase.phase}: p99 by second of the measured window (ms): ${phase.p99BySecondMs.join(' ')}`,
    )
    if (!phase.verification.isExact) console.log(`\n${phase.phase}: ${phase.verification.message}`)
    if (phase.errors > 0) {
      console.log(`\n${phase.phase} errors: ${JSON.stringify(phase.errorBreakdown)}`)
      for (const sample of phase.errorSamples) console.log(`  e.g. ${sample}`)
    }
    for (const profile of phase.profiles) {
      printTable(
        `CPU profile ${profile.file}: self time by file/package (busy ${profile.busyMs} ms, idle ${profile.idleMs} ms)`,
        profile.byOwner.map((share) => ({
          owner: share.name,
          'self ms': share.selfMs,
          '% of busy': share.percent,
        })),
      )
      printTable(
        'self time with native and node: frames charged to the package or file calling them',
        profile.byCallingOwner.map((share) => ({
          caller: share.name,
          'self ms': share.selfMs,
          '% of busy': share.percent,
        })),
      )
      printTable(
        'hottest functions (self time)',
        profile.byFunction.map((share) => ({
          function: share.name,
          'self ms': share.selfMs,
          '% of busy': share.percent,
        })),
      )
    }
  }
}
