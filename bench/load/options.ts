import { parseArgs } from 'node:util'

/** `single-fsync-off`: phase 1 again on a cluster with fsync=off, only with --also-fsync-off. */
export type PhaseName = 'single' | 'pair' | 'single-fsync-off'
export type DatabaseChoice = 'postgres' | 'pglite'
export type ArrivalModel = 'poisson' | 'uniform'
/** Phase 2: `none` spreads each store's registers over both servers, `store` keeps a store on one. */
export type Affinity = 'none' | 'store'
export type ServerLogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface LoadOptions {
  registers: number
  /** Sales per second per register (each sale is one push of one order envelope). */
  salesPerSecond: number
  /** Measured seconds per phase, after the warm-up. */
  durationSeconds: number
  /** Seconds at full rate before measuring: sales count, their latencies do not. */
  warmupSeconds: number
  phases: PhaseName[]
  /** Database of phase 1; phase 2 (two instances) always needs PostgreSQL. */
  database: DatabaseChoice
  /** Registers are spread over this many stores of one tenant (a chain). */
  stores: number
  arrivals: ArrivalModel
  affinity: Affinity
  timeoutMs: number
  /** LOG_LEVEL of the server processes; `info` (their default) logs every request. */
  serverLogLevel: ServerLogLevel
  /** Writes a V8 CPU profile per server process here, and prints where its time went. */
  cpuProfileDir: string | null
  /** Also writes the JSON report to this file. */
  jsonPath: string | null
  /** Adds phase 1 on a second cluster with fsync=off, labelled so (the headline stays durable). */
  alsoFsyncOff: boolean
}

const USAGE = `npm run load -- [options]   (each option also reads an env var)
  --registers N        simulated registers (LOAD_REGISTERS, default 200)
  --rate R             sales per second per register (LOAD_RATE, default 2.5: 500 pushes/s from 200)
  --duration S         measured seconds per phase (LOAD_DURATION, default 30)
  --warmup S           seconds at full rate before measuring (LOAD_WARMUP, default 10: a cold server and database settle first)
  --phases LIST        1 = one server, 2 = two servers on one PostgreSQL (LOAD_PHASES, default 1,2)
  --db postgres|pglite database of phase 1 (LOAD_DB, default postgres)
  --stores N           stores the registers are spread over (LOAD_STORES, default 20)
  --arrivals poisson|uniform   per-register arrival process (LOAD_ARRIVALS, default poisson)
  --affinity none|store  phase 2: a store's registers on both servers, or all on one (LOAD_AFFINITY, default none)
  --timeout-ms MS      a push without a full reply by then is a timeout (LOAD_TIMEOUT_MS, default 5000)
  --server-log-level L LOG_LEVEL of the servers (LOAD_SERVER_LOG_LEVEL, default info)
  --cpu-prof DIR       CPU-profile the servers into DIR and print the hot files (LOAD_CPU_PROF)
  --json FILE          write the JSON report to FILE too (LOAD_JSON)
  --also-fsync-off     add phase 1 on a PostgreSQL with fsync=off, labelled NOT durable (LOAD_ALSO_FSYNC_OFF=1)
PostgreSQL runs durable (fsync, synchronous_commit, full_page_writes on); each table says so.`

const LOG_LEVELS: readonly ServerLogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
]

function bounded(name: string, raw: string, min: number, max: number, isInteger: boolean): number {
  const value = Number(raw)
  const isValid = Number.isFinite(value) && value >= min && value <= max
  if (!isValid || (isInteger && !Number.isInteger(value)))
    throw new Error(
      `${name} must be ${isInteger ? 'an integer' : 'a number'} in ${min}..${max}, got ${raw}\n${USAGE}`,
    )
  return value
}

function parsePhases(raw: string): PhaseName[] {
  const phases = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part): PhaseName => {
      if (part === '1' || part === 'single') return 'single'
      if (part === '2' || part === 'pair') return 'pair'
      throw new Error(`--phases: unknown phase ${part} (1 or 2)\n${USAGE}`)
    })
  if (phases.length === 0) throw new Error(`--phases: name at least one phase\n${USAGE}`)
  return [...new Set(phases)]
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  const found = allowed.find((value) => value === raw)
  if (!found) throw new Error(`${name} must be one of ${allowed.join(', ')}, got ${raw}\n${USAGE}`)
  return found
}

/** Flags win over env vars; every count and time is bounded so a run always ends by itself. */
export function loadOptions(argv: string[], env: NodeJS.ProcessEnv): LoadOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      registers: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      phases: { type: 'string' },
      db: { type: 'string' },
      stores: { type: 'string' },
      arrivals: { type: 'string' },
      affinity: { type: 'string' },
      'timeout-ms': { type: 'string' },
      'server-log-level': { type: 'string' },
      'cpu-prof': { type: 'string' },
      json: { type: 'string' },
      'also-fsync-off': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return 'help'
  }
  const pick = (flag: string | undefined, variable: string, fallback: string) =>
    flag ?? env[variable] ?? fallback
  const registers = bounded(
    '--registers',
    pick(values.registers, 'LOAD_REGISTERS', '200'),
    1,
    2000,
    true,
  )
  const stores = bounded('--stores', pick(values.stores, 'LOAD_STORES', '20'), 1, 2000, true)
  return {
    registers,
    salesPerSecond: bounded('--rate', pick(values.rate, 'LOAD_RATE', '2.5'), 0.01, 20, false),
    durationSeconds: bounded(
      '--duration',
      pick(values.duration, 'LOAD_DURATION', '30'),
      1,
      600,
      false,
    ),
    warmupSeconds: bounded('--warmup', pick(values.warmup, 'LOAD_WARMUP', '10'), 0, 60, false),
    phases: parsePhases(pick(values.phases, 'LOAD_PHASES', '1,2')),
    database: oneOf('--db', pick(values.db, 'LOAD_DB', 'postgres'), [
      'postgres',
      'pglite',
    ] as const),
    // More stores than registers would leave stores without a register.
    stores: Math.min(stores, registers),
    arrivals: oneOf('--arrivals', pick(values.arrivals, 'LOAD_ARRIVALS', 'poisson'), [
      'poisson',
      'uniform',
    ] as const),
    affinity: oneOf('--affinity', pick(values.affinity, 'LOAD_AFFINITY', 'none'), [
      'none',
      'store',
    ] as const),
    timeoutMs: bounded(
      '--timeout-ms',
      pick(values['timeout-ms'], 'LOAD_TIMEOUT_MS', '5000'),
      100,
      60_000,
      true,
    ),
    serverLogLevel: oneOf(
      '--server-log-level',
      pick(values['server-log-level'], 'LOAD_SERVER_LOG_LEVEL', 'info'),
      LOG_LEVELS,
    ),
    cpuProfileDir: values['cpu-prof'] ?? env.LOAD_CPU_PROF ?? null,
    jsonPath: values.json ?? env.LOAD_JSON ?? null,
    alsoFsyncOff:
      values['also-fsync-off'] === true || /^(1|true|yes)$/i.test(env.LOAD_ALSO_FSYNC_OFF ?? ''),
  }
}
