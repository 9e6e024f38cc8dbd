import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { summarize, type LatencySummary } from '../stats'
import type { BenchServer, DatabaseKind } from './benchServer'
import type { CloseResult, HttpSample, SaleResult } from './protocol'
import { spawnRegister } from './registerHandle'
import type { SyncBenchOptions } from './options'

export interface VisibilityResult {
  database: DatabaseKind
  sales: number
  commitDebounceMs: number
  /** Sale committed on A → `order:synced` for it on B. */
  latency: LatencySummary
  /** The same path cut at A's push and B's pull, p50 ms per leg. */
  legsP50Ms: {
    soldToPushStart: number
    pushStartToPullStart: number
    pull: number
    pullEndToEvent: number
  }
  missed: number
}

const waitLimitMs = 10_000
const warmupSales = 5

/**
 * Two registers with realtime on. A sells one sale at a time; each is timed until B's
 * `order:synced` names it, and the next sale starts only then, so each latency stands alone.
 */
export async function benchVisibility(
  server: BenchServer,
  options: SyncBenchOptions,
): Promise<VisibilityResult> {
  const database = server.kind
  const dir = mkdtempSync(join(tmpdir(), 'auraflow-bench-sync-'))
  const seller = spawnRegister(`visibility-A-${database}`, options.cpuProfileDir)
  const watcher = spawnRegister(`visibility-B-${database}`, options.cpuProfileDir)
  const seenAt = new Map<string, number>()
  const waiting = new Map<string, () => void>()
  watcher.onOrderSynced((orderIds, atMs) => {
    for (const id of orderIds) {
      if (!seenAt.has(id)) seenAt.set(id, atMs)
      waiting.get(id)?.()
    }
  })
  try {
    const { code } = await server.createStore()
    const sync = {
      intervalMs: 30_000,
      commitDebounceMs: options.commitDebounceMs,
      pullPageSize: 500,
      isRealtimeEnabled: true,
    }
    await seller.call({ type: 'open', dataDir: join(dir, 'a'), registerCode: 'A1', sync })
    await watcher.call({ type: 'open', dataDir: join(dir, 'b'), registerCode: 'B1', sync })
    for (const register of [seller, watcher]) {
      await register.call({ type: 'enroll', serverUrl: server.url, enrollmentCode: code })
      await register.call({ type: 'startBackground' })
    }
    // Let both sockets connect and the start-up runs finish.
    await sleep(1_000)

    const sold: SaleResult[] = []
    let missed = 0
    for (let index = 0; index < warmupSales + options.visibilitySales; index++) {
      const sale = await seller.call<SaleResult>({ type: 'sell' })
      const isSeen =
        seenAt.has(sale.orderId) ||
        (await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), waitLimitMs)
          waiting.set(sale.orderId, () => {
            clearTimeout(timer)
            resolve(true)
          })
        }))
      waiting.delete(sale.orderId)
      if (index < warmupSales) continue
      if (isSeen) sold.push(sale)
      else missed++
      // A moment for both registers' follow-up runs (A pulls its own sale back) to finish.
      await sleep(20)
    }
    const sellerHttp = ((await seller.close()) as CloseResult).http
    const watcherHttp = ((await watcher.close()) as CloseResult).http
    const latencies = sold.map((sale) => seenAt.get(sale.orderId)! - sale.soldAtMs)
    const legs = sold.map((sale) =>
      legsOf(sale.soldAtMs, seenAt.get(sale.orderId)!, sellerHttp, watcherHttp),
    )
    const p50 = (values: number[]) => summarize(values).p50Ms
    return {
      database,
      sales: sold.length,
      commitDebounceMs: options.commitDebounceMs,
      latency: summarize(latencies),
      legsP50Ms: {
        soldToPushStart: p50(legs.map((leg) => leg.pushStart - leg.soldAt)),
        pushStartToPullStart: p50(legs.map((leg) => leg.pullStart - leg.pushStart)),
        pull: p50(legs.map((leg) => leg.pullEnd - leg.pullStart)),
        pullEndToEvent: p50(legs.map((leg) => leg.seenAt - leg.pullEnd)),
      },
      missed,
    }
  } finally {
    await seller.close().catch(() => undefined)
    await watcher.close().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A's first push after the sale, and B's last pull that ended before the sale showed up. */
function legsOf(
  soldAt: number,
  seenAt: number,
  sellerHttp: HttpSample[],
  watcherHttp: HttpSample[],
) {
  const push = sellerHttp.find(
    (sample) => sample.path === '/api/sync/batch-push' && sample.startMs >= soldAt,
  )
  const pull = watcherHttp
    .filter((sample) => sample.path === '/api/sync/pull-changes' && sample.endMs <= seenAt)
    .at(-1)
  return {
    soldAt,
    pushStart: push?.startMs ?? soldAt,
    pullStart: pull?.startMs ?? seenAt,
    pullEnd: pull?.endMs ?? seenAt,
    seenAt,
  }
}
