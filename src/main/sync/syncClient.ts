import { Pool } from 'undici'
import type { z } from 'zod'
import {
  BatchPushResponse,
  ErrorBody,
  PullChangesResponse,
  SYNC_PROTOCOL_HEADER,
  SYNC_PROTOCOL_VERSION,
  TokenResponse,
  type BatchPushRequest,
  type EnrollRequest,
  type ResolveConflictRequest,
} from '../../shared/sync/protocol'
import {
  ConflictListResponse,
  HeartbeatResponse,
  ResolveConflictResponse,
  StatsResponse,
  type HeartbeatRequest,
} from '../../shared/sync/health'
import { fastReadPullPage } from '../../shared/sync/fastWireRecords'
import { TenantStoresResponse } from '../../shared/sync/stores'

/**
 * Why a call failed, in the terms the worker acts on:
 * - unreachable: no answer (offline, refused, timed out) — nothing is the records' fault;
 * - unauthorized: the token is not accepted (expired: refresh; revoked: stop);
 * - reset: the cursor is past the server's retention — pull the scope again from the start;
 * - refused: the server understood and said no (4xx) — not worth repeating unchanged;
 * - server: the server failed (5xx, unreadable reply) — try again later.
 */
export type SyncFailureKind = 'unreachable' | 'unauthorized' | 'reset' | 'refused' | 'server'

export class SyncRequestError extends Error {
  readonly kind: SyncFailureKind
  readonly status: number | null
  readonly code: string | null

  constructor(
    kind: SyncFailureKind,
    message: string,
    status: number | null = null,
    code: string | null = null,
  ) {
    super(message)
    this.name = 'SyncRequestError'
    this.kind = kind
    this.status = status
    this.code = code
  }
}

export interface SyncClientOptions {
  serverUrl: string
  /** Connect, headers and body timeouts, ms. */
  timeoutMs?: number
}

export interface SyncClient {
  enroll(request: EnrollRequest): Promise<TokenResponse>
  refresh(refreshToken: string): Promise<TokenResponse>
  push(accessToken: string, request: BatchPushRequest): Promise<BatchPushResponse>
  pull(accessToken: string, since: string | null, limit: number): Promise<PullChangesResponse>
  /** The calls below take a per-call deadline: a manager's screen should not wait 15 s. */
  heartbeat(
    accessToken: string,
    report: HeartbeatRequest,
    timeoutMs?: number,
  ): Promise<HeartbeatResponse>
  stats(accessToken: string, timeoutMs?: number): Promise<StatsResponse>
  conflicts(accessToken: string, timeoutMs?: number): Promise<ConflictListResponse>
  resolveConflict(
    accessToken: string,
    request: ResolveConflictRequest,
    timeoutMs?: number,
  ): Promise<ResolveConflictResponse>
  /** The other stores of this register's tenant (to send stock to). */
  stores(accessToken: string, timeoutMs?: number): Promise<TenantStoresResponse>
  close(): Promise<void>
}

/** Keep-alive pool to one sync server; every reply is parsed against the shared protocol. */
export function createSyncClient(options: SyncClientOptions): SyncClient {
  const origin = new URL(options.serverUrl).origin
  const timeoutMs = options.timeoutMs ?? 15_000
  const pool = new Pool(origin, {
    connections: 4,
    keepAliveTimeout: 30_000,
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  })

  async function call<T extends z.ZodType>(
    schema: T,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    accessToken?: string,
    timeoutMs?: number,
    fastRead?: (json: unknown) => z.output<T> | undefined,
  ): Promise<z.output<T>> {
    const headers: Record<string, string> = {
      [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
      accept: 'application/json',
    }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (accessToken) headers.authorization = `Bearer ${accessToken}`
    let response
    try {
      response = await pool.request({
        method,
        path,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      const reason =
        error instanceof Error
          ? `${(error as NodeJS.ErrnoException).code ?? error.name}: ${error.message}`
          : String(error)
      throw new SyncRequestError('unreachable', `Sync server ${origin} unreachable (${reason})`)
    }
    let text: string
    try {
      text = await response.body.text()
    } catch (error) {
      throw new SyncRequestError(
        'unreachable',
        `Lost the connection to ${origin} while reading its reply (${error instanceof Error ? error.message : String(error)})`,
      )
    }
    const status = response.statusCode
    let json: unknown
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = null
    }
    if (status >= 200 && status < 300) {
      const fast = fastRead?.(json)
      if (fast !== undefined) return fast
      const parsed = schema.safeParse(json)
      if (!parsed.success)
        throw new SyncRequestError(
          'server',
          `Sync server sent an unreadable reply to ${path}`,
          status,
        )
      return parsed.data
    }
    const error = ErrorBody.safeParse(json)
    const code = error.success ? error.data.code : null
    const message = error.success ? error.data.message : `HTTP ${status}`
    if (status === 401) throw new SyncRequestError('unauthorized', message, status, code)
    if (status === 410) throw new SyncRequestError('reset', message, status, code)
    if (status === 429 || status >= 500)
      throw new SyncRequestError('server', `Sync server error on ${path}: ${message}`, status, code)
    throw new SyncRequestError('refused', `Sync server refused ${path}: ${message}`, status, code)
  }

  return {
    enroll: (request) => call(TokenResponse, 'POST', '/api/auth/enroll', request),
    refresh: (refreshToken) => call(TokenResponse, 'POST', '/api/auth/refresh', { refreshToken }),
    push: (accessToken, request) =>
      call(BatchPushResponse, 'POST', '/api/sync/batch-push', request, accessToken),
    pull: (accessToken, since, limit) => {
      const query = new URLSearchParams({ limit: String(limit) })
      if (since) query.set('since', since)
      return call(
        PullChangesResponse,
        'GET',
        `/api/sync/pull-changes?${query}`,
        undefined,
        accessToken,
        undefined,
        // A first sync's pages hold thousands of changes: read them without zod when plain.
        fastReadPullPage,
      )
    },
    heartbeat: (accessToken, report, timeoutMs) =>
      call(HeartbeatResponse, 'POST', '/api/sync/heartbeat', report, accessToken, timeoutMs),
    stats: (accessToken, timeoutMs) =>
      call(StatsResponse, 'GET', '/api/sync/stats', undefined, accessToken, timeoutMs),
    conflicts: (accessToken, timeoutMs) =>
      call(ConflictListResponse, 'GET', '/api/sync/conflicts', undefined, accessToken, timeoutMs),
    resolveConflict: (accessToken, request, timeoutMs) =>
      call(
        ResolveConflictResponse,
        'POST',
        '/api/sync/resolve-conflict',
        request,
        accessToken,
        timeoutMs,
      ),
    stores: (accessToken, timeoutMs) =>
      call(TenantStoresResponse, 'GET', '/api/sync/stores', undefined, accessToken, timeoutMs),
    close: () => pool.close(),
  }
}
