import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { SERVER_MAX_BATCH_RECORDS, type ConflictPolicy, type EntityName } from '../shared/sync'
import type { DatabaseTarget } from './db/connection'

export interface ServerConfig {
  /** HS256 signing secret; when null the server uses (or creates) one stored in the database. */
  jwtSecret: string | null
  accessTokenTtlSeconds: number
  refreshTokenTtlSeconds: number
  /** Bytes accepted in one request body. */
  bodyLimitBytes: number
  /** Most records one v1 batch-push takes, advertised in each reply (seed endpoints keep 50). */
  maxPushRecords: number
  /** Requests per window per client on auth and admin routes. */
  authRateLimit: { max: number; windowMs: number }
  tombstoneRetentionDays: number
  ledgerRetentionDays: number
  websocket: { pingIntervalMs: number; pongTimeoutMs: number }
  /** Per-entity conflict policy overrides of the registry defaults. */
  policies: Partial<Record<EntityName, ConflictPolicy>>
  /** Identifies this process in LISTEN/NOTIFY payloads and connection records. */
  instanceId: string
  /** Back-office cookie sessions. */
  adminSession: {
    /** Minutes without a request after which a session ends. */
    idleMinutes: number
    /** Hours after sign-in after which a session ends, however busy. */
    absoluteHours: number
    /** `auto`: Secure when the request came over TLS (or a trusted proxy said so). */
    secureCookie: 'auto' | 'always' | 'never'
  }
  /** Requests per window per client on the back office's admin routes (sign-in uses authRateLimit). */
  backofficeRateLimit: { max: number; windowMs: number }
  /** The built web app (`npm run build` writes out/backoffice), served at `/`. */
  backofficeDir: string
  /** Outgoing mail (purchase orders to suppliers); null: e-mailing answers 409 SMTP_NOT_CONFIGURED. */
  smtp: SmtpSettings | null
}

export interface SmtpSettings {
  /** smtp://user:pass@host:port or smtps://…, as nodemailer reads it. */
  url: string
  /** The sender, e.g. "Corner Shop <orders@example.com>". */
  from: string
}

/** out/backoffice of this checkout: where `npm run build` puts the web app. */
export const defaultBackofficeDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../out/backoffice',
)

export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    jwtSecret: null,
    accessTokenTtlSeconds: 15 * 60,
    refreshTokenTtlSeconds: 30 * 24 * 60 * 60,
    bodyLimitBytes: 2 * 1024 * 1024,
    maxPushRecords: SERVER_MAX_BATCH_RECORDS,
    authRateLimit: { max: 20, windowMs: 60_000 },
    tombstoneRetentionDays: 90,
    ledgerRetentionDays: 7,
    websocket: { pingIntervalMs: 30_000, pongTimeoutMs: 10_000 },
    policies: {},
    instanceId: crypto.randomUUID(),
    adminSession: { idleMinutes: 30, absoluteHours: 12, secureCookie: 'auto' },
    backofficeRateLimit: { max: 600, windowMs: 60_000 },
    backofficeDir: defaultBackofficeDir,
    smtp: null,
    ...overrides,
  }
}

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3030),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  AURAFLOW_SERVER_DATA: z.string().optional(),
  AURAFLOW_JWT_SECRET: z.string().min(32).optional(),
  AURAFLOW_ENROLLMENT_CODE: z.string().min(4).max(64).optional(),
  AURAFLOW_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  AURAFLOW_SECURE_COOKIE: z.enum(['auto', 'always', 'never']).default('auto'),
  AURAFLOW_BACKOFFICE_DIR: z.string().optional(),
  AURAFLOW_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'AURAFLOW_SMTP_URL is smtp://host:port or smtps://…')
    .optional(),
  AURAFLOW_SMTP_FROM: z.string().min(3).max(200).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})
export type ServerEnv = z.infer<typeof Env>

export interface ProcessSettings {
  port: number
  host: string
  database: DatabaseTarget
  enrollmentCode: string | null
  logLevel: ServerEnv['LOG_LEVEL']
  config: ServerConfig
}

const Port = z.coerce.number().int().min(0).max(65_535)

/**
 * The process settings from the environment (PORT, HOST, DATABASE_URL, ...); `--port` and
 * `--host` on the command line win over PORT and HOST.
 */
export function settingsFromEnv(
  env: NodeJS.ProcessEnv,
  cwd: string,
  flags: { port?: string | undefined; host?: string | undefined } = {},
): ProcessSettings {
  const parsed = Env.parse(env)
  if ((parsed.AURAFLOW_SMTP_URL === undefined) !== (parsed.AURAFLOW_SMTP_FROM === undefined))
    throw new Error('AURAFLOW_SMTP_URL and AURAFLOW_SMTP_FROM are set together or not at all')
  let port = parsed.PORT
  if (flags.port !== undefined) {
    const flagPort = Port.safeParse(flags.port.trim() === '' ? Number.NaN : flags.port)
    if (!flagPort.success) throw new Error(`--port must be 0..65535, got "${flags.port}"`)
    port = flagPort.data
  }
  const database: DatabaseTarget = parsed.DATABASE_URL
    ? { kind: 'postgres', url: parsed.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.resolve(cwd, parsed.AURAFLOW_SERVER_DATA ?? 'data/server') }
  return {
    port,
    host: flags.host ?? parsed.HOST,
    database,
    enrollmentCode: parsed.AURAFLOW_ENROLLMENT_CODE ?? null,
    logLevel: parsed.LOG_LEVEL,
    config: defaultConfig({
      jwtSecret: parsed.AURAFLOW_JWT_SECRET ?? null,
      adminSession: {
        idleMinutes: parsed.AURAFLOW_SESSION_IDLE_MINUTES,
        absoluteHours: 12,
        secureCookie: parsed.AURAFLOW_SECURE_COOKIE,
      },
      ...(parsed.AURAFLOW_BACKOFFICE_DIR
        ? { backofficeDir: path.resolve(cwd, parsed.AURAFLOW_BACKOFFICE_DIR) }
        : {}),
      ...(parsed.AURAFLOW_SMTP_URL && parsed.AURAFLOW_SMTP_FROM
        ? { smtp: { url: parsed.AURAFLOW_SMTP_URL, from: parsed.AURAFLOW_SMTP_FROM } }
        : {}),
    }),
  }
}
