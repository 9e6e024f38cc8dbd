import { v5 as uuidv5 } from 'uuid'
import type { RegisterDb } from '../database'
import { hashPin } from '../../services/pin'
import { categories, employees, products, storeSettings, taxRates } from '../schema'
import {
  demoCategories,
  demoProducts,
  demoTaxRates,
  inStoreEan13,
  type DemoProduct,
} from './demoCatalog'

/** Fixed namespace so every register seeds the demo rows with the same ids (no duplicates on sync). */
const demoNamespace = '6f1c1d52-3c1e-4f7e-9a53-8d2b8f0c7a10'
const demoId = (kind: string, key: string): string => uuidv5(`${kind}:${key}`, demoNamespace)

/** A demo product as a row; variant and option ids are fixed too, so sales sync across registers. */
function demoProductRow(
  product: DemoProduct,
  synced: { deviceId: string; syncStatus: 'SYNCED'; updatedAt: string },
): typeof products.$inferInsert {
  const barcode =
    product.barcode ?? (product.barcodeItem === null ? null : inStoreEan13(product.barcodeItem))
  const key = (...parts: string[]) => [product.sku, ...parts].join(':')
  return {
    ...synced,
    id: demoId('product', product.sku),
    sku: product.sku,
    barcode,
    barcodes: JSON.stringify(barcode === null ? [] : [barcode]),
    name: product.name,
    priceCents: product.priceCents,
    categoryId: demoId('category', product.category),
    taxRateId: demoId('tax', product.taxRate),
    isActive: true,
    pricingUnit: product.pricingUnit ?? 'each',
    variants: JSON.stringify(
      (product.variants ?? []).map((variant) => ({
        id: demoId('variant', key(variant.key)),
        name: variant.name,
        priceCents: variant.priceCents,
        sku: null,
        barcode: null,
      })),
    ),
    modifierGroups: JSON.stringify(
      (product.modifierGroups ?? []).map((group) => ({
        id: demoId('modifier-group', key(group.key)),
        name: group.name,
        minSelect: group.minSelect,
        maxSelect: group.maxSelect,
        options: group.options.map((option) => ({
          id: demoId('modifier-option', key(group.key, option.key)),
          name: option.name,
          priceCents: option.priceCents,
          ...(option.isDefault ? { isDefault: true } : {}),
        })),
      })),
    ),
  }
}

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
      .values(demoProducts.map((product) => demoProductRow(product, synced)))
      .run()
    return true
  })
}

/**
 * Seeds the demo staff when a store has nobody who can sign in (a new store, or one upgraded from
 * a release before sign-in existed), so a register is never locked out of itself.
 */
export function seedDemoStaffIfNone(db: RegisterDb, deviceId: string, now: string): boolean {
  return db.transaction((tx) => {
    if (tx.select({ id: employees.id }).from(employees).limit(1).get()) return false
    const synced = { deviceId, syncStatus: 'SYNCED' as const, updatedAt: now }
    // A salt derived from the id: every register seeds byte-identical rows.
    tx.insert(employees)
      .values(
        demoEmployees.map((employee) => {
          const id = demoId('employee', employee.key)
          return {
            ...synced,
            id,
            name: employee.name,
            role: employee.role,
            pinHash: hashPin(employee.pin, Buffer.from(id.replaceAll('-', ''), 'hex')),
            isActive: true,
          }
        }),
      )
      .run()
    return true
  })
}

/** The demo staff; README lists their PINs. A real store replaces them from the server. */
export const demoEmployees = [
  { key: 'manager', name: 'Maya (manager)', role: 'manager', pin: '1234' },
  { key: 'cashier', name: 'Sam (cashier)', role: 'cashier', pin: '1111' },
  { key: 'cashier-2', name: 'Lee (cashier)', role: 'cashier', pin: '2222' },
  { key: 'admin', name: 'Ada (admin)', role: 'admin', pin: '9999' },
] as const
