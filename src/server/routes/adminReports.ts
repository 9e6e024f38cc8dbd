import type { FastifyInstance, FastifyReply } from 'fastify'
import type { z } from 'zod'
import type { AdminPrincipal } from '../auth/principal'
import { ReportQuery, SalesReportQuery } from '../../shared/backoffice/reports'
import type { Database } from '../db/connection'
import { selectReportStores } from '../db/reportRepository'
import type { ReportStore } from '../db/reportRepository'
import { parseOrThrow } from '../http/errors'
import type { ReportScope } from '../reports/reports'
import {
  paymentMethodsCsv,
  paymentMethodsReport,
  refundsCsv,
  refundsReport,
  salesCsv,
  salesReport,
  shiftsCsv,
  shiftsReport,
  summaryCsv,
  summaryReport,
} from '../reports/reports'
import { notFound, requireAdmin, scopeFilterFor } from './adminScope'
import type { RouteContext } from './context'

/**
 * Reports over the reporting projection (first brought current for the stores asked, at most a
 * few thousand records, so a long backlog never holds a report up) for a date range (the stores' business days) and one or
 * several stores the caller may see: a store outside the scope is a 404, as on the other admin
 * routes. `format=csv` answers the same figures as a CSV download.
 */

/** The stores asked for, each checked against the caller's scope; omitted: all they may see. */
export async function storesInScope(
  db: Database,
  caller: AdminPrincipal,
  storeIds: string[] | undefined,
  tenantId: string | undefined,
): Promise<ReportStore[]> {
  const visible = await selectReportStores(db, scopeFilterFor(caller, tenantId))
  if (!storeIds) return visible
  const byId = new Map(visible.map((store) => [store.id, store]))
  return [...new Set(storeIds.map((id) => id.toLowerCase()))].map((id) => {
    const store = byId.get(id)
    if (!store) throw notFound('store')
    return store
  })
}

function sendCsv(reply: FastifyReply, name: string, query: ReportQuery, csv: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}-${query.from}-${query.to}.csv"`)
    .header('cache-control', 'no-store')
    .send(csv)
}

export function registerAdminReportRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config, reportProjector } = context
  const rateLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }

  async function scopeOf<S extends z.ZodType<ReportQuery>>(
    request: Parameters<typeof requireAdmin>[2],
    schema: S,
  ): Promise<{ query: z.output<S>; scope: ReportScope }> {
    const caller = await requireAdmin(db, signer, request)
    const query = parseOrThrow(schema, request.query ?? {}, 'query')
    const stores = await storesInScope(db, caller, query.storeIds, query.tenantId)
    // Today's figures include a sale pushed a moment ago even if the background has not run yet.
    const projection = await reportProjector.catchUp(stores.map((store) => store.id))
    return { query, scope: { stores, from: query.from, to: query.to, projection } }
  }

  app.get('/api/admin/reports/summary', { config: { rateLimit } }, async (request, reply) => {
    const { query, scope } = await scopeOf(request, ReportQuery)
    const report = await summaryReport(db, scope)
    return query.format === 'csv' ? sendCsv(reply, 'summary', query, summaryCsv(report)) : report
  })

  app.get('/api/admin/reports/sales', { config: { rateLimit } }, async (request, reply) => {
    const { query, scope } = await scopeOf(request, SalesReportQuery)
    const report = await salesReport(db, scope, query.groupBy)
    return query.format === 'csv'
      ? sendCsv(reply, `sales-by-${query.groupBy}`, query, salesCsv(report))
      : report
  })

  app.get(
    '/api/admin/reports/payment-methods',
    { config: { rateLimit } },
    async (request, reply) => {
      const { query, scope } = await scopeOf(request, ReportQuery)
      const report = await paymentMethodsReport(db, scope)
      return query.format === 'csv'
        ? sendCsv(reply, 'payment-methods', query, paymentMethodsCsv(report))
        : report
    },
  )

  app.get('/api/admin/reports/refunds', { config: { rateLimit } }, async (request, reply) => {
    const { query, scope } = await scopeOf(request, ReportQuery)
    const report = await refundsReport(db, scope)
    return query.format === 'csv'
      ? sendCsv(reply, 'refunds-and-voids', query, refundsCsv(report))
      : report
  })

  app.get('/api/admin/reports/shifts', { config: { rateLimit } }, async (request, reply) => {
    const { query, scope } = await scopeOf(request, ReportQuery)
    const report = await shiftsReport(db, scope)
    return query.format === 'csv' ? sendCsv(reply, 'shifts', query, shiftsCsv(report)) : report
  })
}
