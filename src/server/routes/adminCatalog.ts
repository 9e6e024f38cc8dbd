import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { ModifierGroup, PricingUnit, ProductVariant } from '../../shared/ipc/catalogSchemas'
import { CategoryData, ProductData } from '../../shared/sync'
import type { EntityName } from '../../shared/sync'
import { authenticate, storeInScope } from '../auth/principal'
import type { Principal } from '../auth/principal'
import { findOtherProductWithSku, listLiveProducts } from '../db/adminCatalogRepository'
import { HttpError, parseOrThrow, refuseUnstorableValues } from '../http/errors'
import { toServerRecord } from '../sync/records'
import { writeServerChange } from '../sync/serverWrite'
import type { RouteContext } from './context'

const Uuid = z.uuid()
const Text = (max: number) => z.string().trim().min(1).max(max)
const Barcode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z\-.]{1,48}$/, 'a barcode is 1–48 letters, digits, dashes or dots')

/** A product as the back office saves it (the same rules as the register's product editor). */
export const AdminProductBody = z.strictObject({
  /** The version the editor loaded; a newer stored version refuses the save (409). */
  baseVersion: z.number().int().min(0).optional(),
  sku: Text(80),
  name: Text(200),
  priceCents: z.number().int().min(0).max(100_000_000),
  categoryId: Uuid.nullable().optional(),
  /** Absent or null: each register applies its default rate. */
  taxRateId: Uuid.nullable().optional(),
  /** All barcodes; the first is the primary one. */
  barcodes: z.array(Barcode).max(20).optional(),
  variants: z.array(ProductVariant).max(50).optional(),
  modifierGroups: z.array(ModifierGroup).max(20).optional(),
  trackStock: z.boolean().optional(),
  pricingUnit: PricingUnit.optional(),
  isActive: z.boolean().optional(),
})

export const AdminCategoryBody = z.strictObject({
  baseVersion: z.number().int().min(0).optional(),
  name: Text(80),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')
    .nullable()
    .optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  parentId: Uuid.nullable().optional(),
})

export const AdminRecord = z.object({
  id: z.string(),
  version: z.number().int(),
  seq: z.number().int(),
  updatedAt: z.string(),
  data: z.unknown(),
})

const RecordParams = z.strictObject({ id: Uuid })
const StoreQuery = z.strictObject({ storeId: z.string().optional() })
const ListQuery = z.strictObject({
  storeId: z.string().optional(),
  /** Page after this product id (ids ascending). */
  after: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
})

function requireAdmin(principal: Principal): Extract<Principal, { kind: 'admin' }> {
  if (principal.kind !== 'admin') throw new HttpError(403, 'FORBIDDEN', 'admin token required')
  return principal
}

/**
 * The back office's catalog: products and categories a manager edits on the server. Each save is
 * a server-originated change (new version and sequence, ledger entry), so every register of the
 * store pulls it like a change from another register. Scope comes from the token only.
 */
export function registerAdminCatalogRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config, bus } = context
  const rateLimit = { max: config.authRateLimit.max, timeWindow: config.authRateLimit.windowMs }

  async function scope(request: Parameters<typeof authenticate>[2]) {
    const admin = requireAdmin(await authenticate(db, signer, request))
    const query = parseOrThrow(StoreQuery, request.query, 'query')
    return { admin, storeId: await storeInScope(db, admin, query.storeId) }
  }

  async function save(
    storeId: string,
    adminId: string,
    entity: EntityName,
    id: string,
    data: unknown,
    baseVersion: number | undefined,
  ) {
    const outcome = await writeServerChange(db, {
      storeId,
      writerId: `admin:${adminId}`,
      entity,
      id,
      data,
      ...(baseVersion !== undefined ? { baseVersion } : {}),
    })
    switch (outcome.kind) {
      case 'not-found':
        throw new HttpError(404, 'NOT_FOUND', 'store not found')
      case 'stale':
        throw new HttpError(
          409,
          'VERSION_CONFLICT',
          `this ${entity} changed since it was loaded (now version ${outcome.record?.version ?? 0}); reload and save again`,
        )
      case 'rejected':
        throw new HttpError(422, outcome.error.code, outcome.error.message)
      case 'unchanged':
        return { record: toServerRecord(outcome.record), isChanged: false }
      case 'applied':
        bus.publish({ type: 'poke', storeId, headSeq: outcome.headSeq })
        return { record: toServerRecord(outcome.record), isChanged: true }
    }
  }

  app.get('/api/admin/products', { config: { rateLimit } }, async (request) => {
    const admin = requireAdmin(await authenticate(db, signer, request))
    const query = parseOrThrow(ListQuery, request.query, 'query')
    const storeId = await storeInScope(db, admin, query.storeId)
    const limit = query.limit ?? 200
    const rows = await listLiveProducts(db, storeId, { after: query.after, limit: limit + 1 })
    const page = rows.slice(0, limit)
    return {
      products: page.map((row) => ({
        id: row.id,
        version: row.version,
        seq: row.seq,
        updatedAt: row.updatedAt.toISOString(),
        data: row.data,
      })),
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
      throw new HttpError(409, 'SKU_TAKEN', `SKU ${body.sku} belongs to product ${holderId}`)
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
    return save(storeId, admin.adminId, 'product', id, data, baseVersion)
  })

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
    return save(storeId, admin.adminId, 'category', id, data, baseVersion)
  })
}
