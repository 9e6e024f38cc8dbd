import path from 'node:path'
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
}

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
    config: defaultConfig({ jwtSecret: parsed.AURAFLOW_JWT_SECRET ?? null }),
  }
}
