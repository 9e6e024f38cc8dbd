import { describe, expect, it } from 'vitest'
import { call, openTestCore, type TestCoreOptions } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { editable } from './catalogFixtures'
import type { RegisterCore } from '../../../src/main/core'

const tempDir = useTempDirs()

async function coreWithProducts(options: TestCoreOptions = {}): Promise<RegisterCore> {
  const core = openTestCore(tempDir(), options)
  const [taxRate] = await call(core, 'catalog:listTaxRates')
  const save = (sku: string, name: string, barcodes: string[] = [], isActive = true) =>
    call(core, 'catalog:saveProduct', {
      sku,
      name,
      priceCents: 500,
      categoryId: null,
      taxRateId: taxRate!.id,
      barcodes,
      isActive,
    })
  await save('PAT-CRB', 'Crème brûlée', ['4006381333931'])
  await save('PAT-TAR', 'Tarte au citron', ['9780201379624', '5012345678900'])
  await save('OLD-CAK', 'Carrot cake (old recipe)', ['4012345678901'], false)
  return core
}

const skus = (products: { sku: string }[]) => products.map((product) => product.sku)

describe('catalog search (FTS5)', () => {
  it('finds products by the start of any word of their name', async () => {
    const core = await coreWithProducts()
    expect(skus(await call(core, 'catalog:search', { query: 'tart' }))).toEqual(['PAT-TAR'])
    expect(skus(await call(core, 'catalog:search', { query: 'tar cit' }))).toEqual(['PAT-TAR'])
    expect(skus(await call(core, 'catalog:search', { query: 'citron tarte' }))).toEqual(['PAT-TAR'])
    // Every word must match: "tarte chocolate" is not the lemon tart.
    expect(await call(core, 'catalog:search', { query: 'tarte choc' })).toEqual([])
    core.close()
  })

  it('ignores accents both ways: "creme" finds Crème brûlée', async () => {
    const core = await coreWithProducts()
    expect(skus(await call(core, 'catalog:search', { query: 'creme brulee' }))).toEqual(['PAT-CRB'])
    expect(skus(await call(core, 'catalog:search', { query: 'Brûl' }))).toEqual(['PAT-CRB'])
    core.close()
  })

  it('puts an exact SKU or any of the barcodes first', async () => {
    const core = await coreWithProducts()
    const [bySku] = await call(core, 'catalog:search', { query: 'pat-tar' })
    expect(bySku?.sku).toBe('PAT-TAR')
    const [bySecondBarcode] = await call(core, 'catalog:search', { query: '5012345678900' })
    expect(bySecondBarcode).toMatchObject({
      sku: 'PAT-TAR',
      barcode: '9780201379624',
      barcodes: ['9780201379624', '5012345678900'],
    })
    // A partly typed SKU is a prefix search.
    expect(skus(await call(core, 'catalog:search', { query: 'PAT' }))).toEqual(
      expect.arrayContaining(['PAT-CRB', 'PAT-TAR']),
    )
    core.close()
  })

  it('hides inactive products from the sell screen but keeps them in the editor list', async () => {
    const core = await coreWithProducts()
    expect(await call(core, 'catalog:search', { query: 'carrot' })).toEqual([])
    expect(await call(core, 'catalog:search', { query: '4012345678901' })).toEqual([])
    const all = await call(core, 'catalog:listAll')
    expect(all.find((product) => product.sku === 'OLD-CAK')).toMatchObject({ isActive: false })
    const sellable = await call(core, 'catalog:list')
    expect(skus(sellable.products)).not.toContain('OLD-CAK')
    core.close()
  })

  it('treats FTS syntax in what was typed as text', async () => {
    const core = await coreWithProducts()
    for (const query of ['"', 'tarte OR', 'NEAR(', '*', '-citron', 'ta"r', '100%_']) {
      const found = await call(core, 'catalog:search', { query })
      expect(Array.isArray(found), query).toBe(true)
    }
    expect(skus(await call(core, 'catalog:search', { query: 'tarte OR' }))).toEqual([])
    expect(skus(await call(core, 'catalog:search', { query: '"tarte"' }))).toEqual(['PAT-TAR'])
    core.close()
  })

  it('follows renames and barcode changes', async () => {
    const core = await coreWithProducts()
    const [tart] = await call(core, 'catalog:search', { query: 'PAT-TAR' })
    await call(core, 'catalog:saveProduct', {
      ...editable(tart!),
      name: 'Lemon tart',
      barcodes: ['5012345678900'],
    })
    expect(await call(core, 'catalog:search', { query: 'citron' })).toEqual([])
    expect(skus(await call(core, 'catalog:search', { query: 'lemon tart' }))).toEqual(['PAT-TAR'])
    expect(await call(core, 'catalog:search', { query: '9780201379624' })).toEqual([])
    core.close()
  })
})
