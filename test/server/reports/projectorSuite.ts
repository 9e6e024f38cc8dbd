import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../../../src/server/app'
import type { ServerDatabase } from '../../../src/server/db/connection'
import { rowsOf } from '../../../src/server/db/connection'
import { selectFreshness } from '../../../src/server/db/projectionRepository'
import { createReportProjector } from '../../../src/server/reports/projector'
import type { ReportProjector } from '../../../src/server/reports/projector'
import type { SummaryReply } from '../../../src/shared/backoffice/reports'
import type { BatchPushResponse, ChangeResult } from '../../../src/shared/sync'
import { createStore, enroll, testConfig } from '../support/harness'
import type { Device } from '../support/harness'
import { insertAdmin, PASSWORD } from '../support/backofficeClient'
import { projectionOf, referenceOf, sale } from './projectorReference'

/*
 * The record-stream projector: a pushed sale reaches the reports within seconds by itself, and at
 * once when a report is read; two projectors (two server instances on PostgreSQL) and re-runs over
 * the same records never count a record twice; an updated record updates the projection. The
 * projection is compared with a reference computed in JS from the stored records.
 */

type Change = { mutationId: string; entity: string; id: string; baseVersion: number; data: unknown }

async function pushBody(app: FastifyInstance, device: Device, changes: Change[]) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/sync/batch-push',
    headers: { ...device.headers, 'content-type': 'application/json' },
    payload: {
      deviceId: device.deviceId,
      changes: changes.map((change) => ({ ...change, op: 'upsert' })),
    },
  })
  expect(response.statusCode).toBe(200)
  return response.json<BatchPushResponse>().results
}

const change = (id: string, data: unknown, baseVersion = 0): Change => ({
  mutationId: randomUUID(),
  entity: 'order',
  id,
  baseVersion,
  data,
})

