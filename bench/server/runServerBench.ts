import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { Pool } from 'undici'
import { buildServer } from '../../src/server/app'
import { defaultConfig } from '../../src/server/config'
import { openDatabase } from '../../src/server/db/connection'
import type { DatabaseTarget } from '../../src/server/db/connection'
import { stores, tenants } from '../../src/server/db/schema'
import { recordHash } from '../../src/server/sync/hash'
import { issueEnrollmentCode } from '../../src/server/tenancy/enrollmentCodes'
import type { BatchPushResponse, PullChangesResponse, TokenResponse } from '../../src/shared/sync'
import { hasPostgres, startPostgres } from '../../test/server/support/postgres'
import { readPostgresDurability, type Durability } from '../durability'

export interface Row {
  database: 'PGlite' | 'PostgreSQL'
  phase: 'push' | 'pull' | 'raw insert'
  orders: number
  requests: number
  seconds: number
  ordersPerSecond: number
  p50Ms: number
  p99Ms: number
  /** push rows: end-to-end orders/s divided by the raw INSERT ceiling on the same database (batches interleaved). */
  ratioToRaw: number | null
  /** The database's own report of its settings (PGlite in a folder on disk, PostgreSQL durable). */
  durability: Durability
}

export interface BenchOptions {
  orders?: number
  batchSize?: number
  pullLimit?: number
  databases?: ('PGlite' | 'PostgreSQL')[]
}

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((left, right) => left - right)
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0
}

function order(id: string, deviceId: string) {
  const items = Array.from({ length: 4 }, (_, index) => ({
    id: `${id}-${index}`,
    productId: `p-${index}`,
    name: `Product ${index}`,
    quantity: 1,
    unitPriceCents: 250,
    totalCents: 250,
  }))
  return {
    order: {
      id,
      orderNumber: `B-${deviceId.slice(0, 4)}-${id.slice(0, 8)}`,
      status: 'COMPLETED',
      subtotalCents: 1000,
      taxCents: 0,
      totalCents: 1000,
    },
    items,
    payments: [{ id: `${id}-pay`, method: 'cash', amountCents: 1000 }],
  }
}

function row(
  database: Row['database'],
  phase: Row['phase'],
  orders: number,
  seconds: number,
  latencies: number[],
  durability: Durability,
  ratioToRaw: number | null = null,
): Row {
  return {
    durability,
    database,
    phase,
    orders,
    requests: latencies.length,
    seconds: Number(seconds.toFixed(3)),
    ordersPerSecond: Math.round(orders / seconds),
    p50Ms: Number(percentile(latencies, 0.5).toFixed(2)),
    p99Ms: Number(percentile(latencies, 0.99).toFixed(2)),
    ratioToRaw,
  }
}

type Query = (text: string, values: unknown[]) => Promise<unknown>

/**
 * The ceiling: the same order rows as one multi-row INSERT per batch into a copy of the records
 * table on the same database. Run batch by batch between the pushes, so both see the same load.
 */
async function createRawInserter(query: Query, storeId: string) {
  await query('CREATE TABLE IF NOT EXISTS bench_raw (LIKE sync_records INCLUDING ALL)', [])
  await query('TRUNCATE bench_raw', [])
  let seq = 0
  return {
    async insertBatch(size: number): Promise<number> {
      const values: unknown[] = []
      const tuples: string[] = []
      for (let index = 0; index < size; index += 1) {
        const id = randomUUID()
        const data = order(id, 'raw')
        const base = values.length
        seq += 1
        values.push(
          storeId,
          'order',
          id,
          1,
          seq,
          recordHash(data),
          JSON.stringify(data),
          'raw',
          'raw',
        )
        tuples.push(
          `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7}::jsonb, $${base + 8}, $${base + 9})`,
        )
      }
      const started = performance.now()
      await query(
        `INSERT INTO bench_raw (store_id, entity, id, version, seq, hash, data, origin_device_id, last_device_id) VALUES ${tuples.join(', ')}`,
        values,
      )
      return performance.now() - started
    },
    drop: () => query('DROP TABLE bench_raw', []),
  }
}

