import { existsSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { DatabaseTarget } from '../../src/server/db/connection'
import { percentile } from '../stats'
import type { Cleanup } from './cleanup'
import { countStoredSales, postmasterPid, readDurability } from './database'
import { driveLoad } from './driver'
import type { LoadTarget } from './driver'
import { enrollRegisters } from './enrollRegisters'
import type { LoadOptions, PhaseName } from './options'
import { connectPostgresActivity } from './postgresActivity'
import { summarizeProfile } from './profile'
import { MiB, p99BySecond, round, tallyReport, TARGET_P99_MS } from './phaseFigures'
import type { InstanceReport, PhaseReport } from './phaseFigures'
import { readTreeCpuSeconds } from './procStats'
import { startServerProcess } from './serverProcess'
import type { ServerProcess } from './serverProcess'

export interface PhaseSpec {
  phase: PhaseName
  title: string
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string }
  instanceCount: number
  workDir: string
  repoRoot: string
}

/**
 * Without affinity a store has registers on every instance (what a plain round-robin balancer
 * does); with it, all of a store's registers talk to one instance. Either way instances stay even.
 */
function instanceOf(registerIndex: number, options: LoadOptions, instanceCount: number): number {
  const storeIndex = registerIndex % options.stores
  if (options.affinity === 'store') return storeIndex % instanceCount
  return (storeIndex + Math.floor(registerIndex / options.stores)) % instanceCount
}

