import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../src/server/app'
import { defaultConfig } from '../../src/server/config'
import {
  openDatabase,
  type DatabaseTarget,
  type ServerDatabase,
} from '../../src/server/db/connection'
import { stores, tenants } from '../../src/server/db/schema'
import { createLocalBus, createPostgresBus } from '../../src/server/realtime/bus'
import { issueEnrollmentCode } from '../../src/server/tenancy/enrollmentCodes'
import {
  hasPostgres,
  startPostgres,
  type PostgresCluster,
} from '../../test/server/support/postgres'
import { readPostgresDurability, type Durability } from '../durability'
import { monotonicMs } from './protocol'

export type DatabaseKind = 'PGlite' | 'PostgreSQL'

/** One request as the server handled it (onRequest → onResponse), on the shared monotonic clock. */
export interface ServerSample {
  path: string
  startMs: number
  endMs: number
  /** batch-push: records in the request. */
  records?: number
}

export interface BenchServer {
  kind: DatabaseKind
  /** `PostgreSQL`, `PGlite`, or `PostgreSQL fsync=off` for the extra, non-durable row. */
  label: string
  /** Read back from the database after it opened. */
  durability: Durability
  url: string
  database: ServerDatabase
  /** Handler times of every request since the last `takeSamples`. */
  takeSamples(): ServerSample[]
  createStore(): Promise<{ storeId: string; code: string }>
  stop(): Promise<void>
}

export interface BenchServerOptions {
  /** PostgreSQL only: fsync=off, for an extra row labelled as such, never the headline. */
  isFsyncOff?: boolean
}

/**
 * The production server (routes, auth, realtime bus) on 127.0.0.1 with a timing hook, built here
 * rather than through startServer because Fastify takes no hooks once listening. Housekeeping is
 * left out: it has nothing to purge in a fresh database. Durable by default, as a store runs it:
 * PostgreSQL with fsync, synchronous_commit and full_page_writes on; PGlite in a folder on disk.
 */
export async function startBenchServer(
  kind: DatabaseKind,
  options: BenchServerOptions = {},
): Promise<BenchServer> {
  let cluster: PostgresCluster | null = null
  let pgliteDir: string | null = null
  let target: DatabaseTarget
  if (kind === 'PostgreSQL') {
    cluster = await startPostgres({ isDurable: !options.isFsyncOff })
    target = { kind: 'postgres', url: cluster.url }
  } else {
    pgliteDir = mkdtempSync(join(tmpdir(), 'auraflow-bench-pglite-'))
    target = { kind: 'pglite', dataDir: join(pgliteDir, 'data') }
  }
  const database = await openDatabase(target)
  const durability = await readPostgresDurability(
    kind,
    database.query,
    target.kind === 'pglite' ? target.dataDir : null,
  )
  const config = defaultConfig({ jwtSecret: 'bench-secret-that-is-long-enough-0123456789' })
  const bus = database.postgresUrl
    ? await createPostgresBus(database.postgresUrl, config.instanceId, () => undefined)
    : createLocalBus()
  const app: FastifyInstance = await buildServer({ db: database.db, config, bus, logger: false })
  let samples: ServerSample[] = []
  const startedAt = new WeakMap<object, number>()
  app.addHook('onRequest', async (request) => {
    startedAt.set(request, monotonicMs())
  })
  app.addHook('onResponse', async (request) => {
    const startMs = startedAt.get(request)
    if (startMs === undefined) return
    const changes = (request.body as { changes?: unknown } | null)?.changes
    samples.push({
      path: request.url.split('?')[0]!,
      startMs,
      endMs: monotonicMs(),
      ...(Array.isArray(changes) ? { records: changes.length } : {}),
    })
  })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  return {
    kind,
    label: options.isFsyncOff ? `${kind} fsync=off` : kind,
    durability,
    url,
    database,
    takeSamples() {
      const taken = samples
      samples = []
      return taken
    },
    async createStore() {
      const suffix = crypto.randomUUID().slice(0, 8)
      const [tenant] = await database.db
        .insert(tenants)
        .values({ name: `bench ${suffix}` })
        .returning()
      const [store] = await database.db
        .insert(stores)
        .values({ tenantId: tenant!.id, code: `BENCH-${suffix}`, name: 'Bench store' })
        .returning()
      return {
        storeId: store!.id,
        code: await issueEnrollmentCode(database.db, store!.id, { uses: null }),
      }
    },
    async stop() {
      await app.close()
      await bus.close()
      await database.close()
      await cluster?.stop()
      if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true })
    },
  }
}

/** The databases to run on: PostgreSQL only where its binaries are installed. */
export function availableDatabases(wanted: readonly DatabaseKind[]): DatabaseKind[] {
  return wanted.filter((kind) => {
    if (kind !== 'PostgreSQL' || hasPostgres()) return true
    console.warn(
      '[sync bench] PostgreSQL binaries missing (apt-get install postgresql): PostgreSQL rows skipped',
    )
    return false
  })
}
