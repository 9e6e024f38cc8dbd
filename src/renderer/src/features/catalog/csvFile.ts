import { i18n } from '../../i18n'

/** The columns of the product CSV, in order, as import reads them and export writes them. */
export const csvColumns = [
  { name: 'sku' },
  { name: 'name' },
  { name: 'price' },
  { name: 'category' },
  { name: 'tax_rate' },
  { name: 'barcodes' },
  { name: 'active' },
  { name: 'track_stock' },
  { name: 'pricing_unit' },
] as const

/** What a column holds, in the UI language. */
export function csvColumnMeaning(name: (typeof csvColumns)[number]['name']): string {
  return i18n.t(`catalog:csv.columns.${name}`)
}

/** "products-2025-03-14.csv", dated in the register's own time zone. */
export function exportFileName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `products-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`
}

/** A file size as people read it: "820 bytes", "12.4 KB", "3.1 MB". */
export function formatFileSize(bytes: number, locale: string): string {
  const number = (value: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)
  if (bytes < 1000) return i18n.t('catalog:csv.bytes', { count: bytes, size: number(bytes) })
  if (bytes < 1_000_000) return i18n.t('catalog:csv.kilobytes', { size: number(bytes / 1000) })
  return i18n.t('catalog:csv.megabytes', { size: number(bytes / 1_000_000) })
}
