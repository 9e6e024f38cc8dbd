import { parse } from 'csv-parse/sync'
import type { CsvRowError } from '../../shared/backoffice/purchasing'
import { AdminSupplierBody } from '../../shared/backoffice/purchasing'
import type {
  SupplierProductRecordData,
  SupplierRecordData,
} from '../../shared/backoffice/purchasing'
import { parseDecimal } from '../../shared/domain'
import { HttpError } from '../http/errors'
import { moneyText, toCsv } from '../reports/csv'

/**
 * The CSV files a store bulk-loads purchasing from: suppliers (keyed by name) and supplier costs
 * (supplier name, product SKU, cost, supplier SKU). Reading checks every row and names each bad
 * cell; the caller writes all rows or, with any error, none.
 */

export const supplierColumns = [
  'name',
  'contact_name',
  'email',
  'phone',
  'lead_time_days',
  'active',
] as const
export const supplierCostColumns = ['supplier', 'product_sku', 'cost', 'supplier_sku'] as const

/** Rows one import may hold: one transaction, and a preview a person can read. */
export const MAX_IMPORT_ROWS = 5000

const nameKey = (name: string) => name.trim().toLocaleLowerCase('en')

export function suppliersCsv(suppliers: SupplierRecordData[]): string {
  return toCsv(
    supplierColumns,
    [...suppliers]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((supplier) => [
        supplier.name,
        supplier.contactName ?? '',
        supplier.email ?? '',
        supplier.phone ?? '',
        supplier.leadTimeDays ?? '',
        supplier.isActive === false ? 'no' : 'yes',
      ]),
  )
}

export interface CostRow {
  supplierName: string
  productSku: string
  costCents: number
  supplierSku: string | null
}

export function supplierCostsCsv(rows: CostRow[], digits: number): string {
  return toCsv(
    supplierCostColumns,
    [...rows]
      .sort(
        (a, b) =>
          a.supplierName.localeCompare(b.supplierName) || a.productSku.localeCompare(b.productSku),
      )
      .map((row) => [
        row.supplierName,
        row.productSku,
        moneyText(row.costCents, digits),
        row.supplierSku ?? '',
      ]),
  )
}

interface Table {
  rows: Record<string, string>[]
  errors: CsvRowError[]
}

/** The file's rows by column name; a missing required column or unreadable CSV is a 422. */
function readTable(csv: string, columns: readonly string[], required: readonly string[]): Table {
  let records: string[][]
  try {
    records = parse(csv, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][]
  } catch (error) {
    throw new HttpError(
      422,
      'CSV_INVALID',
      `the file is not readable CSV: ${(error as Error).message}`,
    )
  }
  const [header, ...body] = records
  if (!header) throw new HttpError(422, 'CSV_INVALID', 'the file is empty')
  const names = header.map((cell) => cell.trim().toLowerCase().replace(/\s+/g, '_'))
  const missing = required.filter((column) => !names.includes(column))
  if (missing.length > 0)
    throw new HttpError(422, 'CSV_INVALID', `the header lacks ${missing.join(', ')}`)
  if (body.length > MAX_IMPORT_ROWS)
    throw new HttpError(422, 'CSV_TOO_LARGE', `at most ${MAX_IMPORT_ROWS} rows per import`)
  const errors: CsvRowError[] = []
  const unknown = names.filter((name) => name !== '' && !columns.includes(name))
  if (unknown.length > 0)
    errors.push({ row: 0, column: unknown[0]!, message: `unknown column "${unknown[0]}"` })
  // An export guards text a spreadsheet would run ("+44 …") with an apostrophe; reading drops it.
  const rows = body.map((cells) =>
    Object.fromEntries(
      names.map((name, index) => [
        name,
        (cells[index] ?? '').trim().replace(/^'(?=[=+\-@\t\r])/, ''),
      ]),
    ),
  )
  return { rows, errors }
}

function flag(text: string): boolean | null {
  const value = text.toLowerCase()
  if (value === '' || ['yes', 'y', 'true', '1'].includes(value)) return true
  if (['no', 'n', 'false', '0'].includes(value)) return false
  return null
}

export interface SupplierImportRow {
  row: number
  name: string
  body: Omit<AdminSupplierBody, 'baseVersion'>
}

/** Supplier rows checked with the same rules as the supplier form. */
export function readSuppliersCsv(csv: string): {
  total: number
  rows: SupplierImportRow[]
  errors: CsvRowError[]
} {
  const table = readTable(csv, supplierColumns, ['name'])
  const errors = [...table.errors]
  const rows: SupplierImportRow[] = []
  const seen = new Map<string, number>()
  table.rows.forEach((cells, index) => {
    const row = index + 1
    const lead = cells.lead_time_days ?? ''
    const isActive = flag(cells.active ?? '')
    if (isActive === null)
      errors.push({ row, column: 'active', message: `"${cells.active}" is not yes or no` })
    if (lead !== '' && !/^\d+$/.test(lead))
      errors.push({ row, column: 'lead_time_days', message: `"${lead}" is not a number of days` })
    const parsed = AdminSupplierBody.safeParse({
      name: cells.name ?? '',
      contactName: cells.contact_name || null,
      email: cells.email || null,
      phone: cells.phone || null,
      leadTimeDays: lead === '' || !/^\d+$/.test(lead) ? null : Number(lead),
      isActive: isActive ?? true,
    })
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({
          row,
          column: columnOf(String(issue.path[0] ?? 'name')),
          message: issue.message,
        })
      return
    }
    const key = nameKey(parsed.data.name)
    const first = seen.get(key)
    if (first !== undefined)
      errors.push({ row, column: 'name', message: `the same supplier as row ${first}` })
    seen.set(key, row)
    rows.push({ row, name: parsed.data.name, body: parsed.data })
  })
  return { total: table.rows.length, rows, errors }
}

