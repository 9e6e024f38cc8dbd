import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { Pool } from 'undici'
import WebSocket, { WebSocketServer } from 'ws'
import type { Durability } from '../durability'
import { summarize, type LatencySummary } from '../stats'
import type { BenchServer, DatabaseKind } from './benchServer'
import { monotonicMs, type CloseResult, type HttpSample, type SaleResult } from './protocol'
import { spawnRegister } from './registerHandle'
import type { SyncBenchOptions } from './options'

export interface VisibilityResult {
  database: DatabaseKind
  /** The server database's durability settings, read back from it. */
  durability: Durability
  sales: number
  commitDebounceMs: number
  /** Sale committed on A → `order:synced` for it on B, one sale at a time with both idle. */
  latency: LatencySummary
  /**
   * Same-run floors on the same loopback: a bare HTTP request/response (node:http server, the
   * registers' undici keep-alive client) and a bare WebSocket echo, one of each before every sale.
   */
  reference: { bareHttp: LatencySummary; bareWebSocket: LatencySummary }
  /** latency p95 ÷ bare HTTP round trip p95 (the path needs at least two requests and a poke). */
  ratioToBareHttpP95: number
  /** The same, in the shape every referenced bench row has (figure, reference, ratio). */
  compared: {
    value: number
    reference: { name: string; value: number; unit: string }
    ratio: number
  }
  /** The same path cut at A's push and B's pull, p50 ms per leg. */
  legsP50Ms: {
    soldToPushStart: number
    pushStartToPullStart: number
    pull: number
    pullEndToEvent: number
  }
  /** Server handler time (onRequest → onResponse) during the one-at-a-time sales, p50/p95 ms. */
  serverMs: { push: LatencySummary; pull: LatencySummary }
  /** Where the slowest five sales spent their time (ms from the commit), to explain the tail. */
  slowest: { latencyMs: number; pushStart: number; pullStart: number; pullEnd: number }[]
  /** Sales A makes back to back, each timed to B: commits in quick succession coalesce. */
  burst: { sales: number; latency: LatencySummary; pushes: number; bPulls: number }
  missed: number
}

const waitLimitMs = 10_000
const warmupSales = 5
/** Between two customers a till sits idle for seconds; this is long enough for both to go idle. */
const idleBetweenSalesMs = 100

/**
 * Two registers with realtime on. A sells one sale at a time; each is timed until B's
 * `order:synced` names it, and the next sale starts only after both are idle, so each latency
 * stands alone. Then a burst: A sells back to back without waiting for B.
 */
