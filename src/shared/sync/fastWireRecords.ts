import type { PullChangesResponse } from './protocol'
import { entityNames } from './entities'
import { wireRecordSchemas, type ReadWireRecord, type WireRecordEntity } from './wireRecords'

/*
 * A first sync reads hundreds of thousands of pulled records, and zod, building a new object per
 * record and field, was a tenth of the register's time on it. These readers answer the common
 * case without it: a record they can see is valid, in the plainest form (every string short
 * enough in UTF-16 units, no variant or modifier group), comes back as zod would give it — the
 * same object, with zod's defaults where a field is absent. Anything else, valid or not, they
 * leave to zod (`undefined`), so a record is refused exactly when zod refuses it, with zod's error.
 * test/main/sync/fastWireRecords.test.ts holds them to that over valid and corrupted records.
 */

type Fields = Record<string, unknown>

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
/** Own `__proto__` keys (JSON.parse makes them) are left to zod, which copies objects its way. */
const isPlain = (value: unknown): value is Fields =>
  isObject(value) && !Object.hasOwn(value, '__proto__')
const isInt = (value: unknown): boolean => Number.isSafeInteger(value)
/** zod counts code points; a string within `max` UTF-16 units is within `max` code points. */
const isText = (value: unknown, max: number): boolean =>
  typeof value === 'string' && value.length <= max
const isId = (value: unknown): boolean => isText(value, 128) && (value as string).length > 0
const isName = (value: unknown, max: number): boolean =>
  isText(value, max) && /\S/.test(value as string)
const optional = (value: unknown, check: (value: unknown) => boolean): boolean =>
  value === undefined || check(value)
const nullish = (value: unknown, check: (value: unknown) => boolean): boolean =>
  value === undefined || value === null || check(value)
const isString = (value: unknown): boolean => typeof value === 'string'
const isBoolean = (value: unknown): boolean => typeof value === 'boolean'
const isNone = (value: unknown): boolean =>
  value === undefined || (Array.isArray(value) && value.length === 0)

const saleStatuses = new Set(['COMPLETED', 'REFUNDED', 'VOIDED'])
const orderKinds = new Set(['SALE', 'REFUND'])

function readHeader(header: unknown): Fields | undefined {
  if (!isPlain(header)) return undefined
  const h = header
  const isValid =
    isId(h.id) &&
    isInt(h.totalCents) &&
    optional(h.orderNumber, (value) => isText(value, 80)) &&
    optional(h.status, (value) => saleStatuses.has(value as string)) &&
    optional(h.subtotalCents, isInt) &&
    optional(h.taxCents, isInt) &&
    optional(h.discountCents, isInt) &&
    optional(h.currency, (value) => typeof value === 'string' && /^[A-Z]{3}$/.test(value)) &&
    optional(h.createdAt, (value) => isText(value, 64)) &&
    optional(h.updatedAt, (value) => isText(value, 64)) &&
    optional(h.clientRequestId, isString) &&
    optional(h.itemCount, isInt) &&
    optional(h.cashRoundingCents, isInt) &&
    optional(h.kind, (value) => orderKinds.has(value as string)) &&
    nullish(h.refundOfOrderId, isString) &&
    nullish(h.employeeId, isString) &&
    nullish(h.shiftId, isString) &&
    nullish(h.customerId, isString) &&
    nullish(h.note, isString) &&
    nullish(h.refundReason, isString)
  if (!isValid) return undefined
  if (h.status !== undefined && h.kind !== undefined) return h
  return { ...h, status: h.status ?? 'COMPLETED', kind: h.kind ?? 'SALE' }
}

/** A line's modifiers as zod keeps them: exactly its three fields (anything more is zod's). */
const isModifier = (value: unknown): boolean =>
  isPlain(value) &&
  typeof value.groupName === 'string' &&
  typeof value.name === 'string' &&
  isInt(value.priceCents) &&
  Object.keys(value).length === 3

function readItem(item: unknown): Fields | undefined {
  if (!isPlain(item)) return undefined
  const i = item
  const isValid =
    optional(i.id, isId) &&
    optional(i.productId, isId) &&
    optional(i.name, (value) => isText(value, 200)) &&
    optional(i.quantity, (value) => typeof value === 'number' && value > 0 && value < Infinity) &&
    optional(i.unitPriceCents, isInt) &&
    optional(i.totalCents, isInt) &&
    optional(i.sku, isString) &&
    optional(i.lineNumber, isInt) &&
    optional(i.taxRateBasisPoints, isInt) &&
    optional(i.discountCents, isInt) &&
    optional(i.netCents, isInt) &&
    optional(i.taxCents, isInt) &&
    nullish(i.variantId, isString) &&
    nullish(i.variantName, isString) &&
    optional(i.modifiers, (value) => Array.isArray(value) && value.every(isModifier)) &&
    nullish(i.note, isString) &&
    nullish(i.refundOfItemId, isString) &&
    nullish(i.weightGrams, isInt)
  if (!isValid) return undefined
  return i.modifiers === undefined ? { ...i, modifiers: [] } : i
}

