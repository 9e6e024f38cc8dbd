import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { getSyncState } from '../../../src/main/store/syncStateRepository'
import type { RunningServer } from '../../../src/server/main'
import { parseSince } from '../../../src/server/sync/cursor'
import { bulkProductName, seedBulkStore, type BulkStore } from '../../support/bulkStore'
import { passPlan, type FaultPlan } from '../../support/faultPlan'
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy'
import { call, openTestCore } from '../../support/registerCore'
import { createTestStore, startTestSyncServer } from '../../support/syncServer'
import { useTempDirs } from '../../support/tempDir'

/*
 * A first sync of a store with thousands of products and orders (pullPhase.ts bulk mode): small
 * pages and transactions here so that one pull spans many of both.
 */

const tempDir = useTempDirs('auraflow-bootstrap-')
let server: RunningServer
const open: RegisterCore[] = []
const proxies: FaultProxy[] = []

beforeAll(async () => {
  server = await startTestSyncServer()
})
afterAll(async () => {
  await server?.stop()
})
afterEach(async () => {
  for (const core of open.splice(0)) core.close()
  for (const proxy of proxies.splice(0)) await proxy.stop()
})

const bulkPull = { pageSize: 300, behind: 600, transactionRows: 1000 }
const sizes = { products: 2500, orders: 400 }

interface PullSeen {
  pulledChanges: number
  pages: number
  percent: number | null
}

function register(dir = tempDir()) {
  const core = openTestCore(dir, {
    sync: {
      isRealtimeEnabled: false,
      intervalMs: 3_600_000,
      backoff: { baseMs: 10, capMs: 50 },
      bulkPull,
    },
  })
  open.push(core)
  const seen: PullSeen[] = []
  core.events.onAny((event, payload) => {
    const pull = event === 'sync:statusChanged' ? (payload as { pull: PullSeen | null }).pull : null
    if (pull) seen.push(pull)
  })
  return { core, seen }
}

const count = (core: RegisterCore, sql: string) =>
  (core.database.sqlite.prepare(sql).get() as { n: number }).n

/** Where the register's cursor stands, as the server reads it. */
function cursorSeq(core: RegisterCore, storeId: string): number {
  const cursor = parseSince(getSyncState(core.database.db)?.pullCursor, storeId, false)
  if (cursor.kind !== 'seq') throw new Error(`unreadable cursor ${JSON.stringify(cursor)}`)
  return cursor.seq
}

async function headSeq(storeId: string): Promise<number> {
  const result = (await server.database.query('select head_seq from stores where id = $1', [
    storeId,
  ])) as { rows: { head_seq: string | number }[] }
  return Number(result.rows[0]!.head_seq)
}

/** FTS5 compares its index with the products table and throws where they disagree. */
function expectSearchIndexAgrees(core: RegisterCore) {
  expect(() =>
    core.database.sqlite
      .prepare("insert into products_fts(products_fts, rank) values ('integrity-check', 1)")
      .run(),
  ).not.toThrow()
  expect(count(core, 'select count(*) as n from catalog_search_deferred')).toBe(0)
  expect(
    count(
      core,
      "select count(*) as n from products p where p.sku like 'BULK-%' and not exists (select 1 from product_barcodes b where b.product_id = p.id and b.barcode = p.barcode)",
    ),
  ).toBe(0)
}

async function expectWholeStore(core: RegisterCore, storeId: string, store: BulkStore) {
  expect(count(core, "select count(*) as n from products where sku like 'BULK-%'")).toBe(
    sizes.products,
  )
  expect(count(core, "select count(*) as n from orders where order_number like 'BULK-%'")).toBe(
    sizes.orders,
  )
  expect(
    count(
      core,
      "select count(*) as n from order_items where order_id in (select id from orders where order_number like 'BULK-%')",
    ),
  ).toBe(sizes.orders * 2)
  expect(
    count(
      core,
      "select count(*) as n from payments where order_id in (select id from orders where order_number like 'BULK-%')",
    ),
  ).toBe(sizes.orders)
  expectSearchIndexAgrees(core)
  for (const index of [0, 1234, sizes.products - 1]) {
    const found = await call(core, 'catalog:search', { query: `w${index}z` })
    expect(found.map((product) => product.name)).toEqual([bulkProductName(index)])
    const scanned = await call(core, 'catalog:lookupBarcode', {
      barcode: store.products[index]!.barcode,
    })
    expect(scanned?.product.sku).toBe(store.products[index]!.sku)
  }
  expect(cursorSeq(core, storeId)).toBe(await headSeq(storeId))
}

