import pino from 'pino'
import { defaultConfig } from '../../src/server/config'
import { startServer, type RunningServer } from '../../src/server/main'

/**
 * The in-process sync server of the fault suite: like startTestSyncServer, but the auth rate
 * limit is raised, because every register of every scenario enrolls (and retries) from 127.0.0.1.
 */
export async function startFaultTestServer(): Promise<RunningServer> {
  return startServer(
    {
      port: 0,
      host: '127.0.0.1',
      database: { kind: 'pglite', dataDir: null },
      enrollmentCode: null,
      logLevel: 'silent',
      config: defaultConfig({
        jwtSecret: 'fault-suite-secret-that-is-long-enough-0123',
        authRateLimit: { max: 10_000, windowMs: 60_000 },
        websocket: { pingIntervalMs: 1_000, pongTimeoutMs: 1_000 },
      }),
    },
    pino({ level: 'silent' }),
  )
}
