import '../../src/main/nodeVersionGuard'
import diagnosticsChannel from 'node:diagnostics_channel'
import { v4 as uuidv4 } from 'uuid'
import { openRegisterCore, type RegisterCore } from '../../src/main/core'
import { updateStoreOptions } from '../../src/main/store/identityRepository'
import { listProducts } from '../../src/main/store/catalogRepository'
import { commitSale, type PricedSale } from '../../src/main/store/saleRepository'
import { readSqliteDurability } from '../durability'
import { pricedSale } from '../fixtures/pricedSale'
import {
  monotonicMs,
  type CloseResult,
  type EnrollResult,
  type HttpSample,
  type OpenResult,
  type RegisterCommand,
  type RegisterMessage,
  type RegisterRequest,
  type SaleResult,
  type SeedResult,
  type StatusSample,
} from './protocol'

/**
 * One register in its own process, driven by the bench over IPC: `fork`ed by registerHandle.ts,
 * never run by hand.
 */

let core: RegisterCore | null = null
let stopBackground: (() => Promise<void>) | null = null
const statuses: StatusSample[] = []
const http: HttpSample[] = []
let peakRssBytes = 0
let salesMade = 0

// Sampled, not the kernel's ru_maxrss: a forked process inherits its parent's high-water mark
// (the bench holding PGlite), so that figure says nothing about the register. The timer cannot
// fire during a synchronous page apply, so every status change (one per page) samples too.
const sampleRss = () => {
  peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss())
}
setInterval(sampleRss, 50).unref()

// Every request the sync client makes, timed without touching the client.
const started = new WeakMap<object, { path: string; startMs: number; headersMs: number }>()
diagnosticsChannel.subscribe('undici:request:create', (message) => {
  const { request } = message as { request: { path: string } }
  started.set(request, { path: request.path, startMs: monotonicMs(), headersMs: 0 })
})
diagnosticsChannel.subscribe('undici:request:headers', (message) => {
  const entry = started.get((message as { request: object }).request)
  if (entry) entry.headersMs = monotonicMs()
})
diagnosticsChannel.subscribe('undici:request:trailers', (message) => {
  const request = (message as { request: object }).request
  const entry = started.get(request)
  if (!entry) return
  started.delete(request)
  http.push({
    path: entry.path.split('?')[0]!,
    startMs: entry.startMs,
    headersMs: entry.headersMs,
    endMs: monotonicMs(),
  })
})

function send(message: RegisterMessage): void {
  process.send?.(message)
}

function openCore(): RegisterCore {
  if (!core) throw new Error('register not opened')
  return core
}

/** 4 or 5 lines of demo products and one cash payment, priced as the register would. */
function backlogSale(
  target: RegisterCore,
  products: ReturnType<typeof listProducts>,
  index: number,
): PricedSale {
  const lineCount = 4 + (index % 2)
  return pricedSale(
    target.device,
    Array.from({ length: lineCount }, (_, line) => products[(index + line) % products.length]!),
  )
}