export async function benchVisibility(
  server: BenchServer,
  options: SyncBenchOptions,
): Promise<VisibilityResult> {
  const database = server.kind
  const dir = mkdtempSync(join(tmpdir(), 'auraflow-bench-sync-'))
  const seller = spawnRegister(`visibility-A-${database}`, options.cpuProfileDir)
  const watcher = spawnRegister(`visibility-B-${database}`, options.cpuProfileDir)
  const probe = await startLoopbackProbe()
  const seenAt = new Map<string, number>()
  const waiting = new Map<string, () => void>()
  watcher.onOrderSynced((orderIds, atMs) => {
    for (const id of orderIds) {
      if (!seenAt.has(id)) seenAt.set(id, atMs)
      waiting.get(id)?.()
    }
  })
  const seen = (orderId: string) =>
    seenAt.has(orderId) ||
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), waitLimitMs)
      waiting.set(orderId, () => {
        clearTimeout(timer)
        waiting.delete(orderId)
        resolve(true)
      })
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

    server.takeSamples()
    const sold: (SaleResult & { requestedAtMs: number })[] = []
    const bareHttp: number[] = []
    const bareWebSocket: number[] = []
    let missed = 0
    for (let index = 0; index < warmupSales + options.visibilitySales; index++) {
      const http = await probe.http()
      const socket = await probe.webSocket()
      const requestedAtMs = monotonicMs()
      const sale = await seller.call<SaleResult>({ type: 'sell' })
      const isSeen = await seen(sale.orderId)
      if (index < warmupSales) continue
      bareHttp.push(http)
      bareWebSocket.push(socket)
      if (isSeen) sold.push({ ...sale, requestedAtMs })
      else missed++
      await sleep(idleBetweenSalesMs)
    }

    const serverSamples = server.takeSamples()
    const handlerMs = (path: string) =>
      summarize(
        serverSamples
          .filter((sample) => sample.path === path)
          .map((sample) => sample.endMs - sample.startMs),
      )

    const burstSales = Math.min(50, options.visibilitySales)
    const burstStartMs = monotonicMs()
    const burst: SaleResult[] = []
    for (let index = 0; index < burstSales; index++)
      burst.push(await seller.call<SaleResult>({ type: 'sell' }))
    const burstSeen = await Promise.all(burst.map((sale) => seen(sale.orderId)))
    missed += burstSeen.filter((isSeen) => !isSeen).length
    const burstEndMs = monotonicMs()

    const sellerHttp = ((await seller.close()) as CloseResult).http
    const watcherHttp = ((await watcher.close()) as CloseResult).http
    const latencies = sold.map((sale) => seenAt.get(sale.orderId)! - sale.soldAtMs)
    const legs = sold.map((sale) =>
      legsOf(sale, seenAt.get(sale.orderId)!, sellerHttp, watcherHttp),
    )
    const p50 = (values: number[]) => summarize(values).p50Ms
    const latency = summarize(latencies)
    const bareHttpSummary = summarize(bareHttp)
    const within = (samples: HttpSample[], path: string) =>
      samples.filter(
        (sample) =>
          sample.path === path && sample.startMs >= burstStartMs && sample.startMs <= burstEndMs,
      ).length
    return {
      database,
      durability: server.durability,
      sales: sold.length,
      commitDebounceMs: options.commitDebounceMs,
      latency,
      reference: { bareHttp: bareHttpSummary, bareWebSocket: summarize(bareWebSocket) },
      ratioToBareHttpP95: Math.round((latency.p95Ms / bareHttpSummary.p95Ms) * 10) / 10,
      compared: {
        value: latency.p95Ms,
        reference: {
          name: 'bare loopback HTTP round trip p95',
          value: bareHttpSummary.p95Ms,
          unit: 'ms',
        },
        ratio: Math.round((latency.p95Ms / bareHttpSummary.p95Ms) * 1000) / 1000,
      },
      legsP50Ms: {
        soldToPushStart: p50(legs.map((leg) => leg.pushStart - leg.soldAt)),
        pushStartToPullStart: p50(legs.map((leg) => leg.pullStart - leg.pushStart)),
        pull: p50(legs.map((leg) => leg.pullEnd - leg.pullStart)),
        pullEndToEvent: p50(legs.map((leg) => leg.seenAt - leg.pullEnd)),
      },
      serverMs: {
        push: handlerMs('/api/sync/batch-push'),
        pull: handlerMs('/api/sync/pull-changes'),
      },
      slowest: legs
        .map((leg) => ({
          latencyMs: round(leg.seenAt - leg.soldAt),
          pushStart: round(leg.pushStart - leg.soldAt),
          pullStart: round(leg.pullStart - leg.soldAt),
          pullEnd: round(leg.pullEnd - leg.soldAt),
        }))
        .sort((left, right) => right.latencyMs - left.latencyMs)
        .slice(0, 5),
      burst: {
        sales: burst.length,
        latency: summarize(
          burst
            .filter((sale) => seenAt.has(sale.orderId))
            .map((sale) => seenAt.get(sale.orderId)! - sale.soldAtMs),
        ),
        pushes: within(sellerHttp, '/api/sync/batch-push'),
        bPulls: within(watcherHttp, '/api/sync/pull-changes'),
      },
      missed,
    }
  } finally {
    await seller.close().catch(() => undefined)
    await watcher.close().catch(() => undefined)
    await probe.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A's first push after the sale was asked for (it may start before the sale call returns: an idle
 * register pushes from inside the commit), and B's last pull that ended before the sale showed up.
 */
function legsOf(
  sale: SaleResult & { requestedAtMs: number },
  seenAt: number,
  sellerHttp: HttpSample[],
  watcherHttp: HttpSample[],
) {
  const push = sellerHttp.find(
    (sample) => sample.path === '/api/sync/batch-push' && sample.startMs >= sale.requestedAtMs,
  )
  const pull = watcherHttp
    .filter((sample) => sample.path === '/api/sync/pull-changes' && sample.endMs <= seenAt)
    .at(-1)
  return {
    soldAt: sale.soldAtMs,
    pushStart: push?.startMs ?? sale.soldAtMs,
    pullStart: pull?.startMs ?? seenAt,
    pullEnd: pull?.endMs ?? seenAt,
    seenAt,
  }
}

const round = (value: number) => Math.round(value * 10) / 10

interface LoopbackProbe {
  /** One bare request/response round trip, ms. */
  http(): Promise<number>
  /** One bare WebSocket message echoed back, ms. */
  webSocket(): Promise<number>
  close(): Promise<void>
}

/** A server that answers `{}` and echoes socket messages, on 127.0.0.1, with nothing else on the path. */
async function startLoopbackProbe(): Promise<LoopbackProbe> {
  const httpServer: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end('{}')
  })
  const sockets = new WebSocketServer({ server: httpServer })
  sockets.on('connection', (socket) => socket.on('message', (data) => socket.send(data)))
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  const { port } = httpServer.address() as AddressInfo
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 1 })
  const client = new WebSocket(`ws://127.0.0.1:${port}`)
  await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject))
  return {
    async http() {
      const startMs = monotonicMs()
      const response = await pool.request({ method: 'GET', path: '/' })
      await response.body.text()
      return monotonicMs() - startMs
    },
    webSocket() {
      const startMs = monotonicMs()
      return new Promise((resolve) => {
        client.once('message', () => resolve(monotonicMs() - startMs))
        client.send('ping')
      })
    },
    async close() {
      client.terminate()
      await pool.close()
      sockets.close()
      httpServer.closeAllConnections()
      await new Promise((resolve) => httpServer.close(resolve))
    },
  }
}
