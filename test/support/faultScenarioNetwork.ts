import { setTimeout as sleep } from 'node:timers/promises'
import { expect } from 'vitest'
import { rowsOf } from '../../src/server/db/connection'
import { expectSyncInvariant } from './faultInvariant'
import { faultTimeScale, passPlan, randomPlan, refusePlan } from './faultPlan'
import { sellRandom } from './faultRegisters'
import { cursorSeq, openRegisters, orderCount, type FaultSuite } from './faultScenarioContext'
import type { StatusView } from '../../src/main/sync/statusView'
import { call } from './registerCore'
import { createTestStore } from './syncServer'

/**
 * (a) Three registers sell and press "Sync now" in a loop while the proxy injects random faults
 * into their exchanges; one order is poison on purpose. Injects `target` faults.
 */
export async function randomFaultsScenario(suite: FaultSuite, target: number): Promise<string> {
  const { code, storeId } = await createTestStore(suite.server)
  const proxy = await suite.proxyToServer()
  const registers = await openRegisters(suite, ['A', 'B', 'C'], {
    serverUrl: proxy.url,
    enrollmentCode: code,
    sync: { requestTimeoutMs: 600 },
  })
  // One order on B is made unsendable on purpose: it must go dead and hold back nothing else.
  const poison = await sellRandom(registers[1]!, suite.random)
  registers[1]!.database.sqlite
    .prepare('update orders set currency = ? where id = ?')
    .run('US\u0000', poison.id)

  proxy.setPlan(randomPlan(suite.random))
  const deadline = Date.now() + 40_000 * faultTimeScale(suite.budget)
  let sales = 1
  await Promise.all(
    registers.map(async (core) => {
      while (proxy.injectedTotal() < target && Date.now() < deadline) {
        if (suite.random() < 0.2) {
          const count = 1 + Math.floor(suite.random() * 2)
          for (let index = 0; index < count; index++) await sellRandom(core, suite.random)
          sales += count
        }
        await call(core, 'sync:runNow')
      }
    }),
  )
  const injected = proxy.injectedTotal()
  proxy.setPlan(passPlan)
  const report = await expectSyncInvariant({
    query: suite.query,
    storeId,
    registers,
    poisonIds: new Set([poison.id]),
  })
  expect(report.serverOrders).toBe(sales - 1)
  expect(injected, 'faults injected before the deadline').toBeGreaterThanOrEqual(target)
  const kinds = Object.entries(proxy.injected).map(([kind, count]) => `${kind}=${count}`)
  return `(a) ${injected} faults (${kinds.join(' ')}), ${sales} sales, 1 poison dead, ${report.serverOrders} orders on the server`
}

/**
 * (d) Registers a day ahead, a day behind and on time take turns selling through random faults:
 * the server orders by its own sequence, keeps each register's own timestamps, and every
 * register's cursor reaches the head.
 */
