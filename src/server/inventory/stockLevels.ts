import type { StockLevelRow, StoreStockLevels } from '../../shared/backoffice/stockOffice'
import { fromMilli, toMilli } from '../../shared/sync/inventoryEntities'
import type { Executor } from '../db/connection'
import { selectLiveData } from '../db/stockOfficeRepository'
import type { StoreRow } from '../db/stockOfficeRepository'
import { selectStockOnHand } from '../db/stockRepository'
import type { AverageCosts } from './averageCost'
import { lineValueCents } from './averageCost'

/** A stock line's key: product and variant ('' for none). */
export const itemKey = (productId: string, variantId: string | null | undefined) =>
  `${productId}\u0000${variantId ?? ''}`

export interface StockItem {
  productId: string
  variantId: string | null
  name: string
  sku: string | null
}

interface VariantData {
  id?: unknown
  name?: unknown
  sku?: unknown
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null

/**
 * The items of a store's catalog by key: each product, and each variant of a product that has
 * them; `isTracked` marks the ones whose product tracks stock.
 */
export async function loadStockItems(
  db: Executor,
  storeId: string,
): Promise<Map<string, StockItem & { isTracked: boolean }>> {
  const items = new Map<string, StockItem & { isTracked: boolean }>()
  for (const record of await selectLiveData(db, storeId, 'product')) {
    const data = record.data
    const name = text(data.name) ?? record.id
    const sku = text(data.sku)
    const isTracked = data.trackStock === true
    items.set(itemKey(record.id, null), {
      productId: record.id,
      variantId: null,
      name,
      sku,
      isTracked,
    })
    const variants = Array.isArray(data.variants) ? (data.variants as VariantData[]) : []
    for (const variant of variants) {
      const variantId = text(variant.id)
      if (!variantId) continue
      items.set(itemKey(record.id, variantId), {
        productId: record.id,
        variantId,
        name: `${name} — ${text(variant.name) ?? variantId}`,
        sku: text(variant.sku) ?? sku,
        isTracked,
      })
    }
  }
  return items
}

/** Reorder points by item key. */
export async function loadReorderPoints(
  db: Executor,
  storeId: string,
): Promise<Map<string, { id: string; version: number; data: Record<string, unknown> }>> {
  const rules = new Map<string, { id: string; version: number; data: Record<string, unknown> }>()
  for (const record of await selectLiveData(db, storeId, 'reorderRule')) {
    const productId = text(record.data.productId)
    if (productId) rules.set(itemKey(productId, text(record.data.variantId)), record)
  }
  return rules
}

/**
 * A store's stock lines: every tracked product (or variant; those of a product with variants)
 * and anything else stock ever moved, with its reorder point and value at average cost.
 */
export async function storeStockLevels(
  db: Executor,
  store: StoreRow,
  costs: AverageCosts,
  search?: string,
): Promise<StoreStockLevels> {
  const [items, onHand, rules] = await Promise.all([
    loadStockItems(db, store.id),
    selectStockOnHand(db, store.id),
    loadReorderPoints(db, store.id),
  ])
  const onHandByKey = new Map(onHand.map((row) => [itemKey(row.productId, row.variantId), row]))
  const keys = new Set<string>(onHandByKey.keys())
  const hasVariants = new Set(
    [...items.values()].filter((item) => item.variantId).map((item) => item.productId),
  )
  for (const [key, item] of items)
    if (item.isTracked && (item.variantId !== null || !hasVariants.has(item.productId)))
      keys.add(key)
  const storeCosts = costs.get(store.id)
  const words = search?.trim().toLowerCase() ?? ''
  const rows: StockLevelRow[] = []
  for (const key of keys) {
    const [productId = '', variant = ''] = key.split('\u0000')
    const item = items.get(key) ?? {
      productId,
      variantId: variant || null,
      name: items.get(itemKey(productId, null))?.name ?? productId,
      sku: null,
    }
    if (words && !`${item.name} ${item.sku ?? ''}`.toLowerCase().includes(words)) continue
    const milli = onHandByKey.get(key)?.onHandMilli ?? 0
    const rule = rules.get(key)
    const point = typeof rule?.data.reorderPoint === 'number' ? rule.data.reorderPoint : null
    const cost = storeCosts?.get(productId)
    rows.push({
      productId,
      variantId: item.variantId,
      name: item.name,
      sku: item.sku,
      onHand: fromMilli(milli),
      isNegative: milli < 0,
      reorderPoint: point,
      isLow: point !== null && milli <= toMilli(point),
      averageCostCents: cost?.cents ?? null,
      costSource: cost?.source ?? null,
      valueCents: lineValueCents(milli, cost),
    })
  }
  rows.sort((a, b) => a.name.localeCompare(b.name) || a.productId.localeCompare(b.productId))
  return {
    storeId: store.id,
    storeName: store.name,
    currency: store.currency,
    rows,
    totals: {
      valueCents: rows.reduce((total, row) => total + row.valueCents, 0),
      negativeCount: rows.filter((row) => row.isNegative).length,
      lowCount: rows.filter((row) => row.isLow).length,
      noCostCount: rows.filter((row) => row.averageCostCents === null).length,
    },
  }
}
