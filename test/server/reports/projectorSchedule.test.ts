import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, ServerDatabase } from '../../../src/server/db/connection'
import { openDatabase, rowsOf } from '../../../src/server/db/connection'
import { createReportProjector } from '../../../src/server/reports/projector'
import { createStore } from '../support/harness'
import { projectionOf, referenceOf, sale } from './projectorReference'

/*
 * The projector's share of a busy server: pushes that never pause for wakeDelayMs are projected
 * once every maxDelayMs, in one step per store, not once per push (a step is a transaction and a
 * durable commit beside the pushes'), even when pushes land during every step; once they pause,
 * the rest is projected. Real records on PGlite; each step the projector runs is counted (and
 * made 40 ms longer, as on a busy server) at the database handle it is given.
 */
describe('report projector under steady pushes (PGlite)', () => {
  let database: ServerDatabase
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null })
  })
  afterAll(async () => {
    await database?.close()
  })

  it('projects pushes that never pause once per maxDelayMs, then the rest when they pause', async () => {
    const store = await createStore(database.db)
    let steps = 0
    const counted = new Proxy(database.db, {
      get(target, key, receiver) {
        if (key !== 'execute') return Reflect.get(target, key, receiver) as unknown
        return async (query: Parameters<Database['execute']>[0]) => {
          steps += 1
          // A step as long as on a busy server: pushes land while it runs.
          await new Promise((resolve) => setTimeout(resolve, 40))
          return target.execute(query)
        }
      },
    })
    const wakeDelayMs = 150
    const maxDelayMs = 500
    const projector = createReportProjector(counted, null, {
      sweepMs: 3_600_000,
      wakeDelayMs,
      maxDelayMs,
    })
    const cursor = async () =>
      Number(
        rowsOf<{ seq: number | string }>(
          await database.db.execute(
            sql`select coalesce((select seq from report_projection_cursor where store_id = ${store.storeId}::uuid), 0) as seq`,
          ),
        )[0]?.seq ?? 0,
      )
    try {
      let seq = 0
      const started = Date.now()
      // Two registers push, each a record every 5 ms (the head moved, the projector woken), for
      // 1.6 s: some pushes always land while a step runs.
      const register = async () => {
        while (Date.now() - started < 1_600) {
          await database.db.transaction(async (tx) => {
            // As a push: the sequence is given under the store row's lock, with the head.
            const [row] = rowsOf<{ seq: number | string }>(
              await tx.execute(
                sql`update stores set head_seq = head_seq + 1 where id = ${store.storeId}::uuid returning head_seq as seq`,
              ),
            )
            const mine = Number(row?.seq)
            const id = `STEADY-${mine}`
            await tx.execute(sql`
              insert into sync_records (store_id, entity, id, version, seq, hash, data)
              values (${store.storeId}::uuid, 'order', ${id}, 1, ${mine}, 'h',
                ${JSON.stringify(sale(id, '2026-05-01T10:00:00.000Z', 100 + mine))}::jsonb)`)
            seq = Math.max(seq, mine)
          })
          projector.wake(store.storeId)
          await new Promise((resolve) => setTimeout(resolve, 5))
        }
      }
      await Promise.all([register(), register()])
      const pushingMs = Date.now() - started
      const stepsWhilePushing = steps
      // Projected while pushes went on (no change waited much past maxDelayMs)...
      expect(await cursor()).toBeGreaterThan(0)
      // ...in one step per maxDelayMs, not one per push.
      expect(seq).toBeGreaterThan(3 * (pushingMs / maxDelayMs + 2))
      expect(stepsWhilePushing).toBeGreaterThanOrEqual(1)
      expect(stepsWhilePushing).toBeLessThanOrEqual(pushingMs / maxDelayMs + 2)

      // Once pushes pause, the rest is projected without a report asking.
      const deadline = Date.now() + 10_000
      while ((await cursor()) < seq && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 25))
      expect(await cursor()).toBe(seq)
      expect(await projectionOf(database.db, store.storeId)).toEqual(
        await referenceOf(database.db, store.storeId),
      )
    } finally {
      await projector.close()
    }
  })
})
