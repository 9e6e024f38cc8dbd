interface Searchable {
  name: string
  sku: string
  barcodes: readonly string[]
}

/** Each product's name, SKU and barcodes in lower case, built once per catalog load. */
export function searchKeys(products: readonly Searchable[]): string[] {
  return products.map((product) =>
    [product.name, product.sku, ...product.barcodes].join('\n').toLowerCase(),
  )
}

/**
 * The products whose name, SKU or a barcode contain every word typed, in catalog order. A plain
 * scan of precomputed keys: about a millisecond per 10,000 products, so 100k stay responsive.
 */
export function filterProducts<T>(
  products: readonly T[],
  keys: readonly string[],
  query: string,
): readonly T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return products
  const matches: T[] = []
  products.forEach((product, index) => {
    const key = keys[index] ?? ''
    if (words.every((word) => key.includes(word))) matches.push(product)
  })
  return matches
}
