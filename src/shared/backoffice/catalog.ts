import { z } from 'zod'
import { ModifierGroup, PricingUnit, ProductVariant } from '../ipc/catalogSchemas'
import { Role } from '../ipc/staffSchemas'

/**
 * The back office's catalog and staff contract. Catalog records are per store (sync records keyed
 * by store): every route acts on one store, `?storeId=` (optional for a store manager bound to one
 * store). Saves are `PUT …/:id` with an id the caller picks (a new id creates), carrying the
 * `baseVersion` the editor loaded: 0 for a new record; a newer stored version refuses the save
 * (409 VERSION_CONFLICT). Deletes take `?baseVersion=` the same way. Each write becomes a new
 * version of the synced record, which every register of the store pulls.
 */

const Uuid = z.uuid()
const Text = (max: number) => z.string().trim().min(1).max(max)
const Barcode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z\-.]{1,48}$/, 'a barcode is 1–48 letters, digits, dashes or dots')
const BaseVersion = z.number().int().min(0)

/** A product as the back office saves it (the same rules as the register's product editor). */
export const AdminProductBody = z.strictObject({
  /** The version the editor loaded; a newer stored version refuses the save (409). */
  baseVersion: BaseVersion.optional(),
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
export type AdminProductBody = z.infer<typeof AdminProductBody>

export const AdminCategoryBody = z.strictObject({
  baseVersion: BaseVersion.optional(),
  name: Text(80),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')
    .nullable()
    .optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  parentId: Uuid.nullable().optional(),
})
export type AdminCategoryBody = z.infer<typeof AdminCategoryBody>

export const AdminTaxRateBody = z.strictObject({
  baseVersion: BaseVersion.optional(),
  name: Text(100),
  /** Basis points: 825 = 8.25 %. */
  rateBasisPoints: z.number().int().min(0).max(100_000),
  isInclusive: z.boolean().optional(),
  /** The rate a register applies to a product without one. */
  isDefault: z.boolean().optional(),
})
export type AdminTaxRateBody = z.infer<typeof AdminTaxRateBody>

export const StaffPin = z.string().regex(/^[0-9]{4,8}$/, 'a PIN is 4 to 8 digits')

/**
 * A person who works on the registers of one or more stores; `pin` is required for a new one, and
 * to add someone to a store they do not work in yet (a PIN must be unique in each store).
 * `storeIds`: the stores (of the caller's scope) they work in; absent keeps their stores. A store
 * the caller does not see is left as it is; none is allowed only when they still work in one.
 */
export const AdminEmployeeBody = z.strictObject({
  baseVersion: BaseVersion.optional(),
  name: Text(100),
  role: Role,
  isActive: z.boolean().optional(),
  pin: StaffPin.optional(),
  storeIds: z
    .array(Uuid)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, 'a store is listed twice')
    .optional(),
})
export type AdminEmployeeBody = z.infer<typeof AdminEmployeeBody>

/** Set or reset a PIN: only its hash is stored and synced; the PIN is never returned or logged. */
export const AdminPinBody = z.strictObject({ baseVersion: BaseVersion.optional(), pin: StaffPin })
export type AdminPinBody = z.infer<typeof AdminPinBody>

export const AdminDeleteQuery = z.strictObject({
  storeId: z.string().optional(),
  baseVersion: z.coerce.number().int().min(0).optional(),
})

/** A synced record as the server holds it. */
export const AdminRecord = z.object({
  id: z.string(),
  version: z.number().int(),
  seq: z.number().int(),
  updatedAt: z.string(),
  data: z.unknown(),
})
export type AdminRecord = z.infer<typeof AdminRecord>

export const AdminRecordListReply = z.object({ records: z.array(AdminRecord) })
export type AdminRecordListReply = z.infer<typeof AdminRecordListReply>

export const AdminProductListReply = z.object({
  products: z.array(AdminRecord),
  nextAfter: z.string().nullable(),
})
export type AdminProductListReply = z.infer<typeof AdminProductListReply>

/** A person as the back office shows them: never the PIN or its hash. */
export const AdminEmployeeView = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  role: Role,
  isActive: z.boolean(),
  /** The stores (of the caller's scope) this person works in, the same id and PIN in each. */
  storeIds: z.array(z.string()),
  updatedAt: z.string(),
})
export type AdminEmployeeView = z.infer<typeof AdminEmployeeView>

