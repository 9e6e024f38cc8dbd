import type { ReportBenchResult } from './runReportBench'

export { runReportBench } from './runReportBench'
export type { ReportBenchResult } from './runReportBench'

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`

type PrintTable = (title: string, rows: readonly Record<string, string | number>[]) => void

/** The report bench's two tables: report latency over one year, and push cost of the projection. */
export function printReportBench(result: ReportBenchResult, printTable: PrintTable): void {
  const { generated } = result
  printTable(
    `Reports: one year, ${generated.orders.toLocaleString('en-US')} orders (${generated.orderLines.toLocaleString('en-US')} lines) in ${generated.storeIds.length} stores, durable PostgreSQL (fsync=on), via HTTP (target: p95 <= 1000 ms for summary, by day, by item)`,
    result.reports.map((row) => ({
      report: row.report,
      runs: row.count,
      p50Ms: row.p50Ms,
      p95Ms: row.p95Ms,
      firstRunMs: row.firstRunMs,
    })),
  )
  printTable(
    `Projection cost on push, rounds alternating trigger on/off (target: <= 10% added): HTTP push +${percent(result.pushAddedCost)}, database write alone +${percent(result.writeAddedCost)}`,
    result.push.map((row) => ({
      ...row,
      medianAddedCost: row.medianAddedCost === null ? '' : percent(row.medianAddedCost),
    })),
  )
  printTable('Report bench data', [
    {
      orders: generated.orders,
      lines: generated.orderLines,
      insertSeconds: generated.insertSeconds,
      backfillSeconds: generated.backfillSeconds,
    },
  ])
}
