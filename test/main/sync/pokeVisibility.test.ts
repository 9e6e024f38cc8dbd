import type { FastifyInstance } from 'fastify'
import { v4 as uuidv4 } from 'uuid'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { buildServer } from '../../../src/server/app'
import { defaultConfig } from '../../../src/server/config'
import { openDatabase, type ServerDatabase } from '../../../src/server/db/connection'
import { readHeadSeq } from '../../../src/server/db/realtimeRepository'
import {
  createLocalBus,
  createPostgresBus,
  type RealtimeBus,
} from '../../../src/server/realtime/bus'
import { call, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { createStore } from '../../server/support/harness'
import {
  postgresAvailability,
  startPostgres,
  type PostgresCluster,
} from '../../server/support/postgres'

const tempDir = useTempDirs('auraflow-poke-')

/** Which device asked for what, read from the bearer token's subject as the server sees it. */
interface Sighting {
  path: string
  deviceId: string | null
}

interface Instance {
  app: FastifyInstance
  url: string
  bus: RealtimeBus
}

function deviceOf(authorization: string | undefined): string | null {
  const payload = authorization?.split(' ')[1]?.split('.')[1]
  if (!payload) return null
  return (
    (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string }).sub ?? null
  )
}

/** The production routes on 127.0.0.1:0, with a hook that notes every request. */
async function startInstance(
  database: ServerDatabase,
  bus: RealtimeBus,
  instanceId: string,
  sightings: Sighting[],
): Promise<Instance> {
  const config = defaultConfig({
    jwtSecret: 'test-secret-that-is-long-enough-0123456789',
    authRateLimit: { max: 1000, windowMs: 60_000 },
    instanceId,
  })
  const app = await buildServer({ db: database.db, config, bus, logger: false })
  app.addHook('onRequest', async (request) => {
    sightings.push({
      path: request.url.split('?')[0]!,
      deviceId: deviceOf(request.headers.authorization),
    })
  })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, url, bus }
}

interface Setup {
  database: ServerDatabase
  /** A's server first, B's second: the same one, or two instances on one PostgreSQL. */
  instances: [Instance, Instance]
  close(): Promise<void>
}

/**
 * Two registers of one store, realtime on and the safety-net interval an hour: nothing but a
 * poke can make B pull.
 */
