import { z } from 'zod'
import { StoreOptions } from '../store/options'
import { inventoryEntitySchemas } from './inventoryEntities'

/**
 * Data schemas of the syncable entities (wire v1: money in integer cents).
 * Objects are loose so a register can carry extra fields the server stores and relays unchanged.
 */
const Cents = z.number().int().safe()
const Id = z.string().min(1).max(128)
const Timestamp = z.string().max(64)
/** A display name: something other than blanks. */
const Name = (max: number) => z.string().min(1).max(max).regex(/\S/, 'must not be blank')

export const OrderStatus = z.string().min(1).max(40)

export const OrderHeader = z.looseObject({
  id: Id,
  orderNumber: z.string().max(80).optional(),
  /** Sale status; once final (COMPLETED, REFUNDED, ...) only a forward move is accepted. */
  status: OrderStatus.optional(),
  subtotalCents: Cents.optional(),
  taxCents: Cents.optional(),
  discountCents: Cents.optional(),
  totalCents: Cents,
  currency: z.string().length(3).optional(),
  createdAt: Timestamp.optional(),
  updatedAt: Timestamp.optional(),
})

export const OrderItem = z.looseObject({
  id: Id.optional(),
  productId: Id.optional(),
  name: z.string().max(200).optional(),
  quantity: z.number().positive().optional(),
  unitPriceCents: Cents.optional(),
  totalCents: Cents.optional(),
})

export const OrderPayment = z.looseObject({
  id: Id.optional(),
  method: z.string().max(40).optional(),
  amountCents: Cents,
})

/** An order travels with its items and payments as one record, never split. */
export const OrderEnvelope = z.strictObject({
  order: OrderHeader,
  items: z.array(OrderItem).max(500),
  payments: z.array(OrderPayment).max(50),
})
export type OrderEnvelope = z.infer<typeof OrderEnvelope>

export const TransactionData = z.looseObject({
  id: Id,
  orderId: Id.optional(),
  referenceNumber: z.string().max(80).optional(),
  amountCents: Cents,
  paymentMethod: z.string().max(40).optional(),
  status: z.string().max(40).optional(),
})

export const ProductData = z.looseObject({
  id: Id,
  name: Name(200),
  sku: z.string().max(80).optional(),
  barcode: z.string().max(80).nullable().optional(),
  barcodes: z.array(z.string().max(80)).max(20).optional(),
  priceCents: Cents,
  categoryId: Id.nullable().optional(),
  taxRateId: Id.nullable().optional(),
  isActive: z.boolean().optional(),
})

export const CategoryData = z.looseObject({
  id: Id,
  name: Name(200),
  parentId: Id.nullable().optional(),
})

export const TaxRateData = z.looseObject({
  id: Id,
  name: Name(100),
  /** Rate in basis points: 825 = 8.25 %. */
  rateBasisPoints: z.number().int().min(0).max(100_000),
  isInclusive: z.boolean(),
})

export const CustomerData = z.looseObject({
  id: Id,
  name: Name(200),
  email: z.string().max(200).optional(),
  phone: z.string().max(40).optional(),
})

export const EmployeeData = z.looseObject({
  id: Id,
  name: Name(200),
  role: z.string().min(1).max(40),
  isActive: z.boolean().optional(),
})

export const ShiftData = z.looseObject({
  id: Id,
  employeeId: Id,
  openedAt: Timestamp,
  closedAt: Timestamp.nullable().optional(),
  openingCashCents: Cents,
  closingCashCents: Cents.nullable().optional(),
  status: z.enum(['OPEN', 'CLOSED']),
})

export const CashMovementData = z.looseObject({
  id: Id,
  shiftId: Id,
  kind: z.enum(['IN', 'OUT']),
  amountCents: Cents,
  reason: z.string().max(200),
  employeeId: Id,
  createdAt: Timestamp,
})

/** Protected actions, approvals and drawer opens: append-only. */
export const AuditEventData = z.looseObject({
  id: Id,
  action: z.string().min(1).max(60),
  employeeId: Id.nullable().optional(),
  approvedBy: Id.nullable().optional(),
  subjectId: z.string().max(128).nullable().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  createdAt: Timestamp,
})

/**
 * The record id of a store's rules: one record per store (sync records are keyed by store, entity
 * and id), so every store's rules live under this same well-known id.
 */
export const STORE_RULES_ID = 'store-rules'

/**
 * A store's operating rules (approvals, tenders, idle lock, PIN lockout, label prefixes,
 * denominations), one record per store under STORE_RULES_ID, edited in the back office or by a
 * manager on a register. Values are checked (a bad prefix or an empty tender list is refused);
 * fields a newer client adds are kept and relayed.
 */
export const StoreRulesData = StoreOptions.loose()

/** Every syncable entity and the schema of its data; the server's registry adds policies. */
export const entitySchemas = {
  order: OrderEnvelope,
  transaction: TransactionData,
  product: ProductData,
  category: CategoryData,
  taxRate: TaxRateData,
  customer: CustomerData,
  employee: EmployeeData,
  shift: ShiftData,
  cashMovement: CashMovementData,
  auditEvent: AuditEventData,
  storeRules: StoreRulesData,
  ...inventoryEntitySchemas,
} as const

export const entityNames = Object.keys(entitySchemas) as [
  keyof typeof entitySchemas,
  ...(keyof typeof entitySchemas)[],
]
export const EntityName = z.enum(entityNames)
export type EntityName = z.infer<typeof EntityName>
