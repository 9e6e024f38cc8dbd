import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { StockStoreQuery } from '../../shared/backoffice/stockOffice'
import { ReorderRuleBody } from '../../shared/backoffice/stockTransfers'
import type {
  ReorderRuleListReply,
  ReorderRuleView,
  SuggestedLine,
  SuggestedOrderReply,
} from '../../shared/backoffice/stockTransfers'
import { ReorderRuleData, fromMilli, toMilli } from '../../shared/sync/inventoryEntities'
import { selectLiveData } from '../db/stockOfficeRepository'
import type { LiveRecord } from '../db/stockOfficeRepository'
import { selectStockOnHand } from '../db/stockRepository'
import { HttpError, parseOrThrow, refuseUnstorableValues } from '../http/errors'
import { loadAverageCosts, quantityCostCents } from '../inventory/averageCost'
import { itemKey, loadReorderPoints, loadStockItems } from '../inventory/stockLevels'
import { writeAdminRecord } from './adminCatalog'
import { requireAdmin, requireStoreInScope } from './adminScope'
import type { RouteContext } from './context'

const RuleParams = z.strictObject({ id: z.uuid() })

const ruleView = (record: LiveRecord): ReorderRuleView => ({
  id: record.id,
  version: record.version,
  productId: String(record.data.productId),
  variantId: typeof record.data.variantId === 'string' ? record.data.variantId : null,
  reorderPoint: Number(record.data.reorderPoint),
  reorderQuantity: Number(record.data.reorderQuantity),
  preferredSupplierId:
    typeof record.data.preferredSupplierId === 'string' ? record.data.preferredSupplierId : null,
})

const nameOf = (record: LiveRecord) =>
  typeof record.data.name === 'string' ? record.data.name : record.id

/**
 * Reorder points per product (or variant) and store, as synced reorderRule records registers
 * pull, and the suggested order: every item at or below its point, ordered up to point + reorder
 * quantity (reorderPoint + reorderQuantity − onHand), grouped by the preferred supplier.
 */
