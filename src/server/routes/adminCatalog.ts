import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  AdminCategoryBody,
  AdminDeleteQuery,
  AdminProductBody,
  AdminRecord,
  AdminTaxRateBody,
} from '../../shared/backoffice/catalog'
import type { AdminRecordListReply } from '../../shared/backoffice/catalog'
import { CategoryData, ProductData, TaxRateData } from '../../shared/sync'
import type { EntityName } from '../../shared/sync'
import type { AdminPrincipal } from '../auth/principal'
import {
  countProductsUsing,
  findLiveRecord,
  findOtherProductWithSku,
  listLiveProducts,
  listLiveRecords,
} from '../db/adminCatalogRepository'
import type { Transaction } from '../db/connection'
import { HttpError, parseOrThrow, refuseUnstorableValues } from '../http/errors'
import { toServerRecord } from '../sync/records'
import type { RecordRow } from '../sync/records'
import { writeServerChanges } from '../sync/serverWrite'
import type { ServerWriteOutcome } from '../sync/serverWrite'
import { notFound, requireAdmin, requireStoreInScope } from './adminScope'
import type { RouteContext } from './context'

// Kept here too: older imports (OpenAPI document, tests) name them from this module.
export { AdminCategoryBody, AdminProductBody, AdminRecord }

const RecordParams = z.strictObject({ id: z.uuid() })
const StoreQuery = z.strictObject({ storeId: z.string().optional() })
const ListQuery = z.strictObject({
  storeId: z.string().optional(),
  /** Page after this product id (ids ascending). */
  after: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
})

/** The store a catalog or staff route acts on: `?storeId=`, else a manager's only store; 404 outside the scope. */
export async function storeOf(
  context: RouteContext,
  admin: AdminPrincipal,
  requested: string | undefined,
): Promise<string> {
  const storeId = requested ?? admin.storeId
  if (!storeId)
    throw new HttpError(400, 'STORE_REQUIRED', 'storeId query parameter is required for this admin')
  await requireStoreInScope(context.db, admin, storeId)
  return storeId
}

export const recordView = (row: RecordRow): AdminRecord => ({
  id: row.id,
  version: row.version,
  seq: row.seq,
  updatedAt: row.updatedAt.toISOString(),
  data: row.data,
})

export interface AdminWrite {
  storeId: string
  admin: AdminPrincipal
  entity: EntityName
  id: string
  data: unknown
  baseVersion: number | undefined
  deleted?: boolean
  check?: (tx: Transaction) => Promise<void>
}

const writerOf = (write: AdminWrite) => `admin:${write.admin.adminId}`

/** The HTTP answer to a refused write: no store 404, stale 409, against the entity's rules 422. */
function refusal(write: AdminWrite, outcome: ServerWriteOutcome): HttpError {
  switch (outcome.kind) {
    case 'stale':
      return new HttpError(
        409,
        'VERSION_CONFLICT',
        `this ${write.entity} changed since it was loaded (now version ${outcome.record?.version ?? 0}); reload and save again`,
      )
    case 'rejected':
      return new HttpError(422, outcome.error.code, outcome.error.message)
    default:
      return notFound('store')
  }
}

/**
 * Back-office writes as one transaction, possibly across stores: server-originated changes
 * registers pull, each applied store poked after the commit. Any refusal writes nothing.
 */
export async function writeAdminRecords(context: RouteContext, writes: AdminWrite[]) {
  const outcome = await writeServerChanges(
    context.db,
    writes.map((write) => ({
      storeId: write.storeId,
      writerId: writerOf(write),
      entity: write.entity,
      id: write.id,
      data: write.data,
      ...(write.baseVersion !== undefined ? { baseVersion: write.baseVersion } : {}),
      ...(write.deleted ? { deleted: true } : {}),
      ...(write.check ? { check: write.check } : {}),
    })),
  )
  if (outcome.kind === 'refused') throw refusal(writes[outcome.index]!, outcome.outcome)
  return outcome.outcomes.map((written) => {
    if (written.kind === 'applied') {
      const { storeId } = written.record
      context.bus.publish({ type: 'poke', storeId, headSeq: written.headSeq })
      return { record: toServerRecord(written.record), isChanged: true }
    }
    if (written.kind === 'unchanged')
      return { record: toServerRecord(written.record), isChanged: false }
    throw new Error(`a written batch holds a ${written.kind} outcome`)
  })
}

/** A back-office write: a server-originated change registers pull, poked when applied. */
export async function writeAdminRecord(context: RouteContext, write: AdminWrite) {
  const [saved] = await writeAdminRecords(context, [write])
  return saved!
}

/**
 * The back office's catalog: products, categories and tax rates of one store as the server holds
 * them. Each save is a server-originated change (new version and sequence, ledger entry), so every
 * register of the store pulls it like a change from another register. Scope comes from the
 * session or token only; a store outside it is 404.
 */
