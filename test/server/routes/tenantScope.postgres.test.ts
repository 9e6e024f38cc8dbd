import { afterAll, beforeAll, describe } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import { defineTenantScopeSuite } from '../support/tenantScopeSuite'
import type { PostgresCluster } from '../support/postgres'
import { postgresAvailability, startPostgres } from '../support/postgres'

const { isAvailable } = postgresAvailability()

/** A super admin within one tenant on a real PostgreSQL 15. */
describe.skipIf(!isAvailable)('tenant scope of list routes on PostgreSQL 15', () => {
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  defineTenantScopeSuite('PostgreSQL', () => openDatabase({ kind: 'postgres', url: cluster.url }))
})
