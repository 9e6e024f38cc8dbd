import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  CreatePurchaseOrderBody,
  EmailPurchaseOrderBody,
  PurchaseOrderTransitionBody,
  ReceivePurchaseOrderBody,
  UpdatePurchaseOrderBody,
} from '../../shared/backoffice/purchasing'
import type {
  EmailReply,
  PurchaseOrderListReply,
  PurchaseOrderReply,
  SupplierRecordData,
} from '../../shared/backoffice/purchasing'
import { findLiveRecord, listLiveRecords } from '../db/adminCatalogRepository'
import { findStoreById } from '../db/tenancyRepository'
import { HttpError, parseOrThrow, refuseUnstorableValues } from '../http/errors'
import { sendMail } from '../purchasing/mailer'
import { purchaseOrderPdf } from '../purchasing/purchaseOrderPdf'
import {
  changePurchaseOrderStatus,
  createDraftPurchaseOrder,
  purchaseOrderView,
  purchaseOrderViews,
  updateDraftPurchaseOrder,
} from '../purchasing/purchaseOrders'
import { receivePurchaseOrder } from '../purchasing/receivePurchaseOrder'
import { storeOf } from './adminCatalog'
import { notFound, requireAdmin } from './adminScope'
import type { RouteContext } from './context'

const RecordParams = z.strictObject({ id: z.uuid() })
const StoreQuery = z.strictObject({ storeId: z.string().optional() })

/**
 * Purchase orders of one store: list and read with receipt progress, create a draft, edit it,
 * mark it ordered, cancel it, record a receipt, download it as a PDF and e-mail it to the
 * supplier. Scope from the session or token only: a store outside it is 404.
 */
export function registerAdminPurchaseOrderRoutes(app: FastifyInstance, context: RouteContext) {
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

  async function scopeAndId(request: FastifyRequest) {
    const scoped = await scope(request)
    const { id } = parseOrThrow(RecordParams, request.params, 'path')
    return { ...scoped, id }
  }

  /** The order, its store and supplier, and the PDF of it. */
  async function pdfOf(storeId: string, id: string) {
    const order = await purchaseOrderView(db, storeId, id)
    const store = await findStoreById(db, storeId)
    if (!store) throw notFound('store')
    const supplierRow = await findLiveRecord(db, storeId, 'supplier', order.supplierId)
    const supplier = (supplierRow?.data ?? null) as SupplierRecordData | null
    return { order, supplier, pdf: purchaseOrderPdf(order, store, supplier) }
  }

  const fileName = (reference: string | null, id: string) =>
    `purchase-order-${(reference ?? id.slice(0, 8)).replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`

  app.get('/api/admin/purchase-orders', { config: { rateLimit } }, async (request) => {
    const { storeId } = await scope(request)
    const rows = await listLiveRecords(db, storeId, 'purchaseOrder')
    const views = await purchaseOrderViews(db, storeId, rows)
    views.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    const reply: PurchaseOrderListReply = { purchaseOrders: views }
    return reply
  })

  app.post(
    '/api/admin/purchase-orders',
    { config: { rateLimit } },
    async (request): Promise<PurchaseOrderReply> => {
      const { admin, storeId } = await scope(request)
      refuseUnstorableValues(request.body, 'purchase order')
      const body = parseOrThrow(CreatePurchaseOrderBody, request.body, 'purchase order')
      return createDraftPurchaseOrder(context, admin, storeId, body)
    },
  )

  app.get('/api/admin/purchase-orders/:id', { config: { rateLimit } }, async (request) => {
    const { storeId, id } = await scopeAndId(request)
    return { purchaseOrder: await purchaseOrderView(db, storeId, id) }
  })

  app.put(
    '/api/admin/purchase-orders/:id',
    { config: { rateLimit } },
    async (request): Promise<PurchaseOrderReply> => {
      const { admin, storeId, id } = await scopeAndId(request)
      refuseUnstorableValues(request.body, 'purchase order')
      const body = parseOrThrow(UpdatePurchaseOrderBody, request.body, 'purchase order')
      return updateDraftPurchaseOrder(context, admin, storeId, id, body)
    },
  )

  for (const [action, to] of [
    ['order', 'ORDERED'],
    ['cancel', 'CANCELLED'],
  ] as const)
    app.post(
      `/api/admin/purchase-orders/:id/${action}`,
      { config: { rateLimit } },
      async (request): Promise<PurchaseOrderReply> => {
        const { admin, storeId, id } = await scopeAndId(request)
        const body = parseOrThrow(PurchaseOrderTransitionBody, request.body ?? {}, 'body')
        return changePurchaseOrderStatus(context, admin, storeId, id, body.baseVersion, to)
      },
    )

  app.post(
    '/api/admin/purchase-orders/:id/receive',
    { config: { rateLimit } },
    async (request): Promise<PurchaseOrderReply> => {
      const { admin, storeId, id } = await scopeAndId(request)
      refuseUnstorableValues(request.body, 'receipt')
      const body = parseOrThrow(ReceivePurchaseOrderBody, request.body, 'receipt')
      return receivePurchaseOrder(context, admin, storeId, id, body)
    },
  )

  app.get(
    '/api/admin/purchase-orders/:id/pdf',
    { config: { rateLimit } },
    async (request, reply) => {
      const { storeId, id } = await scopeAndId(request)
      const { order, pdf } = await pdfOf(storeId, id)
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${fileName(order.reference, id)}"`)
        .header('cache-control', 'no-store')
        .send(pdf)
    },
  )

  app.post(
    '/api/admin/purchase-orders/:id/email',
    { config: { rateLimit } },
    async (request): Promise<EmailReply> => {
      const { storeId, id } = await scopeAndId(request)
      refuseUnstorableValues(request.body, 'e-mail')
      const body = parseOrThrow(EmailPurchaseOrderBody, request.body ?? {}, 'e-mail')
      const { order, supplier, pdf } = await pdfOf(storeId, id)
      const to = body.to ?? (supplier?.email || null)
      if (!to)
        throw new HttpError(422, 'SUPPLIER_HAS_NO_EMAIL', 'this supplier has no e-mail address', [
          { path: 'to', message: 'give an address, or add one to the supplier' },
        ])
      const name = order.reference ?? order.id.slice(0, 8)
      const sent = await sendMail(config, {
        to,
        subject: `Purchase order ${name}`,
        text: `Please find attached purchase order ${name}${order.expectedAt ? `, expected ${order.expectedAt}` : ''}.`,
        attachments: [
          { filename: fileName(order.reference, id), content: pdf, contentType: 'application/pdf' },
        ],
      })
      return { to, messageId: sent.messageId }
    },
  )
}