export function registerAdminCatalogRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config } = context
  const rateLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }

  async function scope(request: FastifyRequest) {
    const admin = await requireAdmin(db, signer, request)
    const query = parseOrThrow(StoreQuery, request.query, 'query')
    return { admin, storeId: await storeOf(context, admin, query.storeId) }
  }

  /** A delete: the record must be live; `inUse` counts what still points at it (409 if any). */
  async function remove(
    request: FastifyRequest,
    entity: EntityName,
    inUse: (tx: Transaction, storeId: string, id: string) => Promise<string | null>,
  ) {
    const admin = await requireAdmin(db, signer, request)
    const { id } = parseOrThrow(RecordParams, request.params, 'path')
    const query = parseOrThrow(AdminDeleteQuery, request.query, 'query')
    const storeId = await storeOf(context, admin, query.storeId)
    if (!(await findLiveRecord(db, storeId, entity, id))) throw notFound(entity)
    return writeAdminRecord(context, {
      storeId,
      admin,
      entity,
      id,
      data: null,
      baseVersion: query.baseVersion,
      deleted: true,
      check: async (tx) => {
        const reason = await inUse(tx, storeId, id)
        if (reason) throw new HttpError(409, 'IN_USE', reason)
      },
    })
  }

  async function list(request: FastifyRequest, entity: EntityName) {
    const { storeId } = await scope(request)
    const rows = await listLiveRecords(db, storeId, entity)
    const reply: AdminRecordListReply = { records: rows.map(recordView) }
    return reply
  }

  app.get('/api/admin/products', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(db, signer, request)
    const query = parseOrThrow(ListQuery, request.query, 'query')
    const storeId = await storeOf(context, admin, query.storeId)
    const limit = query.limit ?? 200
    const rows = await listLiveProducts(db, storeId, { after: query.after, limit: limit + 1 })
    const page = rows.slice(0, limit)
    return {
      products: page.map(recordView),
      nextAfter: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    }
  })

  app.put('/api/admin/products/:id', { config: { rateLimit } }, async (request) => {
    const { admin, storeId } = await scope(request)
    const { id } = parseOrThrow(RecordParams, request.params, 'path')
    refuseUnstorableValues(request.body, 'product')
    const { baseVersion, ...body } = parseOrThrow(AdminProductBody, request.body, 'product')
    // Registers keep SKUs unique: a second product under one SKU could not be stored there.
    const holderId = await findOtherProductWithSku(db, storeId, body.sku, id)
    if (holderId !== undefined)
      throw new HttpError(409, 'SKU_TAKEN', `SKU ${body.sku} belongs to product ${holderId}`, [
        { path: 'sku', message: 'another product has this SKU' },
      ])
    const barcodes = body.barcodes ?? []
    // The shape registers push, checked by the push route's schema. No timestamp in the data: the
    // record carries the server's, and saving the same product twice is then no change at all.
    const data = ProductData.parse({
      id,
      ...body,
      barcode: barcodes[0] ?? null,
      barcodes,
      variants: body.variants ?? [],
      modifierGroups: body.modifierGroups ?? [],
      trackStock: body.trackStock ?? false,
      pricingUnit: body.pricingUnit ?? 'each',
      isActive: body.isActive ?? true,
      categoryId: body.categoryId ?? null,
    })
    return writeAdminRecord(context, { storeId, admin, entity: 'product', id, data, baseVersion })
  })

  app.get('/api/admin/categories', { config: { rateLimit } }, (request) =>
    list(request, 'category'),
  )

  app.put('/api/admin/categories/:id', { config: { rateLimit } }, async (request) => {
    const { admin, storeId } = await scope(request)
    const { id } = parseOrThrow(RecordParams, request.params, 'path')
    refuseUnstorableValues(request.body, 'category')
    const { baseVersion, ...body } = parseOrThrow(AdminCategoryBody, request.body, 'category')
    const data = CategoryData.parse({
      id,
      ...body,
      color: body.color ?? null,
      sortOrder: body.sortOrder ?? 0,
    })
    return writeAdminRecord(context, { storeId, admin, entity: 'category', id, data, baseVersion })
  })

  app.delete('/api/admin/categories/:id', { config: { rateLimit } }, (request) =>
    remove(request, 'category', async (tx, storeId, id) => {
      const count = await countProductsUsing(tx, storeId, 'categoryId', id)
      return count > 0
        ? `${count} product${count === 1 ? '' : 's'} use this category; move them to another category first`
        : null
    }),
  )

  app.get('/api/admin/tax-rates', { config: { rateLimit } }, (request) => list(request, 'taxRate'))

  app.put('/api/admin/tax-rates/:id', { config: { rateLimit } }, async (request) => {
    const { admin, storeId } = await scope(request)
    const { id } = parseOrThrow(RecordParams, request.params, 'path')
    refuseUnstorableValues(request.body, 'tax rate')
    const { baseVersion, ...body } = parseOrThrow(AdminTaxRateBody, request.body, 'tax rate')
    const data = TaxRateData.parse({
      id,
      ...body,
      isInclusive: body.isInclusive ?? false,
      isDefault: body.isDefault ?? false,
    })
    // One default per store: registers apply the first default they hold to products without a
    // rate. Clearing the other defaults is written with this save as one transaction.
    const formerDefaults = body.isDefault
      ? (await listLiveRecords(db, storeId, 'taxRate')).filter(
          (other) =>
            other.id !== id && (other.data as Record<string, unknown> | null)?.isDefault === true,
        )
      : []
    const [saved] = await writeAdminRecords(context, [
      { storeId, admin, entity: 'taxRate', id, data, baseVersion },
      ...formerDefaults.map((other) => ({
        storeId,
        admin,
        entity: 'taxRate' as const,
        id: other.id,
        data: { ...(other.data as Record<string, unknown>), isDefault: false },
        baseVersion: other.version,
      })),
    ])
    return saved!
  })

  app.delete('/api/admin/tax-rates/:id', { config: { rateLimit } }, (request) =>
    remove(request, 'taxRate', async (tx, storeId, id) => {
      const count = await countProductsUsing(tx, storeId, 'taxRateId', id)
      return count > 0
        ? `${count} product${count === 1 ? '' : 's'} use this tax rate; give them another rate first`
        : null
    }),
  )
}
