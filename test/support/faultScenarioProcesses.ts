import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { expect } from 'vitest'
import { rowsOf } from '../../src/server/db/connection'
import { expectSyncInvariant } from './faultInvariant'
import { faultTimeScale } from './faultPlan'
import { spawnScript, startServerProcess, type ServerProcess } from './faultProcesses'
import { faultSyncOptions, sellRandom, syncUntilDrained } from './faultRegisters'
import { openRegisters, type FaultSuite } from './faultScenarioContext'
import { call, openTestCore } from './registerCore'
import { startPostgres } from '../server/support/postgres'
import { createTestStore } from './syncServer'

const isPush = (path: string) => path.startsWith('/api/sync/batch-push')

/**
 * (c) A register core runs in a child process (test/fixtures/registerProcess.ts) and is SIGKILLed
 * 0–15 ms after one of its pushes left — before or after the server committed it. Twice: once
 * while it drains a backlog with "Sync now", once while it sells with its background worker on.
 * Then the same data folder is reopened here and finishes the job.
 */
export async function registerKilledScenario(suite: FaultSuite): Promise<string> {
  const { code, storeId } = await createTestStore(suite.server)
  const proxy = await suite.proxyToServer()
  const dir = suite.tempDir()
  const [peer] = await openRegisters(suite, ['P'], { serverUrl: proxy.url, enrollmentCode: code })
  const identity = { dataDir: dir, registerCode: 'K', fingerprint: 'machine-K' }
  const sold = new Set<string>()
  const rounds = [
    { mode: 'loop', sales: 120, killAtPush: 2 },
    { mode: 'background', sales: 80, killAtPush: 3 },
  ] as const
  for (const [round, plan] of rounds.entries()) {
    const config = {
      ...identity,
      serverUrl: proxy.url,
      enrollmentCode: code,
      sales: plan.sales,
      mode: plan.mode,
      seed: suite.seed + round,
    }
    const child = spawnScript('test/fixtures/registerProcess.ts', {
      AURAFLOW_REGISTER: JSON.stringify(config),
    })
    suite.onCleanup(() => child.kill())
    try {
      await child.waitForLine(/^ready /, 30_000)
      let pushes = 0
      const killed = new Promise<void>((resolve) => {
        proxy.onForwarded((info) => {
          if (!isPush(info.path) || ++pushes !== plan.killAtPush) return
          // Sometimes before the server commits, sometimes after: the reply is lost either way.
          setTimeout(() => void child.kill().then(resolve), Math.floor(suite.random() * 15))
        })
      })
      const exitedEarly = child.exited.then((exit) =>
        Promise.reject(
          new Error(`register process exited (${exit}) before the kill\n${child.stderr()}`),
        ),
      )
      await Promise.race([killed, exitedEarly])
      suite.countKill('registerKill')
    } finally {
      proxy.onForwarded(null)
      await child.kill()
    }
    for (const line of child.lines)
      if (line.startsWith('sold ')) sold.add(line.slice('sold '.length))
  }

  const reopened = suite.keep(
    openTestCore(dir, {
      registerCode: identity.registerCode,
      fingerprint: identity.fingerprint,
      sync: faultSyncOptions(suite.random),
    }),
  )
  const local = new Set(
    (reopened.database.sqlite.prepare('select id from orders').all() as { id: string }[]).map(
      (row) => row.id,
    ),
  )
  // Orders the server committed but the killed process never heard about (its reply was lost).
  const [onServer] = rowsOf<{ n: string | number }>(
    await suite.query(
      `select count(*) as n from sync_records where store_id = $1 and origin_device_id = $2`,
      [storeId, reopened.device.deviceId],
    ),
  )
  const { synced } = (await call(reopened, 'sync:getStatus')).counts
  const unheard = Number(onServer!.n) - synced
  expect(
    [...sold].filter((id) => !local.has(id)),
    'sales the killed process had committed are still there',
  ).toEqual([])
  expect(sold.size, 'the first round sells all its orders before it syncs').toBeGreaterThanOrEqual(
    rounds[0].sales,
  )
  for (let index = 0; index < 5; index++) await sellRandom(peer!, suite.random)
  await syncUntilDrained(reopened, Date.now() + 20_000)
  const report = await expectSyncInvariant({
    query: suite.query,
    storeId,
    registers: [reopened, peer!],
  })
  expect(report.serverOrders).toBe(local.size + 5)
  return `(c) 2 register kills mid-push; ${sold.size} sales reported by the killed process, ${local.size} found on reopening, ${unheard} committed by the server unbeknown to the register, ${report.serverOrders} orders on the server`
}

