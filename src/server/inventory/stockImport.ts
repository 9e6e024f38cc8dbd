import type { StockImportRow } from '../../shared/backoffice/stockOffice'
import { StockQuantity, fromMilli, toMilli } from '../../shared/sync/inventoryEntities'
import type { StockMovementLine } from '../../shared/sync/inventoryEntities'
import { HttpError } from '../http/errors'
import { readCsv } from './csvRead'
import type { StockItem } from './stockLevels'
import { itemKey } from './stockLevels'

/** The most rows one import may set: one COUNT movement holds at most 500 lines. */
export const STOCK_IMPORT_MAX_ROWS = 500

const badCsv = (message: string) => new HttpError(422, 'BAD_CSV', message)

/**
 * "Set on hand to N" per SKU: each row checked against the catalog (a SKU of a product with
 * variants must be the variant's) and what is on hand now; `lines` are the COUNT movement's lines
 * (counted − expected), present only when no row has an error.
 */
export function planStockImport(
  csv: string,
  items: Map<string, StockItem & { isTracked: boolean }>,
  onHandMilli: Map<string, number>,
): { rows: StockImportRow[]; lines: StockMovementLine[] | null } {
  const table = readCsv(csv)
  const header = (table[0] ?? []).map((name) => name.trim().toLowerCase())
  const skuColumn = header.indexOf('sku')
  const countColumn = ['on_hand', 'counted', 'quantity']
    .map((name) => header.indexOf(name))
    .find((index) => index >= 0)
  if (skuColumn < 0 || countColumn === undefined)
    throw badCsv('the first row must name a "sku" column and an "on_hand" column')
  const body = table.slice(1)
  if (body.length === 0) throw badCsv('the file has no rows below its header')
  if (body.length > STOCK_IMPORT_MAX_ROWS)
    throw badCsv(`at most ${STOCK_IMPORT_MAX_ROWS} rows per import (this file has ${body.length})`)

  const withVariants = new Set(
    [...items.values()].filter((item) => item.variantId).map((item) => item.productId),
  )
  const bySku = new Map<string, StockItem[]>()
  for (const item of items.values()) {
    if (!item.sku || (item.variantId === null && withVariants.has(item.productId))) continue
    bySku.set(item.sku, [...(bySku.get(item.sku) ?? []), item])
  }
  const seen = new Set<string>()
  const rows: StockImportRow[] = body.map((fields, index) => {
    const sku = (fields[skuColumn] ?? '').trim()
    const raw = (fields[countColumn] ?? '').trim()
    const row: StockImportRow = {
      line: index + 2,
      sku,
      productId: null,
      variantId: null,
      name: null,
      expected: null,
      counted: null,
      difference: null,
      error: null,
    }
    const fail = (error: string) => ({ ...row, error })
    if (!sku) return fail('no SKU')
    const found = bySku.get(sku) ?? []
    if (found.length === 0) return fail('no product or variant has this SKU')
    if (found.length > 1) return fail('several products share this SKU')
    const item = found[0]!
    const key = itemKey(item.productId, item.variantId)
    const located = {
      ...row,
      productId: item.productId,
      variantId: item.variantId,
      name: item.name,
    }
    if (seen.has(key)) return { ...located, error: 'this SKU is already on an earlier row' }
    seen.add(key)
    const number = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN
    const parsed = StockQuantity.safeParse(number)
    if (!parsed.success || Number.isNaN(number))
      return { ...located, error: 'on hand must be a number with at most 3 decimals' }
    if (parsed.data < 0) return { ...located, error: 'on hand must not be negative' }
    const expectedMilli = onHandMilli.get(key) ?? 0
    const countedMilli = toMilli(parsed.data)
    return {
      ...located,
      expected: fromMilli(expectedMilli),
      counted: fromMilli(countedMilli),
      difference: fromMilli(countedMilli - expectedMilli),
    }
  })
  const hasErrors = rows.some((row) => row.error !== null)
  const lines = hasErrors
    ? null
    : rows.map((row): StockMovementLine => ({
        productId: row.productId!,
        variantId: row.variantId,
        quantity: row.difference!,
        expected: row.expected!,
        counted: row.counted!,
      }))
  return { rows, lines }
}
