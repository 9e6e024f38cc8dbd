import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import type { RunningServer } from '../../../src/server/main'
import { call, openTestCore, type TestCoreOptions } from '../../support/registerCore'
import { startTestSyncServer } from '../../support/syncServer'
import { fastPrinting } from './printingHelpers'

/** Sync only when a test asks (no pokes, no timer), with short retries. */
const quiet = {
  isRealtimeEnabled: false,
  intervalMs: 3_600_000,
  backoff: { baseMs: 10, capMs: 50 },
}

/**
 * Registers and stations for a test file: a real sync server for the file, register cores opened
 * on demand (closed after each test), enrolment and a clean sync run.
 */
export function useStationCores() {
  let server: RunningServer
  const open: { core: RegisterCore; stop: (() => Promise<void>) | null }[] = []

  beforeAll(async () => {
    server = await startTestSyncServer()
  })
  afterAll(async () => {
    await server?.stop()
  })
  afterEach(async () => {
    for (const entry of open.splice(0)) {
      await entry.stop?.()
      entry.core.close()
    }
  })

  function openCore(dataDir: string, registerCode: string, options: TestCoreOptions = {}) {
    const core = openTestCore(dataDir, {
      registerCode,
      fingerprint: `machine-${registerCode}`,
      printing: fastPrinting,
      sync: quiet,
      ...options,
    })
    const entry = { core, stop: null as (() => Promise<void>) | null }
    open.push(entry)
    return {
      core,
      start() {
        entry.stop = core.startBackground()
      },
      async quit() {
        await entry.stop?.()
        entry.stop = null
        core.close()
        open.splice(open.indexOf(entry), 1)
      },
    }
  }

  async function enroll(core: RegisterCore, code: string) {
    const status = await call(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
    expect(status.enrollment).toBe('enrolled')
  }

  async function syncClean(core: RegisterCore) {
    const status = await call(core, 'sync:runNow')
    expect(status, JSON.stringify(status)).toMatchObject({ state: 'idle', lastError: null })
  }

  return { server: () => server, openCore, enroll, syncClean }
}
