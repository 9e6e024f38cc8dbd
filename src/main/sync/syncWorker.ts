import { v4 as uuidv4 } from 'uuid'
import type { z } from 'zod'
import type { EnrollInput } from '../../shared/ipc/syncSchemas'
import { PosError } from '../../shared/ipc/errors'
import { MAX_PULL_LIMIT, type TokenResponse } from '../../shared/sync/protocol'
import type { RegisterEvents } from '../events'
import type { RegisterDb } from '../store/database'
import {
  changeDeviceIdentity,
  getStoreSettings,
  type DeviceIdentity,
} from '../store/identityRepository'
import { listDeadEntries, requeueInFlight, retryDeadEntries } from '../store/outboxRepository'
import { recordLabel } from '../store/syncRecords'
import { getSyncState, updateSyncState } from '../store/syncStateRepository'
import { defaultBackoff, type BackoffPolicy } from './backoff'
import { heartbeatReport } from './heartbeat'
import { runPullPhase } from './pullPhase'
import { runPushPhase } from './pushPhase'
import { startRealtime } from './realtime'
import { buildStatusView, enrollmentOf, type RuntimeState, type StatusView } from './statusView'
import { createSyncClient, SyncRequestError, type SyncClient } from './syncClient'

export interface SyncWorkerOptions {
  db: RegisterDb
  device: DeviceIdentity
  events: RegisterEvents
  fingerprint: string
  /** Safety-net sync period (pokes and local commits trigger sooner). */
  intervalMs?: number
  /** Wait after a local commit, so a burst of sales goes out as one push. */
  commitDebounceMs?: number
  pullPageSize?: number
  isRealtimeEnabled?: boolean
  backoff?: BackoffPolicy
  requestTimeoutMs?: number
  /** Reported to the server with each heartbeat. */
  appVersion?: string
  /** A heartbeat repeating the last report waits at least this long (a changed one goes at once). */
  heartbeatIntervalMs?: number
  now?: () => Date
  random?: () => number
  log?: (message: string, error?: unknown) => void
}

export interface SyncWorker {
  /** Starts timers and the realtime socket; returns the function that stops them. */
  start(): () => Promise<void>
  /** Runs a sync now (or joins the one running and then runs once more) and returns the status after it. */
  runNow(): Promise<StatusView>
  notifyLocalCommit(): void
  enroll(input: z.output<typeof EnrollInput>): Promise<StatusView>
  status(): StatusView
  deadList(): {
    outboxId: number
    entity: string
    entityId: string
    label: string
    attempts: number
    lastError: string | null
    updatedAt: string
  }[]
  retryDead(ids?: readonly number[]): StatusView
  /**
   * Calls the sync server with this register's access token (refreshed as a push would be, and
   * once more after a 401). Throws SyncRequestError; 'unauthorized' when not enrolled.
   */
  withServer<T>(request: (client: SyncClient, accessToken: string) => Promise<T>): Promise<T>
  readonly device: DeviceIdentity
}

const refreshMarginMs = 60_000
/** Health reports are a courtesy: a slow server must not hold the sync run up for long. */
const heartbeatTimeoutMs = 3_000

