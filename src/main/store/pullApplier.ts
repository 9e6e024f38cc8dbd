import { eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { PulledChange } from '../../shared/sync/protocol'
import type { RegisterDb } from './database'
import { isSyncedEntity, syncedTables } from './syncedTables'
import { unsyncedEntityIds } from './outboxRepository'
import { ModifierGroup, PricingUnit, ProductVariant } from '../../shared/ipc/catalogSchemas'
import { pullStatements, storedVersions, type PullStatements } from './pullStatements'
import { deviceIdentity, orders, storeSettings, taxRates } from './schema'
import { updateSyncState } from './syncStateRepository'

// What the register needs of each entity; unknown fields from other clients are ignored, missing
// optional ones get safe defaults so an order rung up elsewhere still shows in Orders.
const Cents = z.number().int().safe()
const WireModifier = z.object({ groupName: z.string(), name: z.string(), priceCents: Cents })
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
    kind: z.enum(['SALE', 'REFUND']).catch('SALE'),
    refundOfOrderId: z.string().nullable().optional(),
    employeeId: z.string().nullable().optional(),
    shiftId: z.string().nullable().optional(),
    customerId: z.string().nullable().optional(),
    note: z.string().nullable().optional(),
    refundReason: z.string().nullable().optional(),
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
      variantId: z.string().nullable().optional(),
      variantName: z.string().nullable().optional(),
      modifiers: z.array(WireModifier).catch([]),
      note: z.string().nullable().optional(),
      refundOfItemId: z.string().nullable().optional(),
      weightGrams: z.number().int().nullable().optional(),
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
      tenderId: z.string().nullable().optional(),
      label: z.string().nullable().optional(),
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
  barcodes: z.array(z.string()).optional(),
  // Checked with the editor's own schemas: a malformed variant would break the sale screen.
  variants: z.array(ProductVariant).optional(),
  modifierGroups: z.array(ModifierGroup).optional(),
  trackStock: z.boolean().optional(),
  pricingUnit: PricingUnit.optional(),
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
const WireCustomer = z.looseObject({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
  createdAt: z.string().optional(),
})
const WireEmployee = z.looseObject({
  id: z.string(),
  name: z.string(),
  role: z.enum(['cashier', 'manager', 'admin']),
  pinHash: z.string().min(1),
  isActive: z.boolean().optional(),
})
const WireShift = z.looseObject({
  id: z.string(),
  /** The register the shift belongs to. */
  deviceId: z.string().optional(),
  registerCode: z.string().optional(),
  openedBy: z.string().optional(),
  employeeId: z.string(),
  openedAt: z.string(),
  openingCashCents: Cents,
  status: z.enum(['OPEN', 'CLOSED']),
  closedBy: z.string().nullable().optional(),
  closedAt: z.string().nullable().optional(),
  expectedCashCents: Cents.nullable().optional(),
  countedCashCents: Cents.nullable().optional(),
  closingCashCents: Cents.nullable().optional(),
  differenceCents: Cents.nullable().optional(),
  cashCount: z.unknown().optional(),
  zReport: z.unknown().optional(),
})
const WireCashMovement = z.looseObject({
  id: z.string(),
  shiftId: z.string(),
  kind: z.enum(['IN', 'OUT']),
  amountCents: Cents,
  reason: z.string(),
  employeeId: z.string(),
  approvedBy: z.string().nullable().optional(),
  createdAt: z.string(),
})
const WireAuditEvent = z.looseObject({
  id: z.string(),
  action: z.string(),
  employeeId: z.string().nullable().optional(),
  approvedBy: z.string().nullable().optional(),
  subjectId: z.string().nullable().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  createdAt: z.string(),
})

/** A JSON column's text for a value that may be absent. */
const jsonOrNull = (value: unknown) =>
  value === undefined || value === null ? null : JSON.stringify(value)

export interface AppliedPage {
  /** Orders that arrived or changed, for the Orders screen to refresh. */
  orderIds: string[]
  /** Changes left alone because this register has unsynced edits of the same record. */
  skippedLocal: number
  /** Changes for entities this register does not keep, or whose data it could not read. */
  ignored: number
}

const paymentMethod = (method: string | undefined): 'cash' | 'card' | 'other' =>
  method === 'cash' || method === 'card' ? method : 'other'
const paymentStatus = (status: string | undefined): 'COMPLETED' | 'REFUNDED' | 'VOIDED' =>
  status === 'REFUNDED' || status === 'VOIDED' ? status : 'COMPLETED'

/** Sync columns of a pulled row, as named statement parameters. */
function syncParams(change: PulledChange, localDeviceId: string) {
  return {
    id: change.id,
    device_id: change.deviceId ?? localDeviceId,
    sync_version: change.version,
    server_hash: change.hash,
    sync_status: 'SYNCED',
    updated_at: change.updatedAt,
    deleted_at: null,
  }
}

interface PageContext {
  statements: PullStatements
  localDeviceId: string
  currency: string
  /** "S01-R1-": pulled orders with this prefix keep this register's own numbering ahead of them. */
  ownPrefix: string | null
  defaultTaxRateId: string | null
  categoryIds: Set<string>
}

function softDelete(context: PageContext, change: PulledChange): boolean {
  if (!isSyncedEntity(change.entity)) return false
  context.statements.softDelete[change.entity].run({
    id: change.id,
    at: change.updatedAt,
    version: change.version,
    hash: change.hash,
  })
  return true
}

function applyOrder(context: PageContext, change: PulledChange): boolean {
  const parsed = WireOrder.safeParse(change.data)
  if (!parsed.success) return false
  const { order, items, payments: paid } = parsed.data
  const { statements } = context
  const base = syncParams(change, context.localDeviceId)
  const createdAt = order.createdAt ?? change.updatedAt
  const orderNumber = order.orderNumber ?? `EXT-${change.id.slice(0, 8)}`
  const shiftId = order.shiftId ?? null
  // First arrival after its shift was closed here: the Z report shows it in the late bucket.
  const isLate =
    shiftId !== null &&
    statements.shiftStatus.get(shiftId) === 'CLOSED' &&
    statements.orderExists.get(change.id) === undefined
  statements.upsertOrder.run({
    ...base,
    order_number: orderNumber,
    client_request_id: order.clientRequestId ?? change.id,
    status: order.status,
    currency: order.currency ?? context.currency,
    item_count: order.itemCount ?? items.reduce((sum, item) => sum + (item.quantity ?? 1), 0),
    subtotal_cents: order.subtotalCents ?? order.totalCents - (order.taxCents ?? 0),
    discount_cents: order.discountCents ?? 0,
    tax_cents: order.taxCents ?? 0,
    total_cents: order.totalCents,
    cash_rounding_cents: order.cashRoundingCents ?? 0,
    kind: order.kind,
    refund_of_order_id: order.refundOfOrderId ?? null,
    employee_id: order.employeeId ?? null,
    shift_id: shiftId,
    customer_id: order.customerId ?? null,
    note: order.note ?? null,
    refund_reason: order.refundReason ?? null,
    late_for_shift: isLate ? 1 : 0,
    created_at: createdAt,
  })
  if (context.ownPrefix && orderNumber.startsWith(context.ownPrefix)) {
    const seq = Number(orderNumber.slice(context.ownPrefix.length))
    if (Number.isSafeInteger(seq)) statements.keepSequenceAhead.run(seq)
  }
  // Lines and payments travel with their order: replace them as a whole.
  statements.deleteOrderItems.run(change.id)
  statements.deleteOrderPayments.run(change.id)
  items.forEach((item, index) =>
    statements.insertItem.run({
      ...base,
      id: item.id ?? `${change.id}:item:${index + 1}`,
      order_id: change.id,
      line_number: index + 1,
      product_id: item.productId ?? null,
      sku: item.sku ?? '',
      name: item.name ?? 'Item',
      unit_price_cents: item.unitPriceCents ?? 0,
      quantity: Math.max(1, Math.round(item.quantity ?? 1)),
      tax_rate_basis_points: item.taxRateBasisPoints ?? 0,
      discount_cents: item.discountCents ?? 0,
      net_cents: item.netCents ?? item.totalCents ?? 0,
      tax_cents: item.taxCents ?? 0,
      total_cents: item.totalCents ?? 0,
      variant_id: item.variantId ?? null,
      variant_name: item.variantName ?? null,
      modifiers: JSON.stringify(item.modifiers),
      note: item.note ?? null,
      refund_of_item_id: item.refundOfItemId ?? null,
      weight_grams: item.weightGrams ?? null,
    }),
  )
  paid.forEach((payment, index) =>
    statements.insertPayment.run({
      ...base,
      id: payment.id ?? `${change.id}:payment:${index + 1}`,
      order_id: change.id,
      method: paymentMethod(payment.method),
      amount_cents: payment.amountCents,
      tendered_cents: payment.tenderedCents ?? payment.amountCents,
      change_cents: payment.changeCents ?? 0,
      reference_number: payment.referenceNumber ?? null,
      tender_id: payment.tenderId ?? null,
      label: payment.label ?? null,
      status: paymentStatus(payment.status),
      created_at: payment.createdAt ?? createdAt,
    }),
  )
  return true
}

function applyCatalogRow(context: PageContext, change: PulledChange): boolean {
  const base = syncParams(change, context.localDeviceId)
  switch (change.entity) {
    case 'product': {
      const parsed = WireProduct.safeParse(change.data)
      const taxRateId = parsed.success ? (parsed.data.taxRateId ?? context.defaultTaxRateId) : null
      if (!parsed.success || !taxRateId) return false
      const sku = parsed.data.sku ?? change.id
      // SKUs are unique here: a product another register created under a SKU this register already
      // uses cannot be stored, and must not stop the rest of the pull either.
      if (context.statements.skuHolder.get(sku, change.id) !== undefined) return false
      const categoryId = parsed.data.categoryId ?? null
      const barcode = parsed.data.barcode ?? parsed.data.barcodes?.[0] ?? null
      context.statements.upsertProduct.run({
        ...base,
        sku,
        barcode,
        name: parsed.data.name,
        price_cents: parsed.data.priceCents,
        // A product can arrive before its category: shown uncategorised rather than refused.
        category_id: categoryId !== null && context.categoryIds.has(categoryId) ? categoryId : null,
        tax_rate_id: taxRateId,
        is_active: parsed.data.isActive === false ? 0 : 1,
        // Older clients send one barcode only: it is then the product's whole list.
        barcodes: JSON.stringify(parsed.data.barcodes ?? (barcode ? [barcode] : [])),
        variants: JSON.stringify(parsed.data.variants ?? []),
        modifier_groups: JSON.stringify(parsed.data.modifierGroups ?? []),
        track_stock: parsed.data.trackStock ? 1 : 0,
        pricing_unit: parsed.data.pricingUnit ?? 'each',
      })
      return true
    }
    case 'category': {
      const parsed = WireCategory.safeParse(change.data)
      if (!parsed.success) return false
      context.statements.upsertCategory.run({
        ...base,
        name: parsed.data.name,
        color: parsed.data.color ?? null,
        sort_order: parsed.data.sortOrder ?? 0,
      })
      context.categoryIds.add(change.id)
      return true
    }
    case 'taxRate': {
      const parsed = WireTaxRate.safeParse(change.data)
      if (!parsed.success) return false
      context.statements.upsertTaxRate.run({
        ...base,
        name: parsed.data.name,
        rate_basis_points: parsed.data.rateBasisPoints,
        is_default: parsed.data.isDefault ? 1 : 0,
      })
      return true
    }
    default:
      return false
  }
}

function applyStoreRow(context: PageContext, change: PulledChange): boolean {
  const base = syncParams(change, context.localDeviceId)
  const { statements } = context
  switch (change.entity) {
    case 'customer': {
      const parsed = WireCustomer.safeParse(change.data)
      if (!parsed.success) return false
      statements.upsertCustomer.run({
        ...base,
        name: parsed.data.name,
        phone: parsed.data.phone ?? null,
        email: parsed.data.email ?? null,
        note: parsed.data.note ?? null,
        created_at: parsed.data.createdAt ?? change.updatedAt,
      })
      return true
    }
    case 'employee': {
      const parsed = WireEmployee.safeParse(change.data)
      if (!parsed.success) return false
      statements.upsertEmployee.run({
        ...base,
        name: parsed.data.name,
        role: parsed.data.role,
        pin_hash: parsed.data.pinHash,
        is_active: parsed.data.isActive === false ? 0 : 1,
      })
      return true
    }
    case 'shift': {
      const parsed = WireShift.safeParse(change.data)
      if (!parsed.success) return false
      const shift = parsed.data
      statements.upsertShift.run({
        ...base,
        // A shift stays its own register's, whoever wrote it last (this register's open-shift
        // lookup goes by device).
        device_id: shift.deviceId ?? base.device_id,
        register_code: shift.registerCode ?? '',
        opened_by: shift.openedBy ?? shift.employeeId,
        opened_at: shift.openedAt,
        opening_cash_cents: shift.openingCashCents,
        status: shift.status,
        closed_by: shift.closedBy ?? null,
        closed_at: shift.closedAt ?? null,
        expected_cash_cents: shift.expectedCashCents ?? null,
        counted_cash_cents: shift.countedCashCents ?? shift.closingCashCents ?? null,
        difference_cents: shift.differenceCents ?? null,
        cash_count: jsonOrNull(shift.cashCount),
        z_report: jsonOrNull(shift.zReport),
      })
      return true
    }
    case 'cashMovement': {
      const parsed = WireCashMovement.safeParse(change.data)
      if (!parsed.success) return false
      statements.upsertCashMovement.run({
        ...base,
        shift_id: parsed.data.shiftId,
        kind: parsed.data.kind,
        amount_cents: parsed.data.amountCents,
        reason: parsed.data.reason,
        employee_id: parsed.data.employeeId,
        approved_by: parsed.data.approvedBy ?? null,
        created_at: parsed.data.createdAt,
      })
      return true
    }
    case 'auditEvent': {
      const parsed = WireAuditEvent.safeParse(change.data)
      if (!parsed.success) return false
      statements.upsertAuditEvent.run({
        ...base,
        action: parsed.data.action,
        employee_id: parsed.data.employeeId ?? null,
        approved_by: parsed.data.approvedBy ?? null,
        subject_id: parsed.data.subjectId ?? null,
        details: JSON.stringify(parsed.data.details ?? {}),
        created_at: parsed.data.createdAt,
      })
      return true
    }
    default:
      return applyCatalogRow(context, change)
  }
}

const entityTables = syncedTables

export interface PullPage {
  changes: readonly PulledChange[]
  /** Where the cursor moves; absent for server rows that arrived outside a pull (push conflicts). */
  nextSyncToken?: string
}

/**
 * Applies one pulled page and moves the cursor in the same transaction: a crash leaves either
 * both or neither. Records with local changes the server has not confirmed are left alone; their
 * own push settles them. A record already held at the pulled version and hash (this register's own
 * sales coming back, a page replayed after a crash) is not written again.
 */
export function applyPulledPage(
  db: RegisterDb,
  page: PullPage,
  context: { localDeviceId: string; currency: string; now: string },
): AppliedPage {
  const statements = pullStatements(db)
  return db.transaction((tx) => {
    const result: AppliedPage = { orderIds: [], skippedLocal: 0, ignored: 0 }
    const byEntity = new Map<string, string[]>()
    for (const change of page.changes) {
      const ids = byEntity.get(change.entity)
      if (ids) ids.push(change.id)
      else byEntity.set(change.entity, [change.id])
    }
    const protectedIds = new Map(
      [...byEntity].map(([entity, ids]) => [entity, unsyncedEntityIds(tx, entity, ids)]),
    )
    const held = new Map(
      [...byEntity].flatMap(([entity, ids]) =>
        Object.hasOwn(entityTables, entity)
          ? [
              [
                entity,
                storedVersions(db, entityTables[entity as keyof typeof entityTables], ids),
              ] as const,
            ]
          : [],
      ),
    )
    const storeCode = tx.select({ code: storeSettings.storeCode }).from(storeSettings).get()?.code
    const registerCode = tx
      .select({ code: deviceIdentity.registerCode })
      .from(deviceIdentity)
      .get()?.code
    const pageContext: PageContext = {
      statements,
      localDeviceId: context.localDeviceId,
      currency: context.currency,
      ownPrefix: storeCode && registerCode ? `${storeCode}-${registerCode}-` : null,
      defaultTaxRateId:
        tx.select({ id: taxRates.id }).from(taxRates).where(eq(taxRates.isDefault, true)).get()
          ?.id ?? null,
      categoryIds: new Set(statements.categoryIds.all() as string[]),
    }
    for (const change of page.changes) {
      if (protectedIds.get(change.entity)?.has(change.id)) {
        result.skippedLocal++
        continue
      }
      const isHeld = held.get(change.entity)?.get(change.id) === `${change.version}:${change.hash}`
      const isApplied =
        isHeld ||
        (change.op === 'delete'
          ? softDelete(pageContext, change)
          : change.entity === 'order'
            ? applyOrder(pageContext, change)
            : applyStoreRow(pageContext, change))
      if (!isApplied) result.ignored++
      else if (change.entity === 'order' && !isHeld) result.orderIds.push(change.id)
    }
    if (page.nextSyncToken !== undefined)
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
