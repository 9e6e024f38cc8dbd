import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import pino from 'pino'
import { v4 as uuidv4 } from 'uuid'
import { afterAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import type { RegisterCore } from '../../src/main/core'
import { openMainLog } from '../../src/main/electron/mainLog'
import { defaultConfig } from '../../src/server/config'
import { startServer, type RunningServer } from '../../src/server/main'
import { createAdminUser } from '../../src/server/tenancy/admins'
import { call, openTestCore } from '../support/registerCore'
import { createTestStore } from '../support/syncServer'

const jwtSecret = `log-scan-secret-${uuidv4()}`
const scratch = mkdtempSync(join(tmpdir(), 'auraflow-secrets-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Every log line, from both sides, as text: what an operator would find on disk. */
const serverLines: string[] = []
const registerLines: string[] = []

function registerCore(name: string, clock: { now: Date }): RegisterCore {
  return openTestCore(join(scratch, name), {
    registerCode: name,
    fingerprint: `machine-${name}`,
    now: () => clock.now,
    // The register's log sink (Electron main writes these to its log file).
    logError: (message, error) => registerLines.push(`${message} ${inspect(error, { depth: 8 })}`),
    sync: { isRealtimeEnabled: true, intervalMs: 3_600_000, backoff: { baseMs: 10, capMs: 50 } },
  })
}

function tokensOf(core: RegisterCore): string[] {
  const { accessToken, refreshToken } = core.tokenVault.read()
  return [accessToken, refreshToken].filter((token): token is string => !!token)
}

/** A JWT leaks as a whole or by its signature; an opaque token only as itself. */
function fragments(secret: string): string[] {
  const parts = secret.split('.')
  return parts.length === 3 ? [secret, parts[2]!] : [secret]
}

function leaks(secrets: string[], lines: string[]): string[] {
  const found: string[] = []
  for (const secret of secrets)
    for (const fragment of fragments(secret))
      for (const line of lines)
        if (line.includes(fragment))
          found.push(`${fragment.slice(0, 12)}… in ${line.slice(0, 200)}`)
  return found
}

describe('secrets never logged', () => {
  it('finds no token, enrollment code, password or signing secret in the logs of a full enroll and sync', async () => {
    const consoleLines: string[] = []
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) =>
          void consoleLines.push(args.map((arg) => inspect(arg, { depth: 8 })).join(' ')),
      )

    const serverLog = pino(
      { level: 'trace' },
      { write: (line: string) => void serverLines.push(line) },
    )
    const server: RunningServer = await startServer(
      {
        port: 0,
        host: '127.0.0.1',
        database: { kind: 'pglite', dataDir: null },
        enrollmentCode: null,
        logLevel: 'trace',
        config: defaultConfig({
          jwtSecret,
          websocket: { pingIntervalMs: 1_000, pongTimeoutMs: 1_000 },
        }),
      },
      serverLog,
    )
    const secrets: string[] = [jwtSecret]
    const clock = { now: new Date() }
    const cores: RegisterCore[] = []
    const stops: (() => Promise<void>)[] = []
    try {
      const { code } = await createTestStore(server)
      secrets.push(code)

      // Enroll two registers; A sells offline first, then syncs with realtime on.
      const a = registerCore('A', clock)
      const b = registerCore('B', clock)
      cores.push(a, b)
      for (const core of [a, b])
        await call(core, 'sync:enroll', {
          serverUrl: server.url,
          enrollmentCode: code,
          deviceName: 'Till',
        })
      secrets.push(...tokensOf(a), ...tokensOf(b))
      stops.push(a.startBackground(), b.startBackground())
      await expect
        .poll(async () => (await call(a, 'sync:getStatus')).isRealtimeConnected, {
          timeout: 15_000,
        })
        .toBe(true)

      const catalog = await call(a, 'catalog:list')
      for (const product of catalog.products.slice(0, 3))
        await call(a, 'sale:complete', {
          clientRequestId: uuidv4(),
          lines: [{ productId: product.id, quantity: 2 }],
          payments: [{ method: 'cash', amountCents: 100_00 }],
        })
      expect((await call(a, 'sync:runNow')).counts).toMatchObject({ pending: 0, synced: 3 })
      expect(await call(b, 'sync:runNow')).toMatchObject({ lastError: null })
      expect((await call(b, 'order:list', { limit: 10 })).length).toBe(3)

      // Twenty minutes on: the access token is about to expire, so the next run refreshes it.
      const before = tokensOf(a)
      clock.now = new Date(clock.now.getTime() + 20 * 60_000)
      await call(a, 'sync:runNow')
      const after = tokensOf(a)
      expect(after).not.toEqual(before)
      secrets.push(...after)

      // A browser-style socket carries its token in the query string, which request logs record.
      const [accessA] = after
      const socket = new WebSocket(
        `${server.url.replace('http', 'ws')}/api/sync/ws?token=${accessA}`,
      )
      await new Promise<void>((resolve, reject) => {
        socket.once('message', () => resolve())
        socket.once('error', reject)
      })
      socket.close()

      // Refused and unusual requests log too: an unknown refresh token, a replayed one (which the
      // server may honour once, as a lost reply), a wrong password.
      const refresh = (refreshToken: string) =>
        fetch(`${server.url}/api/auth/refresh`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ refreshToken }),
        })
      const unknownToken = `unknown-${uuidv4()}-${uuidv4()}`
      secrets.push(unknownToken)
      expect((await refresh(unknownToken)).status).toBe(401)
      const replay = await refresh(before[1]!)
      if (replay.status === 200) {
        const reissued = (await replay.json()) as { accessToken: string; refreshToken: string }
        secrets.push(reissued.accessToken, reissued.refreshToken)
      } else expect(replay.status).toBe(401)
      const admin = await createAdminUser(server.database.db, {
        email: 'owner@example.test',
        role: 'super_admin',
      })
      secrets.push(admin.password)
      const wrong = await fetch(`${server.url}/api/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: admin.email, password: `${admin.password}-wrong` }),
      })
      expect(wrong.status).toBe(401)
      const login = await fetch(`${server.url}/api/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: admin.email, password: admin.password }),
      })
      const { accessToken: adminToken } = (await login.json()) as { accessToken: string }
      secrets.push(adminToken)

      // The manager revokes register B; its next sync is refused and it says so in its log.
      const revoke = await fetch(`${server.url}/api/admin/devices/${b.device.deviceId}/revoke`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}` },
      })
      expect(revoke.status).toBe(200)
      clock.now = new Date(clock.now.getTime() + 20 * 60_000)
      expect((await call(b, 'sync:runNow')).enrollment).toBe('revoked')
    } finally {
      for (const stop of stops) await stop()
      for (const core of cores) core.close()
      await server.stop()
      vi.restoreAllMocks()
    }

    const everything = [...serverLines, ...registerLines, ...consoleLines]
    // The capture saw the traffic, so an empty scan is a real result.
    expect(serverLines.some((line) => line.includes('/api/sync/batch-push'))).toBe(true)
    expect(serverLines.some((line) => line.includes('/api/auth/refresh'))).toBe(true)
    expect(serverLines.some((line) => line.includes('/api/sync/ws'))).toBe(true)
    expect(secrets.length).toBeGreaterThanOrEqual(10)
    expect(leaks(secrets, everything)).toEqual([])
  })

  it('the scan catches a token where it appears', () => {
    expect(leaks(['aaa.bbb.sig123'], ['{"msg":"x","auth":"Bearer zzz.yyy.sig123"}'])).toHaveLength(
      1,
    )
  })

  it("the register's log file redacts credentials passed as fields", () => {
    const file = join(scratch, 'logs', 'main.log')
    const log = openMainLog(file, 'trace')
    log.info(
      {
        accessToken: 'AT-1',
        refreshToken: 'RT-1',
        body: { enrollmentCode: 'EC-1' },
        headers: { authorization: 'Bearer AT-2' },
      },
      'tokens',
    )
    log.flush()
    const text = readFileSync(file, 'utf8')
    expect(text).toContain('tokens')
    for (const secret of ['AT-1', 'RT-1', 'EC-1', 'AT-2']) expect(text).not.toContain(secret)
  })
})
