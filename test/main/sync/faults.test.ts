import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import type { RunningServer } from '../../../src/server/main'
import { postgresAvailability } from '../../server/support/postgres'
import { expectSyncInvariant } from '../../support/faultInvariant'
import {
  faultBudget,
  faultKinds,
  faultSeed,
  faultTimeScale,
  seededRandom,
  type FaultKind,
} from '../../support/faultPlan'
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy'
import { sellRandom } from '../../support/faultRegisters'
import { openRegisters, type FaultSuite } from '../../support/faultScenarioContext'
import {
  concurrentRefreshScenario,
  lostEnrollmentScenario,
  lostRefreshScenario,
} from '../../support/faultScenarioAuth'
import {
  offlineTogetherScenario,
  randomFaultsScenario,
  skewedClocksScenario,
} from '../../support/faultScenarioNetwork'
import { registerKilledScenario, serverKilledScenario } from '../../support/faultScenarioProcesses'
import { startFaultTestServer } from '../../support/faultServer'
import { createTestStore } from '../../support/syncServer'
import { useTempDirs } from '../../support/tempDir'

/*
 * Sync under faults (issue 4 item 8). Every scenario ends with the same invariant
 * (test/support/faultInvariant.ts): the server holds exactly the orders the registers created,
 * once each, to the cent; every outbox drained; nothing dead that was not poisoned on purpose;
 * every register holds every other register's orders.
 *
 * AURAFLOW_FAULTS (default 1000) is the number of faults the suite injects; AURAFLOW_FAULT_SEED
 * replays a run's decisions (the seed is printed at the end; timing can still differ).
 */

const seed = faultSeed()
const budget = faultBudget()
const random = seededRandom(seed)
const timeoutMs = (ms: number) => ms * faultTimeScale(budget)
const tally: Record<FaultKind | 'serverKill' | 'registerKill', number> = {
  ...(Object.fromEntries(faultKinds.map((kind) => [kind, 0])) as Record<FaultKind, number>),
  serverKill: 0,
  registerKill: 0,
}
const totalInjected = () => Object.values(tally).reduce((sum, value) => sum + value, 0)
const startedAt = Date.now()
/** Scenarios that ran to the end: the budget check only means something when all of them did. */
const finished = new Set<string>()
const postgres = postgresAvailability()

const tempDir = useTempDirs('auraflow-faults-')
let server: RunningServer
const open: RegisterCore[] = []
const proxies: FaultProxy[] = []
const cleanups: (() => Promise<void>)[] = []

const suite: FaultSuite = {
  get server() {
    return server
  },
  query: (text, params) => server.database.query(text, params),
  seed,
  budget,
  random,
  tempDir,
  keep(core) {
    open.push(core)
    return core
  },
  async proxyToServer(port = Number(new URL(server.url).port)) {
    const proxy = await startFaultProxy(port)
    proxies.push(proxy)
    return proxy
  },
  onCleanup(cleanup) {
    cleanups.push(cleanup)
  },
  countKill(kind) {
    tally[kind]++
  },
  totalInjected,
}

beforeAll(async () => {
  server = await startFaultTestServer()
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  for (const core of open.splice(0)) core.close()
  for (const proxy of proxies.splice(0)) {
    for (const kind of faultKinds) tally[kind] += proxy.injected[kind]
    await proxy.stop()
  }
})
afterAll(async () => {
  await server?.stop()
  const byKind = Object.entries(tally).map(([kind, count]) => `${kind}=${count}`)
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1)
  console.log(
    `[faults] injected ${totalInjected()} faults (${byKind.join(' ')}) in ${seconds} s; seed ${seed}` +
      ` (replay: AURAFLOW_FAULT_SEED=${seed} AURAFLOW_FAULTS=${budget})`,
  )
})

function report(scenario: string, line: string) {
  finished.add(scenario)
  console.log(`[faults] ${line}`)
}

describe('the invariant itself', () => {
  // A check that cannot fail proves nothing: tamper with the server's copy and watch it fail.
  const tampers = [
    {
      name: 'an order off by one cent',
      sql: `update sync_records set data = jsonb_set(data, '{order,totalCents}', to_jsonb((data->'order'->>'totalCents')::int + 1))
            where store_id = $1 and id = $2`,
      error: /to the cent/,
    },
    {
      name: 'an order stored twice under two ids',
      sql: `insert into sync_records (store_id, entity, id, version, seq, hash, data, deleted, origin_device_id, last_device_id)
            select store_id, entity, id || '-copy', version, seq + 1000, hash, data, deleted, origin_device_id, last_device_id
            from sync_records where store_id = $1 and id = $2`,
      error: /order numbers are unique/,
    },
    {
      name: 'an order lost',
      sql: 'delete from sync_records where store_id = $1 and id = $2',
      error: /missing on the server/,
    },
  ]
  it.each(tampers)('catches $name', async ({ sql, error }) => {
    const { code, storeId } = await createTestStore(server)
    const [core] = await openRegisters(suite, ['I'], {
      serverUrl: server.url,
      enrollmentCode: code,
    })
    const order = await sellRandom(core!, random)
    await sellRandom(core!, random)
    await expectSyncInvariant({ query: suite.query, storeId, registers: [core!] })
    await suite.query(sql, [storeId, order.id])
    await expect(
      expectSyncInvariant({ query: suite.query, storeId, registers: [core!] }),
    ).rejects.toThrow(error)
  })
})

describe('sync under faults', () => {
  it(
    '(d) registers a day ahead and a day behind: the server orders by its sequence, nothing is lost',
    async () => {
      report('d', await skewedClocksScenario(suite, Math.ceil(budget * 0.08)))
    },
    timeoutMs(60_000),
  )

  it(
    '(e) three registers sell while the server is unreachable, then all reconnect at once',
    async () => {
      report('e', await offlineTogetherScenario(suite))
    },
    timeoutMs(60_000),
  )

  it(
    '(c) a register process SIGKILLed mid-push, twice, then reopened: no sale lost, none doubled',
    async () => {
      report('c', await registerKilledScenario(suite))
    },
    timeoutMs(90_000),
  )

  it.skipIf(!postgres.isAvailable)(
    '(b) the server process SIGKILLed mid-backlog and restarted on the same PostgreSQL: registers retry, nothing lost or doubled',
    async () => {
      report('b', await serverKilledScenario(suite))
    },
    timeoutMs(120_000),
  )

  it('a refresh whose reply was lost does not lock the register out', async () => {
    await lostRefreshScenario(suite)
  })

  it('two refreshes at once whose replies arrive out of order do not lock the register out', async () => {
    console.log(`[faults] concurrent refresh: ${await concurrentRefreshScenario(suite)}`)
  })

  it('an enrollment whose reply was lost can be retried with the same one-time code', async () => {
    await lostEnrollmentScenario(suite)
  })

  // Last: it tops the suite up to the budget, and always injects at least half of it itself.
  it(
    '(a) three registers sell and sync through random cuts, delays, refusals and lost replies',
    async () => {
      report(
        'a',
        await randomFaultsScenario(
          suite,
          Math.max(Math.ceil(budget / 2), budget - totalInjected()),
        ),
      )
    },
    timeoutMs(90_000),
  )

  it(`injected at least AURAFLOW_FAULTS (${budget}) faults in all`, (context) => {
    const expected = postgres.isAvailable ? 5 : 4
    if (finished.size < expected)
      context.skip(`only scenarios ${[...finished].join(', ') || 'none'} ran to the end`)
    expect(totalInjected()).toBeGreaterThanOrEqual(budget)
  })
})