/** A seeded generator, so a failing run can be replayed (the seed is in the test name). */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== null) return value
    if (Date.now() > deadline) throw new Error(`not there after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

export function defineProjectorSuite(
  label: string,
  open: () => Promise<ServerDatabase>,
  openSecond: () => Promise<ServerDatabase>,
): void {
  describe(`report projector on ${label}`, () => {
    let database: ServerDatabase
    let second: ServerDatabase
    beforeAll(async () => {
      database = await open()
      second = await openSecond()
    })
    afterAll(async () => {
      if (second !== database) await second?.close()
      await database?.close()
    })

    /** A server whose own projector is paused: only what the test runs projects. */
    async function quietServer(): Promise<{ app: FastifyInstance; projector: ReportProjector }> {
      const projector = createReportProjector(database.db, null, { sweepMs: 3_600_000 })
      await projector.pause()
      const app = await buildServer({
        db: database.db,
        config: testConfig(),
        reportProjector: projector,
      })
      return { app, projector }
    }

    it('projects a pushed sale within seconds with no report asked (background, woken by the push)', async () => {
      const app = await buildServer({ db: database.db, config: testConfig() })
      try {
        const store = await createStore(database.db)
        const till = await enroll(app, store.code)
        const id = `BG-${randomUUID()}`
        await pushBody(app, till, [change(id, sale(id, new Date().toISOString(), 700))])
        const total = await waitFor(async () => {
          const [row] = rowsOf<{ total: number }>(
            await database.db.execute(
              sql`select total_cents::int as total from report_orders where store_id = ${store.storeId}::uuid and order_id = ${id}`,
            ),
          )
          return row ? row.total : null
        }, 10_000)
        expect(total).toBe(700)
      } finally {
        await app.close()
      }
    })

    it('includes a sale in the report read right after its push, and says when it is not current', async () => {
      const { app, projector } = await quietServer()
      try {
        const store = await createStore(database.db)
        const till = await enroll(app, store.code)
        const admin = await insertAdmin(database.db, 'tenant_admin', { tenantId: store.tenantId })
        const login = await app.inject({
          method: 'POST',
          url: '/api/admin/login',
          payload: { email: admin.email, password: PASSWORD },
        })
        const bearer = `Bearer ${login.json<{ accessToken: string }>().accessToken}`
        const now = new Date()
        const id = `NOW-${randomUUID()}`
        await pushBody(app, till, [change(id, sale(id, now.toISOString(), 1234))])
        // Nothing projected it yet: the freshness says so.
        expect((await selectFreshness(database.db, [store.storeId])).isCurrent).toBe(false)
        const day = now.toISOString().slice(0, 10)
        const reply = await app.inject({
          method: 'GET',
          url: `/api/admin/reports/summary?from=${day}&to=${day}&storeIds=${store.storeId}`,
          headers: { authorization: bearer },
        })
        expect(reply.statusCode).toBe(200)
        const body = reply.json<SummaryReply>()
        expect(body.summary).toMatchObject({ salesCount: 1, totalCents: 1234 })
        expect(body.projection.isCurrent).toBe(true)
        expect(Date.parse(body.projection.projectedThrough)).toBeGreaterThanOrEqual(now.getTime())
      } finally {
        await app.close()
        await projector.close()
      }
    })

    it('updates the projection when a sale is refunded, a refund is recorded or an open order deleted', async () => {
      const { app, projector } = await quietServer()
      try {
        const store = await createStore(database.db)
        const till = await enroll(app, store.code)
        const at = '2026-03-01T12:00:00.000Z'
        await pushBody(app, till, [
          change('S', sale('S', at, 1000)),
          change('OPEN', sale('OPEN', at, 300, { status: 'OPEN' })),
        ])
        await projector.catchUp([store.storeId])
        expect(await projectionOf(database.db, store.storeId)).toHaveLength(2)
        const [refunded] = await pushBody(app, till, [
          change('S', sale('S', at, 1000, { status: 'REFUNDED' }), 1),
          change('R', sale('R', at, -1000, { kind: 'REFUND', refundOfOrderId: 'S' })),
        ])
        expect(refunded?.status).toBe('applied')
        const deleted = await app.inject({
          method: 'POST',
          url: '/api/sync/batch-push',
          headers: { ...till.headers, 'content-type': 'application/json' },
          payload: {
            deviceId: till.deviceId,
            changes: [
              {
                mutationId: randomUUID(),
                entity: 'order',
                id: 'OPEN',
                op: 'delete',
                baseVersion: 1,
              },
            ],
          },
        })
        expect(deleted.json<BatchPushResponse>().results[0]?.status).toBe('applied')
        await projector.catchUp([store.storeId])
        const rows = await projectionOf(database.db, store.storeId)
        expect(rows.map((row) => [row.orderId, row.kind, row.status, row.totalCents])).toEqual([
          ['R', 'refund', 'COMPLETED', -1000],
          ['S', 'sale', 'REFUNDED', 1000],
        ])
        expect(rows).toEqual(await referenceOf(database.db, store.storeId))
      } finally {
        await app.close()
        await projector.close()
      }
    })

    for (const seed of [1, 2]) {
      it(`never counts twice: random batches, replays, updates, two projectors and re-runs (seed ${seed})`, async () => {
        const { app, projector } = await quietServer()
        const one = createReportProjector(database.db, null, { sweepMs: 3_600_000, batch: 7 })
        const two = createReportProjector(second.db, null, { sweepMs: 3_600_000, batch: 5 })
        try {
          const rand = random(seed)
          const store = await createStore(database.db)
          const till = await enroll(app, store.code)
          const versions = new Map<string, number>()
          const sent: Change[][] = []
          const running: Promise<unknown>[] = []
          for (let round = 0; round < 25; round += 1) {
            let batch: Change[]
            if (sent.length > 0 && rand() < 0.25) {
              batch = sent[Math.floor(rand() * sent.length)]! // a replay: same mutation ids
            } else {
              batch = []
              for (let n = 1 + Math.floor(rand() * 6); n > 0; n -= 1) {
                const known = [...versions.keys()]
                const day = `2026-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}T1${Math.floor(rand() * 9)}:00:00.000Z`
                if (known.length > 0 && rand() < 0.3) {
                  const id = known[Math.floor(rand() * known.length)]!
                  const row = await rowsOf<{ data: unknown }>(
                    await database.db.execute(
                      sql`select data from sync_records where store_id = ${store.storeId}::uuid and entity = 'order' and id = ${id}`,
                    ),
                  )[0]
                  const data = row?.data as { order: Record<string, unknown> } | undefined
                  if (!data || data.order.status !== 'COMPLETED' || data.order.kind === 'REFUND')
                    continue
                  data.order.status = rand() < 0.5 ? 'REFUNDED' : 'PARTIALLY_REFUNDED'
                  batch.push(change(id, data, versions.get(id)))
                } else {
                  const id = `O${round}-${n}`
                  const isRefund = rand() < 0.2
                  const cents = 100 + Math.floor(rand() * 5000)
                  batch.push(
                    change(
                      id,
                      sale(id, day, isRefund ? -cents : cents, isRefund ? { kind: 'REFUND' } : {}),
                    ),
                  )
                }
              }
              if (batch.length === 0) continue
              sent.push(batch)
            }
            const results: ChangeResult[] = await pushBody(app, till, batch)
            for (const result of results)
              if (result.status === 'applied') versions.set(result.id, result.serverVersion ?? 0)
            // Projectors run while pushes go on, now and then, never awaited here.
            if (rand() < 0.4) running.push(one.drain())
            if (rand() < 0.4) running.push(two.drain())
            if (rand() < 0.15) {
              // A re-run over records already projected: the cursor moved back.
              await database.db.execute(
                sql`update report_projection_cursor set seq = greatest(seq - 10, 0) where store_id = ${store.storeId}::uuid`,
              )
            }
          }
          await Promise.all(running)
          await Promise.all([one.drain(), two.drain(), one.catchUp([store.storeId])])
          const reference = await referenceOf(database.db, store.storeId)
          expect(reference.length).toBeGreaterThan(10)
          expect(await projectionOf(database.db, store.storeId)).toEqual(reference)
          expect((await selectFreshness(database.db, [store.storeId])).isCurrent).toBe(true)
        } finally {
          await Promise.all([one.close(), two.close(), projector.close()])
          await app.close()
        }
      })
    }
  })
}
