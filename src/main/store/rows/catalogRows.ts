import type { ReadWireRecord, WireRecord } from '../../../shared/sync/wireRecords'
import type { ModifierGroup, ProductVariant } from '../../../shared/ipc/catalogSchemas'
import type { categories, products, taxRates } from '../schema'
import { parseJson, withoutLocalSync, type SyncMeta } from './syncRow'

type ProductRow = typeof products.$inferSelect
type CategoryRow = typeof categories.$inferSelect
type TaxRateRow = typeof taxRates.$inferSelect

export interface CatalogContext {
  defaultTaxRateId: string | null
  hasCategory(id: string): boolean
}

export function productToWire(row: ProductRow): WireRecord<'product'> {
  return {
    ...withoutLocalSync(row),
    barcodes: parseJson<string[]>(row.barcodes, row.barcode ? [row.barcode] : []),
    variants: parseJson<ProductVariant[]>(row.variants, []),
    modifierGroups: parseJson<ModifierGroup[]>(row.modifierGroups, []),
  }
}

/** Null when the product names no tax rate and the register has no default to give it. */
export function productToRow(
  product: ReadWireRecord<'product'>,
  meta: SyncMeta,
  context: CatalogContext,
): ProductRow | null {
  const taxRateId = product.taxRateId ?? context.defaultTaxRateId
  if (!taxRateId) return null
  const categoryId = product.categoryId ?? null
  const barcode = product.barcode ?? product.barcodes?.[0] ?? null
  return {
    ...meta,
    sku: product.sku ?? meta.id,
    barcode,
    name: product.name,
    priceCents: product.priceCents,
    // A product can arrive before its category: shown uncategorised rather than refused.
    categoryId: categoryId !== null && context.hasCategory(categoryId) ? categoryId : null,
    taxRateId,
    isActive: product.isActive !== false,
    // Older clients send one barcode only: it is then the product's whole list.
    barcodes: JSON.stringify(product.barcodes ?? (barcode ? [barcode] : [])),
    variants: JSON.stringify(product.variants ?? []),
    modifierGroups: JSON.stringify(product.modifierGroups ?? []),
    trackStock: product.trackStock === true,
    pricingUnit: product.pricingUnit ?? 'each',
  }
}

export const categoryToWire = (row: CategoryRow): WireRecord<'category'> => withoutLocalSync(row)

export function categoryToRow(category: ReadWireRecord<'category'>, meta: SyncMeta): CategoryRow {
  return {
    ...meta,
    name: category.name,
    color: category.color ?? null,
    sortOrder: category.sortOrder ?? 0,
  }
}

/** Registers keep exclusive rates only (prices are entered before tax). */
export const taxRateToWire = (row: TaxRateRow): WireRecord<'taxRate'> => ({
  ...withoutLocalSync(row),
  isInclusive: false,
})

export function taxRateToRow(taxRate: ReadWireRecord<'taxRate'>, meta: SyncMeta): TaxRateRow {
  return {
    ...meta,
    name: taxRate.name,
    rateBasisPoints: taxRate.rateBasisPoints,
    isDefault: taxRate.isDefault === true,
  }
}
