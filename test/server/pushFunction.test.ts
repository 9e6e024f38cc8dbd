import { randomUUID } from 'node:crypto'
import { asc, eq, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, rowsOf } from '../../src/server/db/connection'
import type { Database, ServerDatabase } from '../../src/server/db/connection'
import {
  devices,
  mutationLedger,
  schema,
  stores,
  syncConflicts,
  syncRecords,
} from '../../src/server/db/schema'
import type { PushContext, PushItem } from '../../src/server/sync/push'
import { DeviceNotActiveError, pushRecords } from '../../src/server/sync/push'
import { entityRegistry } from '../../src/server/sync/registry'
import type { EntityName } from '../../src/shared/sync'
import type { PostgresCluster } from './support/postgres'
import { postgresAvailability, startPostgres } from './support/postgres'
import { createStore, mutationId, orderEnvelope, product, uuid } from './support/harness'

/*
 * The push engine (af_push_batch, drizzle/server/0003_push_batch_function.sql) on both databases:
 * isolation of a bad record, idempotent replays, sequence allocation under concurrent pushes, a
 * revoked device, one statement per push, and the entity rules matching the registry's.
 */

const { isAvailable: isPostgresAvailable } = postgresAvailability()

interface Target {
  name: string
  isAvailable: boolean
  open(): Promise<{ database: ServerDatabase; url: string | null; stop(): Promise<void> }>
}