async function benchDatabase(
  database: Row['database'],
  target: DatabaseTarget,
  options: Required<BenchOptions>,
): Promise<Row[]> {
  const opened = await openDatabase(target)
  const durability = await readPostgresDurability(
    database,
    opened.query,
    target.kind === 'pglite' ? target.dataDir : null,
  )
  const app = await buildServer({ db: opened.db, config: defaultConfig() })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const http = new Pool(address, { connections: 4 })
  try {
    const [tenant] = await opened.db.insert(tenants).values({ name: 'bench' }).returning()
    const [store] = await opened.db
      .insert(stores)
      .values({ tenantId: tenant!.id, code: `BENCH-${randomUUID().slice(0, 8)}`, name: 'bench' })
      .returning()
    const code = await issueEnrollmentCode(opened.db, store!.id, { uses: null })
    const enroll = async (name: string) => {
      const response = await http.request({
        method: 'POST',
        path: '/api/auth/enroll',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          enrollmentCode: code,
          deviceId: randomUUID(),
          name,
          fingerprint: name,
        }),
      })
      return (await response.body.json()) as TokenResponse
    }
    const pusher = await enroll('pusher')
    const puller = await enroll('puller')
    const headers = (device: TokenResponse) => ({
      authorization: `Bearer ${device.accessToken}`,
      'x-sync-protocol': '1',
      'content-type': 'application/json',
    })

    let rawClient: pg.Client | null = null
    let query: Query = (text, values) => opened.query(text, values)
    if (opened.postgresUrl) {
      const client = new pg.Client({ connectionString: opened.postgresUrl })
      await client.connect()
      rawClient = client
      query = (text, values) => client.query(text, values)
    }
    const raw = await createRawInserter(query, store!.id)

    const pushLatencies: number[] = []
    const rawLatencies: number[] = []
    for (let offset = 0; offset < options.orders; offset += options.batchSize) {
      const size = Math.min(options.batchSize, options.orders - offset)
      const changes = Array.from({ length: size }, () => {
        const id = randomUUID()
        return {
          mutationId: randomUUID(),
          entity: 'order',
          id,
          op: 'upsert',
          baseVersion: 0,
          data: order(id, pusher.deviceId),
        }
      })
      const started = performance.now()
      const response = await http.request({
        method: 'POST',
        path: '/api/sync/batch-push',
        headers: headers(pusher),
        body: JSON.stringify({ deviceId: pusher.deviceId, changes }),
      })
      const body = (await response.body.json()) as BatchPushResponse
      pushLatencies.push(performance.now() - started)
      if (
        response.statusCode !== 200 ||
        body.results.some((result) => result.status !== 'applied')
      ) {
        throw new Error(`push failed: ${response.statusCode} ${JSON.stringify(body).slice(0, 300)}`)
      }
      rawLatencies.push(await raw.insertBatch(size))
    }
    await raw.drop()
    await rawClient?.end()
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
    const pushSeconds = sum(pushLatencies) / 1000
    const rawSeconds = sum(rawLatencies) / 1000

    const pullLatencies: number[] = []
    let pulled = 0
    let since = ''
    const pullStarted = performance.now()
    for (;;) {
      const started = performance.now()
      const response = await http.request({
        method: 'GET',
        path: `/api/sync/pull-changes?limit=${options.pullLimit}${since ? `&since=${since}` : ''}`,
        headers: headers(puller),
      })
      const body = (await response.body.json()) as PullChangesResponse
      pullLatencies.push(performance.now() - started)
      pulled += body.changes.length
      since = body.nextSyncToken
      if (!body.hasMore) break
    }
    const pullSeconds = (performance.now() - pullStarted) / 1000
    if (pulled !== options.orders) throw new Error(`pulled ${pulled} of ${options.orders}`)

    const rawRow = row(database, 'raw insert', options.orders, rawSeconds, rawLatencies, durability)
    const push = row(database, 'push', options.orders, pushSeconds, pushLatencies, durability)
    push.ratioToRaw = Number((push.ordersPerSecond / rawRow.ordersPerSecond).toFixed(3))
    return [push, row(database, 'pull', pulled, pullSeconds, pullLatencies, durability), rawRow]
  } finally {
    await http.close()
    await app.close()
    await opened.close()
  }
}

/** Push N orders (4 items + 1 payment) in batches of 50 from one device, pull them from another. */
export async function runServerBench(options: BenchOptions = {}): Promise<Row[]> {
  const settings: Required<BenchOptions> = {
    orders: options.orders ?? Number(process.env.BENCH_ORDERS ?? 10_000),
    batchSize: options.batchSize ?? 50,
    pullLimit: options.pullLimit ?? 1000,
    databases: options.databases ?? ['PGlite', 'PostgreSQL'],
  }
  const rows: Row[] = []
  if (settings.databases.includes('PGlite')) {
    // On disk, as a server without DATABASE_URL runs it.
    const dir = mkdtempSync(join(tmpdir(), 'auraflow-bench-pglite-'))
    try {
      rows.push(
        ...(await benchDatabase(
          'PGlite',
          { kind: 'pglite', dataDir: join(dir, 'data') },
          settings,
        )),
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  if (settings.databases.includes('PostgreSQL')) {
    if (!hasPostgres()) {
      console.warn('PostgreSQL binaries missing: PostgreSQL rows skipped')
    } else {
      const cluster = await startPostgres({ isDurable: true })
      try {
        rows.push(
          ...(await benchDatabase('PostgreSQL', { kind: 'postgres', url: cluster.url }, settings)),
        )
      } finally {
        await cluster.stop()
      }
    }
  }
  return rows
}
