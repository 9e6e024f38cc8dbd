import '../../src/main/nodeVersionGuard'
import { printTable } from '../stats'
import { printReportBench, runReportBench } from './report'

/**
 * `npx tsx bench/reports/index.ts [--orders 1000000] [--stores 20] [--runs 20] [--push-rounds 8]
 * [--push-batches 8] [--push-devices 4]`: the report bench alone (durable PostgreSQL, started and
 * stopped here). --push-batches sets each push run's length (50-order batches per device): runs
 * longer than the projector's 5 s maximum delay show its passes beside steady pushes.
 */
function flag(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`)
  if (index < 0) return undefined
  const value = Number(process.argv[index + 1])
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`--${name} expects a positive integer`)
  return value
}

const result = await runReportBench({
  orders: flag('orders'),
  stores: flag('stores'),
  runs: flag('runs'),
  pushRounds: flag('push-rounds'),
  pushBatchesPerRound: flag('push-batches'),
  pushDevices: flag('push-devices'),
})
printReportBench(result, printTable)
console.log('\nJSON')
console.log(JSON.stringify(result, null, 2))
