import pg from 'pg'

/** How busy the servers' PostgreSQL connections were, sampled twice a second. */
export interface PostgresActivity {
  samples: number
  /** Connections of the servers to this database (pool size x instances, plus LISTEN). */
  connectionsMax: number
  /** Running a statement. */
  activeMean: number
  activeMax: number
  /** Inside a transaction, waiting for the server to send the next statement. */
  idleInTransactionMean: number
  idleInTransactionMax: number
  /** Blocked on a lock (the store row a push locks, in practice). */
  lockWaitMean: number
  lockWaitMax: number
}

const SAMPLE_MS = 500
const ACTIVITY = `
  SELECT count(*)::int AS connections,
         count(*) FILTER (WHERE state = 'active' AND wait_event_type IS DISTINCT FROM 'Lock')::int AS active,
         count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int AS "idleInTransaction",
         count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS "lockWait"
  FROM pg_stat_activity
  WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`

interface Row {
  connections: number
  active: number
  idleInTransaction: number
  lockWait: number
}

/**
 * Says whether pushes queue inside PostgreSQL (lock waits), in the servers (idle in
 * transaction: the store row stays locked while the server gets round to its next statement),
 * or in the servers' connection pools (every connection busy).
 */
export async function connectPostgresActivity(
  url: string,
): Promise<{ begin(): void; stop(): Promise<PostgresActivity> }> {
  const client = new pg.Client({ connectionString: url })
  // A cluster stopped under it (Ctrl-C) ends the sampling, not the run.
  client.on('error', () => undefined)
  await client.connect()
  const rows: Row[] = []
  let pending: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | null = null
  return {
    begin() {
      timer = setInterval(() => {
        pending = client.query<Row>(ACTIVITY).then(
          (result) => result.rows[0] && rows.push(result.rows[0]),
          () => undefined,
        )
      }, SAMPLE_MS)
    },
    async stop() {
      if (timer) clearInterval(timer)
      await pending
      await client.end()
      const mean = (pick: (row: Row) => number) =>
        Math.round(
          (10 * rows.reduce((sum, row) => sum + pick(row), 0)) / Math.max(1, rows.length),
        ) / 10
      const max = (pick: (row: Row) => number) =>
        rows.reduce((highest, row) => Math.max(highest, pick(row)), 0)
      return {
        samples: rows.length,
        connectionsMax: max((row) => row.connections),
        activeMean: mean((row) => row.active),
        activeMax: max((row) => row.active),
        idleInTransactionMean: mean((row) => row.idleInTransaction),
        idleInTransactionMax: max((row) => row.idleInTransaction),
        lockWaitMean: mean((row) => row.lockWait),
        lockWaitMax: max((row) => row.lockWait),
      }
    },
  }
}
