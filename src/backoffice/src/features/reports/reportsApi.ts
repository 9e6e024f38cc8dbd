import {
  PaymentMethodsReply,
  SalesReply,
  SummaryReply,
  type SalesGroupBy,
} from '../../../../shared/backoffice/reports'
import type { BackofficeApi } from '../../api/backoffice'

/** The reports' calls (src/shared/backoffice/reports.ts); the CSV links use the same query. */

export interface ReportRange {
  from: string
  to: string
  storeIds: readonly string[]
  /** A super admin's chosen tenant: the reports cover its stores only. */
  tenantId?: string | null
}

export const reportPaths = {
  summary: '/api/admin/reports/summary',
  sales: '/api/admin/reports/sales',
  paymentMethods: '/api/admin/reports/payment-methods',
  refunds: '/api/admin/reports/refunds',
  shifts: '/api/admin/reports/shifts',
} as const

export function reportQuery(range: ReportRange, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ from: range.from, to: range.to, ...extra })
  if (range.storeIds.length > 0) params.set('storeIds', range.storeIds.join(','))
  if (range.tenantId) params.set('tenantId', range.tenantId)
  return params.toString()
}

/** A same-origin link that downloads the report as CSV (the session cookie authenticates it). */
export function csvHref(path: string, range: ReportRange, extra: Record<string, string> = {}) {
  return `${path}?${reportQuery(range, { ...extra, format: 'csv' })}`
}

export async function loadReports(api: BackofficeApi, range: ReportRange) {
  const sales = (groupBy: SalesGroupBy) =>
    api.http.request('GET', `${reportPaths.sales}?${reportQuery(range, { groupBy })}`, SalesReply)
  const [summary, byDay, byItem, methods] = await Promise.all([
    api.http.request('GET', `${reportPaths.summary}?${reportQuery(range)}`, SummaryReply),
    sales('day'),
    sales('item'),
    api.http.request(
      'GET',
      `${reportPaths.paymentMethods}?${reportQuery(range)}`,
      PaymentMethodsReply,
    ),
  ])
  return { summary, byDay, byItem, methods }
}