export function createSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const { db, events, fingerprint } = options
  let device = options.device
  const now = options.now ?? (() => new Date())
  const iso = () => now().toISOString()
  const log = options.log ?? ((message, error) => console.warn(message, error ?? ''))
  const runtime: RuntimeState = { state: 'idle', pull: null, isRealtimeConnected: false }
  let client: SyncClient | null = null
  let clientUrl: string | null = null
  let current: Promise<void> | null = null
  let refreshing: Promise<string> | null = null
  let isRunRequested = false
  let isStarted = false
  let stopRealtime: (() => void) | null = null
  let debounceTimer: NodeJS.Timeout | null = null
  let intervalTimer: NodeJS.Timeout | null = null
  let lastEmitted = ''
  let lastHeartbeat: { report: string; atMs: number } | null = null

  requeueInFlight(db, iso())

  const status = () => buildStatusView(db, getSyncState(db), fingerprint, runtime)
  const emitStatus = () => {
    const view = status()
    const key = JSON.stringify(view)
    if (key === lastEmitted) return view
    lastEmitted = key
    events.emit('sync:statusChanged', view)
    return view
  }

  function clientFor(serverUrl: string): SyncClient {
    if (client && clientUrl === serverUrl) return client
    void client?.close()
    client = createSyncClient({ serverUrl, timeoutMs: options.requestTimeoutMs })
    clientUrl = serverUrl
    return client
  }

  function storeTokens(tokens: TokenResponse) {
    updateSyncState(
      db,
      {
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        accessTokenExpiresAt: new Date(now().getTime() + tokens.expiresIn * 1000).toISOString(),
        storeId: tokens.storeId,
        tenantId: tokens.tenantId,
        isRevoked: false,
      },
      iso(),
    )
  }

  /**
   * A valid access token, refreshed when close to expiry or when `force`d after a 401. Refreshes
   * are single-flight: refresh tokens rotate, so two refreshes racing with one token would leave
   * the register holding whichever replacement the server retired.
   */
  function accessToken(force = false): Promise<string> {
    if (refreshing) return refreshing
    const row = getSyncState(db)
    if (!row?.serverUrl || !row.refreshToken) {
      return Promise.reject(
        new SyncRequestError('unauthorized', 'This register is not enrolled with a sync server.'),
      )
    }
    const expiresAt = row.accessTokenExpiresAt ? Date.parse(row.accessTokenExpiresAt) : 0
    if (!force && row.accessToken && expiresAt - now().getTime() > refreshMarginMs)
      return Promise.resolve(row.accessToken)
    refreshing = refreshTokens(row.serverUrl, row.refreshToken).finally(() => {
      refreshing = null
    })
    return refreshing
  }

  async function refreshTokens(serverUrl: string, refreshToken: string): Promise<string> {
    try {
      const tokens = await clientFor(serverUrl).refresh(refreshToken)
      storeTokens(tokens)
      return tokens.accessToken
    } catch (error) {
      if (
        error instanceof SyncRequestError &&
        (error.kind === 'unauthorized' || error.kind === 'refused')
      ) {
        // Either way the register needs a new enrollment; say which, so a manager knows why.
        const message =
          error.code === 'DEVICE_REVOKED'
            ? 'The sync server no longer accepts this register (revoked). Enroll it again.'
            : "The sync server no longer accepts this register's sign-in. Enroll it again with a new code."
        updateSyncState(
          db,
          { isRevoked: true, accessToken: null, lastError: message, lastErrorAt: iso() },
          iso(),
        )
        emitStatus()
      }
      throw error
    }
  }

  async function withServer<T>(
    request: (client: SyncClient, accessToken: string) => Promise<T>,
  ): Promise<T> {
    const row = getSyncState(db)
    if (enrollmentOf(row, fingerprint) !== 'enrolled' || !row?.serverUrl)
      throw new SyncRequestError(
        'unauthorized',
        'This register is not enrolled with a sync server.',
      )
    const syncClient = clientFor(row.serverUrl)
    try {
      return await request(syncClient, await accessToken())
    } catch (error) {
      if (error instanceof SyncRequestError && error.kind === 'unauthorized')
        return request(syncClient, await accessToken(true))
      throw error
    }
  }

  /**
   * Tells the server this register's pending and dead counts after a good run, so every manager
   * console sees them. An unchanged report is repeated only after an interval; a failure is only
   * logged: the run already did its work.
   */
  async function sendHeartbeat(): Promise<void> {
    const report = heartbeatReport(db, device.registerCode, options.appVersion ?? 'unknown')
    const key = JSON.stringify(report)
    const nowMs = now().getTime()
    if (
      lastHeartbeat?.report === key &&
      nowMs - lastHeartbeat.atMs < (options.heartbeatIntervalMs ?? 5_000)
    )
      return
    try {
      await withServer((client, token) => client.heartbeat(token, report, heartbeatTimeoutMs))
      lastHeartbeat = { report: key, atMs: nowMs }
    } catch (error) {
      if (!(error instanceof SyncRequestError)) log('sync heartbeat failed', error)
    }
  }

  async function runOnce(): Promise<void> {
    const row = getSyncState(db)
    if (enrollmentOf(row, fingerprint) !== 'enrolled' || !row?.serverUrl) return
    const syncClient = clientFor(row.serverUrl)
    const currency = getStoreSettings(db).currency
    runtime.state = 'syncing'
    emitStatus()
    try {
      const push = await runPushPhase({
        db,
        client: syncClient,
        deviceId: device.deviceId,
        currency,
        accessToken,
        now: iso,
        nowMs: () => now().getTime(),
        backoff: options.backoff ?? defaultBackoff,
        random: options.random ?? Math.random,
        onProgress: emitStatus,
      })
      if (push.failure) throw push.failure
      const pull = await runPullPhase({
        db,
        client: syncClient,
        deviceId: device.deviceId,
        currency,
        pageSize: options.pullPageSize ?? MAX_PULL_LIMIT,
        accessToken,
        now: iso,
        onPage: (progress) => {
          runtime.pull = progress
          emitStatus()
        },
      })
      if (pull.orderIds.length > 0) events.emit('order:synced', { orderIds: pull.orderIds })
      updateSyncState(db, { lastSuccessAt: iso(), lastError: null, lastErrorAt: null }, iso())
      await sendHeartbeat()
      runtime.state = 'idle'
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      runtime.state =
        error instanceof SyncRequestError && error.kind === 'unreachable' ? 'offline' : 'error'
      if (!(error instanceof SyncRequestError)) log('sync run failed', error)
      updateSyncState(db, { lastError: message, lastErrorAt: iso() }, iso())
    } finally {
      runtime.pull = null
      emitStatus()
    }
  }

  /** One run at a time; triggers during a run ask for exactly one more run after it. */
  function trigger(): Promise<void> {
    if (current) {
      isRunRequested = true
      return current
    }
    current = (async () => {
      do {
        isRunRequested = false
        await runOnce()
      } while (isRunRequested)
    })().finally(() => {
      current = null
    })
    return current
  }

  function connectRealtime() {
    stopRealtime?.()
    stopRealtime = null
    const row = getSyncState(db)
    if (
      !isStarted ||
      options.isRealtimeEnabled === false ||
      enrollmentOf(row, fingerprint) !== 'enrolled' ||
      !row?.serverUrl
    )
      return
    stopRealtime = startRealtime({
      serverUrl: row.serverUrl,
      accessToken: () => accessToken(),
      onPoke: () => void trigger(),
      onConnectionChange: (isConnected) => {
        runtime.isRealtimeConnected = isConnected
        // A dropped live connection is the first sign the server is gone: say so before the next
        // run proves it. Reconnecting says hello, which triggers a run that sets the real state.
        if (!isConnected && runtime.state === 'idle') runtime.state = 'offline'
        emitStatus()
      },
      onUnauthorized: () => void accessToken(true).catch(() => undefined),
      random: options.random,
    })
  }

  return {
    get device() {
      return device
    },
    start() {
      isStarted = true
      intervalTimer = setInterval(() => void trigger(), options.intervalMs ?? 30_000)
      intervalTimer.unref()
      connectRealtime()
      void trigger()
      return async () => {
        isStarted = false
        if (intervalTimer) clearInterval(intervalTimer)
        if (debounceTimer) clearTimeout(debounceTimer)
        stopRealtime?.()
        stopRealtime = null
        runtime.isRealtimeConnected = false
        await current
        await client?.close()
        client = null
      }
    },
    async runNow() {
      await trigger()
      return status()
    },
    notifyLocalCommit() {
      emitStatus()
      if (!isStarted) return
      if (debounceTimer) clearTimeout(debounceTimer)
      debounceTimer = setTimeout(() => void trigger(), options.commitDebounceMs ?? 250)
      debounceTimer.unref()
    },
    async enroll(input) {
      const previous = getSyncState(db)
      const enrollment = enrollmentOf(previous, fingerprint)
      if (enrollment === 'needs_reenrollment' || enrollment === 'revoked') {
        // A copied folder, or a revoked register a manager takes back: the server will never again
        // accept the old identity, so this register becomes a new device with its own order numbers.
        // Its unsynced sales stay in the outbox and go up under the new identity.
        device = changeDeviceIdentity(db, uuidv4(), fingerprint)
      }
      const serverUrl = new URL(input.serverUrl).origin
      let tokens: TokenResponse
      try {
        tokens = await clientFor(serverUrl).enroll({
          enrollmentCode: input.enrollmentCode,
          deviceId: device.deviceId,
          name: input.deviceName ?? `Register ${device.registerCode}`,
          fingerprint,
        })
      } catch (error) {
        if (error instanceof SyncRequestError && error.kind === 'unreachable')
          throw new PosError(
            'SYNC_UNREACHABLE',
            `Could not reach ${serverUrl}. Check the address and that the server is running.`,
            'serverUrl',
          )
        if (error instanceof SyncRequestError)
          throw new PosError(
            'SYNC_REFUSED',
            `The server refused the enrollment: ${error.message}`,
            'enrollmentCode',
          )
        throw error
      }
      const isSameStore = previous?.storeId === tokens.storeId && previous.serverUrl === serverUrl
      updateSyncState(
        db,
        {
          serverUrl,
          enrolledFingerprint: fingerprint,
          lastError: null,
          lastErrorAt: null,
          ...(isSameStore ? {} : { pullCursor: null }),
        },
        iso(),
      )
      storeTokens(tokens)
      lastHeartbeat = null
      connectRealtime()
      await trigger()
      return status()
    },
    status,
    withServer,
    deadList() {
      return listDeadEntries(db).map((row) => ({
        outboxId: row.outboxId,
        entity: row.entity,
        entityId: row.entityId,
        label: row.orderNumber ?? recordLabel(db, row.entity, row.entityId),
        attempts: row.attempts,
        lastError: row.lastError,
        updatedAt: row.updatedAt,
      }))
    },
    retryDead(ids) {
      retryDeadEntries(db, iso(), ids)
      const view = emitStatus()
      if (isStarted) void trigger()
      return view
    },
  }
}
