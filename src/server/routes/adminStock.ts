import type { FastifyInstance } from 'fastify'
import { StockQuery, type StockReply } from '../../shared/backoffice/stock'
import { fromMilli } from '../../shared/sync/inventoryEntities'
import { parseOrThrow } from '../http/errors'
import { selectStockOnHand } from '../db/stockRepository'
import { requireAdmin, requireStoreInScope } from './adminScope'
import type { RouteContext } from './context'

/**
 * Stock on hand of one store (the stock projection, brought current first so a movement pushed a
 * moment ago is in it); a store outside the caller's scope is a 404, as on the other admin routes.
 */
export function registerAdminStockRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config, stockProjector } = context
  const rateLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }

  app.get('/api/admin/stock', { config: { rateLimit } }, async (request): Promise<StockReply> => {
    const caller = await requireAdmin(db, signer, request)
    const query = parseOrThrow(StockQuery, request.query ?? {}, 'query')
    const storeId = query.storeId.toLowerCase()
    await requireStoreInScope(db, caller, storeId)
    await stockProjector.catchUp([storeId])
    const rows = await selectStockOnHand(db, storeId, query.productIds)
    return {
      storeId,
      products: rows.map((row) => ({
        productId: row.productId,
        variantId: row.variantId,
        onHand: fromMilli(row.onHandMilli),
        isNegative: row.onHandMilli < 0,
      })),
    }
  })
}
