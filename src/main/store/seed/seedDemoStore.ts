import { v5 as uuidv5 } from 'uuid'
import type { RegisterDb } from '../database'
import { categories, products, storeSettings, taxRates } from '../schema'
import { demoCategories, demoProducts, demoTaxRates, inStoreEan13 } from './demoCatalog'

/** Fixed namespace so every register seeds the demo rows with the same ids (no duplicates on sync). */
const demoNamespace = '6f1c1d52-3c1e-4f7e-9a53-8d2b8f0c7a10'
const demoId = (kind: string, key: string): string => uuidv5(`${kind}:${key}`, demoNamespace)

/** Fills an empty store with settings and the demo catalog; does nothing if settings exist. */
export function seedDemoStoreIfEmpty(db: RegisterDb, deviceId: string, now: string): boolean {
  return db.transaction((tx) => {
    if (tx.select({ id: storeSettings.id }).from(storeSettings).get()) return false
    tx.insert(storeSettings)
      .values({
        id: 1,
        storeName: 'AuraFlow Demo Café',
        storeCode: 'S01',
        currency: 'USD',
        locale: 'en-US',
        pricesIncludeTax: false,
        taxRounding: 'line',
        roundingMode: 'half-up',
        cashRoundingIncrementCents: 0,
        updatedAt: now,
      })
      .run()
    // Demo rows are shared reference data, not this register's mutations: nothing to push.
    const synced = { deviceId, syncStatus: 'SYNCED' as const, updatedAt: now }
    tx.insert(taxRates)
      .values(
        demoTaxRates.map((rate) => ({
          ...synced,
          id: demoId('tax', rate.key),
          name: rate.name,
          rateBasisPoints: rate.rateBasisPoints,
          isDefault: rate.isDefault,
        })),
      )
      .run()
    tx.insert(categories)
      .values(
        demoCategories.map((category, index) => ({
          ...synced,
          id: demoId('category', category.key),
          name: category.name,
          color: category.color,
          sortOrder: index,
        })),
      )
      .run()
    tx.insert(products)
      .values(
        demoProducts.map((product) => ({
          ...synced,
          id: demoId('product', product.sku),
          sku: product.sku,
          barcode: product.barcodeItem === null ? null : inStoreEan13(product.barcodeItem),
          name: product.name,
          priceCents: product.priceCents,
          categoryId: demoId('category', product.category),
          taxRateId: demoId('tax', product.taxRate),
          isActive: true,
        })),
      )
      .run()
    return true
  })
}
