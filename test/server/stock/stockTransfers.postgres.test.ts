import { afterAll, beforeAll, describe } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import type { PostgresCluster } from '../support/postgres'
import { postgresAvailability, startPostgres } from '../support/postgres'
import { defineStockTransfersSuite } from './stockTransfersSuite'

const { isAvailable } = postgresAvailability()

/** The same stock figures on a real PostgreSQL. */
describe.skipIf(!isAvailable)('stockTransfers on PostgreSQL', () => {
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  defineStockTransfersSuite('PostgreSQL', () =>
    openDatabase({ kind: 'postgres', url: cluster.url }),
  )
})
