import type { ReportBenchResult } from './runReportBench'

export { runReportBench } from './runReportBench'
export type { ReportBenchResult } from './runReportBench'

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`

type PrintTable = (title: string, rows: readonly Record<string, string | number>[]) => void

/** The report bench's two tables: report latency over one year, and push cost of the projection. */
export function printReportBench(result: ReportBenchResult, printTable: PrintTable): void {
  const { generated } = result
  const check = result.catchUpCheck
  const reportLoad = `load average ${result.loadAverage.reports}`
  printTable(
    `Reports: one year, ${generated.orders.toLocaleString('en-US')} orders (${generated.orderLines.toLocaleString('en-US')} lines) in ${generated.storeIds.length} stores, durable PostgreSQL (fsync=on), via HTTP (target: p95 <= 1000 ms for summary, by day, by item; ${reportLoad} on 2 cores; each request's projection catch-up check p50 ${check.p50Ms} ms, p95 ${check.p95Ms} ms)`,
    result.reports.map((row) => ({
      report: row.report,
      runs: row.count,
      p50Ms: row.p50Ms,
      p95Ms: row.p95Ms,
      firstRunMs: row.firstRunMs,
    })),
  )
  const { trigger, stream } = result.addedCost
  printTable(
    `Projection cost on push, same run, rounds rotating none/trigger/stream, medians of per-round ratios to none (target: <= 10% added; load average ${result.loadAverage.before} before, ${result.loadAverage.after} after, 2 cores): in the push transaction (trigger) HTTP push +${percent(trigger.push)}, write +${percent(trigger.write)}; record stream HTTP push +${percent(stream.push)}, write +${percent(stream.write)} (counting the catch-up after the run: +${percent(stream.pushWithDrain)}, +${percent(stream.writeWithDrain)})`,
    result.push.map((row) => ({
      path: row.path,
      mode: row.mode,
      orders: row.orders,
      seconds: row.seconds,
      ordersPerSecond: row.ordersPerSecond,
      medianAddedCost: row.medianAddedCost === null ? '' : percent(row.medianAddedCost),
      medianDrainMs: row.medianDrainMs ?? '',
      withDrain: row.medianAddedCostWithDrain === null ? '' : percent(row.medianAddedCostWithDrain),
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
