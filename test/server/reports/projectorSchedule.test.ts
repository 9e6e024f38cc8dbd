import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, ServerDatabase } from '../../../src/server/db/connection'
import { openDatabase, rowsOf } from '../../../src/server/db/connection'
import { createReportProjector } from '../../../src/server/reports/projector'
import type { ReportProjector } from '../../../src/server/reports/projector'
import { createStore } from '../support/harness'
import { projectionOf, referenceOf, sale } from './projectorReference'

/*
 * The projector's share of a busy server: pushes that never pause for wakeDelayMs are projected
 * once every maxDelayMs, in one step per store, not once per push (a step is a transaction and a
 * durable commit beside the pushes'), even when pushes land during every step; once they pause,
 * the rest is projected. Real records on PGlite; each step the projector runs is counted (and
 * made 40 ms longer, as on a busy server) at the database handle it is given.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('report projector under steady pushes (PGlite)', () => {
  let database: ServerDatabase
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null })
  }, 180_000)
  afterAll(async () => {
    await database?.close()
  })

  /** A store, a projector on a counting handle, and registers that push to the store. */
  async function setUp(wakeDelayMs: number, maxDelayMs: number) {
    const store = await createStore(database.db)
    const counter = { steps: 0 }
    const counted = new Proxy(database.db, {
      get(target, key, receiver) {
        if (key !== 'execute') return Reflect.get(target, key, receiver) as unknown
        return async (query: Parameters<Database['execute']>[0]) => {
          counter.steps += 1
          // A step as long as on a busy server: pushes land while it runs.
          await sleep(40)
          return target.execute(query)
        }
      },
    })
    const projector = createReportProjector(counted, null, {
      sweepMs: 3_600_000,
      wakeDelayMs,
      maxDelayMs,
    })
    let head = 0
    /** One push: a record, the head moved under the store row's lock, the projector woken. */
    const push = async () => {
      await database.db.transaction(async (tx) => {
        const [row] = rowsOf<{ seq: number | string }>(
          await tx.execute(
            sql`update stores set head_seq = head_seq + 1 where id = ${store.storeId}::uuid returning head_seq as seq`,
          ),
        )
        const seq = Number(row?.seq)
        const id = `STEADY-${seq}`
        await tx.execute(sql`
          insert into sync_records (store_id, entity, id, version, seq, hash, data)
          values (${store.storeId}::uuid, 'order', ${id}, 1, ${seq}, 'h',
            ${JSON.stringify(sale(id, '2026-05-01T10:00:00.000Z', 100 + seq))}::jsonb)`)
        head = Math.max(head, seq)
      })
      projector.wake(store.storeId)
    }
    /** Two registers push, each every 5 ms, for `ms`; answers how long they pushed. */
    const pushFor = async (ms: number) => {
      const started = Date.now()
      const register = async () => {
        while (Date.now() - started < ms) {
          await push()
          await sleep(5)
        }
      }
      await Promise.all([register(), register()])
      return Date.now() - started
    }
    const cursor = async () =>
      Number(
        rowsOf<{ seq: number | string }>(
          await database.db.execute(
            sql`select coalesce((select seq from report_projection_cursor where store_id = ${store.storeId}::uuid), 0) as seq`,
          ),
        )[0]?.seq ?? 0,
      )
    /** Once pushes pause, the rest is projected without a report asking. */
    const expectCaughtUp = async () => {
      const deadline = Date.now() + 10_000
      while ((await cursor()) < head && Date.now() < deadline) await sleep(25)
      expect(await cursor()).toBe(head)
      expect(await projectionOf(database.db, store.storeId)).toEqual(
        await referenceOf(database.db, store.storeId),
      )
    }
    return { store, counter, projector, push, pushFor, cursor, expectCaughtUp, head: () => head }
  }

  async function closing(projector: ReportProjector, run: () => Promise<void>) {
    try {
      await run()
    } finally {
      await projector.close()
    }
  }

  it('projects pushes that never pause once per maxDelayMs, then the rest when they pause', async () => {
    const maxDelayMs = 500
    const { counter, projector, pushFor, cursor, expectCaughtUp, head } = await setUp(
      150,
      maxDelayMs,
    )
    await closing(projector, async () => {
      const pushingMs = await pushFor(1_600)
      const steps = counter.steps
      // Projected while pushes went on (no change waited much past maxDelayMs)...
      expect(await cursor()).toBeGreaterThan(0)
      // ...in one step per maxDelayMs, not one per push.
      expect(head()).toBeGreaterThan(3 * (pushingMs / maxDelayMs + 2))
      expect(steps).toBeGreaterThanOrEqual(1)
      expect(steps).toBeLessThanOrEqual(pushingMs / maxDelayMs + 2)
      await expectCaughtUp()
    })
  })

  it('resumed after a pause, waits for pushes to pause (or maxDelayMs) before it projects', async () => {
    const { counter, projector, push, pushFor, expectCaughtUp } = await setUp(300, 1_500)
    await closing(projector, async () => {
      await projector.pause()
      await push()
      await push()
      // Long past maxDelayMs, and projected meanwhile (as the report bench does between runs).
      await sleep(1_700)
      await projector.drain()
      counter.steps = 0
      projector.resume()
      await pushFor(700)
      expect(counter.steps).toBe(0)
      await expectCaughtUp()
    })
  })
})
