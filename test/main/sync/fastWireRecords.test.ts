import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  fastReadOrder,
  fastReadProduct,
  fastReadPullPage,
  readWireRecordData,
} from '../../../src/shared/sync/fastWireRecords'
import { PullChangesResponse } from '../../../src/shared/sync/protocol'
import { wireRecordSchemas } from '../../../src/shared/sync/wireRecords'

/*
 * The fast readers (fastWireRecords.ts) may only answer for records zod accepts, and then with
 * zod's own reading; everything else goes to zod. Records here are valid ones in every form the
 * schemas allow (absent fields, nulls, strings at and past their limits in UTF-16 units and in
 * code points, astral characters) and the same records corrupted at one place.
 */

const runs = { numRuns: 1000 }

/** Mostly valid values, now and then one at or past the edge, so whole records are often valid. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, edge: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: edge, weight: 1 })

/** Strings around a limit: under, at and past it, in ASCII and in astral characters. */
const text = (max: number) =>
  mostly(
    fc.string({ minLength: 1, maxLength: 6 }),
    fc.oneof(
      fc.constantFrom(' ', '\t', ''),
      fc.string({ minLength: Math.max(0, max - 2), maxLength: max + 2 }),
      fc.string({ unit: 'binary', minLength: Math.max(0, max / 2 - 2), maxLength: max + 2 }),
    ),
  )
const cents = mostly(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(2 ** 53 - 1, 2 ** 53, 1.5, -(2 ** 53), '5'),
)
const id = mostly(fc.uuid(), text(128))
const orNull = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(arbitrary, fc.constant(null))

const modifier = fc.record(
  { groupName: fc.string(), name: fc.string(), priceCents: cents, stray: fc.constant(1) },
  { requiredKeys: ['groupName', 'name', 'priceCents'] },
)

const item = fc.record(
  {
    id,
    productId: id,
    name: text(200),
    quantity: mostly(fc.constantFrom(1, 2, 0.25), fc.constantFrom(0, -1, Infinity)),
    unitPriceCents: cents,
    totalCents: cents,
    sku: fc.string(),
    lineNumber: fc.integer(),
    taxRateBasisPoints: fc.integer({ min: 0, max: 2500 }),
    discountCents: cents,
    netCents: cents,
    taxCents: cents,
    variantId: orNull(fc.uuid()),
    variantName: orNull(fc.string()),
    modifiers: fc.array(modifier, { maxLength: 3 }),
    note: orNull(fc.string()),
    refundOfItemId: orNull(fc.uuid()),
    weightGrams: orNull(fc.integer({ min: 0, max: 10_000 })),
  },
  { requiredKeys: [] },
)

const payment = fc.record(
  {
    id,
    method: text(40),
    amountCents: cents,
    tenderedCents: cents,
    changeCents: cents,
    referenceNumber: orNull(fc.string()),
    tenderId: orNull(fc.uuid()),
    label: orNull(fc.string()),
    status: fc.constantFrom('COMPLETED', 'VOIDED'),
    createdAt: fc.string(),
  },
  { requiredKeys: ['amountCents'] },
)

const header = fc.record(
  {
    id,
    orderNumber: text(80),
    status: mostly(
      fc.constantFrom('COMPLETED', 'REFUNDED', 'VOIDED'),
      fc.constantFrom('OPEN', null),
    ),
    subtotalCents: cents,
    taxCents: cents,
    discountCents: cents,
    totalCents: cents,
    currency: mostly(
      fc.constantFrom('USD', 'EUR'),
      fc.constantFrom('usd', 'US', 'USDX', '€€€', '😀U'),
    ),
    createdAt: text(64),
    updatedAt: text(64),
    clientRequestId: fc.string(),
    itemCount: fc.integer({ min: 0, max: 10 }),
    cashRoundingCents: cents,
    kind: mostly(fc.constantFrom('SALE', 'REFUND'), fc.constantFrom('EXCHANGE', null)),
    refundOfOrderId: orNull(fc.uuid()),
    employeeId: orNull(fc.uuid()),
    shiftId: orNull(fc.uuid()),
    customerId: orNull(fc.uuid()),
    note: orNull(fc.string()),
    refundReason: orNull(fc.string()),
  },
  { requiredKeys: ['id', 'totalCents'] },
)

const order = fc.record({
  order: header,
  items: fc.array(item, { maxLength: 4 }),
  payments: fc.array(payment, { maxLength: 2 }),
})

const product = fc.record(
  {
    id,
    name: text(200),
    sku: text(80),
    barcode: orNull(text(80)),
    barcodes: mostly(
      fc.array(text(80), { maxLength: 3 }),
      fc.array(fc.constant('4006381333931'), { minLength: 19, maxLength: 22 }),
    ),
    priceCents: cents,
    categoryId: orNull(id),
    taxRateId: orNull(id),
    isActive: fc.boolean(),
    variants: fc.constantFrom(
      [],
      [{ id: '0b9a9d1e-3c3b-4a57-9d3e-5a1f3c2b1a00', name: 'Large', priceCents: 10 }],
      [{ id: 'not-a-uuid', name: 'Large', priceCents: 10 }],
    ),
    modifierGroups: fc.constant([]),
    trackStock: fc.boolean(),
    pricingUnit: mostly(fc.constantFrom('each', 'kg'), fc.constant('lb')),
  },
  { requiredKeys: ['id', 'name', 'priceCents'] },
)

