import { eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import type { Database } from '../../src/server/db/connection'
import { devices, schema } from '../../src/server/db/schema'
import type { PushItem } from '../../src/server/sync/push'
import { DeviceNotActiveError, pushRecords } from '../../src/server/sync/push'
import { createStore, mutationId, orderEnvelope, product, uuid } from './support/harness'
import {
  addDevice,
  order,
  productItem,
  snapshot,
  targets,
  usePushTarget,
} from './support/pushTargets'

/*
 * The push engine (af_push_batch, drizzle/server/0004_push_batch_function.sql) on both databases:
 * isolation of a bad record, idempotent replays, sequence allocation under concurrent pushes, a
 * revoked device, and one statement per push.
 */

for (const target of targets) {
  describe.skipIf(!target.isAvailable)(`push engine on ${target.name}`, () => {
    const { db, url, setUp } = usePushTarget(target)

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

    // A round trip is a network one: PGlite runs in the process, so only PostgreSQL counts them.
    if (target.name === 'PostgreSQL')
      it('sends one statement per push', async () => {
        const { context } = await setUp()
        const pool = new pg.Pool({ connectionString: url()!, max: 2 })
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
  })
}