function expectProgressMovesForward(seen: PullSeen[]) {
  expect(seen.length).toBeGreaterThan(2)
  for (let index = 1; index < seen.length; index++) {
    expect(seen[index]!.pulledChanges).toBeGreaterThanOrEqual(seen[index - 1]!.pulledChanges)
    expect(seen[index]!.percent ?? 0).toBeGreaterThanOrEqual(seen[index - 1]!.percent ?? 0)
  }
  expect(seen.at(-1)!.percent).toBe(100)
}

describe('first sync of a big store', () => {
  it('pulls every product and order in bulk, builds search once, and ends at the head', async () => {
    const { code, storeId } = await createTestStore(server)
    const store = await seedBulkStore(server, storeId, sizes)
    const { core, seen } = register()
    const status = await call(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
    expect(status).toMatchObject({ enrollment: 'enrolled', state: 'idle', lastError: null })
    await expectWholeStore(core, storeId, store)
    expectProgressMovesForward(seen)
    // Bulk pages (300 records here), not the ordinary 1,000: the pull spanned many of them.
    const lastSeen = seen.at(-1)!
    expect(lastSeen.pulledChanges).toBeGreaterThanOrEqual(store.total)
    expect(lastSeen.pages).toBeGreaterThanOrEqual(Math.ceil(store.total / bulkPull.pageSize))
  })

  it('a first sync the server drops half-way leaves a consistent store, and the next run finishes it', async () => {
    const { code, storeId } = await createTestStore(server)
    const store = await seedBulkStore(server, storeId, sizes)
    const proxy = await startFaultProxy(Number(new URL(server.url).port))
    proxies.push(proxy)
    let pulls = 0
    const dying: FaultPlan = {
      connect: () => ({ kind: 'accept' }),
      exchange: (info) =>
        info.path.startsWith('/api/sync/pull-changes') && ++pulls > 4
          ? { kind: 'cutMidReply' }
          : { kind: 'pass' },
    }
    proxy.setPlan(dying)
    const { core, seen } = register()
    const cut = await call(core, 'sync:enroll', { serverUrl: proxy.url, enrollmentCode: code })
    expect(cut.enrollment).toBe('enrolled')
    expect(cut.state).not.toBe('idle')

    // What committed is whole: the catalog up to the cursor, searchable, nothing beyond it.
    const reached = cursorSeq(core, storeId)
    const local = count(core, "select count(*) as n from products where sku like 'BULK-%'")
    expect(local).toBeGreaterThan(0)
    expect(local).toBeLessThan(sizes.products)
    // Sequence 1 and 2 are the tax rate and the category; products follow in order.
    expect(local).toBe(Math.min(sizes.products, reached - 2))
    expectSearchIndexAgrees(core)
    const lastHeld = local - 1
    expect(
      (await call(core, 'catalog:search', { query: `w${lastHeld}z` })).map((p) => p.name),
    ).toEqual([bulkProductName(lastHeld)])
    expect(await call(core, 'catalog:search', { query: `w${local}z` })).toEqual([])

    proxy.setPlan(passPlan)
    seen.length = 0
    const finished = await call(core, 'sync:runNow')
    expect(finished).toMatchObject({ state: 'idle', lastError: null })
    await expectWholeStore(core, storeId, store)
    expectProgressMovesForward(seen)
  })

  it('a register closed mid-sync opens with a whole search index and finishes the pull', async () => {
    const { code, storeId } = await createTestStore(server)
    const store = await seedBulkStore(server, storeId, sizes)
    const proxy = await startFaultProxy(Number(new URL(server.url).port))
    proxies.push(proxy)
    const dir = tempDir()
    const { core } = register(dir)
    let pulls = 0
    proxy.setPlan({
      connect: () => ({ kind: 'accept' }),
      // The server stops answering after a few pages: the register is closed while it waits.
      exchange: (info) =>
        info.path.startsWith('/api/sync/pull-changes') && ++pulls > 3
          ? { kind: 'blackhole' }
          : { kind: 'pass' },
    })
    const waiting = call(core, 'sync:enroll', { serverUrl: proxy.url, enrollmentCode: code })
    while (pulls <= 3) await new Promise((resolve) => setTimeout(resolve, 20))
    // The process stops: the bulk pull's search index is still owed.
    expect(count(core, 'select count(*) as n from catalog_search_deferred')).toBe(1)
    open.splice(open.indexOf(core), 1)
    core.close()
    proxy.dropAll()
    await waiting.catch(() => undefined)

    const { core: reopened, seen } = register(dir)
    expectSearchIndexAgrees(reopened)
    const local = count(reopened, "select count(*) as n from products where sku like 'BULK-%'")
    expect(local).toBe(Math.min(sizes.products, cursorSeq(reopened, storeId) - 2))
    proxy.setPlan(passPlan)
    const finished = await call(reopened, 'sync:runNow')
    expect(finished).toMatchObject({ state: 'idle', lastError: null })
    await expectWholeStore(reopened, storeId, store)
    expectProgressMovesForward(seen)
  })

  it('serves pages of up to 5,000 records and refuses a bigger limit by name', async () => {
    const { code, storeId } = await createTestStore(server)
    const store = await seedBulkStore(server, storeId, { products: 5001, orders: 0 })
    const { core } = register()
    await call(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
    const ask = (limit: number) =>
      core.sync.withServer((_client, token) =>
        fetch(`${server.url}/api/sync/pull-changes?limit=${limit}`, {
          headers: { authorization: `Bearer ${token}`, 'x-sync-protocol': '1' },
        }),
      )
    const page = (await (await ask(5000)).json()) as { changes: unknown[]; hasMore: boolean }
    expect(page.changes).toHaveLength(5000)
    expect(page.hasMore).toBe(store.total > 5000)
    const refused = await ask(5001)
    expect(refused.status).toBe(400)
    const body = (await refused.json()) as { issues?: { path: unknown }[] }
    expect(JSON.stringify(body.issues?.map((issue) => issue.path))).toContain('limit')
  })

  it('catches up on a few changes with ordinary pages, searchable at once', async () => {
    const { code, storeId } = await createTestStore(server)
    await seedBulkStore(server, storeId, { products: 300, orders: 0 })
    const { core } = register()
    await call(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
    const more = await seedBulkStore(server, storeId, { products: 5, orders: 0 })
    const { seen } = { seen: [] as PullSeen[] }
    core.events.onAny((event, payload) => {
      const pull =
        event === 'sync:statusChanged' ? (payload as { pull: PullSeen | null }).pull : null
      if (pull) seen.push(pull)
    })
    // A rebuild an earlier bulk pull could not finish: edits meanwhile skipped the index.
    core.database.sqlite.prepare("insert into catalog_search_deferred values (1, 'then')").run()
    core.database.sqlite
      .prepare("update products set name = 'Zephyr cake' where sku = 'BULK-000001'")
      .run()
    expect(await call(core, 'catalog:search', { query: 'zephyr' })).toEqual([])
    expect(await call(core, 'sync:runNow')).toMatchObject({ state: 'idle', lastError: null })
    expect(seen.at(-1)).toMatchObject({ pulledChanges: more.total, pages: 1, percent: 100 })
    expect(
      (await call(core, 'catalog:search', { query: 'zephyr' })).map((product) => product.name),
    ).toEqual(['Zephyr cake'])
    expectSearchIndexAgrees(core)
    expect(cursorSeq(core, storeId)).toBe(await headSeq(storeId))
  })
})