function readPayment(payment: unknown): Fields | undefined {
  if (!isPlain(payment)) return undefined
  const p = payment
  const isValid =
    isInt(p.amountCents) &&
    optional(p.id, isId) &&
    optional(p.method, (value) => isText(value, 40)) &&
    optional(p.tenderedCents, isInt) &&
    optional(p.changeCents, isInt) &&
    nullish(p.referenceNumber, isString) &&
    nullish(p.tenderId, isString) &&
    nullish(p.label, isString) &&
    optional(p.status, isString) &&
    optional(p.createdAt, isString)
  return isValid ? p : undefined
}

function readAll(values: unknown, read: (value: unknown) => Fields | undefined) {
  if (!Array.isArray(values)) return undefined
  const out: Fields[] = new Array<Fields>(values.length)
  for (let index = 0; index < values.length; index++) {
    const value = read(values[index])
    if (value === undefined) return undefined
    out[index] = value
  }
  return out
}

/** An order as wireRecordSchemas.order reads it, or undefined: ask zod. */
export function fastReadOrder(data: unknown): ReadWireRecord<'order'> | undefined {
  if (!isPlain(data)) return undefined
  const order = readHeader(data.order)
  const items = order && readAll(data.items, readItem)
  const payments = items && readAll(data.payments, readPayment)
  if (!payments) return undefined
  return { order, items, payments } as unknown as ReadWireRecord<'order'>
}

/** A product as wireRecordSchemas.product reads it (no variants or modifier groups), or undefined. */
export function fastReadProduct(data: unknown): ReadWireRecord<'product'> | undefined {
  if (!isPlain(data)) return undefined
  const p = data
  const isValid =
    isId(p.id) &&
    isName(p.name, 200) &&
    isInt(p.priceCents) &&
    optional(p.sku, (value) => isText(value, 80)) &&
    nullish(p.barcode, (value) => isText(value, 80)) &&
    optional(
      p.barcodes,
      (value) =>
        Array.isArray(value) && value.length <= 20 && value.every((code) => isText(code, 80)),
    ) &&
    nullish(p.categoryId, isId) &&
    nullish(p.taxRateId, isId) &&
    optional(p.isActive, isBoolean) &&
    isNone(p.variants) &&
    isNone(p.modifierGroups) &&
    optional(p.trackStock, isBoolean) &&
    optional(p.pricingUnit, (value) => value === 'each' || value === 'kg')
  return isValid ? (p as ReadWireRecord<'product'>) : undefined
}

export type WireRead<E extends WireRecordEntity> =
  { success: true; data: ReadWireRecord<E> } | { success: false }

const fastReaders: { [E in WireRecordEntity]?: (data: unknown) => ReadWireRecord<E> | undefined } =
  { order: fastReadOrder, product: fastReadProduct }

/** A pulled record read with its wire schema: the fast reader when it can tell, zod otherwise. */
export function readWireRecordData<E extends WireRecordEntity>(
  entity: E,
  data: unknown,
): WireRead<E> {
  const fast = fastReaders[entity]?.(data)
  if (fast !== undefined) return { success: true, data: fast as ReadWireRecord<E> }
  const parsed = wireRecordSchemas[entity].safeParse(data)
  return parsed.success
    ? { success: true, data: parsed.data as ReadWireRecord<E> }
    : { success: false }
}

const entitySet = new Set<string>(entityNames)
const recordIdPattern = /^[\x21-\x7e]{1,128}$/

/** A pulled change with exactly the protocol's nine fields, each as PulledChange reads it. */
function isPlainChange(value: unknown): boolean {
  if (!isPlain(value)) return false
  const c = value
  return (
    entitySet.has(c.entity as string) &&
    typeof c.id === 'string' &&
    recordIdPattern.test(c.id) &&
    (c.op === 'upsert' || c.op === 'delete') &&
    isInt(c.version) &&
    isInt(c.seq) &&
    typeof c.hash === 'string' &&
    c.data !== undefined &&
    (c.deviceId === null || typeof c.deviceId === 'string') &&
    typeof c.updatedAt === 'string' &&
    Object.keys(c).length === 9
  )
}

/**
 * A pull page exactly as the server writes it (the four fields, each change its nine), returned
 * as it is: PullChangesResponse would copy it field by field to the same value. Undefined: ask zod.
 */
export function fastReadPullPage(json: unknown): PullChangesResponse | undefined {
  if (!isPlain(json)) return undefined
  const { changes } = json
  if (
    !Array.isArray(changes) ||
    typeof json.nextSyncToken !== 'string' ||
    typeof json.hasMore !== 'boolean' ||
    !isInt(json.headSeq) ||
    Object.keys(json).length !== 4
  )
    return undefined
  for (const change of changes) if (!isPlainChange(change)) return undefined
  return json as unknown as PullChangesResponse
}
