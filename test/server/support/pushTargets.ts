import { randomUUID } from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import type { Database, ServerDatabase } from '../../../src/server/db/connection'
import {
  devices,
  mutationLedger,
  stores,
  syncConflicts,
  syncRecords,
} from '../../../src/server/db/schema'
import type { PushContext, PushItem } from '../../../src/server/sync/push'
import type { PostgresCluster } from './postgres'
import { postgresAvailability, startPostgres } from './postgres'
import { createStore, mutationId, orderEnvelope, product, uuid } from './harness'

/** The push engine's tests run on both databases: PGlite in memory and a PostgreSQL cluster. */
const { isAvailable: isPostgresAvailable } = postgresAvailability()

export interface Target {
  name: string
  isAvailable: boolean
  open(): Promise<{ database: ServerDatabase; url: string | null; stop(): Promise<void> }>
}

export const targets: Target[] = [
  {
    name: 'PGlite',
    isAvailable: true,
    async open() {
      const database = await openDatabase({ kind: 'pglite', dataDir: null })
      return { database, url: null, stop: () => database.close() }
    },
  },
  {
    name: 'PostgreSQL',
    isAvailable: isPostgresAvailable,
    async open() {
      const cluster: PostgresCluster = await startPostgres()
      try {
        const database = await openDatabase({ kind: 'postgres', url: cluster.url })
        return {
          database,
          url: cluster.url,
          async stop() {
            await database.close()
            await cluster.stop()
          },
        }
      } catch (error) {
        await cluster.stop()
        throw error
      }
    },
  },
]

export async function addDevice(db: Database, store: { tenantId: string; storeId: string }) {
  const id = randomUUID()
  await db.insert(devices).values({
    id,
    tenantId: store.tenantId,
    storeId: store.storeId,
    name: 'Register',
    fingerprint: `fp-${id}`,
  })
  return id
}

export const order = (id = uuid()): PushItem => ({
  mutationId: mutationId(),
  entity: 'order',
  id,
  deleted: false,
  data: orderEnvelope(id),
  baseVersion: 0,
  clientVersion: null,
})

export const productItem = (id: string, name: string, baseVersion = 0): PushItem => ({
  mutationId: mutationId(),
  entity: 'product',
  id,
  deleted: false,
  data: product(id, name),
  baseVersion,
  clientVersion: null,
})

/** Everything a push can write for a store, to compare before and after. */
export async function snapshot(db: Database, storeId: string) {
  return {
    records: await db
      .select()
      .from(syncRecords)
      .where(eq(syncRecords.storeId, storeId))
      .orderBy(asc(syncRecords.seq)),
    ledger: await db
      .select()
      .from(mutationLedger)
      .where(eq(mutationLedger.storeId, storeId))
      .orderBy(asc(mutationLedger.mutationId)),
    conflicts: await db
      .select()
      .from(syncConflicts)
      .where(eq(syncConflicts.storeId, storeId))
      .orderBy(asc(syncConflicts.id)),
    headSeq: (await db.select().from(stores).where(eq(stores.id, storeId)))[0]!.headSeq,
  }
}

/** Opens the target for the enclosing describe; `setUp` makes a fresh store with one device. */
export function usePushTarget(target: Target) {
  let opened: Awaited<ReturnType<Target['open']>> | null = null
  beforeAll(async () => {
    opened = await target.open()
  })
  afterAll(async () => {
    await opened?.stop()
  })
  const db = (): Database => {
    if (!opened) throw new Error('push target not open yet')
    return opened.database.db
  }
  return {
    db,
    url: () => opened?.url ?? null,
    async setUp() {
      const store = await createStore(db())
      const deviceId = await addDevice(db(), store)
      const context: PushContext = { storeId: store.storeId, deviceId, policies: {} }
      return { store, deviceId, context }
    },
  }
}