const targets: Target[] = [
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

async function addDevice(db: Database, store: { tenantId: string; storeId: string }) {
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

const order = (id = uuid()): PushItem => ({
  mutationId: mutationId(),
  entity: 'order',
  id,
  deleted: false,
  data: orderEnvelope(id),
  baseVersion: 0,
  clientVersion: null,
})

const productItem = (id: string, name: string, baseVersion = 0): PushItem => ({
  mutationId: mutationId(),
  entity: 'product',
  id,
  deleted: false,
  data: product(id, name),
  baseVersion,
  clientVersion: null,
})

/** Everything a push can write for a store, to compare before and after. */
async function snapshot(db: Database, storeId: string) {
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

for (const target of targets) {
  describe.skipIf(!target.isAvailable)(`push engine on ${target.name}`, () => {
    let opened: Awaited<ReturnType<Target['open']>>
    const db = () => opened.database.db
    beforeAll(async () => {
      opened = await target.open()
    })
    afterAll(async () => {
      await opened?.stop()
    })

    async function setUp() {
      const store = await createStore(db())
      const deviceId = await addDevice(db(), store)
      const context: PushContext = { storeId: store.storeId, deviceId, policies: {} }
      return { store, deviceId, context }
    }

    it('answers retry for records the database cannot store and applies the rest', async () => {
      const { store, context } = await setUp()
      const tooNew: PushItem = { ...order(), clientVersion: 3_000_000_000 }
      const nulId = uuid()
      const withNul: PushItem = {
        ...order(nulId),
        data: { ...orderEnvelope(nulId), note: 'a\u0000b' },
      }
      const good = [order(), order(), order()]
      const batch = [good[0]!, tooNew, good[1]!, withNul, good[2]!]
      const outcome = await pushRecords(db(), context, batch)
      expect(outcome.isIsolated).toBe(true)
      expect(outcome.results.map((result) => result.status)).toEqual([
        'applied',
        'retry',
        'applied',
        'retry',
        'applied',
      ])
      expect(outcome.results[1]!.error).toMatchObject({ code: 'STORE_ERROR', retryable: true })
      expect(outcome.results.map((result) => result.serverSeq)).toEqual([1, null, 2, null, 3])
      expect(outcome.storeErrors.map((error) => error.index)).toEqual([1, 3])
      expect(outcome.headSeq).toBe(3)
      const stored = await snapshot(db(), store.storeId)
      expect(stored.records.map((record) => record.id)).toEqual(good.map((item) => item.id))
      // No ledger entry for a retry: a resend runs it again.
      expect(stored.ledger.map((entry) => entry.mutationId).sort()).toEqual(
        good.map((item) => item.mutationId).sort(),
      )
      expect(stored.headSeq).toBe(3)

      const again = await pushRecords(db(), context, batch)
      expect(again.results.map((result) => result.status)).toEqual(
        outcome.results.map((result) => result.status),
      )
      expect(again.isReplay).toEqual([true, false, true, false, true])
      const fixed = await pushRecords(db(), context, [{ ...tooNew, clientVersion: 7 }])
      expect(fixed.results[0]).toMatchObject({ status: 'applied', serverVersion: 7, serverSeq: 4 })
    })

    it('replays a batch with identical results and writes nothing', async () => {
      const { store, context } = await setUp()
      const productId = `p-${uuid()}`
      await pushRecords(db(), context, [productItem(productId, 'Tea')])
      const twice = uuid()
      const first = order(twice)
      const batch: PushItem[] = [
        order(),
        // A manual-policy product edited from a stale version: a stored conflict.
        productItem(productId, 'Green tea', 0),
        // The data names another id.
        { ...productItem(`p-${uuid()}`, 'Mismatch'), data: product('other', 'Mismatch') },
        // Already in sync.
        productItem(productId, 'Tea', 0),
        // Written twice in one batch: stored once, in its final state.
        { ...first, data: orderEnvelope(twice, { status: 'PAID' }) },
        { ...order(twice), baseVersion: 1 },
      ]
      const outcome = await pushRecords(db(), context, batch)
      expect(outcome.results.map((result) => result.status)).toEqual([
        'applied',
        'conflict',
        'rejected',
        'duplicate',
        'applied',
        'applied',
      ])
      expect(outcome.results[1]).toMatchObject({ resolution: 'manual', serverVersion: 1 })
      expect(outcome.results[1]!.conflictId).toEqual(expect.any(String))
      expect(outcome.results[2]!.error?.code).toBe('ID_MISMATCH')
      expect(outcome.results[5]).toMatchObject({ serverVersion: 2, serverSeq: 4 })
      const before = await snapshot(db(), store.storeId)
      const final = before.records.find((record) => record.id === twice)!
      expect(final).toMatchObject({ version: 2, seq: 4, data: orderEnvelope(twice) })
      expect(before.conflicts.map((conflict) => conflict.id)).toEqual([
        outcome.results[1]!.conflictId,
      ])
      expect(before.headSeq).toBe(4)

      const replay = await pushRecords(db(), context, batch)
      expect(replay.results).toEqual(outcome.results)
      expect(replay.isReplay).toEqual(batch.map(() => true))
      expect(replay.isChanged).toBe(false)
      expect(replay.headSeq).toBe(4)
      expect(await snapshot(db(), store.storeId)).toEqual(before)
    })

    it('gives concurrent pushes to one store distinct, gap-free, increasing seqs', async () => {
      const { store, context } = await setUp()
      const other = { ...context, deviceId: await addDevice(db(), store) }
      const seqs: number[] = []
      for (let round = 0; round < 8; round += 1) {
        const outcomes = await Promise.all(
          [context, other, context, other].map((pusher) =>
            pushRecords(
              db(),
              pusher,
              Array.from({ length: 25 }, () => order()),
            ),
          ),
        )
        for (const outcome of outcomes) {
          const batchSeqs = outcome.results.map((result) => result.serverSeq!)
          expect(outcome.results.every((result) => result.status === 'applied')).toBe(true)
          // One batch holds the store lock while it writes: its seqs are consecutive.
          expect(batchSeqs).toEqual(batchSeqs.map((_, index) => batchSeqs[0]! + index))
          expect(outcome.headSeq).toBe(batchSeqs.at(-1))
          seqs.push(...batchSeqs)
        }
      }
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs.map((_, index) => index + 1))
      const stored = await snapshot(db(), store.storeId)
      expect(stored.headSeq).toBe(800)
      expect(stored.records.map((record) => record.seq)).toEqual(seqs.map((_, index) => index + 1))
    })

    it('writes nothing for a revoked device or a device of another store', async () => {
      const { store, deviceId, context } = await setUp()
      await pushRecords(db(), context, [order()])
      const before = await snapshot(db(), store.storeId)
      await db().update(devices).set({ revokedAt: new Date() }).where(eq(devices.id, deviceId))
      await expect(pushRecords(db(), context, [order(), order()])).rejects.toBeInstanceOf(
        DeviceNotActiveError,
      )
      const elsewhere = await createStore(db())
      const stranger = await addDevice(db(), elsewhere)
      await expect(
        pushRecords(db(), { ...context, deviceId: stranger }, [order()]),
      ).rejects.toBeInstanceOf(DeviceNotActiveError)
      expect(await snapshot(db(), store.storeId)).toEqual(before)
    })

    it('refreshes the device last_seen_at at most every 10 seconds', async () => {
      const { deviceId, context } = await setUp()
      const lastSeen = async () =>
        (await db().select().from(devices).where(eq(devices.id, deviceId)))[0]!.lastSeenAt
      await pushRecords(db(), context, [order()])
      const first = await lastSeen()
      expect(first).toBeInstanceOf(Date)
      await pushRecords(db(), context, [order()])
      expect(await lastSeen()).toEqual(first)
      const old = new Date(Date.now() - 60_000)
      await db().update(devices).set({ lastSeenAt: old }).where(eq(devices.id, deviceId))
      await pushRecords(db(), context, [])
      expect((await lastSeen())!.getTime()).toBeGreaterThan(old.getTime())
    })

    it.skipIf(target.name !== 'PostgreSQL')('sends one statement per push', async () => {
      const { context } = await setUp()
      const pool = new pg.Pool({ connectionString: opened.url!, max: 2 })
      let statements = 0
      const query = pool.query.bind(pool) as (...args: unknown[]) => unknown
      ;(pool as unknown as { query: typeof query }).query = (...args: unknown[]) => {
        statements += 1
        return query(...args)
      }
      try {
        const counted = drizzle({ client: pool, schema }) as unknown as Database
        const outcome = await pushRecords(
          counted,
          context,
          Array.from({ length: 50 }, () => order()),
        )
        expect(outcome.results.every((result) => result.status === 'applied')).toBe(true)
        expect(statements).toBe(1)
      } finally {
        await pool.end()
      }
    })

    it('applies the entity rules exactly as the registry declares them', async () => {
      const envelope = (overrides: Record<string, unknown>, kind?: string, line = 250) => {
        const base = orderEnvelope('o-1')
        return {
          ...base,
          order: { ...base.order, ...overrides, ...(kind ? { kind } : {}) },
          items: base.items.map((item) => ({ ...item, unitPriceCents: line })),
        }
      }
      const statuses = [
        undefined,
        'COMPLETED',
        'paid',
        'PARTIALLY_REFUNDED',
        'REFUNDED',
        'VOIDED',
        'OPEN',
        'Voided',
      ]
      const orders: unknown[] = []
      for (const status of statuses)
        for (const kind of [undefined, 'REFUND'])
          for (const line of [250, 1])
            orders.push(envelope({ status, updatedAt: `${line}` }, kind, line))
      const shifts = [
        { id: 's', status: 'OPEN' },
        { id: 's', status: 'CLOSED' },
        { id: 's', status: 'CLOSED', countedCents: 5 },
      ]
      const cases: [EntityName, unknown[]][] = [
        ['order', orders],
        ['shift', shifts],
        [
          'cashMovement',
          [
            { id: 'c', amountCents: 1 },
            { id: 'c', amountCents: 2 },
          ],
        ],
        ['auditEvent', [{ id: 'a', action: 'x' }]],
        ['product', [product('p', 'Tea')]],
      ]
      let checked = 0
      for (const [entity, values] of cases) {
        const states = [
          ...values.map((data) => ({ data, deleted: false })),
          { data: null, deleted: true },
        ]
        for (const server of states)
          for (const incoming of states) {
            const expected = entityRegistry[entity].checkTransition?.(server, incoming) ?? null
            const [row] = rowsOf<{ error: unknown }>(
              await db().execute(
                sql`SELECT af_transition_error(${entity}, ${JSON.stringify(server.data)}::jsonb, ${server.deleted}, ${JSON.stringify(incoming.data)}::jsonb, ${incoming.deleted}) AS error`,
              ),
            )
            expect(row!.error, `${entity} ${JSON.stringify([server, incoming])}`).toEqual(expected)
            checked += 1
          }
      }
      expect(checked).toBeGreaterThan(1000)
    })
  })
}
