import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listenToChannel } from '../../src/server/db/notifications'
import type { PostgresCluster } from './support/postgres'
import { postgresAvailability, startPostgres } from './support/postgres'

const { isAvailable } = postgresAvailability()

/** Transactions committed in the cluster's database so far (pg_stat_database, flushed first). */
async function commits(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('SELECT pg_stat_force_next_flush()')
    const { rows } = await client.query<{ commits: string }>(
      'SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = current_database()',
    )
    return Number(rows[0]!.commits)
  } finally {
    await client.end()
  }
}

describe.skipIf(!isAvailable)('NOTIFY on PostgreSQL', () => {
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  })
  afterAll(async () => {
    await cluster?.stop()
  })

  it('delivers every payload in order, a burst sharing commits rather than one each', async () => {
    const received: string[] = []
    const errors: unknown[] = []
    const channel = await listenToChannel(
      cluster.url,
      'test_burst',
      (payload) => received.push(payload),
      (error) => errors.push(error),
    )
    try {
      const payloads = Array.from({ length: 300 }, (_, index) => `poke ${index}`)
      const before = await commits(cluster.url)
      await Promise.all(payloads.map((payload) => channel.notify(payload)))
      const after = await commits(cluster.url)
      await expect.poll(() => received.length, { timeout: 10_000 }).toBe(payloads.length)
      expect(received).toEqual(payloads)
      expect(errors).toEqual([])
      // One commit for the first payload, then one per batch that gathered while it was on its
      // way; a commit per payload would be 300 (each a WAL flush on a durable database).
      expect(after - before).toBeLessThan(payloads.length / 10)
    } finally {
      await channel.close()
    }
  })

  it('still sends a lone payload at once', async () => {
    const received: string[] = []
    const channel = await listenToChannel(
      cluster.url,
      'test_single',
      (payload) => received.push(payload),
      () => undefined,
    )
    try {
      await channel.notify('only one')
      await expect.poll(() => received, { timeout: 5_000 }).toEqual(['only one'])
    } finally {
      await channel.close()
    }
  })
})