const columnOf = (field: string) =>
  ({ contactName: 'contact_name', leadTimeDays: 'lead_time_days', isActive: 'active' })[field] ??
  field

export interface CostImportRow {
  row: number
  supplierId: string
  productId: string
  costCents: number
  supplierSku: string | null
}

/**
 * Cost rows against the store's suppliers (by name) and products (by SKU); a supplier or SKU the
 * store does not have, a cost that is not money, or a pair listed twice is an error of its row.
 */
export function readSupplierCostsCsv(
  csv: string,
  digits: number,
  supplierIds: ReadonlyMap<string, string>,
  productIds: ReadonlyMap<string, string>,
): { total: number; rows: CostImportRow[]; errors: CsvRowError[] } {
  const table = readTable(csv, supplierCostColumns, ['supplier', 'product_sku', 'cost'])
  const errors = [...table.errors]
  const rows: CostImportRow[] = []
  const seen = new Map<string, number>()
  table.rows.forEach((cells, index) => {
    const row = index + 1
    const rowErrors: CsvRowError[] = []
    const supplierId = supplierIds.get(nameKey(cells.supplier ?? ''))
    if (!supplierId)
      rowErrors.push({ row, column: 'supplier', message: `no supplier named "${cells.supplier}"` })
    const productId = productIds.get(cells.product_sku ?? '')
    if (!productId)
      rowErrors.push({
        row,
        column: 'product_sku',
        message: `no product with SKU "${cells.product_sku}"`,
      })
    const cost = cells.cost ?? ''
    const costCents = cost.startsWith('-') ? null : parseDecimal(cost, digits)
    if (costCents === null || costCents > 100_000_000)
      rowErrors.push({ row, column: 'cost', message: `"${cost}" is not a cost like 3.50` })
    const supplierSku = cells.supplier_sku || null
    if (supplierSku && supplierSku.length > 80)
      rowErrors.push({ row, column: 'supplier_sku', message: 'at most 80 characters' })
    if (supplierId && productId) {
      const key = `${supplierId}\u0000${productId}`
      const first = seen.get(key)
      if (first !== undefined)
        rowErrors.push({ row, column: 'product_sku', message: `the same cost as row ${first}` })
      seen.set(key, row)
    }
    errors.push(...rowErrors)
    if (rowErrors.length === 0)
      rows.push({
        row,
        supplierId: supplierId!,
        productId: productId!,
        costCents: costCents!,
        supplierSku,
      })
  })
  return { total: table.rows.length, rows, errors }
}

export type { SupplierProductRecordData }