/**
 * (b) The sync server runs as its own process on PostgreSQL; it is SIGKILLed 0–20 ms after a push
 * reached it while two registers drain a backlog, and restarted on the same database. The
 * database outliving the Node process is the realistic failure, and PostgreSQL's own crash
 * safety is not what is under test (PGlite's on-disk recovery after SIGKILL would be).
 */
export async function serverKilledScenario(suite: FaultSuite): Promise<string> {
  const cluster = await startPostgres()
  suite.onCleanup(() => cluster.stop())
  const pool = new pg.Pool({ connectionString: cluster.url, max: 2 })
  pool.on('error', () => undefined)
  const settings = {
    databaseUrl: cluster.url,
    enrollmentCode: `FAULT-${suite.seed}`,
    jwtSecret: 'fault-suite-secret-that-is-long-enough-0123',
  }
  let server: ServerProcess | null = null
  suite.onCleanup(async () => {
    await server?.kill()
  })
  try {
    server = await startServerProcess(settings)
    const proxy = await suite.proxyToServer(server.port)
    const registers = await openRegisters(suite, ['A', 'B'], {
      serverUrl: proxy.url,
      enrollmentCode: settings.enrollmentCode,
    })
    for (let index = 0; index < 150; index++)
      await sellRandom(registers[index % 3 === 0 ? 1 : 0]!, suite.random)

    const killsWanted = Math.max(2, Math.round(suite.budget / 500))
    let kills = 0
    let pushes = 0
    let nextKillAt = 2
    let restarting: Promise<void> | null = null
    proxy.onForwarded((info) => {
      if (!isPush(info.path) || restarting || kills >= killsWanted || ++pushes < nextKillAt) return
      restarting = (async () => {
        await sleep(Math.floor(suite.random() * 20))
        await server!.kill()
        kills++
        suite.countKill('serverKill')
        await sleep(100 + Math.floor(suite.random() * 200))
        server = await startServerProcess(settings)
        proxy.setTarget(server.port)
        nextKillAt = pushes + 2 + Math.floor(suite.random() * 3)
      })().finally(() => {
        restarting = null
      })
    })
    const deadline = Date.now() + 45_000 * faultTimeScale(suite.budget)
    await Promise.all(
      registers.map(async (core) => {
        for (;;) {
          // Keep a backlog until every planned kill has happened.
          if (kills < killsWanted)
            for (let index = 0; index < 3; index++) await sellRandom(core, suite.random)
          const status = await call(core, 'sync:runNow')
          const isDrained =
            status.counts.pending + status.counts.failed + status.counts.inFlight === 0
          if (isDrained && kills >= killsWanted && !restarting) return
          if (Date.now() > deadline)
            throw new Error(`no convergence after ${kills} kills: ${JSON.stringify(status)}`)
          if (status.state !== 'idle') await sleep(50)
        }
      }),
    )
    proxy.onForwarded(null)
    const [store] = (await pool.query<{ id: string }>("select id from stores where code = 'DEMO'"))
      .rows
    const report = await expectSyncInvariant({
      query: (text, params) => pool.query(text, params),
      storeId: store!.id,
      registers,
    })
    expect(kills).toBe(killsWanted)
    return `(b) ${kills} server kills mid-backlog, ${report.serverOrders} orders on the server`
  } finally {
    await server?.kill()
    await pool.end()
    await cluster.stop()
  }
}
