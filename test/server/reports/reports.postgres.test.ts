import { afterAll, beforeAll, describe } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import type { PostgresCluster } from '../support/postgres'
import { postgresAvailability, startPostgres } from '../support/postgres'
import { defineReportSuite } from './reportsSuite'

const { isAvailable } = postgresAvailability()

/** The same report figures on a real PostgreSQL (the projection's trigger in the push transaction). */
describe.skipIf(!isAvailable)('reports on PostgreSQL', () => {
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  defineReportSuite('PostgreSQL', () => openDatabase({ kind: 'postgres', url: cluster.url }))
})