function defineVisibilitySuite(label: string, setUp: (sightings: Sighting[]) => Promise<Setup>) {
  describe(`a sale reaches the other register by poke (${label})`, () => {
    const sightings: Sighting[] = []
    let setup: Setup
    const running: { core: RegisterCore; stop: () => Promise<void> }[] = []

    beforeAll(async () => {
      setup = await setUp(sightings)
    })
    afterAll(async () => {
      await setup?.close()
    })
    afterEach(async () => {
      for (const entry of running.splice(0)) {
        await entry.stop()
        entry.core.close()
      }
    })

    /** An enrolled register, running in the background, idle, noting every order it pulls. */
    async function startRegister(registerCode: string, serverUrl: string, code: string) {
      const core = openTestCore(tempDir(), {
        registerCode,
        fingerprint: `machine-${registerCode}`,
        sync: {
          isRealtimeEnabled: true,
          intervalMs: 3_600_000,
          backoff: { baseMs: 10, capMs: 50 },
        },
      })
      const synced = new Map<string, () => void>()
      const seen = new Set<string>()
      core.events.onAny((event, payload) => {
        if (event !== 'order:synced') return
        for (const orderId of (payload as { orderIds: string[] }).orderIds) {
          seen.add(orderId)
          synced.get(orderId)?.()
        }
      })
      const status = await call(core, 'sync:enroll', { serverUrl, enrollmentCode: code })
      expect(status.enrollment).toBe('enrolled')
      running.push({ core, stop: core.startBackground() })
      await expect
        .poll(async () => (await call(core, 'sync:getStatus')).isRealtimeConnected, {
          timeout: 10_000,
        })
        .toBe(true)
      // The start-up run and the one the hello asks for are over: the register is idle.
      await call(core, 'sync:runNow')
      return {
        core,
        deviceId: core.sync.device.deviceId,
        /** Resolves once a pull brought this order in (at once if one already did). */
        pulled: (orderId: string) =>
          new Promise<void>((resolve) => {
            if (seen.has(orderId)) resolve()
            else synced.set(orderId, resolve)
          }),
      }
    }

    async function sell(core: RegisterCore) {
      const catalog = await call(core, 'catalog:list')
      const product = catalog.products.find((candidate) => candidate.sku === 'COF-LAT')!
      const receipt = await call(core, 'sale:complete', {
        clientRequestId: uuidv4(),
        lines: [{ productId: product.id, quantity: 1 }],
        payments: [{ method: 'cash', amountCents: 100_00 }],
      })
      return receipt.order
    }

    /** Resolves when the next sync run ends (the first settled state after 'syncing'). */
    function nextRunEnd(core: RegisterCore): Promise<void> {
      return new Promise((resolve) => {
        let isSyncing = false
        const stop = core.events.onAny((event, payload) => {
          if (event !== 'sync:statusChanged') return
          const { state } = payload as { state: string }
          if (state === 'syncing') isSyncing = true
          else if (isSyncing) {
            stop()
            resolve()
          }
        })
      })
    }

    const count = (from: number, deviceId: string, path: string) =>
      sightings.slice(from).filter((seen) => seen.deviceId === deviceId && seen.path === path)
        .length

    it('B pulls a sale from A once, on the poke, and A does not pull its own push echo', async () => {
      const store = await createStore(setup.database.db)
      const a = await startRegister('A', setup.instances[0].url, store.code)
      const b = await startRegister('B', setup.instances[1].url, store.code)
      const from = sightings.length

      const aRunEnded = nextRunEnd(a.core)
      const order = await sell(a.core)
      await b.pulled(order.id)
      expect((await call(b.core, 'order:get', { id: order.id })).totalCents).toBe(order.totalCents)
      // B had nothing to push and no timer due: one pull, straight to the changes.
      expect(count(from, b.deviceId, '/api/sync/pull-changes')).toBe(1)
      expect(count(from, b.deviceId, '/api/sync/batch-push')).toBe(0)

      // A's run pushed and pulled once; the poke its own push caused names a head that pull
      // already reached. Had it asked for another run, that run would start as this one ends
      // (before the next turn of the event loop) and the run by hand would queue behind it.
      await aRunEnded
      await new Promise((resolve) => setImmediate(resolve))
      await call(a.core, 'sync:runNow')
      expect(count(from, a.deviceId, '/api/sync/batch-push')).toBe(1)
      expect(count(from, a.deviceId, '/api/sync/pull-changes')).toBe(2)
    })

    it('ignores a poke at or below the head it has pulled, and pulls for one above it', async () => {
      const store = await createStore(setup.database.db)
      const a = await startRegister('A', setup.instances[0].url, store.code)
      const b = await startRegister('B', setup.instances[1].url, store.code)
      await sell(a.core).then((order) => b.pulled(order.id))
      await call(b.core, 'sync:runNow')
      const from = sightings.length
      const head = await readHeadSeq(setup.database.db, store.storeId)
      expect(head).toBeGreaterThan(0)

      // Stale pokes first, then a real sale: the socket keeps their order, so had a stale poke
      // started a run, its pull would reach the server before the sale's.
      const bus = setup.instances[1].bus
      bus.publish({ type: 'poke', storeId: store.storeId, headSeq: head })
      bus.publish({ type: 'poke', storeId: store.storeId, headSeq: head - 1 })
      const order = await sell(a.core)
      await b.pulled(order.id)
      expect(count(from, b.deviceId, '/api/sync/pull-changes')).toBe(1)
    })
  })
}

defineVisibilitySuite('PGlite, one instance', async (sightings) => {
  const database = await openDatabase({ kind: 'pglite', dataDir: null })
  const bus = createLocalBus()
  const instance = await startInstance(database, bus, 'instance-1', sightings)
  return {
    database,
    instances: [instance, instance],
    async close() {
      await instance.app.close()
      await bus.close()
      await database.close()
    },
  }
})

const { isAvailable: isPostgresAvailable } = postgresAvailability()

describe.skipIf(!isPostgresAvailable)('PostgreSQL', () => {
  let cluster: PostgresCluster | null = null
  afterAll(async () => {
    await cluster?.stop()
  })

  defineVisibilitySuite('PostgreSQL, two instances', async (sightings) => {
    cluster = await startPostgres()
    const url = cluster.url
    const database = await openDatabase({ kind: 'postgres', url })
    const opened: { database: ServerDatabase; instance: Instance }[] = []
    for (const instanceId of ['instance-1', 'instance-2']) {
      const own = await openDatabase({ kind: 'postgres', url })
      const bus = await createPostgresBus(url, instanceId, (error) => {
        throw error
      })
      opened.push({ database: own, instance: await startInstance(own, bus, instanceId, sightings) })
    }
    return {
      database,
      instances: [opened[0]!.instance, opened[1]!.instance],
      async close() {
        for (const { database: own, instance } of opened) {
          await instance.app.close()
          await instance.bus.close()
          await own.close()
        }
        await database.close()
      },
    }
  })
})
