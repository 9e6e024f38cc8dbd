import { z } from 'zod'
import { ModifierGroup, PricingUnit, ProductVariant } from '../ipc/catalogSchemas'
import {
  AuditEventData,
  CashMovementData,
  CategoryData,
  CustomerData,
  EmployeeData,
  OrderHeader,
  OrderItem,
  OrderPayment,
  ProductData,
  ShiftData,
  StoreRulesData,
  TaxRateData,
} from './entities'
import { inventoryEntitySchemas } from './inventoryEntities'

/*
 * The records as registers write and read them: the server's entity schemas (entities.ts) extended
 * with the fields registers carry that the server stores and relays without checking. A register
 * pushes data of these types and parses pulled data with these schemas; a record another client
 * wrote without a register field still reads, with the register's defaults (status COMPLETED,
 * kind SALE, no modifiers).
 */

const Cents = z.number().int().safe()

const OptionalText = z.string().nullable().optional()

/** A sale's status on a register (the server accepts any short status). */
export const SaleStatus = z.enum(['COMPLETED', 'REFUNDED', 'VOIDED'])
/** SALE, or REFUND: a new record referencing the sale (money negative, quantities positive). */
export const OrderKind = z.enum(['SALE', 'REFUND'])
/** The roles a register signs staff in as (the server accepts any short role). */
export const EmployeeRole = z.enum(['cashier', 'manager', 'admin'])
export const OrderLineModifier = z.object({
  groupName: z.string(),
  name: z.string(),
  priceCents: Cents,
})

/*
 * Register fields another client may leave out read as the register's default: `.default` answers
 * an absent field without raising an issue (a first sync reads tens of thousands of such records;
 * an issue is built, message and all, before `.catch` drops it), `.catch` still takes any value it
 * cannot read.
 */
export const OrderHeaderRecord = OrderHeader.extend({
  clientRequestId: z.string().optional(),
  status: SaleStatus.default('COMPLETED').catch('COMPLETED'),
  itemCount: z.number().int().optional(),
  cashRoundingCents: Cents.optional(),
  kind: OrderKind.default('SALE').catch('SALE'),
  refundOfOrderId: OptionalText,
  employeeId: OptionalText,
  shiftId: OptionalText,
  customerId: OptionalText,
  note: OptionalText,
  refundReason: OptionalText,
})

export const OrderItemRecord = OrderItem.extend({
  sku: z.string().optional(),
  lineNumber: z.number().int().optional(),
  taxRateBasisPoints: z.number().int().optional(),
  discountCents: Cents.optional(),
  netCents: Cents.optional(),
  taxCents: Cents.optional(),
  variantId: OptionalText,
  variantName: OptionalText,
  modifiers: z
    .array(OrderLineModifier)
    .default(() => [])
    .catch(() => []),
  note: OptionalText,
  refundOfItemId: OptionalText,
  weightGrams: z.number().int().nullable().optional(),
})

export const OrderPaymentRecord = OrderPayment.extend({
  tenderedCents: Cents.optional(),
  changeCents: Cents.optional(),
  referenceNumber: OptionalText,
  tenderId: OptionalText,
  label: OptionalText,
  status: z.string().optional(),
  createdAt: z.string().optional(),
})

export const OrderRecord = z.object({
  order: OrderHeaderRecord,
  items: z.array(OrderItemRecord),
  payments: z.array(OrderPaymentRecord),
})

export const ProductRecord = ProductData.extend({
  // Checked with the editor's own schemas: a malformed variant would break the sale screen.
  variants: z.array(ProductVariant).optional(),
  modifierGroups: z.array(ModifierGroup).optional(),
  trackStock: z.boolean().optional(),
  pricingUnit: PricingUnit.optional(),
})

export const CategoryRecord = CategoryData.extend({
  color: z.string().nullable().optional(),
  sortOrder: z.number().int().optional(),
})

export const TaxRateRecord = TaxRateData.extend({ isDefault: z.boolean().optional() })

export const CustomerRecord = CustomerData.extend({
  note: OptionalText,
  createdAt: z.string().optional(),
})

export const EmployeeRecord = EmployeeData.extend({
  role: EmployeeRole,
  /** The PIN hash travels so every register can verify PINs offline. */
  pinHash: z.string().min(1),
})

export const ShiftRecord = ShiftData.extend({
  /** The register the shift belongs to: another register closing its copy must not take it. */
  deviceId: z.string().optional(),
  registerCode: z.string().optional(),
  openedBy: z.string().optional(),
  closedBy: OptionalText,
  expectedCashCents: Cents.nullable().optional(),
  countedCashCents: Cents.nullable().optional(),
  differenceCents: Cents.nullable().optional(),
  cashCount: z.unknown().optional(),
  zReport: z.unknown().optional(),
})

export const CashMovementRecord = CashMovementData.extend({ approvedBy: OptionalText })

export const AuditEventRecord = AuditEventData

/** The store's rules: read with StoreOptions' defaults for anything another client left out. */
export const StoreRulesRecord = StoreRulesData

/** Each entity a register keeps, and the schema its records are written and read with. */
export const wireRecordSchemas = {
  order: OrderRecord,
  product: ProductRecord,
  category: CategoryRecord,
  taxRate: TaxRateRecord,
  customer: CustomerRecord,
  employee: EmployeeRecord,
  shift: ShiftRecord,
  cashMovement: CashMovementRecord,
  auditEvent: AuditEventRecord,
  storeRules: StoreRulesRecord,
  // Inventory records are read as the server checks them: registers add no fields of their own.
  ...inventoryEntitySchemas,
} as const
export type WireRecordEntity = keyof typeof wireRecordSchemas
/** A record as a register pushes it. */
export type WireRecord<E extends WireRecordEntity> = z.input<(typeof wireRecordSchemas)[E]>
/** A record as a register reads it, defaults applied. */
export type ReadWireRecord<E extends WireRecordEntity> = z.output<(typeof wireRecordSchemas)[E]>
