import type { DatabaseKind } from './benchServer'

export type SyncMeasurement = 'backlog' | 'bootstrap' | 'visibility' | 'grid'

export interface SyncBenchOptions {
  databases: DatabaseKind[]
  measurements: SyncMeasurement[]
  /** Pending orders on the register before it is enrolled (issue: 10,000). */
  backlogOrders: number
  /** Catalog and order history a fresh register pulls (issue: 100k products + 10k orders). */
  bootstrapProducts: number
  bootstrapOrders: number
  /** Pull page sizes to compare (the worker's default is 500, the server's maximum 1000). */
  pullPageSizes: number[]
  /** Sales register A makes one at a time while register B watches (issue: 200). */
  visibilitySales: number
  /** The worker's wait after a local commit (its default, 250 ms, is part of what a cashier sees). */
  commitDebounceMs: number
  /** Writes a CPU profile per register process here when set. */
  cpuProfileDir: string | null
  /** Backlog grid (measurement `grid`): pending orders per cell, records per push, batches in flight. */
  gridOrders: number
  gridBatchSizes: number[]
  gridLanes: number[]
  /** Passes over the grid (forwards, backwards, ...); the table shows each cell's best. */
  gridRounds: number
  /** Also runs the backlog on PostgreSQL with fsync=off, as an extra labelled row. */
  alsoFsyncOff: boolean
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

/**
 * Issue sizes, scaled by BENCH_SYNC_SCALE (0.1 for a quick run); each size and choice can be set
 * on its own too: BENCH_SYNC_DATABASES=pglite,postgres, BENCH_SYNC_ONLY=backlog,bootstrap,visibility,
 * BENCH_SYNC_ORDERS, BENCH_SYNC_PRODUCTS, BENCH_SYNC_HISTORY, BENCH_SYNC_PULL_PAGE=500,1000 (default; 500
 * alone when scaled down),
 * BENCH_SYNC_SALES, BENCH_SYNC_DEBOUNCE_MS, BENCH_SYNC_CPU_PROF=dir. The backlog grid runs only when
 * named (BENCH_SYNC_ONLY=grid): BENCH_SYNC_GRID_ORDERS (3,000 a cell), BENCH_SYNC_GRID_BATCH=50,100,200,500,
 * BENCH_SYNC_GRID_LANES=1,2,3,4, BENCH_SYNC_GRID_ROUNDS=2. BENCH_ALSO_FSYNC_OFF=1 (or `--also-fsync-off`) adds a backlog row on
 * PostgreSQL with fsync=off, labelled so; the headline rows are always durable.
 */
export function syncBenchOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<SyncBenchOptions> = {},
): SyncBenchOptions {
  const scale = Number(env.BENCH_SYNC_SCALE ?? 1)
  if (!(scale > 0))
    throw new Error(`BENCH_SYNC_SCALE must be a positive number, got ${env.BENCH_SYNC_SCALE}`)
  const sized = (name: string, issueSize: number, minimum: number) => {
    const value = env[name] ? Number(env[name]) : Math.round(issueSize * scale)
    if (!Number.isInteger(value) || value < minimum)
      throw new Error(`${name} must be an integer >= ${minimum}, got ${env[name]}`)
    return value
  }
  const databases = list(env.BENCH_SYNC_DATABASES).map((name): DatabaseKind => {
    if (/^pglite$/i.test(name)) return 'PGlite'
    if (/^(postgres|postgresql|pg)$/i.test(name)) return 'PostgreSQL'
    throw new Error(`BENCH_SYNC_DATABASES: unknown database ${name}`)
  })
  const measurements = list(env.BENCH_SYNC_ONLY).map((name): SyncMeasurement => {
    if (name === 'backlog' || name === 'bootstrap' || name === 'visibility' || name === 'grid')
      return name
    throw new Error(`BENCH_SYNC_ONLY: unknown measurement ${name}`)
  })
  const integers = (name: string, fallback: number[], max: number) => {
    const values = list(env[name]).map(Number)
    if (values.some((value) => !Number.isInteger(value) || value < 1 || value > max))
      throw new Error(`${name}: integers 1..${max}, got ${env[name]}`)
    return values.length > 0 ? values : fallback
  }
  const pullPageSizes = list(env.BENCH_SYNC_PULL_PAGE).map(Number)
  if (pullPageSizes.some((size) => !Number.isInteger(size) || size < 1 || size > 1000))
    throw new Error('BENCH_SYNC_PULL_PAGE: page sizes are integers 1..1000')
  return {
    databases: databases.length > 0 ? databases : ['PGlite', 'PostgreSQL'],
    measurements: measurements.length > 0 ? measurements : ['backlog', 'bootstrap', 'visibility'],
    backlogOrders: sized('BENCH_SYNC_ORDERS', 10_000, 1),
    bootstrapProducts: sized('BENCH_SYNC_PRODUCTS', 100_000, 0),
    bootstrapOrders: sized('BENCH_SYNC_HISTORY', 10_000, 0),
    // The worker's default page and the server's largest; a scaled-down run keeps only the default.
    pullPageSizes: pullPageSizes.length > 0 ? pullPageSizes : scale >= 1 ? [500, 1000] : [500],
    visibilitySales: sized('BENCH_SYNC_SALES', 200, 1),
    commitDebounceMs: env.BENCH_SYNC_DEBOUNCE_MS ? Number(env.BENCH_SYNC_DEBOUNCE_MS) : 250,
    cpuProfileDir: env.BENCH_SYNC_CPU_PROF ?? null,
    gridOrders: sized('BENCH_SYNC_GRID_ORDERS', 3_000, 1),
    gridBatchSizes: integers('BENCH_SYNC_GRID_BATCH', [50, 100, 200, 500], 500),
    gridLanes: integers('BENCH_SYNC_GRID_LANES', [1, 2, 3, 4], 8),
    gridRounds: integers('BENCH_SYNC_GRID_ROUNDS', [2], 10)[0]!,
    alsoFsyncOff: /^(1|true|yes)$/i.test(env.BENCH_ALSO_FSYNC_OFF ?? ''),
    ...overrides,
  }
}
