import { asciiDigits, parseDecimal } from '../../../../shared/domain'
import type { Product } from '../../types'
import type { BarcodeMatch } from '../register/saleTypes'

/** One product, or one variant of it: what a stock line counts, receives or sends. */
export interface StockItem {
  productId: string
  variantId: string | null
  /** The product's name, with the variant's after it ("Cappuccino · Large"). */
  name: string
  sku: string
  /** 'kg' items are counted by weight (decimals), the rest in units. */
  pricingUnit: Product['pricingUnit']
  /** False: the product does not track stock, so nothing it moves shows as on hand. */
  isTracked: boolean
}

/** The identity of a product or variant line, for maps and React keys. */
export function itemKey(item: { productId: string; variantId: string | null }): string {
  return `${item.productId}:${item.variantId ?? ''}`
}

export function itemFromProduct(product: Product, variantId: string | null): StockItem {
  const variant = product.variants.find((entry) => entry.id === variantId)
  return {
    productId: product.id,
    variantId: variant ? variant.id : null,
    name: variant ? `${product.name} · ${variant.name}` : product.name,
    sku: variant?.sku ?? product.sku,
    pricingUnit: product.pricingUnit,
    isTracked: product.trackStock,
  }
}

/** A line main labelled (a purchase order's, a transfer's, a saved count's). */
export interface ItemLabel {
  productId: string
  variantId: string | null
  name: string
  sku: string | null
}

export function itemFromLabel(label: ItemLabel): StockItem {
  return {
    productId: label.productId,
    variantId: label.variantId,
    name: label.name,
    sku: label.sku ?? '',
    pricingUnit: 'each',
    // Main lists only products that move stock on these documents.
    isTracked: true,
  }
}

/** What one scan of this code adds: the weight a scale label carries, otherwise one unit. */
export function scannedQuantity(match: BarcodeMatch): number {
  return match.weightGrams !== null ? match.weightGrams / 1000 : 1
}

/** Quantities are summed as integer thousandths, so 0.1 + 0.2 stays 0.3 (as main sums them). */
export function addQuantities(left: number, right: number): number {
  return (Math.round(left * 1000) + Math.round(right * 1000)) / 1000
}

/**
 * Reads a typed quantity: digits in either script, a point or an Arabic decimal separator, at most
 * three decimals, a leading minus only where `allowNegative`. Null for anything else.
 */
export function parseQuantity(text: string, allowNegative = false): number | null {
  const plain = asciiDigits(text)
    .trim()
    .replace(/^[\u2212\u2013]/, '-')
  const isNegative = plain.startsWith('-')
  if (isNegative && !allowNegative) return null
  const milli = parseDecimal(isNegative ? plain.slice(1) : plain, 3)
  if (milli === null || milli > 1_000_000_000_000) return null
  return (isNegative ? -milli : milli) / 1000
}