export const AdminEmployeeListReply = z.object({ employees: z.array(AdminEmployeeView) })
export type AdminEmployeeListReply = z.infer<typeof AdminEmployeeListReply>
export const AdminEmployeeReply = z.object({
  employee: AdminEmployeeView,
  isChanged: z.boolean(),
})
export type AdminEmployeeReply = z.infer<typeof AdminEmployeeReply>

export const AdminSaveReply = z.object({
  record: z.object({
    entity: z.string(),
    id: z.string(),
    version: z.number().int(),
    seq: z.number().int(),
    hash: z.string(),
    deleted: z.boolean(),
    data: z.unknown(),
    updatedAt: z.string(),
  }),
  isChanged: z.boolean(),
})
export type AdminSaveReply = z.infer<typeof AdminSaveReply>

/** The data of records as the web app reads them (the register's synced shapes). */
export interface ProductRecordData {
  id: string
  sku?: string
  name: string
  priceCents: number
  categoryId?: string | null
  taxRateId?: string | null
  barcodes?: string[]
  isActive?: boolean
  trackStock?: boolean
  pricingUnit?: 'each' | 'kg' | 'lb' | string
  variants?: unknown[]
  modifierGroups?: unknown[]
}
export interface CategoryRecordData {
  id: string
  name: string
  color?: string | null
  sortOrder?: number
}
export interface TaxRateRecordData {
  id: string
  name: string
  rateBasisPoints: number
  isInclusive: boolean
  isDefault?: boolean
}

const storeQuery = (storeId: string, extra: Record<string, string> = {}) =>
  `?${new URLSearchParams({ storeId, ...extra }).toString()}`
const segment = encodeURIComponent

/** The catalog and staff routes, each on one store. */
export const catalogPaths = {
  products: (storeId: string, after?: string) =>
    `/api/admin/products${storeQuery(storeId, { limit: '1000', ...(after ? { after } : {}) })}`,
  product: (storeId: string, id: string) =>
    `/api/admin/products/${segment(id)}${storeQuery(storeId)}`,
  categories: (storeId: string) => `/api/admin/categories${storeQuery(storeId)}`,
  category: (storeId: string, id: string) =>
    `/api/admin/categories/${segment(id)}${storeQuery(storeId)}`,
  deleteCategory: (storeId: string, id: string, baseVersion: number) =>
    `/api/admin/categories/${segment(id)}${storeQuery(storeId, { baseVersion: String(baseVersion) })}`,
  taxRates: (storeId: string) => `/api/admin/tax-rates${storeQuery(storeId)}`,
  taxRate: (storeId: string, id: string) =>
    `/api/admin/tax-rates/${segment(id)}${storeQuery(storeId)}`,
  deleteTaxRate: (storeId: string, id: string, baseVersion: number) =>
    `/api/admin/tax-rates/${segment(id)}${storeQuery(storeId, { baseVersion: String(baseVersion) })}`,
  employees: (storeId: string) => `/api/admin/employees${storeQuery(storeId)}`,
  employee: (storeId: string, id: string) =>
    `/api/admin/employees/${segment(id)}${storeQuery(storeId)}`,
  employeePin: (storeId: string, id: string) =>
    `/api/admin/employees/${segment(id)}/pin${storeQuery(storeId)}`,
} as const

/** A 409 IN_USE message starts with how many products still use the record. */
export function inUseCount(message: string): number | null {
  const match = /^(\d+) product/.exec(message)
  return match ? Number(match[1]) : null
}
