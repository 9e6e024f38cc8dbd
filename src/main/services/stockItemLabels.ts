import type { Repositories, StandaloneRepositories } from '../store/repositories'
import { itemKey } from '../store/stockDocumentRepository'

/** How a line of a stock document reads on screen. */
export interface ItemLabel {
  productId: string
  variantId: string | null
  name: string
  sku: string | null
  barcode: string | null
}

/**
 * Name, SKU and barcode of each product or variant, for the Stock screen's lines: a variant reads
 * "Product — Variant" with its own SKU and barcode (the product's SKU when it has none). A product
 * this register does not hold (deleted, or not pulled yet) reads as its id.
 */
export function itemLabels(
  repositories: Repositories | StandaloneRepositories,
  items: readonly { productId: string; variantId?: string | null | undefined }[],
): (productId: string, variantId: string | null | undefined) => ItemLabel {
  const ids = [...new Set(items.map((item) => item.productId))]
  const products = new Map(repositories.catalog.findProducts(ids).map((p) => [p.id, p]))
  const labels = new Map<string, ItemLabel>()
  return (productId, variantId) => {
    const key = itemKey(productId, variantId)
    const known = labels.get(key)
    if (known) return known
    const product = products.get(productId)
    const variant = variantId ? product?.variants.find((v) => v.id === variantId) : undefined
    const label: ItemLabel = {
      productId,
      variantId: variantId ?? null,
      name: !product ? productId : variant ? `${product.name} — ${variant.name}` : product.name,
      sku: variant?.sku ?? product?.sku ?? null,
      barcode: variant ? variant.barcode : (product?.barcode ?? null),
    }
    labels.set(key, label)
    return label
  }
}
