import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { AdminSupplierBody, AdminSupplierProductBody } from '../../shared/backoffice/purchasing'
import type { AdminRecordListReply } from '../../shared/backoffice/catalog'
import type { SupplierProductRecordData } from '../../shared/backoffice/purchasing'
import { SupplierData, SupplierProductData } from '../../shared/sync'
import { AdminDeleteQuery } from '../../shared/backoffice/catalog'
import { findLiveRecord, listLiveRecords } from '../db/adminCatalogRepository'
import type { Executor } from '../db/connection'
import { HttpError, parseOrThrow, refuseUnstorableValues } from '../http/errors'
import { recordView, storeOf, writeAdminRecord } from './adminCatalog'
import { notFound, requireAdmin } from './adminScope'
import type { RouteContext } from './context'

const RecordParams = z.strictObject({ id: z.uuid() })
const StoreQuery = z.strictObject({ storeId: z.string().optional() })
const SupplierProductQuery = z.strictObject({
  storeId: z.string().optional(),
  supplierId: z.uuid().optional(),
})

/** A supplier's data as stored: blanks as null, active unless said otherwise. */
export function supplierData(id: string, body: Omit<AdminSupplierBody, 'baseVersion'>) {
  return SupplierData.parse({
    id,
    name: body.name,
    contactName: body.contactName || null,
    email: body.email || null,
    phone: body.phone || null,
    leadTimeDays: body.leadTimeDays ?? null,
    isActive: body.isActive ?? true,
  })
}

/** The other live cost record of this supplier for the same product and variant, if any. */
export async function findSupplierCost(
  db: Executor,
  storeId: string,
  key: { supplierId: string; productId: string; variantId?: string | null | undefined },
) {
  const rows = await listLiveRecords(db, storeId, 'supplierProduct')
  return rows.find((row) => {
    const data = row.data as SupplierProductRecordData
    return (
      data.supplierId === key.supplierId &&
      data.productId === key.productId &&
      (data.variantId ?? null) === (key.variantId ?? null)
    )
  })
}

/**
 * Suppliers of one store and what each sells at what cost. A supplier is deactivated (isActive
 * false), never deleted, so the orders and invoices that name it keep their name.
 */
export function registerAdminSupplierRoutes(app: FastifyInstance, context: RouteContext) {
  const { db, signer, config } = context
  const rateLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }

  async function scope(request: FastifyRequest) {
    const admin = await requireAdmin(db, signer, request)
    const query = parseOrThrow(StoreQuery, request.query ?? {}, 'query')
    return { admin, storeId: await storeOf(context, admin, query.storeId) }
  }

  app.get('/api/admin/suppliers', { config: { rateLimit } }, async (request) => {
    const { storeId } = await scope(request)
    const rows = await listLiveRecords(db, storeId, 'supplier')
    const reply: AdminRecordListReply = { records: rows.map(recordView) }
    return reply
  })

  app.put('/api/admin/suppliers/:id', { config: { rateLimit } }, async (request) => {
    const { admin, storeId } = await scope(request)
    const { id } = parseOrThrow(RecordParams, request.params, 'path')
    refuseUnstorableValues(request.body, 'supplier')
    const { baseVersion, ...body } = parseOrThrow(AdminSupplierBody, request.body, 'supplier')
    const data = supplierData(id, body)
    return writeAdminRecord(context, { storeId, admin, entity: 'supplier', id, data, baseVersion })
  })

  app.get('/api/admin/supplier-products', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(db, signer, request)
    const query = parseOrThrow(SupplierProductQuery, request.query ?? {}, 'query')
    const storeId = await storeOf(context, admin, query.storeId)
    const rows = await listLiveRecords(db, storeId, 'supplierProduct')
    const reply: AdminRecordListReply = {
      records: rows
        .filter(
          (row) =>
            !query.supplierId ||
            (row.data as SupplierProductRecordData).supplierId === query.supplierId,
        )
        .map(recordView),
    }
    return reply
  })

  app.put('/api/admin/supplier-products/:id', { config: { rateLimit } }, async (request) => {
    const { admin, storeId } = await scope(request)
    const { id } = parseOrThrow(RecordParams, request.params, 'path')
    refuseUnstorableValues(request.body, 'supplier cost')
    const { baseVersion, ...body } = parseOrThrow(
      AdminSupplierProductBody,
      request.body,
      'supplier cost',
    )
    if (!(await findLiveRecord(db, storeId, 'supplier', body.supplierId)))
      throw new HttpError(422, 'UNKNOWN_SUPPLIER', 'this store has no such supplier', [
        { path: 'supplierId', message: 'not a supplier of this store' },
      ])
    if (!(await findLiveRecord(db, storeId, 'product', body.productId)))
      throw new HttpError(422, 'UNKNOWN_PRODUCT', 'this store has no such product', [
        { path: 'productId', message: 'not a product of this store' },
      ])
    const other = await findSupplierCost(db, storeId, body)
    if (other && other.id !== id)
      throw new HttpError(409, 'COST_EXISTS', 'this supplier already has a cost for this product', [
        { path: 'productId', message: 'already listed for this supplier; edit that cost' },
      ])
    const data = SupplierProductData.parse({
      id,
      supplierId: body.supplierId,
      productId: body.productId,
      variantId: body.variantId ?? null,
      costCents: body.costCents,
      supplierSku: body.supplierSku || null,
    })
    return writeAdminRecord(context, {
      storeId,
      admin,
      entity: 'supplierProduct',
      id,
      data,
      baseVersion,
    })
  })

  app.delete('/api/admin/supplier-products/:id', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(db, signer, request)
    const { id } = parseOrThrow(RecordParams, request.params, 'path')
    const query = parseOrThrow(AdminDeleteQuery, request.query ?? {}, 'query')
    const storeId = await storeOf(context, admin, query.storeId)
    if (!(await findLiveRecord(db, storeId, 'supplierProduct', id))) throw notFound('supplier cost')
    return writeAdminRecord(context, {
      storeId,
      admin,
      entity: 'supplierProduct',
      id,
      data: null,
      baseVersion: query.baseVersion,
      deleted: true,
    })
  })
}
