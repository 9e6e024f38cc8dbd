import { afterAll, beforeAll, describe } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import { defineAdminRulesSuite } from '../support/adminRulesSuite'
import type { PostgresCluster } from '../support/postgres'
import { postgresAvailability, startPostgres } from '../support/postgres'

const { isAvailable } = postgresAvailability()

/** The store rules routes on a real PostgreSQL 15. */
describe.skipIf(!isAvailable)('back office store rules on PostgreSQL 15', () => {
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  defineAdminRulesSuite('PostgreSQL', () => openDatabase({ kind: 'postgres', url: cluster.url }))
})
