import { describe, expect, it } from 'vitest'
import { ean13CheckDigit, priceForWeight } from '../../../src/shared/domain/barcode'
import { call, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { editable } from './catalogFixtures'

const tempDir = useTempDirs()

/** A scale label: 7-digit product code + five digits + the check digit. */
function label(productCode: string, value: number): string {
  const body = `${productCode}${String(value).padStart(5, '0')}`
  return `${body}${ean13CheckDigit(body)}`
}

describe('catalog:lookupBarcode', () => {
  it('resolves a product barcode to the product, with nothing embedded', async () => {
    const core = openTestCore(tempDir())
    const match = await call(core, 'catalog:lookupBarcode', { barcode: '2000000101019' })
    expect(match).toMatchObject({
      product: { sku: 'DRK-LEM', name: 'Sparkling Lemonade 330ml' },
      variantId: null,
      weightGrams: null,
      embeddedPriceCents: null,
    })
    core.close()
  })

  it('resolves a variant barcode to its product and variant', async () => {
    const core = openTestCore(tempDir())
    const [cappuccino] = await call(core, 'catalog:search', { query: 'COF-CAP' })
    const [small, large] = cappuccino!.variants
    await call(core, 'catalog:saveProduct', {
      ...editable(cappuccino!),
      variants: [small!, { ...large!, barcode: 'CAP-LARGE-01' }],
    })
    const match = await call(core, 'catalog:lookupBarcode', { barcode: 'CAP-LARGE-01' })
    expect(match?.product.sku).toBe('COF-CAP')
    expect(match?.variantId).toBe(large!.id)
    core.close()
  })

  it('reads the weight from a scale label and finds the per-kg product', async () => {
    const core = openTestCore(tempDir())
    const code = label('2100042', 1234)
    const match = await call(core, 'catalog:lookupBarcode', { barcode: code })
    expect(match).toMatchObject({
      product: { name: 'Bananas per kg', pricingUnit: 'kg', priceCents: 199 },
      weightGrams: 1234,
      embeddedPriceCents: null,
    })
    // 1.234 kg at 1.99/kg = 2.4557 → 2.46
    expect(priceForWeight(match!.product.priceCents, match!.weightGrams!)).toBe(246)
    core.close()
  })

  it('reads the price from a price-embedded label', async () => {
    const core = openTestCore(tempDir())
    const match = await call(core, 'catalog:lookupBarcode', { barcode: label('2200017', 675) })
    expect(match).toMatchObject({
      product: { name: 'Deli salad (priced)' },
      weightGrams: null,
      embeddedPriceCents: 675,
    })
    core.close()
  })

  it('answers null for unknown codes, bad check digits and inactive products', async () => {
    const core = openTestCore(tempDir())
    expect(await call(core, 'catalog:lookupBarcode', { barcode: '4006381333931' })).toBeNull()
    const good = label('2100042', 500)
    const bad = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`
    expect(await call(core, 'catalog:lookupBarcode', { barcode: bad })).toBeNull()
    // A well-formed label for a product code nobody has.
    expect(await call(core, 'catalog:lookupBarcode', { barcode: label('2199999', 500) })).toBeNull()

    const [lemonade] = await call(core, 'catalog:search', { query: '2000000101019' })
    await call(core, 'catalog:saveProduct', { ...editable(lemonade!), isActive: false })
    expect(await call(core, 'catalog:lookupBarcode', { barcode: '2000000101019' })).toBeNull()
    core.close()
  })
})