/** The value at one place of a JSON value replaced, removed, or given a stray field. */
function corrupt(value: unknown, path: number[], replacement: unknown, how: number): unknown {
  if (typeof value !== 'object' || value === null) return replacement
  const keys = Object.keys(value)
  if (keys.length === 0 || path.length === 0) {
    if (Array.isArray(value)) return [...value, replacement]
    return { ...value, [how % 2 ? 'stray' : '__proto__']: replacement }
  }
  const key = keys[path[0]! % keys.length]!
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>
  if (path.length === 1 && how % 3 === 0 && !Array.isArray(value)) delete copy[key]
  else copy[key] = corrupt(copy[key], path.slice(1), replacement, how)
  return copy
}

const corrupted = <T>(valid: fc.Arbitrary<T>) =>
  fc
    .tuple(valid, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.jsonValue(), fc.nat())
    .map(
      ([record, path, replacement, how]) =>
        JSON.parse(JSON.stringify(corrupt(record, path, replacement, how))) as unknown,
    )

/** Records as they arrive: through JSON, so no undefined and no -0. */
const asPulled = <T>(arbitrary: fc.Arbitrary<T>) =>
  arbitrary.map((value) => JSON.parse(JSON.stringify(value)) as unknown)

let fastAnswers = 0

function expectSameReading(
  entity: 'order' | 'product',
  fast: (data: unknown) => unknown,
  data: unknown,
) {
  const zod = wireRecordSchemas[entity].safeParse(data)
  const quick = fast(data)
  if (quick !== undefined) {
    fastAnswers++
    expect(zod.success).toBe(true)
    expect(quick).toEqual(zod.data)
  }
  const read = readWireRecordData(entity, data)
  expect(read.success).toBe(zod.success)
  if (read.success) expect(read.data).toEqual(zod.data)
}

describe('fast wire record readers', () => {
  it.each([
    ['order', fastReadOrder, order],
    ['product', fastReadProduct, product],
  ] as ['order' | 'product', (data: unknown) => unknown, fc.Arbitrary<unknown>][])(
    'read a %s exactly as zod does, valid or corrupted',
    (entity, fast, valid) => {
      fc.assert(
        fc.property(fc.oneof(asPulled(valid), corrupted(valid)), (data) =>
          expectSameReading(entity, fast, data),
        ),
        runs,
      )
      // Not vacuous: the fast reader answered for a good share of the records (~8% orders, ~20% products).
      expect(fastAnswers).toBeGreaterThan(20)
      fastAnswers = 0
    },
  )

  it('answer for plain records themselves (zod is the exception, not the rule)', () => {
    const plainOrder = {
      order: { id: 'o-1', totalCents: 500, status: 'COMPLETED', currency: 'USD' },
      items: [{ id: 'i-1', name: 'Tea', quantity: 1, unitPriceCents: 500, modifiers: [] }],
      payments: [{ id: 'p-1', method: 'CASH', amountCents: 500 }],
    }
    expect(fastReadOrder(plainOrder)).toEqual(wireRecordSchemas.order.parse(plainOrder))
    // Absent register fields get zod's defaults.
    expect(
      fastReadOrder({ order: { id: 'o-2', totalCents: 1 }, items: [{}], payments: [] }),
    ).toEqual({
      order: { id: 'o-2', totalCents: 1, status: 'COMPLETED', kind: 'SALE' },
      items: [{ modifiers: [] }],
      payments: [],
    })
    const plainProduct = { id: 'p-1', name: 'Tea', sku: 'T-1', priceCents: 250, variants: [] }
    expect(fastReadProduct(plainProduct)).toBe(plainProduct)
    // A blank name is zod's to refuse, with its own reason.
    expect(fastReadProduct({ ...plainProduct, name: '  ' })).toBeUndefined()
    expect(readWireRecordData('product', { ...plainProduct, name: '  ' }).success).toBe(false)
  })
})

const change = fc.record({
  entity: fc.constantFrom('order', 'product', 'category', 'transaction', 'widget'),
  id: fc.oneof(fc.uuid(), fc.string({ maxLength: 3 }), fc.constant('has space')),
  op: fc.constantFrom('upsert', 'delete', 'merge'),
  version: cents,
  seq: cents,
  hash: fc.string({ maxLength: 8 }),
  data: fc.jsonValue({ maxDepth: 2 }),
  deviceId: orNull(fc.string({ maxLength: 8 })),
  updatedAt: fc.string({ maxLength: 8 }),
})
const page = fc.record({
  changes: fc.array(change, { maxLength: 4 }),
  nextSyncToken: fc.string({ maxLength: 8 }),
  hasMore: fc.boolean(),
  headSeq: cents,
})

describe('fast pull page reader', () => {
  it('reads a page exactly as PullChangesResponse does, valid or corrupted', () => {
    fc.assert(
      fc.property(fc.oneof(asPulled(page), corrupted(page)), (json) => {
        const zod = PullChangesResponse.safeParse(json)
        const quick = fastReadPullPage(json)
        if (quick !== undefined) {
          expect(zod.success).toBe(true)
          expect(quick).toEqual(zod.data)
        }
      }),
      runs,
    )
  })

  it('answers for a page as the server writes it, and leaves a stray field to zod', () => {
    const json = {
      changes: [
        {
          entity: 'product',
          id: 'p-1',
          op: 'upsert',
          version: 1,
          seq: 7,
          hash: 'h',
          data: { id: 'p-1' },
          deviceId: null,
          updatedAt: '2026-11-22T10:00:00.000Z',
        },
      ],
      nextSyncToken: 't',
      hasMore: false,
      headSeq: 7,
    }
    expect(fastReadPullPage(json)).toBe(json)
    expect(fastReadPullPage({ ...json, extra: 1 })).toBeUndefined()
    expect(
      fastReadPullPage({ ...json, changes: [{ ...json.changes[0], extra: 1 }] }),
    ).toBeUndefined()
  })
})
