import type { FastifyInstance } from 'fastify'
import pino from 'pino'
import { buildServer } from './app'
import { newOpaqueToken } from './auth/tokens'
import { countAdmins } from './db/backofficeRepository'
import type { ProcessSettings } from './config'
import { openDatabase } from './db/connection'
import type { ServerDatabase } from './db/connection'
import { createLocalBus, createPostgresBus } from './realtime/bus'
import { startHousekeeping } from './sync/housekeeping'
import { bootstrap } from './tenancy/bootstrap'

export interface RunningServer {
  app: FastifyInstance
  database: ServerDatabase
  url: string
  /** The one-time enrollment code created on an empty database, if this start created one. */
  enrollmentCode: string | null
  storeCode: string | null
  /**
   * On a database without any admin: the one-time link that opens the first-run set-up in the
   * browser (valid until used or until the server restarts).
   */
  setupUrl: string | null
  /** Finishes in-flight requests, closes sockets, stops housekeeping and closes the database. */
  stop(): Promise<void>
}

/**
 * Request log lines without secrets: the WebSocket route accepts `?token=`. Written to stdout
 * asynchronously: a synchronous write per line cost a busy server a sixth of its CPU (two lines per
 * request); lines that arrive while a write is on its way go out with the next one, and pino
 * flushes what is left when the process exits.
 */
export function createLogger(level: ProcessSettings['logLevel']) {
  return pino(
    {
      level,
      serializers: {
        req: (request: { method?: string; url?: string; ip?: string }) => ({
          method: request.method,
          url: request.url?.replace(/([?&]token=)[^&]*/g, '$1[redacted]'),
          remoteAddress: request.ip,
        }),
      },
    },
    pino.destination({ dest: 1, sync: false }),
  )
}

export async function startServer(
  settings: ProcessSettings,
  logger = createLogger(settings.logLevel),
): Promise<RunningServer> {
  const database = await openDatabase(settings.database)
  const { createdCode, storeCode } = await bootstrap(database.db, settings.enrollmentCode)
  const onBusError = (error: unknown) => logger.warn({ err: error }, 'realtime bus error')
  const bus = database.postgresUrl
    ? await createPostgresBus(database.postgresUrl, settings.config.instanceId, onBusError)
    : createLocalBus()
  const setupToken = (await countAdmins(database.db)) === 0 ? newOpaqueToken() : null
  const app = await buildServer({
    db: database.db,
    config: settings.config,
    bus,
    logger,
    setupToken,
  })
  const stopHousekeeping = startHousekeeping(database.db, {
    ledgerRetentionDays: settings.config.ledgerRetentionDays,
    tombstoneRetentionDays: settings.config.tombstoneRetentionDays,
    onError: (error) => logger.error({ err: error }, 'housekeeping failed'),
    onReport: (report) => logger.info(report, 'housekeeping done'),
  })
  const address = await app.listen({ port: settings.port, host: settings.host })
  let stopping: Promise<void> | null = null
  return {
    app,
    database,
    url: address,
    enrollmentCode: createdCode,
    storeCode,
    setupUrl: setupToken ? `${address}/setup?token=${setupToken}` : null,
    stop() {
      stopping ??= (async () => {
        await stopHousekeeping()
        await app.close()
        await bus.close()
        await database.close()
      })()
      return stopping
    },
  }
}
