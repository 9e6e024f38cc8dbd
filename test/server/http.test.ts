import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/server/db/connection'
import type { ServerDatabase } from '../../src/server/db/connection'
import { createStore, enroll, makeApp, uuid } from './support/harness'

describe('HTTP surface (PGlite)', () => {
  let database: ServerDatabase
  let app: FastifyInstance
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null })
    app = await makeApp(database.db, { authRateLimit: { max: 3, windowMs: 60_000 } })
  })
  afterAll(async () => {
    await app?.close()
    await database?.close()
  })

  it('limits auth routes with 429 and Retry-After but not sync routes', async () => {
    const store = await createStore(database.db)
    const device = await enroll(app, store.code)
    const attempts = []
    for (let index = 0; index < 4; index += 1) {
      attempts.push(
        await app.inject({
          method: 'POST',
          url: '/api/auth/refresh',
          payload: { refreshToken: 'x'.repeat(20) },
        }),
      )
    }
    // The limit is per route: these are the first refreshes from this client.
    expect(attempts.map((response) => response.statusCode)).toEqual([401, 401, 401, 429])
    expect(Number(attempts[3]!.headers['retry-after'])).toBeGreaterThan(0)
    expect(attempts[3]!.json()).toMatchObject({ code: 'RATE_LIMITED' })
    for (let index = 0; index < 10; index += 1) {
      const pull = await app.inject({
        method: 'GET',
        url: '/api/sync/pull-changes',
        headers: device.headers,
      })
      expect(pull.statusCode).toBe(200)
    }
  })

  it('rejects a body over the size limit with 413 and a missing token with 401', async () => {
    const small = await makeApp(database.db, { bodyLimitBytes: 1024 })
    try {
      const store = await createStore(database.db)
      const device = await small.inject({
        method: 'POST',
        url: '/api/auth/enroll',
        payload: {
          enrollmentCode: store.code,
          deviceId: uuid(),
          name: 'x'.repeat(2000),
          fingerprint: 'f',
        },
      })
      expect(device.statusCode).toBe(413)
    } finally {
      await small.close()
    }
    expect((await app.inject({ method: 'GET', url: '/api/sync/pull-changes' })).statusCode).toBe(
      401,
    )
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/sync/pull-changes',
          headers: { authorization: 'Bearer forged.token.value' },
        })
      ).statusCode,
    ).toBe(401)
  })

  it('describes every route in OpenAPI JSON at /api/docs/json', async () => {
    const response = await app.inject('/api/docs/json')
    expect(response.statusCode).toBe(200)
    const document = response.json<{
      openapi: string
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: Record<string, { schema: { properties?: Record<string, unknown> } }>
            }
          }
        >
      >
    }>()
    expect(document.openapi).toBe('3.1.0')
    for (const path of [
      '/api/sync/batch-push',
      '/api/sync/pull-changes',
      '/api/sync/batch',
      '/api/sync/order',
      '/api/sync/transaction',
      '/api/sync/updates',
      '/api/sync/resolve-conflict',
      '/api/sync/stats',
      '/api/auth/enroll',
    ]) {
      expect(document.paths[path], path).toBeDefined()
      const method = Object.keys(document.paths[path]!)[0]!.toUpperCase() as 'GET' | 'POST'
      expect(app.hasRoute({ method, url: path }), path).toBe(true)
    }
    const push =
      document.paths['/api/sync/batch-push']!.post!.requestBody!.content['application/json']!.schema
    expect(Object.keys(push.properties ?? {})).toEqual(['deviceId', 'changes'])
  })

  it('reports not ready while a migration is missing', async () => {
    expect((await app.inject('/readyz')).statusCode).toBe(200)
    const saved = (await database.query(
      'DELETE FROM drizzle.__drizzle_migrations RETURNING *',
    )) as { rows: Record<string, unknown>[] }
    try {
      const response = await app.inject('/readyz')
      expect(response.statusCode).toBe(503)
      expect(response.json()).toMatchObject({ code: 'NOT_READY' })
    } finally {
      for (const row of saved.rows) {
        await database.query(
          'INSERT INTO drizzle.__drizzle_migrations (id, hash, created_at) VALUES ($1, $2, $3)',
          [row.id, row.hash, row.created_at],
        )
      }
    }
    expect((await app.inject('/readyz')).statusCode).toBe(200)
  })
})
