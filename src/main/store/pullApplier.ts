import { eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { PulledChange } from '../../shared/sync/protocol'
import type { RegisterDb, RegisterExecutor } from './database'
import { unsyncedEntityIds } from './outboxRepository'
import {
  categories,
  deviceIdentity,
  orderItems,
  orders,
  payments,
  products,
  storeSettings,
  taxRates,
} from './schema'
import { updateSyncState } from './syncStateRepository'

// What the register needs of each entity; unknown fields from other clients are ignored, missing
// optional ones get safe defaults so an order rung up elsewhere still shows in Orders.
const Cents = z.number().int().safe()
const WireOrder = z.object({
  order: z.looseObject({
    id: z.string(),
    orderNumber: z.string().optional(),
    clientRequestId: z.string().optional(),
    status: z.enum(['COMPLETED', 'REFUNDED', 'VOIDED']).catch('COMPLETED'),
    currency: z.string().length(3).optional(),
    itemCount: z.number().int().optional(),
    subtotalCents: Cents.optional(),
    discountCents: Cents.optional(),
    taxCents: Cents.optional(),
    totalCents: Cents,
    cashRoundingCents: Cents.optional(),
    createdAt: z.string().optional(),
  }),
  items: z.array(
    z.looseObject({
      id: z.string().optional(),
      productId: z.string().nullable().optional(),
      sku: z.string().optional(),
      name: z.string().optional(),
      unitPriceCents: Cents.optional(),
      quantity: z.number().optional(),
      taxRateBasisPoints: z.number().int().optional(),
      discountCents: Cents.optional(),
      netCents: Cents.optional(),
      taxCents: Cents.optional(),
      totalCents: Cents.optional(),
    }),
  ),
  payments: z.array(
    z.looseObject({
      id: z.string().optional(),
      method: z.string().optional(),
      amountCents: Cents,
      tenderedCents: Cents.optional(),
      changeCents: Cents.optional(),
      referenceNumber: z.string().nullable().optional(),
      status: z.string().optional(),
      createdAt: z.string().optional(),
    }),
  ),
})
const WireProduct = z.looseObject({
  id: z.string(),
  name: z.string(),
  sku: z.string().optional(),
  barcode: z.string().nullable().optional(),
  priceCents: Cents,
  categoryId: z.string().nullable().optional(),
  taxRateId: z.string().nullable().optional(),
  isActive: z.boolean().optional(),
})
const WireCategory = z.looseObject({
  id: z.string(),
  name: z.string(),
  color: z.string().nullable().optional(),
  sortOrder: z.number().int().optional(),
})
const WireTaxRate = z.looseObject({
  id: z.string(),
  name: z.string(),
  rateBasisPoints: z.number().int(),
  isDefault: z.boolean().optional(),
})

export interface AppliedPage {
  /** Orders that arrived or changed, for the Orders screen to refresh. */
  orderIds: string[]
  /** Changes left alone because this register has unsynced edits of the same record. */
  skippedLocal: number
  /** Changes for entities this register does not keep yet (customers, shifts, …) or could not read. */
  ignored: number
}

const paymentMethod = (method: string | undefined): 'cash' | 'card' | 'other' =>
  method === 'cash' || method === 'card' ? method : 'other'
const paymentStatus = (status: string | undefined): 'COMPLETED' | 'REFUNDED' | 'VOIDED' =>
  status === 'REFUNDED' || status === 'VOIDED' ? status : 'COMPLETED'

function meta(change: PulledChange, localDeviceId: string) {
  return {
    deviceId: change.deviceId ?? localDeviceId,
    syncVersion: change.version,
    serverHash: change.hash,
    syncStatus: 'SYNCED' as const,
    updatedAt: change.updatedAt,
    deletedAt: change.op === 'delete' ? change.updatedAt : null,
  }
}

/**
 * Keeps this register's order sequence ahead of any pulled order carrying its own number prefix
 * (a reinstall that reuses a register code pulls its earlier orders): new numbers never repeat them.
 */
function keepSequenceAhead(
  tx: RegisterExecutor,
  orderNumber: string,
  ownPrefix: string | null,
): void {
  if (!ownPrefix || !orderNumber.startsWith(ownPrefix)) return
  const seq = Number(orderNumber.slice(ownPrefix.length))
  if (!Number.isSafeInteger(seq)) return
  tx.update(deviceIdentity)
    .set({ lastOrderSeq: sql`max(${deviceIdentity.lastOrderSeq}, ${seq})` })
    .where(eq(deviceIdentity.id, 1))
    .run()
}

function applyOrder(
  tx: RegisterExecutor,
  change: PulledChange,
  localDeviceId: string,
  currency: string,
  ownPrefix: string | null,
): boolean {
  const table = orders
  if (change.op === 'delete') {
    tx.update(table)
      .set({ deletedAt: change.updatedAt, syncStatus: 'SYNCED' })
      .where(eq(table.id, change.id))
      .run()
    return true
  }
  const parsed = WireOrder.safeParse(change.data)
  if (!parsed.success) return false
  const { order, items, payments: paid } = parsed.data
  const rowMeta = meta(change, localDeviceId)
  const createdAt = order.createdAt ?? change.updatedAt
  const values = {
    ...rowMeta,
    id: change.id,
    orderNumber: order.orderNumber ?? `EXT-${change.id.slice(0, 8)}`,
    clientRequestId: order.clientRequestId ?? change.id,
    status: order.status,
    currency: order.currency ?? currency,
    itemCount: order.itemCount ?? items.reduce((sum, item) => sum + (item.quantity ?? 1), 0),
    subtotalCents: order.subtotalCents ?? order.totalCents - (order.taxCents ?? 0),
    discountCents: order.discountCents ?? 0,
    taxCents: order.taxCents ?? 0,
    totalCents: order.totalCents,
    cashRoundingCents: order.cashRoundingCents ?? 0,
    createdAt,
  }
  const { id: _id, ...update } = values
  tx.insert(orders).values(values).onConflictDoUpdate({ target: orders.id, set: update }).run()
  keepSequenceAhead(tx, values.orderNumber, ownPrefix)
  // Lines and payments travel with their order: replace them as a whole.
  tx.delete(orderItems).where(eq(orderItems.orderId, change.id)).run()
  tx.delete(payments).where(eq(payments.orderId, change.id)).run()
  const lineMeta = { ...rowMeta, deletedAt: null }
  if (items.length > 0) {
    tx.insert(orderItems)
      .values(
        items.map((item, index) => ({
          ...lineMeta,
          id: item.id ?? `${change.id}:item:${index + 1}`,
          orderId: change.id,
          lineNumber: index + 1,
          productId: item.productId ?? null,
          sku: item.sku ?? '',
          name: item.name ?? 'Item',
          unitPriceCents: item.unitPriceCents ?? 0,
          quantity: Math.max(1, Math.round(item.quantity ?? 1)),
          taxRateBasisPoints: item.taxRateBasisPoints ?? 0,
          discountCents: item.discountCents ?? 0,
          netCents: item.netCents ?? item.totalCents ?? 0,
          taxCents: item.taxCents ?? 0,
          totalCents: item.totalCents ?? 0,
        })),
      )
      .run()
  }
  if (paid.length > 0) {
    tx.insert(payments)
      .values(
        paid.map((payment, index) => ({
          ...lineMeta,
          id: payment.id ?? `${change.id}:payment:${index + 1}`,
          orderId: change.id,
          method: paymentMethod(payment.method),
          amountCents: payment.amountCents,
          tenderedCents: payment.tenderedCents ?? payment.amountCents,
          changeCents: payment.changeCents ?? 0,
          referenceNumber: payment.referenceNumber ?? null,
          status: paymentStatus(payment.status),
          createdAt: payment.createdAt ?? createdAt,
        })),
      )
      .run()
  }
  return true
}

function applyCatalogRow(
  tx: RegisterExecutor,
  change: PulledChange,
  localDeviceId: string,
  defaultTaxRateId: string | null,
): boolean {
  const rowMeta = meta(change, localDeviceId)
  switch (change.entity) {
    case 'product': {
      if (change.op === 'delete') {
        tx.update(products)
          .set({ deletedAt: change.updatedAt, isActive: false, syncStatus: 'SYNCED' })
          .where(eq(products.id, change.id))
          .run()
        return true
      }
      const parsed = WireProduct.safeParse(change.data)
      const taxRateId = parsed.success ? (parsed.data.taxRateId ?? defaultTaxRateId) : null
      if (!parsed.success || !taxRateId) return false
      const categoryId = parsed.data.categoryId ?? null
      const hasCategory =
        categoryId === null ||
        !!tx
          .select({ id: categories.id })
          .from(categories)
          .where(eq(categories.id, categoryId))
          .get()
      const values = {
        ...rowMeta,
        id: change.id,
        sku: parsed.data.sku ?? change.id,
        barcode: parsed.data.barcode ?? null,
        name: parsed.data.name,
        priceCents: parsed.data.priceCents,
        categoryId: hasCategory ? categoryId : null,
        taxRateId,
        isActive: parsed.data.isActive ?? true,
      }
      const { id: _id, ...update } = values
      tx.insert(products)
        .values(values)
        .onConflictDoUpdate({ target: products.id, set: update })
        .run()
      return true
    }
    case 'category': {
      if (change.op === 'delete') {
        tx.update(categories)
          .set({ deletedAt: change.updatedAt, syncStatus: 'SYNCED' })
          .where(eq(categories.id, change.id))
          .run()
        return true
      }
      const parsed = WireCategory.safeParse(change.data)
      if (!parsed.success) return false
      const values = {
        ...rowMeta,
        id: change.id,
        name: parsed.data.name,
        color: parsed.data.color ?? null,
        sortOrder: parsed.data.sortOrder ?? 0,
      }
      const { id: _id, ...update } = values
      tx.insert(categories)
        .values(values)
        .onConflictDoUpdate({ target: categories.id, set: update })
        .run()
      return true
    }
    case 'taxRate': {
      if (change.op === 'delete') {
        tx.update(taxRates)
          .set({ deletedAt: change.updatedAt, syncStatus: 'SYNCED' })
          .where(eq(taxRates.id, change.id))
          .run()
        return true
      }
      const parsed = WireTaxRate.safeParse(change.data)
      if (!parsed.success) return false
      const values = {
        ...rowMeta,
        id: change.id,
        name: parsed.data.name,
        rateBasisPoints: parsed.data.rateBasisPoints,
        isDefault: parsed.data.isDefault ?? false,
      }
      const { id: _id, ...update } = values
      tx.insert(taxRates)
        .values(values)
        .onConflictDoUpdate({ target: taxRates.id, set: update })
        .run()
      return true
    }
    default:
      return false
  }
}

export interface PullPage {
  changes: readonly PulledChange[]
  nextSyncToken: string
}

/**
 * Applies one pulled page and moves the cursor in the same transaction: a crash leaves either
 * both or neither. Records with local changes the server has not confirmed are left alone; their
 * own push settles them.
 */
export function applyPulledPage(
  db: RegisterDb,
  page: PullPage,
  context: { localDeviceId: string; currency: string; now: string },
): AppliedPage {
  return db.transaction((tx) => {
    const result: AppliedPage = { orderIds: [], skippedLocal: 0, ignored: 0 }
    const byEntity = new Map<string, string[]>()
    for (const change of page.changes)
      byEntity.set(change.entity, [...(byEntity.get(change.entity) ?? []), change.id])
    const protectedIds = new Map(
      [...byEntity].map(([entity, ids]) => [entity, unsyncedEntityIds(tx, entity, ids)]),
    )
    const defaultTaxRateId =
      tx.select({ id: taxRates.id }).from(taxRates).where(eq(taxRates.isDefault, true)).get()?.id ??
      null
    const storeCode = tx.select({ code: storeSettings.storeCode }).from(storeSettings).get()?.code
    const registerCode = tx
      .select({ code: deviceIdentity.registerCode })
      .from(deviceIdentity)
      .get()?.code
    const ownPrefix = storeCode && registerCode ? `${storeCode}-${registerCode}-` : null
    for (const change of page.changes) {
      if (protectedIds.get(change.entity)?.has(change.id)) {
        result.skippedLocal++
        continue
      }
      const isApplied =
        change.entity === 'order'
          ? applyOrder(tx, change, context.localDeviceId, context.currency, ownPrefix)
          : applyCatalogRow(tx, change, context.localDeviceId, defaultTaxRateId)
      if (!isApplied) result.ignored++
      else if (change.entity === 'order') result.orderIds.push(change.id)
    }
    updateSyncState(tx, { pullCursor: page.nextSyncToken }, context.now)
    return result
  })
}

/** Orders by id, for tests and events. */
export function existingOrderIds(db: RegisterDb, ids: readonly string[]): string[] {
  if (ids.length === 0) return []
  return db
    .select({ id: orders.id })
    .from(orders)
    .where(inArray(orders.id, [...ids]))
    .all()
    .map((row) => row.id)
}
