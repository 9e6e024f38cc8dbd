import { afterAll, beforeAll, describe } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import { defineAdminCatalogSuite } from '../support/adminCatalogSuite'
import type { PostgresCluster } from '../support/postgres'
import { postgresAvailability, startPostgres } from '../support/postgres'

const { isAvailable } = postgresAvailability()

/** The catalog and staff routes on a real PostgreSQL 15. */
describe.skipIf(!isAvailable)('back office catalog and staff on PostgreSQL 15', () => {
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  defineAdminCatalogSuite('PostgreSQL', () => openDatabase({ kind: 'postgres', url: cluster.url }))
})
