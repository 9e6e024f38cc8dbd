import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { TokenResponse } from '../../../src/shared/sync/protocol'
import { openRegisterDatabase, type RegisterDatabase } from '../../../src/main/store/database'
import { ensureDeviceIdentity } from '../../../src/main/store/identityRepository'
import { keepSyncTokensIn } from '../../../src/main/store/syncStateRepository'
import { syncRepositories } from '../../../src/main/store/syncRepositories'
import { createFileTokenVault } from '../../../src/main/secrets/tokenVault'
import { createEnrollment } from '../../../src/main/sync/enrollment'
import { SyncRequestError, type SyncClient } from '../../../src/main/sync/syncClient'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('auraflow-enrollment-')
const opened: RegisterDatabase[] = []
afterEach(() => {
  for (const database of opened.splice(0)) database.close()
})

/**
 * The server's side of refresh, as it matters here: each refresh token works once and is then
 * retired, and a refresh takes a while (the test lets it finish).
 */
const unused = () => Promise.reject(new Error('not part of a token refresh'))

function rotatingTokenServer() {
  let issued = 1
  let live = 'refresh-1'
  const waiting: (() => void)[] = []
  const server = {
    refreshCalls: 0,
    live: () => live,
    answerAll() {
      for (const answer of waiting.splice(0)) answer()
    },
    client: {
      async refresh(refreshToken: string): Promise<TokenResponse> {
        server.refreshCalls++
        await new Promise<void>((resolve) => waiting.push(resolve))
        if (refreshToken !== live)
          throw new SyncRequestError('unauthorized', 'refresh token retired', 401)
        issued++
        live = `refresh-${issued}`
        return {
          accessToken: `access-${issued}`,
          refreshToken: live,
          expiresIn: 900,
          tokenType: 'Bearer',
          deviceId: 'device-1',
          storeId: 'store-1',
          tenantId: 'tenant-1',
        }
      },
      enroll: unused,
      push: unused,
      pull: unused,
      heartbeat: unused,
      stats: unused,
      conflicts: unused,
      resolveConflict: unused,
      stores: unused,
      close: async () => undefined,
    } satisfies SyncClient,
  }
  return server
}

function enrolledRegister(clock: { now: Date }) {
  const dir = tempDir()
  const database = openRegisterDatabase(join(dir, 'register.db'))
  opened.push(database)
  keepSyncTokensIn(database.db, createFileTokenVault(join(dir, 'sync-tokens.json')))
  const device = ensureDeviceIdentity(database.db, { now: clock.now.toISOString() })
  const repositories = syncRepositories(database.db)
  repositories.syncState.update(
    {
      serverUrl: 'http://sync.test',
      enrolledFingerprint: 'machine-a',
      refreshToken: 'refresh-1',
      accessToken: 'access-1',
      accessTokenExpiresAt: new Date(clock.now.getTime() + 15 * 60_000).toISOString(),
    },
    clock.now.toISOString(),
  )
  return { repositories, device }
}

describe('access tokens', () => {
  it('refreshes once for many callers when the token is near expiry, so a rotated token is never presented twice', async () => {
    const clock = { now: new Date('2026-03-01T09:00:00Z') }
    const { repositories, device } = enrolledRegister(clock)
    const server = rotatingTokenServer()
    let revocations = 0
    const enrollment = createEnrollment({
      syncState: repositories.syncState,
      identity: repositories.identity,
      device,
      fingerprint: 'machine-a',
      now: () => clock.now,
      createClient: () => server.client,
      onRevoked: () => revocations++,
    })

    // Fresh token: no refresh at all.
    expect(await enrollment.accessToken()).toBe('access-1')
    expect(server.refreshCalls).toBe(0)

    // Within a minute of expiry: a push, a pull and the socket all ask at once.
    clock.now = new Date(clock.now.getTime() + 14.5 * 60_000)
    const asked = [enrollment.accessToken(), enrollment.accessToken(), enrollment.accessToken(true)]
    server.answerAll()
    expect(await Promise.all(asked)).toEqual(['access-2', 'access-2', 'access-2'])
    expect(server.refreshCalls).toBe(1)
    expect(repositories.syncState.get()).toMatchObject({
      accessToken: 'access-2',
      refreshToken: server.live(),
      isRevoked: false,
    })
    expect(revocations).toBe(0)

    // Once it has settled, a 401 forces the next refresh, with the rotated token.
    const forced = enrollment.accessToken(true)
    server.answerAll()
    expect(await forced).toBe('access-3')
    expect(server.refreshCalls).toBe(2)
  })

  it('marks the register revoked when the server no longer takes its refresh token', async () => {
    const clock = { now: new Date('2026-03-01T09:00:00Z') }
    const { repositories, device } = enrolledRegister(clock)
    repositories.syncState.update(
      { refreshToken: 'refresh-from-a-copied-folder' },
      clock.now.toISOString(),
    )
    const server = rotatingTokenServer()
    let revocations = 0
    const enrollment = createEnrollment({
      syncState: repositories.syncState,
      identity: repositories.identity,
      device,
      fingerprint: 'machine-a',
      now: () => clock.now,
      createClient: () => server.client,
      onRevoked: () => revocations++,
    })
    const refused = enrollment.accessToken(true)
    server.answerAll()
    await expect(refused).rejects.toMatchObject({ kind: 'unauthorized' })
    expect(revocations).toBe(1)
    expect(repositories.syncState.get()).toMatchObject({ isRevoked: true, accessToken: null })
    expect(enrollment.enrolledServerUrl()).toBeNull()
  })
})
