import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { CsvImportBody } from '../../shared/backoffice/purchasing'
import type {
  CsvImportReply,
  CsvRowError,
  SupplierProductRecordData,
  SupplierRecordData,
} from '../../shared/backoffice/purchasing'
import { SupplierProductData } from '../../shared/sync'
import type { AdminPrincipal } from '../auth/principal'
import { listLiveRecords } from '../db/adminCatalogRepository'
import { findStoreById } from '../db/tenancyRepository'
import { parseOrThrow, refuseUnstorableValues } from '../http/errors'
import { writtenOf } from '../purchasing/purchaseOrders'
import {
  readSupplierCostsCsv,
  readSuppliersCsv,
  supplierCostsCsv,
  suppliersCsv,
} from '../purchasing/purchasingCsv'
import { currencyDigits } from '../reports/csv'
import type { AdminWrite } from './adminCatalog'
import { storeOf, writeAdminRecords } from './adminCatalog'
import { notFound, requireAdmin } from './adminScope'
import { supplierData } from './adminSuppliers'
import type { RouteContext } from './context'

const StoreQuery = z.strictObject({ storeId: z.string().optional() })

const nameKey = (name: string) => name.trim().toLocaleLowerCase('en')

function sendCsv(reply: FastifyReply, name: string, csv: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .header('cache-control', 'no-store')
    .send(csv)
}

/**
 * Suppliers and supplier costs as CSV: a download of what the store holds, and an import that
 * previews each row's errors and then writes every row in one transaction, or none.
 */
export function registerAdminPurchasingCsvRoutes(app: FastifyInstance, context: RouteContext) {
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

  async function digitsOf(storeId: string) {
    const store = await findStoreById(db, storeId)
    if (!store) throw notFound('store')
    return currencyDigits(store.currency)
  }

  /** Preview, or (no errors and asked to) write every planned record as one transaction. */
  async function finish(
    admin: AdminPrincipal,
    body: CsvImportBody,
    rows: number,
    errors: CsvRowError[],
    writes: (AdminWrite & { isNew: boolean })[],
  ): Promise<CsvImportReply> {
    const created = writes.filter((write) => write.isNew).length
    const summary = { rows, created, updated: writes.length - created, errors }
    if (!body.isApplied || errors.length > 0 || writes.length === 0)
      return { ...summary, isApplied: false, written: [] }
    const saved = await writeAdminRecords(
      context,
      writes.map(({ isNew: _isNew, ...write }) => ({ ...write, admin })),
    )
    return { ...summary, isApplied: true, written: writtenOf(saved) }
  }

  app.get('/api/admin/suppliers.csv', { config: { rateLimit } }, async (request, reply) => {
    const { storeId } = await scope(request)
    const rows = await listLiveRecords(db, storeId, 'supplier')
    return sendCsv(
      reply,
      'suppliers',
      suppliersCsv(rows.map((row) => row.data as SupplierRecordData)),
    )
  })

  app.post('/api/admin/suppliers/import', { config: { rateLimit } }, async (request) => {
    const { admin, storeId } = await scope(request)
    refuseUnstorableValues(request.body, 'import')
    const body = parseOrThrow(CsvImportBody, request.body, 'import')
    const { total, rows, errors } = readSuppliersCsv(body.csv)
    const existing = new Map(
      (await listLiveRecords(db, storeId, 'supplier')).map((row) => [
        nameKey((row.data as SupplierRecordData).name),
        row,
      ]),
    )
    const writes = rows.map((row) => {
      const current = existing.get(nameKey(row.name))
      const id = current?.id ?? crypto.randomUUID()
      return {
        storeId,
        admin,
        entity: 'supplier' as const,
        id,
        data: supplierData(id, row.body),
        baseVersion: current?.version ?? 0,
        isNew: !current,
      }
    })
    return finish(admin, body, total, errors, writes)
  })

  app.get('/api/admin/supplier-costs.csv', { config: { rateLimit } }, async (request, reply) => {
    const { storeId } = await scope(request)
    const digits = await digitsOf(storeId)
    const suppliers = await listLiveRecords(db, storeId, 'supplier')
    const products = await listLiveRecords(db, storeId, 'product')
    const supplierNames = new Map(
      suppliers.map((row) => [row.id, (row.data as SupplierRecordData).name]),
    )
    const skus = new Map(
      products.map((row) => [row.id, String((row.data as { sku?: string }).sku ?? '')]),
    )
    const costs = (await listLiveRecords(db, storeId, 'supplierProduct'))
      .map((row) => row.data as SupplierProductRecordData)
      .filter(
        (cost) => supplierNames.has(cost.supplierId) && skus.has(cost.productId) && !cost.variantId,
      )
      .map((cost) => ({
        supplierName: supplierNames.get(cost.supplierId)!,
        productSku: skus.get(cost.productId)!,
        costCents: cost.costCents,
        supplierSku: cost.supplierSku ?? null,
      }))
    return sendCsv(reply, 'supplier-costs', supplierCostsCsv(costs, digits))
  })

  app.post('/api/admin/supplier-costs/import', { config: { rateLimit } }, async (request) => {
    const { admin, storeId } = await scope(request)
    refuseUnstorableValues(request.body, 'import')
    const body = parseOrThrow(CsvImportBody, request.body, 'import')
    const digits = await digitsOf(storeId)
    const suppliers = await listLiveRecords(db, storeId, 'supplier')
    const products = await listLiveRecords(db, storeId, 'product')
    const { total, rows, errors } = readSupplierCostsCsv(
      body.csv,
      digits,
      new Map(suppliers.map((row) => [nameKey((row.data as SupplierRecordData).name), row.id])),
      new Map(products.map((row) => [String((row.data as { sku?: string }).sku ?? ''), row.id])),
    )
    const existing = new Map(
      (await listLiveRecords(db, storeId, 'supplierProduct'))
        .filter((row) => !(row.data as SupplierProductRecordData).variantId)
        .map((row) => {
          const data = row.data as SupplierProductRecordData
          return [`${data.supplierId}\u0000${data.productId}`, row] as const
        }),
    )
    const writes = rows.map((row) => {
      const current = existing.get(`${row.supplierId}\u0000${row.productId}`)
      const id = current?.id ?? crypto.randomUUID()
      return {
        storeId,
        admin,
        entity: 'supplierProduct' as const,
        id,
        data: SupplierProductData.parse({
          id,
          supplierId: row.supplierId,
          productId: row.productId,
          variantId: null,
          costCents: row.costCents,
          supplierSku: row.supplierSku,
        }),
        baseVersion: current?.version ?? 0,
        isNew: !current,
      }
    })
    return finish(admin, body, total, errors, writes)
  })
}
