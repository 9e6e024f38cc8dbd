import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { v4 as uuidv4 } from 'uuid'
import { afterAll, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../src/main/core'
import { buildServer } from '../../src/server/app'
import { defaultConfig } from '../../src/server/config'
import { openDatabase } from '../../src/server/db/connection'
import { stores, tenants } from '../../src/server/db/schema'
import { issueEnrollmentCode } from '../../src/server/tenancy/enrollmentCodes'
import { call, openTestCore } from '../support/registerCore'

/**
 * docs/operations.md, "Rotating the JWT secret": restart the server with a new secret; every
 * access token signed with the old one is refused at once, and registers carry on by refreshing
 * (refresh tokens are random values stored hashed, not signed, so the rotation leaves them valid).
 */
const scratch = mkdtempSync(join(tmpdir(), 'auraflow-rotate-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('rotating the JWT secret', () => {
  it('refuses old access tokens and registers recover through refresh, losing nothing', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: null })
    const serve = async (jwtSecret: string, port: number): Promise<FastifyInstance> => {
      const app = await buildServer({ db: database.db, config: defaultConfig({ jwtSecret }) })
      await app.listen({ port, host: '127.0.0.1' })
      return app
    }
    let app = await serve(`old-secret-${uuidv4()}`, 0)
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    let core: RegisterCore | null = null
    try {
      const [tenant] = await database.db.insert(tenants).values({ name: 'Rotation' }).returning()
      const [store] = await database.db
        .insert(stores)
        .values({ tenantId: tenant!.id, code: 'ROT', name: 'Rotation' })
        .returning()
      const code = await issueEnrollmentCode(database.db, store!.id, { uses: 1 })
      core = openTestCore(join(scratch, 'register'), {
        registerCode: 'R1',
        fingerprint: 'machine-a',
        sync: {
          isRealtimeEnabled: false,
          intervalMs: 3_600_000,
          backoff: { baseMs: 10, capMs: 50 },
        },
      })
      await call(core, 'sync:enroll', {
        serverUrl: `http://127.0.0.1:${port}`,
        enrollmentCode: code,
      })
      const sell = async () => {
        const { products } = await call(core!, 'catalog:list')
        await call(core!, 'sale:complete', {
          clientRequestId: uuidv4(),
          lines: [{ productId: products[0]!.id, quantity: 1 }],
          payments: [{ method: 'cash', amountCents: 50_00 }],
        })
      }
      await sell()
      expect((await call(core, 'sync:runNow')).counts).toMatchObject({ pending: 0, synced: 1 })
      const oldToken = core.tokenVault.read().accessToken

      // The rotation: the same database, a new secret, a restart.
      await app.close()
      app = await serve(`new-secret-${uuidv4()}`, port)
      const refused = await app.inject({
        method: 'GET',
        url: '/api/sync/pull-changes',
        headers: { authorization: `Bearer ${oldToken}` },
      })
      expect(refused.statusCode).toBe(401)

      await sell()
      const status = await call(core, 'sync:runNow')
      expect(status).toMatchObject({
        enrollment: 'enrolled',
        lastError: null,
        counts: { pending: 0, synced: 2, dead: 0 },
      })
      const newToken = core.tokenVault.read().accessToken
      expect(newToken).not.toBe(oldToken)
    } finally {
      core?.close()
      await app.close()
      await database.close()
    }
  })
})
