/** Percentile of already-sorted samples (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!
}

export interface LatencySummary {
  count: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  meanMs: number
}

export function summarize(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b)
  const round = (value: number) => Math.round(value * 1000) / 1000
  return {
    count: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    meanMs: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)),
  }
}

export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6
}

/**
 * What a figure is measured against, in the same run and on the same machine: the raw PostgreSQL
 * INSERT ceiling for a push, raw SQLite apply for a bootstrap, a bare loopback round trip for
 * visibility. Each bench row that has one carries `reference` and `ratio` in the table and JSON.
 */
export interface Reference {
  /** What was measured, e.g. `raw 50-row INSERT, 1 tx per batch`. */
  name: string
  value: number
  /** Unit shared with the figure, e.g. `orders/s`, `ms`. */
  unit: string
}

export interface Compared {
  value: number
  reference: Reference | null
  /** value ÷ reference.value (a share of a ceiling, or a multiple of a floor); null without one. */
  ratio: number | null
}

export function compare(value: number, reference: Reference | null): Compared {
  const ratio =
    reference && reference.value > 0 ? Math.round((value / reference.value) * 1000) / 1000 : null
  return { value, reference, ratio }
}

/** The two table columns every referenced row prints: the reference and figure ÷ reference. */
export function referenceColumns(compared: Compared): { reference: string; ratio: string } {
  const { reference, ratio } = compared
  if (!reference || ratio === null) return { reference: '-', ratio: '-' }
  const value = reference.value.toLocaleString('en-US', { maximumFractionDigits: 1 })
  return {
    reference: `${reference.name}: ${value} ${reference.unit}`,
    ratio: `${ratio.toFixed(2)}x`,
  }
}

/**
 * Prints rows as an aligned text table. `notes` go under the title: the durability settings the
 * figures were measured with, read back from each database.
 */
export function printTable(
  title: string,
  rows: readonly Record<string, string | number>[],
  notes: readonly string[] = [],
): void {
  console.log(`\n${title}`)
  for (const note of notes) console.log(`  ${note}`)
  if (rows.length === 0) return
  const columns = Object.keys(rows[0]!)
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => String(row[column] ?? '').length)),
  )
  const line = (cells: string[]) =>
    cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ')
  console.log(line(columns))
  console.log(line(widths.map((width) => '-'.repeat(width))))
  for (const row of rows) console.log(line(columns.map((column) => String(row[column] ?? ''))))
}
