import type { FastifyInstance } from 'fastify'
import { AuditQuery } from '../../shared/backoffice/audit'
import { parseOrThrow } from '../http/errors'
import { auditCsv, auditPage } from '../reports/audit'
import { storesInScope } from './adminReports'
import { requireAdmin } from './adminScope'
import type { RouteContext } from './context'

/**
 * The audit log of the stores the caller may see, in words, newest first: a store outside the
 * scope is a 404, as on the report routes. `format=csv` exports the filtered rows.
 */
export function registerAdminAuditRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config } = context
  const rateLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }

  app.get('/api/admin/audit', { config: { rateLimit } }, async (request, reply) => {
    const caller = await requireAdmin(db, signer, request)
    const query = parseOrThrow(AuditQuery, request.query ?? {}, 'query')
    const stores = await storesInScope(db, caller, query.storeIds, query.tenantId)
    if (query.format === 'json') return auditPage(db, stores, query)
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="audit-log-${query.from}-${query.to}.csv"`,
      )
      .header('cache-control', 'no-store')
      .send(await auditCsv(db, stores, query))
  })
}
