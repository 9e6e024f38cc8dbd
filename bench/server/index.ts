import { runServerBench } from './runServerBench'

/** `npx tsx bench/server/index.ts` (BENCH_ORDERS=N to change the 10,000 default). */
const rows = await runServerBench()
console.table(rows)
console.log(JSON.stringify({ bench: 'sync-server', rows }, null, 2))
