import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { hasPostgres } from '../../test/server/support/postgres'
import { createCleanup } from './cleanup'
import { createPhaseDatabase } from './database'
import { loadOptions } from './options'
import type { LoadOptions, PhaseName } from './options'
import { runPhase } from './phase'
import { TARGET_P99_MS } from './phaseFigures'
import { startLoadCluster } from './postgresCluster'
import type { PhaseSpec } from './phase'
import type { PhaseReport } from './phaseFigures'
import { printRun } from './report'
import type { RunReport } from './report'

/**
 * `npm run load`: N simulated registers selling against one sync server, then against two on
 * one PostgreSQL (see options.ts for flags). Progress goes to stderr, the report to stdout.
 * Exit code 0: target met and the database holds exactly the sales sent; 2: target missed;
 * 1: the count did not match, or the run failed.
 */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** Set-up, start-up and shutdown on top of the load itself; past this the run is cut short. */
const SETUP_ALLOWANCE_SECONDS = 120

const log = (line: string) => console.error(`[load] ${line}`)
function parseOptionsOrExit(): LoadOptions {
  try {
    const parsed = loadOptions(process.argv.slice(2), process.env)
    if (parsed === 'help') process.exit(0)
    return parsed
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(64)
  }
}
const options = parseOptionsOrExit()

const cleanup = createCleanup(log)
const watchdogSeconds =
  (options.phases.length + (options.alsoFsyncOff ? 1 : 0)) *
    (options.warmupSeconds + options.durationSeconds) +
  SETUP_ALLOWANCE_SECONDS
const watchdog = setTimeout(() => {
  log(`still running after ${watchdogSeconds} s: stopping everything`)
  void cleanup.stopAll().finally(() => process.exit(1))
}, watchdogSeconds * 1000)
watchdog.unref()

const workDir = mkdtempSync(path.join(os.tmpdir(), 'auraflow-load-'))
// Registered first, so it is removed last, after the servers writing into it have stopped.
const keepWorkDir = cleanup.add({
  name: 'work directory',
  stop: () => rm(workDir, { recursive: true, force: true }),
  stopNow: () => rmSync(workDir, { recursive: true, force: true }),
})
const run: RunReport = {
  command: `npm run load${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  startedAt: new Date().toISOString(),
  loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
  loadAverageAtEnd: [],
  cpus: os.availableParallelism(),
  options,
  target: { p99Ms: TARGET_P99_MS, errors: 0 },
  phases: [],
  isTargetMet: false,
  isVerified: false,
}
try {
  const needsPostgres = options.phases.includes('pair') || options.database === 'postgres'
  let phases: PhaseName[] = options.phases
  let clusterUrl: string | null = null
  if (needsPostgres && !hasPostgres()) {
    if (options.database === 'postgres')
      throw new Error(
        'PostgreSQL binaries not found (apt-get install postgresql, or AURAFLOW_PG_BIN); --db pglite runs phase 1 without them',
      )
    log('PostgreSQL binaries not found: phase 2 (two servers on one PostgreSQL) skipped')
    phases = phases.filter((phase) => phase !== 'pair')
  } else if (needsPostgres) {
    log('starting a throwaway PostgreSQL 15 cluster on 127.0.0.1')
    const cluster = await startLoadCluster()
    cleanup.add({
      name: 'PostgreSQL cluster',
      stop: () => cluster.stop(),
      stopNow: () => cluster.stopNow(),
    })
    clusterUrl = cluster.url
  }
  if (options.alsoFsyncOff && hasPostgres()) phases = [...phases, 'single-fsync-off']
  for (const phase of phases) {
    const isSingle = phase !== 'pair'
    if (phase === 'single-fsync-off') {
      log('starting a second cluster with fsync=off (extra phase, NOT durable)')
      const cluster = await startLoadCluster({ isFsyncOff: true })
      cleanup.add({
        name: 'PostgreSQL cluster (fsync=off)',
        stop: () => cluster.stop(),
        stopNow: () => cluster.stopNow(),
      })
      clusterUrl = cluster.url
    }
    const database: PhaseSpec['database'] =
      phase === 'single' && options.database === 'pglite'
        ? { kind: 'pglite', dataDir: path.join(workDir, 'pglite') }
        : {
            kind: 'postgres',
            url: await createPhaseDatabase(clusterUrl!, `load_${phase.replaceAll('-', '_')}`),
          }
    const spec: PhaseSpec = {
      phase,
      title:
        phase === 'single'
          ? 'phase 1 (one server)'
          : phase === 'pair'
            ? 'phase 2 (two servers, one PostgreSQL)'
            : 'phase 1 again, fsync=off (NOT durable, for comparison only)',
      database,
      instanceCount: isSingle ? 1 : 2,
      workDir,
      repoRoot: REPO_ROOT,
    }
    const report: PhaseReport = await runPhase(spec, options, cleanup, log)
    run.phases.push(report)
    log(
      `${spec.title}: p99 ${report.latency.p99Ms} ms, ${report.errors} errors, ${report.verification.message}`,
    )
  }
  run.isVerified = run.phases.length > 0 && run.phases.every((phase) => phase.verification.isExact)
  // The target is judged on durable phases only.
  run.isTargetMet =
    run.isVerified &&
    run.phases.every((phase) => phase.phase === 'single-fsync-off' || phase.isTargetMet)
} catch (error) {
  log(`run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
} finally {
  if (!run.isVerified) {
    keepWorkDir()
    log(`server logs kept in ${workDir}`)
  }
  await cleanup.stopAll()
  cleanup.dispose()
  clearTimeout(watchdog)
}

run.loadAverageAtEnd = os.loadavg().map((value) => Math.round(value * 100) / 100)
if (run.phases.length > 0) {
  printRun(run)
  console.log(
    `\nload average (1/5/15 min): ${run.loadAverageAtStart.join(' ')} at start, ${run.loadAverageAtEnd.join(' ')} at end; ${run.cpus} CPUs`,
  )
  const json = JSON.stringify(run, null, 2)
  console.log(`\n${json}`)
  if (options.jsonPath) writeFileSync(options.jsonPath, `${json}\n`)
}
process.exit(!run.isVerified ? 1 : run.isTargetMet ? 0 : 2)
