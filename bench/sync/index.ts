import '../../src/main/nodeVersionGuard'
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runSyncBench } from './runSyncBench'

export { runSyncBench } from './runSyncBench'
export { syncBenchOptionsFromEnv, type SyncBenchOptions } from './options'

/** `npx tsx bench/sync/index.ts`: the tables, then one JSON document (sizes: see options.ts). */
const isEntry =
  process.argv[1] !== undefined &&
  realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
if (isEntry) {
  const report = await runSyncBench()
  console.log('\nJSON')
  console.log(
    JSON.stringify(
      { date: new Date().toISOString(), node: process.version, sync: report },
      null,
      2,
    ),
  )
}
