import { setTimeout as sleep } from 'node:timers/promises'
import { expect } from 'vitest'
import { issueEnrollmentCode } from '../../src/server/tenancy/enrollmentCodes'
import { expectSyncInvariant } from './faultInvariant'
import { faultSyncOptions, openEnrolledRegister, sellRandom } from './faultRegisters'
import { openRegisters, type FaultSuite } from './faultScenarioContext'
import { call, callError, openTestCore } from './registerCore'
import { createTestStore } from './syncServer'

/* Lost and crossed replies on the non-idempotent auth calls: token refresh and enrollment. */

/**
 * The access token is due for refresh; the refresh commits on the server (rotating the refresh
 * token) and its reply is lost. Once the network is back the register must still sync.
 */
export async function lostRefreshScenario(suite: FaultSuite): Promise<void> {
  const { code, storeId } = await createTestStore(suite.server)
  const proxy = await suite.proxyToServer()
  let clockOffsetMs = 0
  const [core] = await openRegisters(suite, ['R'], {
    serverUrl: proxy.url,
    enrollmentCode: code,
    nowFor: () => () => new Date(Date.now() + clockOffsetMs),
  })
  await sellRandom(core!, suite.random)
  expect((await call(core!, 'sync:runNow')).counts).toMatchObject({ pending: 0, synced: 1 })

  // 16 minutes on, the 15-minute access token is due and the register refreshes it.
  clockOffsetMs = 16 * 60_000
  let refreshes = 0
  proxy.setPlan({
    connect: () => ({ kind: 'accept' }),
    exchange: (info) =>
      info.path.startsWith('/api/auth/refresh') && refreshes++ === 0
        ? { kind: 'cutBeforeReply' }
        : { kind: 'pass' },
  })
  await sellRandom(core!, suite.random)
  expect((await call(core!, 'sync:runNow')).state).toBe('offline')
  expect(refreshes, 'the refresh reached the server and its reply was cut').toBe(1)

  const status = await call(core!, 'sync:runNow')
  expect(status.lastError).toBeNull()
  expect(status).toMatchObject({
    enrollment: 'enrolled',
    state: 'idle',
    counts: { pending: 0, synced: 2 },
  })
  await expectSyncInvariant({ query: suite.query, storeId, registers: [core!] })
}

/**
 * Enrollment with a one-time code (what the admin route issues by default) commits on the server
 * and its reply is lost; the manager presses Enroll again with the same code, as the screen tells
 * them to after "could not reach the server".
 */
export async function lostEnrollmentScenario(suite: FaultSuite): Promise<void> {
  const { storeId } = await createTestStore(suite.server)
  const oneTimeCode = await issueEnrollmentCode(suite.server.database.db, storeId, { uses: 1 })
  const proxy = await suite.proxyToServer()
  let enrollments = 0
  proxy.setPlan({
    connect: () => ({ kind: 'accept' }),
    exchange: (info) =>
      info.path.startsWith('/api/auth/enroll') && enrollments++ === 0
        ? { kind: 'cutBeforeReply' }
        : { kind: 'pass' },
  })
  const core = suite.keep(
    openTestCore(suite.tempDir(), {
      registerCode: 'N',
      fingerprint: 'machine-N',
      sync: faultSyncOptions(suite.random),
    }),
  )
  const input = { serverUrl: proxy.url, enrollmentCode: oneTimeCode }
  expect(await callError(core, 'sync:enroll', input)).toMatchObject({ code: 'SYNC_UNREACHABLE' })
  expect(enrollments, 'the enrollment reached the server and its reply was cut').toBe(1)

  const status = await call(core, 'sync:enroll', input)
  expect(status.enrollment).toBe('enrolled')
  await sellRandom(core, suite.random)
  await expectSyncInvariant({ query: suite.query, storeId, registers: [core] })
}

/**
 * A register starts after its access token expired: the realtime socket and the first run both
 * refresh at once, with the same refresh token. The reply to the first refresh is slow, so the
 * replies arrive in the opposite order to the one the server answered in. Two token lifetimes
 * later the register must still be enrolled and syncing.
 */
export async function concurrentRefreshScenario(suite: FaultSuite): Promise<string> {
  const { code, storeId } = await createTestStore(suite.server)
  const proxy = await suite.proxyToServer()
  const dir = suite.tempDir()
  let clockOffsetMs = 0
  const identity = {
    registerCode: 'Q',
    fingerprint: 'machine-Q',
    now: () => new Date(Date.now() + clockOffsetMs),
  }
  const enrolled = await openEnrolledRegister({
    ...identity,
    dir,
    serverUrl: proxy.url,
    enrollmentCode: code,
    random: suite.random,
  })
  enrolled.close()

  const refreshes: number[] = []
  proxy.setPlan({
    connect: () => ({ kind: 'accept' }),
    exchange: (info) => {
      if (!info.path.startsWith('/api/auth/refresh')) return { kind: 'pass' }
      refreshes.push(Date.now())
      return refreshes.length === 1 ? { kind: 'delayReply', ms: 300 } : { kind: 'pass' }
    },
  })
  clockOffsetMs = 16 * 60_000
  const core = suite.keep(
    openTestCore(dir, {
      ...identity,
      sync: faultSyncOptions(suite.random, { isRealtimeEnabled: true }),
    }),
  )
  const stop = core.startBackground()
  try {
    // Today both refresh (no single flight); a register that refreshes once passes as well.
    await expect
      .poll(async () => (await call(core, 'sync:getStatus')).isRealtimeConnected, {
        timeout: 10_000,
      })
      .toBe(true)
    await sleep(600)
    // Two lifetimes on: the register refreshes with whatever token it kept.
    clockOffsetMs = 32 * 60_000
    await sellRandom(core, suite.random)
    const status = await call(core, 'sync:runNow')
    expect(status.lastError).toBeNull()
    expect(status).toMatchObject({ enrollment: 'enrolled', state: 'idle', counts: { pending: 0 } })
  } finally {
    await stop()
  }
  await expectSyncInvariant({ query: suite.query, storeId, registers: [core] })
  const gap =
    refreshes.length > 1 ? `, the first two ${refreshes[1]! - refreshes[0]!} ms apart` : ''
  return `${refreshes.length} refreshes${gap}`
}
