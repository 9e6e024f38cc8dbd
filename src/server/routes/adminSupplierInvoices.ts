import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { AdminSupplierInvoiceBody } from '../../shared/backoffice/purchasing'
import type {
  SupplierInvoiceListReply,
  SupplierInvoiceReply,
} from '../../shared/backoffice/purchasing'
import { SupplierInvoiceData } from '../../shared/sync'
import { findLiveRecord, listLiveRecords } from '../db/adminCatalogRepository'
import { selectLiveRecordsByIds } from '../db/purchasingRepository'
import { HttpError, parseOrThrow, refuseUnstorableValues } from '../http/errors'
import { writtenOf } from '../purchasing/purchaseOrders'
import { supplierInvoiceViews } from '../purchasing/supplierInvoices'
import { storeOf, writeAdminRecord } from './adminCatalog'
import { notFound, requireAdmin } from './adminScope'
import type { RouteContext } from './context'

const RecordParams = z.strictObject({ id: z.uuid() })
const StoreQuery = z.strictObject({ storeId: z.string().optional() })

/**
 * Supplier invoices of one store, each matched against what was received on the purchase orders
 * it covers. The orders must be the same supplier's, in the same store.
 */
export function registerAdminSupplierInvoiceRoutes(app: FastifyInstance, context: RouteContext) {
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

  app.get('/api/admin/supplier-invoices', { config: { rateLimit } }, async (request) => {
    const { storeId } = await scope(request)
    const rows = await listLiveRecords(db, storeId, 'supplierInvoice')
    const invoices = await supplierInvoiceViews(db, storeId, rows)
    invoices.sort((a, b) => (b.issuedAt ?? '').localeCompare(a.issuedAt ?? ''))
    const reply: SupplierInvoiceListReply = { invoices }
    return reply
  })

  app.put(
    '/api/admin/supplier-invoices/:id',
    { config: { rateLimit } },
    async (request): Promise<SupplierInvoiceReply> => {
      const { admin, storeId } = await scope(request)
      const { id } = parseOrThrow(RecordParams, request.params, 'path')
      refuseUnstorableValues(request.body, 'supplier invoice')
      const { baseVersion, ...body } = parseOrThrow(
        AdminSupplierInvoiceBody,
        request.body,
        'supplier invoice',
      )
      if (!(await findLiveRecord(db, storeId, 'supplier', body.supplierId)))
        throw new HttpError(422, 'UNKNOWN_SUPPLIER', 'this store has no such supplier', [
          { path: 'supplierId', message: 'not a supplier of this store' },
        ])
      const orders = await selectLiveRecordsByIds(
        db,
        storeId,
        'purchaseOrder',
        body.purchaseOrderIds,
      )
      const found = new Map(orders.map((row) => [row.id, row.data as { supplierId?: string }]))
      body.purchaseOrderIds.forEach((orderId, index) => {
        const order = found.get(orderId)
        if (!order || order.supplierId !== body.supplierId)
          throw new HttpError(
            422,
            'UNKNOWN_PURCHASE_ORDER',
            'an invoice covers orders of its own supplier in this store',
            [
              {
                path: `purchaseOrderIds.${index}`,
                message: order ? 'an order of another supplier' : 'not an order of this store',
              },
            ],
          )
      })
      // MATCHED is read from the receipts, never stored: a later receipt can unmatch it.
      const status = body.status === 'PAID' || body.status === 'CANCELLED' ? body.status : 'OPEN'
      const data = SupplierInvoiceData.parse({
        id,
        supplierId: body.supplierId,
        invoiceNumber: body.invoiceNumber,
        purchaseOrderIds: body.purchaseOrderIds,
        totalCents: body.totalCents,
        issuedAt: body.issuedAt ?? null,
        dueAt: body.dueAt ?? null,
        status,
      })
      const saved = await writeAdminRecord(context, {
        storeId,
        admin,
        entity: 'supplierInvoice',
        id,
        data,
        baseVersion,
      })
      const row = await findLiveRecord(db, storeId, 'supplierInvoice', id)
      if (!row) throw notFound('supplier invoice')
      const [invoice] = await supplierInvoiceViews(db, storeId, [row])
      return { invoice: invoice!, isChanged: saved.isChanged, written: writtenOf([saved]) }
    },
  )
}
