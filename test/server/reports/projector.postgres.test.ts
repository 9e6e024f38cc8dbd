import { afterAll, beforeAll, describe } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import type { PostgresCluster } from '../support/postgres'
import { postgresAvailability, startPostgres } from '../support/postgres'
import { defineProjectorSuite } from './projectorSuite'

const { isAvailable } = postgresAvailability()

/** Two pools on one PostgreSQL stand for two server instances, each with its projector. */
describe.skipIf(!isAvailable)('report projector on PostgreSQL', () => {
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  defineProjectorSuite(
    'PostgreSQL',
    () => openDatabase({ kind: 'postgres', url: cluster.url }),
    () => openDatabase({ kind: 'postgres', url: cluster.url }),
  )
})
