import fastifyCookie from '@fastify/cookie'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyWebsocket from '@fastify/websocket'
import Fastify from 'fastify'
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify'
import { SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../shared/sync'
import type { ErrorBody } from '../shared/sync'
import { registerSessionSettings } from './auth/sessions'
import { createTokenSigner, resolveJwtSecret } from './auth/tokens'
import type { ServerConfig } from './config'
import type { Database } from './db/connection'
import { countAppliedMigrations, countShippedMigrations } from './db/migrationStatus'
import { registerBackofficeApp } from './http/backofficeStatic'
import { HttpError } from './http/errors'
import { registerInputGuard } from './http/inputGuard'
import type { RealtimeBus } from './realtime/bus'
import { createLocalBus } from './realtime/bus'
import { registerSocketRoute } from './realtime/socketRoute'
import type { ReportProjector } from './reports/projector'
import { createReportProjector } from './reports/projector'
import { createStockProjector } from './inventory/stockProjector'
import { createTransferRelay } from './inventory/transferRelay'
import { registerAdminStockRoutes } from './routes/adminStock'
import { registerAdminPurchasingRoutes } from './routes/adminPurchasing'
import { registerAdminStockOfficeRoutes } from './routes/adminStockOffice'
import { registerAdminStockTransferRoutes } from './routes/adminStockTransfers'
import { registerAdminReorderRoutes } from './routes/adminReorder'
import { registerAdminCatalogRoutes } from './routes/adminCatalog'
import { registerAdminRulesRoutes } from './routes/adminRules'
import { registerAdminRegisterRoutes } from './routes/adminRegisters'
import { registerAdminStaffRoutes } from './routes/adminStaff'
import { registerAdminAuditRoutes } from './routes/adminAudit'
import { registerAdminReportRoutes } from './routes/adminReports'
import { registerAdminStoreRoutes } from './routes/adminStores'
import { registerAdminSyncHealthRoutes } from './routes/adminSyncHealth'
import { registerAdminUserRoutes } from './routes/adminUsers'
import { registerAuthRoutes } from './routes/auth'
import { firstRunToken, registerBackofficeSessionRoutes } from './routes/backofficeSession'
import { registerDocsRoute } from './routes/docs'
import { registerSeedRoutes } from './routes/seed'
import { registerSyncRoutes } from './routes/sync'
import { registerSyncStoreRoutes } from './routes/syncStores'

export interface BuildServerOptions {
  db: Database
  config: ServerConfig
  /** Defaults to an in-process bus; pass the PostgreSQL bus to reach other instances. */
  bus?: RealtimeBus
  /**
   * Keeps the reporting projection from the pushed records (woken by the bus, plus a sweep).
   * Defaults to one on `db` and the bus, closed with the app; pass one to control it (the bench).
   */
  reportProjector?: ReportProjector
  logger?: FastifyBaseLogger | boolean
  /**
   * The one-time first-run set-up token (startServer makes one when no admin exists); without it
   * `POST /api/backoffice/setup` is refused.
   */
  setupToken?: string | null
}

/** The WebSocket route takes its token as `?token=` (browsers cannot set upgrade headers): keep it out of logs. */
function redactQueryToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]')
}

function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactQueryToken(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }
}

