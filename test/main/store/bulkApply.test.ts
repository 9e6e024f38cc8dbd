import { describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import {
  isCatalogSearchDeferred,
  rebuildCatalogSearch,
} from '../../../src/main/store/catalogSearchIndex'
import { applyPulledPage } from '../../../src/main/store/pullApplier'
import type { PulledChange } from '../../../src/shared/sync'
import { call, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('auraflow-bulk-apply-')
const now = '2026-12-01T10:00:00.000Z'

let seq = 0
function productChange(
  core: RegisterCore,
  id: string,
  name: string,
  barcode: string,
  version = 1,
): PulledChange {
  const taxRateId = (
    core.database.sqlite.prepare('select id from tax_rates limit 1').get() as { id: string }
  ).id
  seq += 1
  return {
    entity: 'product',
    id,
    op: 'upsert',
    version,
    seq,
    hash: `hash-${id}-${version}`,
    data: { id, sku: `SKU-${barcode}`, name, barcode, priceCents: 250, taxRateId, isActive: true },
    deviceId: 'device-elsewhere',
    updatedAt: now,
  }
}

function products(core: RegisterCore, count: number, offset = 0): PulledChange[] {
  return Array.from({ length: count }, (_, index) =>
    productChange(
      core,
      crypto.randomUUID(),
      `Harbour loaf h${offset + index}q`,
      String(2_800_000_000_000 + offset + index),
    ),
  )
}

function apply(core: RegisterCore, changes: PulledChange[], defersSearch: boolean) {
  return applyPulledPage(
    core.database.db,
    { changes, nextSyncToken: `token-${seq}`, defersSearch, isInterim: defersSearch },
    { localDeviceId: core.device.deviceId, currency: 'USD', now },
  )
}

/** FTS5 checks its index against the products table and throws where they disagree. */
function expectSearchIndexAgrees(core: RegisterCore) {
  expect(() =>
    core.database.sqlite
      .prepare("insert into products_fts(products_fts, rank) values ('integrity-check', 1)")
      .run(),
  ).not.toThrow()
  const barcodes = core.database.sqlite
    .prepare(
      "select count(*) as n from products where barcode is not null and barcode <> '' and id not in (select product_id from product_barcodes where barcode = products.barcode)",
    )
    .get() as { n: number }
  expect(barcodes.n).toBe(0)
}

const search = async (core: RegisterCore, query: string) =>
  (await call(core, 'catalog:search', { query })).map((product) => product.name)

describe('bulk apply of a first sync', () => {
  it('defers the search index while bulk pages land and builds it once, matching the products', async () => {
    const core = openTestCore(tempDir())
    apply(core, products(core, 600, 0), true)
    expect(isCatalogSearchDeferred(core.database.sqlite)).toBe(true)
    // Not indexed yet: the rows are there, the index is owed.
    expect(await search(core, 'h10q')).toEqual([])
    apply(core, products(core, 600, 600), true)
    // An interim bulk commit skips the wait for the disk; sales after it still get FULL.
    expect(core.database.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(rebuildCatalogSearch(core.database.sqlite)).toBe(true)
    expect(isCatalogSearchDeferred(core.database.sqlite)).toBe(false)
    expectSearchIndexAgrees(core)
    expect(await search(core, 'h10q')).toEqual(['Harbour loaf h10q'])
    expect(await search(core, 'h1199q')).toEqual(['Harbour loaf h1199q'])
    expect(
      (await call(core, 'catalog:lookupBarcode', { barcode: String(2_800_000_000_000 + 1199) }))
        ?.product.name,
    ).toBe('Harbour loaf h1199q')
    core.close()
  })

  it('a register that stopped mid-way (the index still owed) rebuilds it when it opens again', async () => {
    const dir = tempDir()
    const first = openTestCore(dir)
    const page = products(first, 500, 2000)
    apply(first, page, true)
    // A later bulk page renames one product while the triggers stand aside.
    apply(first, [productChange(first, page[0]!.id, 'Walnut bread', '2800000002000', 2)], true)
    expect(isCatalogSearchDeferred(first.database.sqlite)).toBe(true)
    first.close() // the crash: no rebuild ran

    const second = openTestCore(dir)
    expect(isCatalogSearchDeferred(second.database.sqlite)).toBe(false)
    expectSearchIndexAgrees(second)
    expect(await search(second, 'h2499q')).toEqual(['Harbour loaf h2499q'])
    expect(await search(second, 'walnut')).toEqual(['Walnut bread'])
    expect(await search(second, 'h2000q')).toEqual([])
    // Back to per-row triggers: an ordinary pull is searchable as soon as it commits.
    const id = crypto.randomUUID()
    apply(second, [productChange(second, id, 'Quince tart', '2800000009999')], false)
    expect(isCatalogSearchDeferred(second.database.sqlite)).toBe(false)
    expect(await search(second, 'quince')).toEqual(['Quince tart'])
    apply(second, [productChange(second, id, 'Quince pie', '2800000009999', 2)], false)
    expect(await search(second, 'quince')).toEqual(['Quince pie'])
    expectSearchIndexAgrees(second)
    second.close()
  })

  it('updates and renames during a bulk pull end up in the rebuilt index, old names gone', async () => {
    const core = openTestCore(tempDir())
    const page = products(core, 50, 5000)
    apply(core, page, true)
    const first = page[0]!
    apply(core, [productChange(core, first.id, 'Renamed rye', '2800000005000', 2)], true)
    rebuildCatalogSearch(core.database.sqlite)
    expectSearchIndexAgrees(core)
    expect(await search(core, 'h5000q')).toEqual([])
    expect(await search(core, 'renamed')).toEqual(['Renamed rye'])
    core.close()
  })

  it('leaves a product with an unsent local edit alone in a bulk pull, as an ordinary one does', async () => {
    const core = openTestCore(tempDir())
    const [product] = await call(core, 'catalog:search', { query: 'DRK-LEM' })
    core.database.sqlite
      .prepare('update products set name = ? where id = ?')
      .run('Local lemonade', product!.id)
    core.database.sqlite
      .prepare(
        "insert into outbox (mutation_id, entity, entity_id, operation, state, created_at, updated_at) values (?, 'product', ?, 'upsert', 'pending', ?, ?)",
      )
      .run(crypto.randomUUID(), product!.id, now, now)
    const result = apply(
      core,
      [...products(core, 20, 7000), productChange(core, product!.id, 'Server lemonade', '1', 9)],
      true,
    )
    expect(result.skippedLocal).toBe(1)
    rebuildCatalogSearch(core.database.sqlite)
    expect(await search(core, 'lemonade')).toEqual(['Local lemonade'])
    expectSearchIndexAgrees(core)
    core.close()
  })
})
