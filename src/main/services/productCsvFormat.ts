import { parse } from 'csv-parse/sync'
import { parseDecimal } from '../../shared/domain'
import { PosError } from '../../shared/ipc/errors'

/**
 * The CSV holds the flat fields only: variants and modifier groups are edited in the product
 * editor, and an import keeps whatever a product already has.
 */
export const csvColumns = [
  'sku',
  'name',
  'price',
  'category',
  'tax_rate',
  'barcodes',
  'active',
  'track_stock',
  'pricing_unit',
] as const
export type CsvColumn = (typeof csvColumns)[number]
const requiredColumns: readonly CsvColumn[] = ['sku', 'name', 'price']

const maxPriceCents = 100_000_000

/** The CSV's prices always have two decimals ("3.50"), whatever the store's currency. */
export const csvPriceDecimals = 2

/** "3.50" → 350. Major units, at most two decimals, never negative. */
export function parsePriceCents(text: string): number | string {
  if (text === '') return 'Price is missing.'
  if (text.startsWith('-')) return `Price "${text}" is negative.`
  const cents = parseDecimal(text, csvPriceDecimals)
  if (cents === null) return `Price "${text}" is not a price like 3.50.`
  if (cents > maxPriceCents) return `Price "${text}" is too high.`
  return cents
}

export function parseFlag(text: string, fallback: boolean): boolean | null {
  if (text === '') return fallback
  const value = text.toLowerCase()
  if (['true', 'yes', 'y', '1'].includes(value)) return true
  if (['false', 'no', 'n', '0'].includes(value)) return false
  return null
}

/**
 * Line where each record starts. csv-parse's `info.lines` counts a CRLF inside a quoted field
 * twice, so lines are counted here from `info.bytes` (where the previous record ended).
 */
function lineFinder(csv: string): (byteOffset: number) => number {
  const bytes = Buffer.from(csv)
  const lineStarts = [0]
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) lineStarts.push(index + 1)
  }
  return (offset) => {
    // Skips blank lines between records, then finds the line holding the first byte.
    let start = offset
    while (bytes[start] === 0x0a || bytes[start] === 0x0d) start++
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (lineStarts[middle]! <= start) low = middle
      else high = middle - 1
    }
    return low + 1
  }
}

export interface CsvRecord {
  line: number
  cells: string[]
}

export function readRecords(csv: string): { header: string[]; rows: CsvRecord[] } {
  let parsed: { record: string[]; info: { bytes: number } }[]
  try {
    parsed = parse(csv, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as { record: string[]; info: { bytes: number } }[]
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw new PosError(
      'CSV_INVALID',
      `The file is not readable CSV${line ? ` (near line ${line})` : ''}: ${(error as Error).message}`,
    )
  }
  const lineOf = lineFinder(csv)
  const [first, ...rest] = parsed
  if (!first) throw new PosError('CSV_INVALID', 'The file is empty.')
  let previousEnd = first.info.bytes
  const rows = rest.map(({ record, info }) => {
    const line = lineOf(previousEnd)
    previousEnd = info.bytes
    return { line, cells: record.map((cell) => cell.trim()) }
  })
  return { header: first.record.map((cell) => cell.trim().toLowerCase()), rows }
}

export function columnIndexes(header: readonly string[]): Map<CsvColumn, number> {
  const indexes = new Map<CsvColumn, number>()
  header.forEach((name, index) => {
    if (!(csvColumns as readonly string[]).includes(name))
      throw new PosError(
        'CSV_INVALID',
        `Unknown column "${name}". The columns are: ${csvColumns.join(', ')}.`,
      )
    if (indexes.has(name as CsvColumn))
      throw new PosError('CSV_INVALID', `The column "${name}" appears twice.`)
    indexes.set(name as CsvColumn, index)
  })
  const missing = requiredColumns.filter((column) => !indexes.has(column))
  if (missing.length > 0)
    throw new PosError(
      'CSV_INVALID',
      `The header row must name the columns ${missing.join(', ')} (first line of the file).`,
    )
  return indexes
}