export async function skewedClocksScenario(suite: FaultSuite, target: number): Promise<string> {
  const { code, storeId } = await createTestStore(suite.server)
  const proxy = await suite.proxyToServer()
  const day = 86_400_000
  const skews: Record<string, number> = { A: day, B: -day, C: 0 }
  const registers = await openRegisters(suite, Object.keys(skews), {
    serverUrl: proxy.url,
    enrollmentCode: code,
    nowFor: (registerCode) => () => new Date(Date.now() + skews[registerCode]!),
  })
  proxy.setPlan(randomPlan(suite.random))
  const deadline = Date.now() + 15_000 * faultTimeScale(suite.budget)
  // Turns: the register a day ahead sells, then the one a day behind, then the true clock.
  while (proxy.injectedTotal() < target && Date.now() < deadline) {
    for (const core of registers) {
      await sellRandom(core, suite.random)
      await call(core, 'sync:runNow')
    }
  }
  const injected = proxy.injectedTotal()
  proxy.setPlan(passPlan)
  await expectSyncInvariant({ query: suite.query, storeId, registers })

  const rows = rowsOf<{
    seq: string | number
    arrivedAt: Date | string
    origin: string
    createdAt: string
  }>(
    await suite.query(
      `select seq, updated_at as "arrivedAt", origin_device_id as origin, data->'order'->>'createdAt' as "createdAt"
       from sync_records where store_id = $1 and entity = 'order' order by seq`,
      [storeId],
    ),
  )
  const arrivals = rows.map((row) => new Date(row.arrivedAt).getTime())
  expect(arrivals, 'server arrival time follows the server sequence').toEqual(
    [...arrivals].sort((left, right) => left - right),
  )
  const created = rows.map((row) => Date.parse(row.createdAt))
  const inversions = created.filter((time, index) => index > 0 && time < created[index - 1]!).length
  expect(
    inversions,
    'client clocks disagree with the server order, and that is fine',
  ).toBeGreaterThan(0)
  const skewOf = new Map(
    registers.map((core, index) => [core.device.deviceId, Object.values(skews)[index]!]),
  )
  for (const [index, row] of rows.entries()) {
    // Each order keeps its register's own (skewed) time: nobody rewrote it, nobody sorted by it.
    expect(
      Math.abs(created[index]! - arrivals[index]! - skewOf.get(row.origin)!),
      `order at seq ${row.seq}`,
    ).toBeLessThan(60_000)
  }
  const [store] = rowsOf<{ headSeq: string | number }>(
    await suite.query('select head_seq as "headSeq" from stores where id = $1', [storeId]),
  )
  for (const core of registers)
    expect(cursorSeq(core), 'every cursor reached the head').toBe(Number(store!.headSeq))
  return `(d) ${injected} faults, ${rows.length} orders, ${inversions} client-clock inversions of the server order`
}

/**
 * (e) Three registers with their background workers running (timer, realtime socket) sell while
 * the server is unreachable, then the network comes back for all of them at once.
 */
export async function offlineTogetherScenario(suite: FaultSuite): Promise<string> {
  const { code, storeId } = await createTestStore(suite.server)
  const proxy = await suite.proxyToServer()
  const registers = await openRegisters(suite, ['A', 'B', 'C'], {
    serverUrl: proxy.url,
    enrollmentCode: code,
    sync: { isRealtimeEnabled: true, intervalMs: 100 },
  })
  proxy.setPlan(refusePlan)
  proxy.dropAll()
  const perRegister = 30
  const total = perRegister * registers.length
  // The last state each register reported, from its own events: runs come and go too fast to sample.
  const lastOffline = registers.map(() => ({ pending: -1, message: '' }))
  registers.forEach((core, index) =>
    core.events.onAny((event, payload) => {
      const view = payload as StatusView
      if (event !== 'sync:statusChanged' || view.state !== 'offline') return
      lastOffline[index] = { pending: view.counts.pending, message: view.lastError?.message ?? '' }
    }),
  )
  const stops = registers.map((core) => core.startBackground())
  try {
    for (let index = 0; index < perRegister; index++) {
      for (const core of registers) await sellRandom(core, suite.random)
      await sleep(10)
    }
    // Every register has ended a run offline with all its sales back in the queue.
    await expect
      .poll(() => lastOffline.map((view) => view.pending), { timeout: 10_000, interval: 20 })
      .toEqual(registers.map(() => perRegister))
    for (const [index, core] of registers.entries()) {
      expect(lastOffline[index]!.message).toMatch(/unreachable|Lost the connection/)
      const { counts } = await call(core, 'sync:getStatus')
      expect(counts).toMatchObject({ synced: 0, dead: 0, failed: 0 })
      expect(
        core.database.sqlite.prepare('select max(attempts) as attempts from outbox').get(),
        'no attempts spent while unreachable',
      ).toEqual({ attempts: 0 })
    }
    proxy.setPlan(passPlan)
    await expect
      .poll(
        async () => {
          const views = await Promise.all(registers.map((core) => call(core, 'sync:getStatus')))
          const isPushed = views.every(
            (view) => view.counts.synced === perRegister && view.counts.pending === 0,
          )
          return isPushed && registers.every((core) => orderCount(core) === total)
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(true)
  } finally {
    for (const stop of stops) await stop()
  }
  const report = await expectSyncInvariant({ query: suite.query, storeId, registers })
  expect(report.serverOrders).toBe(total)
  return `(e) ${proxy.injectedTotal()} refusals while offline; ${total} orders converged after reconnecting together`
}
