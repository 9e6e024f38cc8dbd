import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { openDatabase } from '../../src/server/db/connection'
import type { ServerDatabase } from '../../src/server/db/connection'
import { createPostgresBus } from '../../src/server/realtime/bus'
import type { RealtimeBus } from '../../src/server/realtime/bus'
import type { PostgresCluster } from './support/postgres'
import { postgresAvailability, startPostgres } from './support/postgres'
import { createStore, enroll, makeApp, mutationId, orderEnvelope, uuid } from './support/harness'
import { defineSyncSuite } from './support/syncSuite'

const { isAvailable } = postgresAvailability()

describe.skipIf(!isAvailable)('PostgreSQL 15', () => {
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  })
  afterAll(async () => {
    await cluster?.stop()
  })

  defineSyncSuite('PostgreSQL', {
    open: () => openDatabase({ kind: 'postgres', url: cluster.url }),
  })

  describe('two server instances on one database', () => {
    const opened: { database: ServerDatabase; bus: RealtimeBus }[] = []
    afterAll(async () => {
      for (const { database, bus } of opened) {
        await bus.close()
        await database.close()
      }
    })

    it('delivers a poke for a push through instance 1 to a device connected to instance 2', async () => {
      const instances = []
      for (const instanceId of ['instance-1', 'instance-2']) {
        const database = await openDatabase({ kind: 'postgres', url: cluster.url })
        const bus = await createPostgresBus(cluster.url, instanceId, (error) => {
          throw error
        })
        opened.push({ database, bus })
        const app = await makeApp(database.db, { instanceId }, bus)
        const address = await app.listen({ port: 0, host: '127.0.0.1' })
        instances.push({ app, address })
      }
      const [one, two] = instances as [(typeof instances)[number], (typeof instances)[number]]
      try {
        const store = await createStore(opened[0]!.database.db)
        const pusher = await enroll(one.app, store.code)
        const listener = await enroll(two.app, store.code)
        const socket = new WebSocket(`${two.address.replace('http', 'ws')}/api/sync/ws`, {
          headers: { authorization: listener.headers.authorization! },
        })
        const inbox: { type: string; headSeq: number }[] = []
        socket.on('message', (data) => inbox.push(JSON.parse(String(data))))
        await expect.poll(() => inbox.length, { timeout: 10_000 }).toBe(1)
        const id = uuid()
        const response = await fetch(`${one.address}/api/sync/batch-push`, {
          method: 'POST',
          headers: { ...pusher.headers, 'content-type': 'application/json' },
          body: JSON.stringify({
            deviceId: pusher.deviceId,
            changes: [
              {
                mutationId: mutationId(),
                entity: 'order',
                id,
                op: 'upsert',
                baseVersion: 0,
                data: orderEnvelope(id),
              },
            ],
          }),
        })
        expect(response.status).toBe(200)
        await expect
          .poll(() => inbox, { timeout: 10_000 })
          .toContainEqual({ type: 'poke', headSeq: 1 })
        socket.close()
      } finally {
        await one.app.close()
        await two.app.close()
      }
    })
  })
})
