import pino from 'pino'
import { defaultConfig } from '../../src/server/config'
import { startServer, type RunningServer } from '../../src/server/main'
import { issueEnrollmentCode } from '../../src/server/tenancy/enrollmentCodes'
import { stores, tenants } from '../../src/server/db/schema'

/** A real sync server on 127.0.0.1 with an in-memory PGlite database. */
export async function startTestSyncServer(port = 0): Promise<RunningServer> {
  return startServer(
    {
      port,
      host: '127.0.0.1',
      database: { kind: 'pglite', dataDir: null },
      enrollmentCode: null,
      logLevel: 'silent',
      config: defaultConfig({
        jwtSecret: 'test-secret-that-is-long-enough-0123456789',
        // Many registers enroll from 127.0.0.1 in one file; the limiter has its own tests.
        authRateLimit: { max: 1000, windowMs: 60_000 },
        websocket: { pingIntervalMs: 1_000, pongTimeoutMs: 1_000 },
      }),
    },
    pino({ level: 'silent' }),
  )
}

/** A new tenant and store with a reusable enrollment code, so tests sharing a server never meet. */
export async function createTestStore(
  server: RunningServer,
): Promise<{ storeId: string; code: string }> {
  const suffix = crypto.randomUUID().slice(0, 8)
  const [tenant] = await server.database.db
    .insert(tenants)
    .values({ name: `tenant ${suffix}` })
    .returning()
  const [store] = await server.database.db
    .insert(stores)
    .values({ tenantId: tenant!.id, code: `S-${suffix}`, name: 'Test store' })
    .returning()
  const code = await issueEnrollmentCode(server.database.db, store!.id, { uses: null })
  return { storeId: store!.id, code }
}