export async function runPhase(
  spec: PhaseSpec,
  options: LoadOptions,
  cleanup: Cleanup,
  log: (line: string) => void,
): Promise<PhaseReport> {
  const target: DatabaseTarget = spec.database
  log(`${spec.title}: enrolling ${options.registers} registers in ${options.stores} stores`)
  const registers = await enrollRegisters(target, options.registers, options.stores)
  const profileDir = options.cpuProfileDir ? path.resolve(options.cpuProfileDir) : null
  log(`${spec.title}: starting ${spec.instanceCount} server process(es) (src/server/cli.ts)`)
  const servers: ServerProcess[] = []
  const forget: (() => void)[] = []
  let activity: Awaited<ReturnType<typeof connectPostgresActivity>> | null = null
  try {
    const started = await Promise.all(
      Array.from({ length: spec.instanceCount }, (_, index) =>
        startServerProcess({
          name: `${spec.phase}-${String.fromCharCode(65 + index)}`,
          database: spec.database,
          logPath: path.join(spec.workDir, `${spec.phase}-${String.fromCharCode(65 + index)}.log`),
          logLevel: options.serverLogLevel,
          cpuProfileDir: profileDir,
        }).then((server) => {
          servers.push(server)
          forget.push(
            cleanup.add({
              name: server.name,
              stop: () => server.stop(),
              stopNow: () => server.stopNow(),
            }),
          )
          return server
        }),
      ),
    )
    const targets: LoadTarget[] = started.map((server, index) => ({
      name: server.name,
      origin: server.origin,
      registers: registers.filter(
        (register) => instanceOf(register.index, options, spec.instanceCount) === index,
      ),
    }))
    const postgresPid =
      spec.database.kind === 'postgres' ? await postmasterPid(spec.database.url) : null
    activity =
      spec.database.kind === 'postgres' ? await connectPostgresActivity(spec.database.url) : null
    const sampler = activity
    let windowStart = {
      atMs: 0,
      serverCpu: started.map(() => null as number | null),
      postgresCpu: null as number | null,
    }
    log(
      `${spec.title}: ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s measured at ${options.registers * options.salesPerSecond} sales/s offered`,
    )
    const drive = await driveLoad(targets, {
      ...options,
      onMeasureStart() {
        for (const server of started) server.startSampling()
        sampler?.begin()
        windowStart = {
          atMs: performance.now(),
          serverCpu: started.map((server) => server.cpuSeconds()),
          postgresCpu: postgresPid === null ? null : readTreeCpuSeconds(postgresPid),
        }
      },
    })
    const windowSeconds = (performance.now() - windowStart.atMs) / 1000
    const postgresActivity = sampler ? await sampler.stop() : null
    activity = null
    const percentOfCore = (end: number | null, begin: number | null) =>
      end === null || begin === null ? null : round((100 * (end - begin)) / windowSeconds)
    const postgresCpu = percentOfCore(
      postgresPid === null ? null : readTreeCpuSeconds(postgresPid),
      windowStart.postgresCpu,
    )
    const instances: InstanceReport[] = started.map((server, index) => {
      const rss = server.stopSampling()
      const tally = drive.targets[index]!
      const lifetimePeak = server.lifetimePeakRssKb()
      return {
        name: server.name,
        pid: server.pid,
        registers: targets[index]!.registers.length,
        ...tallyReport([tally], drive.windowStartMs),
        peakRssMiB: MiB(rss.peakRssKb),
        lifetimePeakRssMiB: lifetimePeak === null ? null : MiB(lifetimePeak),
        cpuPercent: percentOfCore(server.cpuSeconds(), windowStart.serverCpu[index] ?? null),
        unexpectedExit: server.unexpectedExit(),
      }
    })
    log(`${spec.title}: stopping servers, counting what the database holds`)
    for (const server of servers) await server.stop()
    for (const release of forget) release()
    const stored = await countStoredSales(target)
    const durability = await readDurability(target)
    const totals = tallyReport(drive.targets, drive.windowStartMs)
    const centsSent = drive.targets.reduce((sum, tally) => sum + tally.totalCentsSent, 0)
    const isExact =
      stored.sales === totals.salesSent &&
      stored.totalCents === centsSent &&
      stored.appliedMutations === totals.salesSent
    const sortedLag = [...drive.scheduleLagMs].sort((left, right) => left - right)
    const serverCpu = instances.every((instance) => instance.cpuPercent !== null)
      ? round(instances.reduce((sum, instance) => sum + (instance.cpuPercent ?? 0), 0))
      : null
    const report: PhaseReport = {
      phase: spec.phase,
      title: spec.title,
      durability,
      database: spec.database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite',
      registers: options.registers,
      stores: options.stores,
      offeredSalesPerSecond: options.registers * options.salesPerSecond,
      measuredSeconds: options.durationSeconds,
      ...totals,
      instances,
      cpuPercent: {
        servers: serverCpu,
        postgres: postgresCpu,
        generator: round((100 * drive.generatorCpuSeconds) / windowSeconds),
      },
      generator: {
        scheduleLagP99Ms: round(percentile(sortedLag, 99)),
        scheduleLagMaxMs: round(sortedLag.at(-1) ?? 0),
      },
      p99BySecondMs: p99BySecond(drive.targets, options.durationSeconds),
      postgresActivity,
      stored,
      verification: {
        isExact,
        message: isExact
          ? `database holds exactly the ${totals.salesSent} sales sent (${centsSent} cents)`
          : `MISMATCH: sent ${totals.salesSent} sales / ${centsSent} cents; database holds ${stored.sales} sales / ${stored.totalCents} cents, ${stored.appliedMutations} applied ledger entries`,
      },
      isTargetMet: false,
      profiles: [],
    }
    report.isTargetMet =
      report.errors === 0 &&
      isExact &&
      report.latency.p99Ms <= TARGET_P99_MS &&
      instances.every((instance) => !instance.unexpectedExit)
    if (profileDir) {
      for (const server of started) {
        const file = path.join(profileDir, `${server.name}.cpuprofile`)
        if (existsSync(file)) report.profiles.push(summarizeProfile(file, spec.repoRoot))
      }
    }
    return report
  } catch (error) {
    for (const server of servers)
      log(`--- ${server.name} log tail (${server.logPath}) ---\n${server.logTail()}`)
    throw error
  } finally {
    await activity?.stop().catch(() => undefined)
    // Normally already stopped and forgotten; on failure this stops whatever is left.
    for (const server of servers) await server.stop()
    for (const release of forget) release()
  }
}
