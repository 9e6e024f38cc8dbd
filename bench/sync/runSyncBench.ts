import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { elapsedMs } from '../stats'
import { benchBacklog, type BacklogResult } from './backlog'
import { availableDatabases, startBenchServer } from './benchServer'
import { benchBootstrap, type BootstrapResult } from './bootstrap'
import { syncBenchOptionsFromEnv, type SyncBenchOptions, type SyncMeasurement } from './options'
import { printBacklog, printBootstrap, printVisibility } from './tables'
import { benchVisibility, type VisibilityResult } from './visibility'

/**
 * Register-side sync benchmarks (issue 4 item 9): backlog drain against the raw ingest ceiling,
 * bootstrap pull, and register→register visibility, each on PGlite and PostgreSQL. Prints one
 * table per measurement and returns every figure. Options default to the sizes, read
 * from the environment (see options.ts).
 */
export async function runSyncBench(
  overrides: Partial<SyncBenchOptions> = {},
): Promise<Record<string, unknown>> {
  const options = syncBenchOptionsFromEnv(process.env, overrides)
  const backlog: BacklogResult[] = []
  const bootstrap: BootstrapResult[] = []
  const visibility: VisibilityResult[] = []
  const isWanted = (measurement: SyncMeasurement) => options.measurements.includes(measurement)
  // One server per database, each measurement in its own store; the backlog runs first, on an
  // empty database, and the bootstrap's 100k-row store last.
  for (const database of availableDatabases(options.databases)) {
    const server = await timed(`${database} server start`, () => startBenchServer(database))
    try {
      if (isWanted('backlog'))
        backlog.push(await timed(`${database} backlog`, () => benchBacklog(server, options)))
      if (isWanted('visibility'))
        visibility.push(
          await timed(`${database} visibility`, () => benchVisibility(server, options)),
        )
      if (isWanted('bootstrap'))
        bootstrap.push(await timed(`${database} bootstrap`, () => benchBootstrap(server, options)))
    } finally {
      await server.stop()
    }
  }
  if (isWanted('backlog')) printBacklog(backlog, options)
  if (isWanted('bootstrap')) printBootstrap(bootstrap, options)
  if (isWanted('visibility')) printVisibility(visibility, options)
  return { options, sourceDigest: sourceDigest(), backlog, bootstrap, visibility }
}

/**
 * The sync code measured, as one hash: src/ changes under a running team, so a figure is only
 * comparable with another taken on the same digest.
 */
function sourceDigest(): string {
  const root = fileURLToPath(new URL('../../src/', import.meta.url))
  const hash = createHash('sha256')
  for (const folder of ['main/sync', 'main/store', 'server/sync', 'server/routes', 'shared/sync']) {
    for (const file of readdirSync(join(root, folder))
      .filter((name) => name.endsWith('.ts'))
      .sort()) {
      hash.update(`${folder}/${file}\0`).update(readFileSync(join(root, folder, file)))
    }
  }
  return hash.digest('hex').slice(0, 16)
}

/** Progress on stderr, so a long run shows where it is and stdout stays tables and JSON. */
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint()
  const value = await work()
  console.error(`[sync bench] ${label}: ${(elapsedMs(started) / 1000).toFixed(1)} s`)
  return value
}
