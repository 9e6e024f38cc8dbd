import { afterAll, beforeAll, describe } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import { defineAdminSyncHealthSuite } from '../support/adminSyncHealthSuite'
import type { PostgresCluster } from '../support/postgres'
import { postgresAvailability, startPostgres } from '../support/postgres'

const { isAvailable } = postgresAvailability()

/** Sync health and the conflicts queue on a real PostgreSQL 15. */
describe.skipIf(!isAvailable)('admin sync health on PostgreSQL 15', () => {
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  defineAdminSyncHealthSuite('PostgreSQL', () =>
    openDatabase({ kind: 'postgres', url: cluster.url }),
  )
})
