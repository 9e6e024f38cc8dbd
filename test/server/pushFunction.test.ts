import { randomUUID } from 'node:crypto'
import { asc, eq, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import fc from 'fast-check'
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
import { planRecord } from '../../src/server/sync/plan'
import type { PushContext, PushItem } from '../../src/server/sync/push'
import { DeviceNotActiveError, pushRecords } from '../../src/server/sync/push'
import { entityRegistry } from '../../src/server/sync/registry'
import type { RecordRow } from '../../src/server/sync/records'
import type { ChangeResult, ConflictPolicy, EntityName } from '../../src/shared/sync'
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

/**
 * The reference: the JS planner (plan.ts, which server-side edits still use) applied item by item
 * to an in-memory store, the way the push worked before it moved into the database.
 */
class ReferenceStore {
  records = new Map<string, RecordRow>()
  ledger = new Map<string, ChangeResult>()
  headSeq = 0

  push(context: PushContext, items: PushItem[]): ChangeResult[] {
    return items.map((item) => {
      const stored = this.ledger.get(item.mutationId)
      if (stored) return stored
      const key = `${item.entity}/${item.id}`
      const plan = planRecord(context, item, this.records.get(key) ?? null, this.headSeq + 1)
      if (plan.after) {
        this.records.set(key, plan.after)
        this.headSeq = plan.after.seq
      }
      this.ledger.set(item.mutationId, plan.result)
      return plan.result
    })
  }
}

/** A result without what is random or a clock reading (the conflict id, the row's updatedAt). */
function comparable(result: ChangeResult): unknown {
  const { conflictId, serverRecord, ...rest } = result
  return {
    ...rest,
    ...(conflictId ? { conflictId: 'stored' } : {}),
    ...(serverRecord ? { serverRecord: { ...serverRecord, updatedAt: 'at' } } : {}),
  }
}

const orderData = fc
  .record({
    status: fc.constantFrom(
      'OPEN',
      'COMPLETED',
      'paid',
      'PARTIALLY_REFUNDED',
      'REFUNDED',
      'VOIDED',
    ),
    isRefund: fc.boolean(),
    unitPriceCents: fc.constantFrom(250, 1),
  })
  .map(({ status, isRefund, unitPriceCents }) => {
    const base = orderEnvelope('o')
    return {
      ...base,
      order: { ...base.order, status, ...(isRefund ? { kind: 'REFUND' } : {}) },
      items: base.items.map((line) => ({ ...line, unitPriceCents })),
    }
  })
const dataOf: Record<string, (id: string) => fc.Arbitrary<unknown>> = {
  order: () => orderData,
  product: (id) =>
    fc.record({ id: fc.constantFrom(id, id, id, 'other'), name: fc.constantFrom('Tea', 'Coffee') }),
  shift: (id) =>
    fc.record({
      id: fc.constant(id),
      status: fc.constantFrom('OPEN', 'CLOSED'),
      openingCashCents: fc.constantFrom(0, 5),
    }),
  cashMovement: (id) => fc.record({ id: fc.constant(id), amountCents: fc.constantFrom(1, 2) }),
  customer: (id) => fc.record({ id: fc.constant(id), name: fc.constantFrom('Ann', 'Bo') }),
}
const pushItem = fc
  .record({
    entity: fc.constantFrom<EntityName>('order', 'product', 'shift', 'cashMovement', 'customer'),
    id: fc.constantFrom('a', 'b'),
    isDeleted: fc.integer({ min: 0, max: 5 }).map((roll) => roll === 0),
    baseVersion: fc.integer({ min: 0, max: 2 }),
    // Mostly a register's push; now and then a seed client's (clientVersion set).
    clientVersion: fc.oneof(
      { arbitrary: fc.constant(null), weight: 3 },
      { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 1 },
    ),
    reuse: fc.oneof(
      { arbitrary: fc.constant(null), weight: 9 },
      { arbitrary: fc.nat(), weight: 1 },
    ),
  })
  .chain((shape) => dataOf[shape.entity]!(shape.id).map((data) => ({ ...shape, data })))
const pushScript = fc.record({
  policies: fc.record({
    product: fc.constantFrom<ConflictPolicy>('manual', 'server-wins', 'client-wins'),
    customer: fc.constantFrom<ConflictPolicy>('last-write-wins', 'manual', 'server-wins'),
  }),
  batches: fc.array(fc.array(pushItem, { minLength: 1, maxLength: 6 }), {
    minLength: 1,
    maxLength: 5,
  }),
})

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

    it('decides concurrent edits of one record against the row the previous push committed', async () => {
      const { store, context } = await setUp()
      const pushers = [context, { ...context, deviceId: await addDevice(db(), store) }]
      const customer = (name: string): PushItem => ({
        mutationId: mutationId(),
        entity: 'customer',
        id: 'c-1',
        deleted: false,
        data: { id: 'c-1', name },
        baseVersion: 0,
        clientVersion: null,
      })
      await pushRecords(db(), context, [customer('first')])
      // Every edit starts from version 0: last-write-wins bumps the version the lock holder sees.
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          pushRecords(db(), pushers[index % 2]!, [customer(`name ${index}`)]),
        ),
      )
      const versions = outcomes.map((outcome) => outcome.results[0]!.serverVersion!)
      expect([...versions].sort((a, b) => a - b)).toEqual(versions.map((_, index) => index + 2))
      const [row] = (await snapshot(db(), store.storeId)).records
      expect(row).toMatchObject({ version: 13, seq: 13 })
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

    it('decides every record exactly as the JS planner does', async () => {
      await fc.assert(
        fc.asyncProperty(pushScript, async ({ policies, batches }) => {
          const { store, context: base } = await setUp()
          const context = { ...base, policies }
          const reference = new ReferenceStore()
          const mutationIds: string[] = []
          for (const shapes of batches) {
            const items = shapes.map((shape): PushItem => {
              // Now and then a mutation id already sent (a replay), else a fresh one.
              const reused = shape.reuse === null ? undefined : mutationIds[shape.reuse % 8]
              const id = reused ?? mutationId()
              mutationIds.push(id)
              return {
                mutationId: id,
                entity: shape.entity,
                id: shape.id,
                deleted: shape.isDeleted,
                data: shape.isDeleted ? null : shape.data,
                baseVersion: shape.baseVersion,
                clientVersion: shape.clientVersion,
              }
            })
            const outcome = await pushRecords(db(), context, items)
            expect(outcome.results.map(comparable)).toEqual(
              reference.push(context, items).map(comparable),
            )
            expect(outcome.headSeq).toBe(reference.headSeq)
          }
          const stored = await snapshot(db(), store.storeId)
          const project = (row: RecordRow) => ({
            entity: row.entity,
            id: row.id,
            version: row.version,
            seq: row.seq,
            hash: row.hash,
            deleted: row.deleted,
            data: row.data ?? null,
          })
          expect(stored.records.map(project)).toEqual(
            [...reference.records.values()].sort((a, b) => a.seq - b.seq).map(project),
          )
          expect(stored.headSeq).toBe(reference.headSeq)
        }),
        { numRuns: 80 },
      )
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