/** Builds the Fastify app (not listening): routes, auth, limits, realtime. */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { db, config } = options
  const bus = options.bus ?? createLocalBus()
  const signer = createTokenSigner(await resolveJwtSecret(db, config.jwtSecret))
  const app = Fastify({
    bodyLimit: config.bodyLimitBytes,
    ...(typeof options.logger === 'object'
      ? { loggerInstance: options.logger.child({}, { serializers: { req: serializeRequest } }) }
      : options.logger
        ? { logger: { serializers: { req: serializeRequest } } }
        : { logger: false }),
    // Only the token decides scope, and request ids are for logs, not clients.
    requestIdHeader: false,
    return503OnClosing: true,
  })

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) {
      if (error.headers) void reply.headers(error.headers)
      const body: ErrorBody = {
        code: error.code,
        message: error.message,
        ...(error.issues ? { issues: error.issues } : {}),
      }
      return reply.status(error.statusCode).send(body)
    }
    const fastifyError = error as { statusCode?: number; code?: string; message?: string }
    const status = fastifyError.statusCode ?? 500
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    const body: ErrorBody =
      status >= 500
        ? { code: 'INTERNAL', message: 'internal error' }
        : {
            code: fastifyError.code ?? 'BAD_REQUEST',
            message: fastifyError.message ?? 'bad request',
          }
    return reply.status(status).send(body)
  })
  // The back office at `/` (helmet, strict CSP, SPA fallback); unknown /api paths stay a JSON 404.
  await registerBackofficeApp(app, config.backofficeDir)
  await app.register(fastifyCookie)
  registerSessionSettings(app, config)

  // The rate limiter only runs where a route opts in (auth, admin): sync routes are exempt.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        context.statusCode,
        'RATE_LIMITED',
        `too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`,
      ),
  })
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } })
  registerInputGuard(app)

  // Seed clients send no header, so a missing one means v1; any other version gets 426.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/sync')) return
    const version = request.headers[SYNC_PROTOCOL_HEADER]
    if (version !== undefined && version !== String(SYNC_PROTOCOL_VERSION)) {
      return reply
        .status(426)
        .header(SYNC_PROTOCOL_HEADER, String(SYNC_PROTOCOL_VERSION))
        .send({
          code: 'UNSUPPORTED_PROTOCOL',
          message: `sync protocol ${String(version)} is not supported; use ${SYNC_PROTOCOL_VERSION}`,
        } satisfies ErrorBody)
    }
  })

  app.get('/healthz', async () => ({ status: 'ok' }))
  const expectedMigrations = countShippedMigrations()
  app.get('/readyz', async (_request, reply) => {
    try {
      if ((await countAppliedMigrations(db)) < expectedMigrations)
        throw new Error('migrations pending')
      return { status: 'ready' }
    } catch {
      return reply.status(503).send({
        code: 'NOT_READY',
        message: 'database unreachable or not migrated',
      } satisfies ErrorBody)
    }
  })

  const reportProjector =
    options.reportProjector ??
    createReportProjector(db, bus, {
      onError: (error) => app.log.error({ err: error }, 'report projection failed'),
    })
  if (!options.reportProjector) app.addHook('onClose', () => reportProjector.close())
  // Stock on hand from the record stream (its own cursor), closed with the app.
  const stockProjector = createStockProjector(db, bus, {
    onError: (error) => app.log.error({ err: error }, 'stock projection failed'),
  })
  app.addHook('onClose', () => stockProjector.close())
  // Stock transfers pushed by the sending store, copied into the receiving store's records.
  const transferRelay = createTransferRelay(db, bus, {
    onError: (error) => app.log.error({ err: error }, 'stock transfer relay failed'),
    onRefused: (refusal) => app.log.warn(refusal, 'stock transfer not relayed'),
  })
  app.addHook('onClose', () => transferRelay.close())
  const context = { db, config, signer, bus, reportProjector, stockProjector }
  registerAuthRoutes(app, context)
  registerAdminCatalogRoutes(app, context)
  registerAdminRulesRoutes(app, context)
  registerAdminStaffRoutes(app, context)
  registerAdminStoreRoutes(app, context)
  registerAdminRegisterRoutes(app, context)
  registerAdminUserRoutes(app, context)
  registerAdminSyncHealthRoutes(app, context)
  registerAdminReportRoutes(app, context)
  registerAdminAuditRoutes(app, context)
  registerAdminStockRoutes(app, context)
  registerAdminPurchasingRoutes(app, context)
  registerAdminStockOfficeRoutes(app, context)
  registerAdminStockTransferRoutes(app, context)
  registerAdminReorderRoutes(app, context)
  registerBackofficeSessionRoutes(app, context, firstRunToken(options.setupToken))
  registerSyncRoutes(app, context)
  registerSyncStoreRoutes(app, context)
  registerSeedRoutes(app, context)
  registerSocketRoute(app, context)
  registerDocsRoute(app)
  return app
}
