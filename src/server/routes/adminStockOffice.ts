import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import {
  StockHistoryQuery,
  StockImportBody,
  StockLevelsQuery,
  StockStoreQuery,
} from '../../shared/backoffice/stockOffice'
import type {
  StockHistoryEntry,
  StockHistoryReply,
  StockImportReply,
  StockLevelsReply,
} from '../../shared/backoffice/stockOffice'
import { StockMovementData, fromMilli } from '../../shared/sync/inventoryEntities'
import {
  selectLastMovementSeq,
  selectMovementHistory,
  selectStoresById,
} from '../db/stockOfficeRepository'
import { selectStockOnHand } from '../db/stockRepository'
import { HttpError, parseOrThrow } from '../http/errors'
import { loadAverageCosts } from '../inventory/averageCost'
import { stockLevelsCsv } from '../inventory/stockCsv'
import { planStockImport } from '../inventory/stockImport'
import { itemKey, loadStockItems, storeStockLevels } from '../inventory/stockLevels'
import { writeAdminRecord } from './adminCatalog'
import { storesInScope } from './adminReports'
import { notFound, requireAdmin, requireStoreInScope } from './adminScope'
import type { RouteContext } from './context'

const referenceKind = {
  SALE: 'order',
  REFUND: 'order',
  RECEIPT: 'purchaseOrder',
  TRANSFER_OUT: 'transfer',
  TRANSFER_IN: 'transfer',
  COUNT: 'count',
  ADJUSTMENT: 'other',
} as const

/**
 * The back office's stock screens (levels and valuation, history per product, the stock-level
 * CSV import). Every read brings the stock projection current first; a store outside the
 * caller's scope is a 404, as on the other admin routes.
 */
export function registerAdminStockOfficeRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config, stockProjector } = context
  const rateLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }

  app.get('/api/admin/stock/levels', { config: { rateLimit } }, async (request, reply) => {
    const caller = await requireAdmin(db, signer, request)
    const query = parseOrThrow(StockLevelsQuery, request.query ?? {}, 'query')
    const asked = query.storeIds ?? (query.storeId ? [query.storeId] : undefined)
    const visible = await storesInScope(db, caller, asked, undefined)
    if (query.format === 'csv' && visible.length !== 1)
      throw new HttpError(400, 'STORE_REQUIRED', 'a CSV export covers one store: name its storeId')
    const storeIds = visible.map((store) => store.id)
    await stockProjector.catchUp(storeIds)
    const [stores, costs] = await Promise.all([
      selectStoresById(db, storeIds),
      loadAverageCosts(db, storeIds),
    ])
    const levels: StockLevelsReply = {
      stores: await Promise.all(stores.map((store) => storeStockLevels(db, store, costs, query.q))),
    }
    if (query.format === 'json') return levels
    const only = levels.stores[0]!
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="stock-valuation-${only.storeId}.csv"`)
      .header('cache-control', 'no-store')
      .send(stockLevelsCsv(only))
  })

  app.get('/api/admin/stock/history', { config: { rateLimit } }, async (request) => {
    const caller = await requireAdmin(db, signer, request)
    const query = parseOrThrow(StockHistoryQuery, request.query ?? {}, 'query')
    const storeId = query.storeId.toLowerCase()
    await requireStoreInScope(db, caller, storeId)
    await stockProjector.catchUp([storeId])
    const variantId = query.variantId ?? null
    const [items, found, onHand] = await Promise.all([
      loadStockItems(db, storeId),
      selectMovementHistory(db, {
        storeId,
        productId: query.productId,
        variantId,
        before: query.before,
        limit: query.limit + 1,
      }),
      selectStockOnHand(db, storeId, [query.productId]),
    ])
    const item = items.get(itemKey(query.productId, variantId))
    const current = onHand.find((row) => row.variantId === variantId)
    if (!item && !current && found.length === 0 && query.before === undefined)
      throw notFound('product')
    const page = found.slice(0, query.limit)
    const entries = page.map((row): StockHistoryEntry => {
      const kind = String(row.data.kind)
      const refId = typeof row.data.refId === 'string' ? row.data.refId : null
      const refKind = referenceKind[kind as keyof typeof referenceKind] ?? 'other'
      const label = row.orderNumber ?? row.poReference ?? refId?.slice(0, 8) ?? ''
      return {
        movementId: row.id,
        seq: row.seq,
        kind,
        reason: typeof row.data.reason === 'string' ? row.data.reason : null,
        note: typeof row.data.note === 'string' ? row.data.note : null,
        quantity: fromMilli(row.milli),
        balance: fromMilli(row.balanceMilli),
        by: row.employeeName ?? row.deviceName,
        at: typeof row.data.createdAt === 'string' ? row.data.createdAt : row.createdAt,
        reference: refId ? { kind: refKind, id: refId, label } : null,
      }
    })
    const reply: StockHistoryReply = {
      storeId,
      productId: query.productId,
      variantId,
      name: item?.name ?? query.productId,
      onHand: fromMilli(current?.onHandMilli ?? 0),
      entries,
      nextBefore: found.length > query.limit ? (page.at(-1)?.seq ?? null) : null,
    }
    return reply
  })

  app.post('/api/admin/stock/import', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(db, signer, request)
    const { storeId: asked } = parseOrThrow(StockStoreQuery, request.query ?? {}, 'query')
    const body = parseOrThrow(StockImportBody, request.body ?? {}, 'import')
    const storeId = asked.toLowerCase()
    await requireStoreInScope(db, admin, storeId)
    // Read before the projection is brought current: a movement after it refuses the apply.
    const plannedOn = await selectLastMovementSeq(db, storeId)
    await stockProjector.catchUp([storeId])
    const [items, onHand] = await Promise.all([
      loadStockItems(db, storeId),
      selectStockOnHand(db, storeId),
    ])
    const onHandMilli = new Map(
      onHand.map((row) => [itemKey(row.productId, row.variantId), row.onHandMilli]),
    )
    const plan = planStockImport(body.csv, items, onHandMilli)
    const errorCount = plan.rows.filter((row) => row.error !== null).length
    const preview: StockImportReply = {
      storeId,
      rows: plan.rows,
      errorCount,
      isApplied: false,
      movementId: null,
    }
    if (!body.apply) return preview
    if (!plan.lines)
      throw new HttpError(
        422,
        'IMPORT_HAS_ERRORS',
        `${errorCount} row${errorCount === 1 ? '' : 's'} cannot be imported; nothing was changed`,
        plan.rows
          .filter((row) => row.error !== null)
          .map((row) => ({ path: `line ${row.line}`, message: row.error! })),
      )
    const id = randomUUID()
    const data = StockMovementData.parse({
      id,
      kind: 'COUNT',
      refId: null,
      employeeId: null,
      note: 'CSV import',
      createdAt: new Date().toISOString(),
      lines: plan.lines,
    })
    await writeAdminRecord(context, {
      storeId,
      admin,
      entity: 'stockMovement',
      id,
      data,
      baseVersion: 0,
      // Under the store's lock: "expected" is on hand as read; a sale pushed since would make
      // the count wrong by that sale, so the owner previews again instead.
      check: async (tx) => {
        if ((await selectLastMovementSeq(tx, storeId)) !== plannedOn)
          throw new HttpError(
            409,
            'STOCK_MOVED',
            'stock moved while the file was checked; preview it again',
          )
      },
    })
    return { ...preview, isApplied: true, movementId: id }
  })
}
