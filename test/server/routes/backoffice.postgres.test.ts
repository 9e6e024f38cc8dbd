import { afterAll, beforeAll, describe } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import { defineBackofficeMatrix } from '../support/backofficeMatrix'
import type { PostgresCluster } from '../support/postgres'
import { postgresAvailability, startPostgres } from '../support/postgres'

const { isAvailable } = postgresAvailability()

/** The back office's route × role matrix, sessions and CSRF on a real PostgreSQL 15. */
describe.skipIf(!isAvailable)('back office on PostgreSQL 15', () => {
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  defineBackofficeMatrix('PostgreSQL', () => openDatabase({ kind: 'postgres', url: cluster.url }))
})
