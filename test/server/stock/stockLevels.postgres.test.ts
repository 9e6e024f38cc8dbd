import { afterAll, beforeAll, describe } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import type { PostgresCluster } from '../support/postgres'
import { postgresAvailability, startPostgres } from '../support/postgres'
import { defineStockLevelsSuite } from './stockLevelsSuite'

const { isAvailable } = postgresAvailability()

/** The same stock figures on a real PostgreSQL. */
describe.skipIf(!isAvailable)('stockLevels on PostgreSQL', () => {
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  defineStockLevelsSuite('PostgreSQL', () => openDatabase({ kind: 'postgres', url: cluster.url }))
})