export function registerAdminReorderRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config, stockProjector } = context
  const rateLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }

  async function storeScope(request: FastifyRequest) {
    const admin = await requireAdmin(db, signer, request)
    const query = parseOrThrow(StockStoreQuery, request.query ?? {}, 'query')
    const storeId = query.storeId.toLowerCase()
    await requireStoreInScope(db, admin, storeId)
    return { admin, storeId }
  }

  app.get('/api/admin/stock/reorder-rules', { config: { rateLimit } }, async (request) => {
    const { storeId } = await storeScope(request)
    const [rules, suppliers] = await Promise.all([
      selectLiveData(db, storeId, 'reorderRule'),
      selectLiveData(db, storeId, 'supplier'),
    ])
    const reply: ReorderRuleListReply = {
      storeId,
      rules: rules.map(ruleView),
      suppliers: suppliers.map((supplier) => ({ id: supplier.id, name: nameOf(supplier) })),
    }
    return reply
  })

  app.put('/api/admin/stock/reorder-rules/:id', { config: { rateLimit } }, async (request) => {
    const { admin, storeId } = await storeScope(request)
    const { id } = parseOrThrow(RuleParams, request.params, 'path')
    refuseUnstorableValues(request.body, 'reorder rule')
    const { baseVersion, ...body } = parseOrThrow(ReorderRuleBody, request.body ?? {}, 'rule')
    const [items, rules, suppliers] = await Promise.all([
      loadStockItems(db, storeId),
      loadReorderPoints(db, storeId),
      selectLiveData(db, storeId, 'supplier'),
    ])
    const key = itemKey(body.productId, body.variantId)
    if (!items.has(key))
      throw new HttpError(422, 'UNKNOWN_PRODUCT', 'this store has no such product', [
        { path: 'productId', message: 'no such product or variant' },
      ])
    const holder = rules.get(key)
    if (holder && holder.id !== id)
      throw new HttpError(409, 'RULE_EXISTS', `this product already has reorder rule ${holder.id}`)
    const supplierId = body.preferredSupplierId ?? null
    if (supplierId !== null && !suppliers.some((supplier) => supplier.id === supplierId))
      throw new HttpError(422, 'UNKNOWN_SUPPLIER', 'this store has no such supplier', [
        { path: 'preferredSupplierId', message: 'no such supplier' },
      ])
    const data = ReorderRuleData.parse({
      id,
      productId: body.productId,
      variantId: body.variantId ?? null,
      reorderPoint: body.reorderPoint,
      reorderQuantity: body.reorderQuantity,
      preferredSupplierId: supplierId,
    })
    const saved = await writeAdminRecord(context, {
      storeId,
      admin,
      entity: 'reorderRule',
      id,
      data,
      baseVersion,
    })
    return {
      rule: ruleView({ id, version: saved.record.version, data }),
      isChanged: saved.isChanged,
    }
  })

  app.get('/api/admin/stock/suggested-order', { config: { rateLimit } }, async (request) => {
    const { storeId } = await storeScope(request)
    await stockProjector.catchUp([storeId])
    const [items, rules, onHand, suppliers, supplierProducts, costs] = await Promise.all([
      loadStockItems(db, storeId),
      loadReorderPoints(db, storeId),
      selectStockOnHand(db, storeId),
      selectLiveData(db, storeId, 'supplier'),
      selectLiveData(db, storeId, 'supplierProduct'),
      loadAverageCosts(db, [storeId]),
    ])
    const onHandByKey = new Map(
      onHand.map((row) => [itemKey(row.productId, row.variantId), row.onHandMilli]),
    )
    const supplierNames = new Map(suppliers.map((supplier) => [supplier.id, nameOf(supplier)]))
    const groups = new Map<string, SuggestedLine[]>()
    for (const [key, rule] of rules) {
      const view = ruleView({ id: rule.id, version: rule.version, data: rule.data })
      const milli = onHandByKey.get(key) ?? 0
      if (milli > toMilli(view.reorderPoint)) continue
      const orderMilli = toMilli(view.reorderPoint) + toMilli(view.reorderQuantity) - milli
      if (orderMilli <= 0) continue
      const offer = supplierProducts.find(
        (row) =>
          row.data.supplierId === view.preferredSupplierId &&
          row.data.productId === view.productId &&
          (row.data.variantId ?? null) === view.variantId,
      )
      const unitCost =
        typeof offer?.data.costCents === 'number'
          ? offer.data.costCents
          : (costs.get(storeId)?.get(view.productId)?.cents ?? null)
      const item = items.get(key)
      const line: SuggestedLine = {
        productId: view.productId,
        variantId: view.variantId,
        name: item?.name ?? view.productId,
        sku: item?.sku ?? null,
        onHand: fromMilli(milli),
        reorderPoint: view.reorderPoint,
        reorderQuantity: view.reorderQuantity,
        orderQuantity: fromMilli(orderMilli),
        unitCostCents: unitCost,
        lineCostCents: unitCost === null ? null : quantityCostCents(orderMilli, unitCost),
      }
      const group = view.preferredSupplierId ?? ''
      groups.set(group, [...(groups.get(group) ?? []), line])
    }
    const reply: SuggestedOrderReply = {
      storeId,
      groups: [...groups]
        .map(([supplierId, lines]) => ({
          supplierId: supplierId || null,
          supplierName: supplierId ? (supplierNames.get(supplierId) ?? supplierId) : null,
          lines: lines.sort((a, b) => a.name.localeCompare(b.name)),
          totalCents: lines.reduce((total, line) => total + (line.lineCostCents ?? 0), 0),
        }))
        .sort((a, b) => (a.supplierName ?? '\uffff').localeCompare(b.supplierName ?? '\uffff')),
    }
    return reply
  })
}
