import { afterAll, beforeAll, describe } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import type { PostgresCluster } from '../support/postgres'
import { postgresAvailability, startPostgres } from '../support/postgres'
import { defineAuditSuite } from './auditSuite'

const { isAvailable } = postgresAvailability()

/** The same audit log on a real PostgreSQL (the index's function, the time zones, the plan). */
describe.skipIf(!isAvailable)('the audit log on PostgreSQL', () => {
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  defineAuditSuite('PostgreSQL', () => openDatabase({ kind: 'postgres', url: cluster.url }))
})
