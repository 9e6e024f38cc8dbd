/** The columns of the product CSV, in order, as import reads them and export writes them. */
export const csvColumns = [
  { name: 'sku', meaning: 'Product code (required). A SKU already in the catalog updates it.' },
  { name: 'name', meaning: 'Product name (required).' },
  { name: 'price', meaning: 'Price like 3.50 (per kg for weighed items). Required.' },
  { name: 'category', meaning: 'Name of an existing category; blank for none.' },
  { name: 'tax_rate', meaning: 'Name of a tax rate; blank for the default rate.' },
  { name: 'barcodes', meaning: 'Barcodes separated by | (the first is the primary one).' },
  { name: 'active', meaning: 'true or false (blank: true for a new product).' },
  { name: 'track_stock', meaning: 'true or false (blank: false for a new product).' },
  { name: 'pricing_unit', meaning: 'each or kg (blank: each).' },
] as const

/** "products-2025-03-14.csv", dated in the register's own time zone. */
export function exportFileName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `products-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`
}

/** A file size as people read it: "820 bytes", "12.4 KB", "3.1 MB". */
export function formatFileSize(bytes: number, locale: string): string {
  const number = (value: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)
  if (bytes < 1000) return `${number(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`
  if (bytes < 1_000_000) return `${number(bytes / 1000)} KB`
  return `${number(bytes / 1_000_000)} MB`
}
