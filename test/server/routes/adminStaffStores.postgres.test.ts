import { afterAll, beforeAll, describe } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import { defineAdminStaffStoresSuite } from '../support/adminStaffStoresSuite'
import type { PostgresCluster } from '../support/postgres'
import { postgresAvailability, startPostgres } from '../support/postgres'

const { isAvailable } = postgresAvailability()

/** Staff in several stores on a real PostgreSQL 15. */
describe.skipIf(!isAvailable)('back office staff in several stores on PostgreSQL 15', () => {
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  defineAdminStaffStoresSuite('PostgreSQL', () =>
    openDatabase({ kind: 'postgres', url: cluster.url }),
  )
})
