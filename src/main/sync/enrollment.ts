import { v4 as uuidv4 } from 'uuid'
import type { z } from 'zod'
import type { EnrollInput } from '../../shared/ipc/syncSchemas'
import { PosError } from '../../shared/ipc/errors'
import type { TokenResponse } from '../../shared/sync/protocol'
import type { DeviceIdentity } from '../store/identityRepository'
import type { SyncIdentityRepository, SyncStateRepository } from '../store/syncRepositories'
import { enrollmentOf } from './statusView'
import { createSyncClient, SyncRequestError, type SyncClient } from './syncClient'

export interface EnrollmentOptions {
  syncState: SyncStateRepository
  identity: SyncIdentityRepository
  device: DeviceIdentity
  fingerprint: string
  now(): Date
  /** Builds the client for a server; the real HTTP client unless a test supplies its own. */
  createClient?: (serverUrl: string) => SyncClient
  requestTimeoutMs?: number
  /** The server refused this register's refresh token: the sync state now says it must enroll again. */
  onRevoked(): void
}

/** This register's standing with its sync server: identity, tokens and the client that uses them. */
export interface Enrollment {
  readonly device: DeviceIdentity
  /** The enrolled server's URL, or null when this register is not (or no longer) enrolled. */
  enrolledServerUrl(): string | null
  clientFor(serverUrl: string): SyncClient
  /**
   * A valid access token, refreshed when close to expiry or when `force`d after a 401. Refreshes
   * are single-flight: refresh tokens rotate, so two refreshes racing with one token would leave
   * the register holding whichever replacement the server retired.
   */
  accessToken(force?: boolean): Promise<string>
  /** Calls the server with the access token, once more with a fresh one after a 401. */
  withServer<T>(request: (client: SyncClient, accessToken: string) => Promise<T>): Promise<T>
  /** Enrolls with a code, becoming a new device first when the old identity is no longer accepted. */
  enroll(input: z.output<typeof EnrollInput>): Promise<void>
  close(): Promise<void>
}

const refreshMarginMs = 60_000

export function createEnrollment(options: EnrollmentOptions): Enrollment {
  const { syncState, fingerprint } = options
  const createClient =
    options.createClient ??
    ((serverUrl: string) => createSyncClient({ serverUrl, timeoutMs: options.requestTimeoutMs }))
  const iso = () => options.now().toISOString()
  let device = options.device
  let client: SyncClient | null = null
  let clientUrl: string | null = null
  let refreshing: Promise<string> | null = null

  function clientFor(serverUrl: string): SyncClient {
    if (client && clientUrl === serverUrl) return client
    void client?.close()
    client = createClient(serverUrl)
    clientUrl = serverUrl
    return client
  }

  function enrolledServerUrl(): string | null {
    const row = syncState.get()
    return enrollmentOf(row, fingerprint) === 'enrolled' ? (row?.serverUrl ?? null) : null
  }

  function storeTokens(tokens: TokenResponse) {
    syncState.update(
      {
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        accessTokenExpiresAt: new Date(
          options.now().getTime() + tokens.expiresIn * 1000,
        ).toISOString(),
        storeId: tokens.storeId,
        tenantId: tokens.tenantId,
        isRevoked: false,
      },
      iso(),
    )
  }

  function accessToken(force = false): Promise<string> {
    if (refreshing) return refreshing
    const row = syncState.get()
    if (!row?.serverUrl || !row.refreshToken) {
      return Promise.reject(
        new SyncRequestError('unauthorized', 'This register is not enrolled with a sync server.'),
      )
    }
    const expiresAt = row.accessTokenExpiresAt ? Date.parse(row.accessTokenExpiresAt) : 0
    if (!force && row.accessToken && expiresAt - options.now().getTime() > refreshMarginMs)
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
        syncState.update(
          { isRevoked: true, accessToken: null, lastError: message, lastErrorAt: iso() },
          iso(),
        )
        options.onRevoked()
      }
      throw error
    }
  }

  async function withServer<T>(
    request: (client: SyncClient, accessToken: string) => Promise<T>,
  ): Promise<T> {
    const serverUrl = enrolledServerUrl()
    if (!serverUrl)
      throw new SyncRequestError(
        'unauthorized',
        'This register is not enrolled with a sync server.',
      )
    const syncClient = clientFor(serverUrl)
    try {
      return await request(syncClient, await accessToken())
    } catch (error) {
      if (error instanceof SyncRequestError && error.kind === 'unauthorized')
        return request(syncClient, await accessToken(true))
      throw error
    }
  }

  async function enroll(input: z.output<typeof EnrollInput>): Promise<void> {
    const previous = syncState.get()
    const enrollment = enrollmentOf(previous, fingerprint)
    if (enrollment === 'needs_reenrollment' || enrollment === 'revoked') {
      // A copied folder, or a revoked register a manager takes back: the server will never again
      // accept the old identity, so this register becomes a new device with its own order numbers.
      // Its unsynced sales stay in the outbox and go up under the new identity.
      device = options.identity.changeDeviceIdentity(uuidv4(), fingerprint)
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
    syncState.update(
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
  }

  return {
    get device() {
      return device
    },
    enrolledServerUrl,
    clientFor,
    accessToken,
    withServer,
    enroll,
    async close() {
      await client?.close()
      client = null
    },
  }
}
