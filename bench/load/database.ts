import pg from 'pg'
import { openDatabase } from '../../src/server/db/connection'
import type { DatabaseTarget } from '../../src/server/db/connection'
import { readPostgresDurability, type Durability } from '../durability'
import { parentPid } from './procStats'

export interface StoredSales {
  sales: number
  totalCents: number
  /** Ledger entries marked applied: one per accepted push of a new sale. */
  appliedMutations: number
}

const COUNT_SALES = `
  SELECT (SELECT count(*) FROM sync_records WHERE entity = 'order' AND NOT deleted)::int AS sales,
         (SELECT coalesce(sum((data -> 'order' ->> 'totalCents')::bigint), 0) FROM sync_records WHERE entity = 'order')::text AS "totalCents",
         (SELECT count(*) FROM mutation_ledger WHERE status = 'applied')::int AS "appliedMutations"`

interface CountRow {
  sales: number
  totalCents: string
  appliedMutations: number
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  // Errors reach the caller through the query; an idle socket's error must not crash the run.
  client.on('error', () => undefined)
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

/** A fresh database per phase on the run's cluster, so each phase starts from empty tables. */
export async function createPhaseDatabase(clusterUrl: string, name: string): Promise<string> {
  await withClient(clusterUrl, (client) => client.query(`CREATE DATABASE ${name}`))
  const url = new URL(clusterUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** What the server holds after the run; for PGlite only once its server process has stopped. */
export async function countStoredSales(target: DatabaseTarget): Promise<StoredSales> {
  const toStored = (row: CountRow | undefined): StoredSales => ({
    sales: row?.sales ?? 0,
    totalCents: Number(row?.totalCents ?? 0),
    appliedMutations: row?.appliedMutations ?? 0,
  })
  if (target.kind === 'postgres')
    return withClient(target.url, async (client) =>
      toStored((await client.query<CountRow>(COUNT_SALES)).rows[0]),
    )
  const database = await openDatabase(target)
  try {
    const result = (await database.query(COUNT_SALES)) as { rows: CountRow[] }
    return toStored(result.rows[0])
  } finally {
    await database.close()
  }
}

/** The postmaster of a cluster: its backends are its children, whose CPU the report sums. */
export async function postmasterPid(url: string): Promise<number | null> {
  return withClient(url, async (client) => {
    const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]
      ?.pid
    return backend === undefined ? null : parentPid(backend)
  })
}

/** fsync, synchronous_commit, full_page_writes as the database reports them (PGlite: once stopped). */
export async function readDurability(target: DatabaseTarget): Promise<Durability> {
  if (target.kind === 'postgres')
    return withClient(target.url, (client) =>
      readPostgresDurability('PostgreSQL', (text) => client.query(text), null),
    )
  const database = await openDatabase(target)
  try {
    return await readPostgresDurability('PGlite', database.query, target.dataDir)
  } finally {
    await database.close()
  }
}