function tableCounts(target: RegisterCore): Record<string, number> {
  const count = (table: string) =>
    (target.database.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  return {
    products: count('products'),
    orders: count('orders'),
    order_items: count('order_items'),
    payments: count('payments'),
    outbox: count('outbox'),
  }
}

function openWith(command: Extract<RegisterCommand, { type: 'open' }>): OpenResult {
  core = openRegisterCore({
    dataDir: command.dataDir,
    host: 'web',
    appVersion: 'bench',
    registerCode: command.registerCode,
    fingerprint: `bench-${command.registerCode}`,
    logError: (message, error) =>
      console.error(`[register ${command.registerCode}] ${message}`, error),
    sync: { ...command.sync, requestTimeoutMs: 60_000 },
  })
  // Sells as the demo manager without the open-shift rule: the bench measures sync, not tills.
  updateStoreOptions(core.database.db, { requireOpenShift: false }, new Date().toISOString())
  core.authority.signIn('1234')
  core.events.onAny((event, payload) => {
    if (event === 'sync:statusChanged') {
      sampleRss()
      const view = payload as {
        state: string
        counts: { synced: number; pending: number; inFlight: number; failed: number }
        pull: { pulledChanges: number } | null
      }
      statuses.push({
        atMs: monotonicMs(),
        state: view.state,
        synced: view.counts.synced,
        pending: view.counts.pending + view.counts.inFlight + view.counts.failed,
        pulledChanges: view.pull?.pulledChanges ?? null,
      })
    } else if (event === 'order:synced') {
      send({
        type: 'orderSynced',
        orderIds: (payload as { orderIds: string[] }).orderIds,
        atMs: monotonicMs(),
      })
    }
  })
  const sqlite = core.database.sqlite
  return {
    deviceId: core.device.deviceId,
    durability: readSqliteDurability(
      (name) => sqlite.pragma(name, { simple: true }),
      command.dataDir,
    ),
    rssBytes: process.memoryUsage.rss(),
  } satisfies OpenResult
}

let lastOpen: Extract<RegisterCommand, { type: 'open' }> | null = null

async function run(command: RegisterCommand): Promise<unknown> {
  switch (command.type) {
    case 'open':
      lastOpen = command
      return openWith(command)
    case 'reopen': {
      if (!lastOpen) throw new Error('register not opened')
      await stopBackground?.()
      stopBackground = null
      core?.close()
      core = null
      lastOpen = { ...lastOpen, sync: command.sync }
      return openWith(lastOpen)
    }
    case 'seedBacklog': {
      const target = openCore()
      const products = listProducts(target.database.db)
      const startMs = monotonicMs()
      // Commits grouped by 500 (commitSale nests as a savepoint): the seed is setup, not the bench.
      for (let offset = 0; offset < command.orders; offset += 500) {
        target.database.db.transaction(() => {
          for (let index = offset; index < Math.min(command.orders, offset + 500); index++)
            commitSale(target.database.db, backlogSale(target, products, index))
        })
      }
      return {
        orders: command.orders,
        seconds: (monotonicMs() - startMs) / 1000,
      } satisfies SeedResult
    }
    case 'enroll': {
      const target = openCore()
      statuses.length = 0
      http.length = 0
      const startMs = monotonicMs()
      const cpuAtStart = process.cpuUsage()
      const result = await target.registry.dispatch('sync:enroll', {
        serverUrl: command.serverUrl,
        enrollmentCode: command.enrollmentCode,
        deviceName: 'bench',
      })
      const endMs = monotonicMs()
      const cpu = process.cpuUsage(cpuAtStart)
      if (!result.ok) throw new Error(`enroll failed: ${result.error.code} ${result.error.message}`)
      return {
        startMs,
        endMs,
        statuses: [...statuses],
        http: [...http],
        tables: tableCounts(target),
        peakRssBytes: Math.max(peakRssBytes, process.memoryUsage.rss()),
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        lastError: target.sync.status().lastError?.message ?? null,
      } satisfies EnrollResult
    }
    case 'drain': {
      const target = openCore()
      statuses.length = 0
      http.length = 0
      const startMs = monotonicMs()
      const cpuAtStart = process.cpuUsage()
      const result = await target.registry.dispatch('sync:runNow', undefined)
      const endMs = monotonicMs()
      const cpu = process.cpuUsage(cpuAtStart)
      if (!result.ok) throw new Error(`sync failed: ${result.error.code} ${result.error.message}`)
      return {
        startMs,
        endMs,
        statuses: [...statuses],
        http: [...http],
        tables: tableCounts(target),
        peakRssBytes: Math.max(peakRssBytes, process.memoryUsage.rss()),
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        lastError: target.sync.status().lastError?.message ?? null,
      } satisfies EnrollResult
    }
    case 'startBackground':
      stopBackground = openCore().startBackground()
      return null
    case 'sell': {
      const target = openCore()
      const products = listProducts(target.database.db).filter(
        (product) =>
          product.pricingUnit === 'each' &&
          product.priceCents > 0 &&
          product.modifierGroups.every((group) => group.minSelect === 0),
      )
      const result = await target.registry.dispatch('sale:complete', {
        clientRequestId: uuidv4(),
        lines: products
          .slice(0, 4 + (salesMade++ % 2))
          .map((product) => ({ productId: product.id, quantity: 1, modifierOptionIds: [] })),
        payments: [{ method: 'cash', amountCents: 1000_00 }],
      })
      const soldAtMs = monotonicMs()
      if (!result.ok) throw new Error(`sale failed: ${result.error.code} ${result.error.message}`)
      return {
        orderId: (result.value as { order: { id: string } }).order.id,
        soldAtMs,
      } satisfies SaleResult
    }
    case 'close': {
      await stopBackground?.()
      stopBackground = null
      core?.close()
      core = null
      return { http: [...http], peakRssBytes } satisfies CloseResult
    }
    default: {
      const exhaustive: never = command
      throw new Error(`unknown command ${JSON.stringify(exhaustive)}`)
    }
  }
}

process.on('message', (message: RegisterRequest) => {
  run(message.command).then(
    (value) => send({ type: 'reply', id: message.id, isOk: true, value }),
    (error: unknown) =>
      send({
        type: 'reply',
        id: message.id,
        isOk: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  )
})
// The bench going away means this register goes too.
process.on('disconnect', () => {
  core?.close()
  process.exit(0)
})
