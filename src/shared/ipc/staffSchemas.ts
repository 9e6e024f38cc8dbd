import { z } from 'zod'
import { ProtectedAction, StoreOptions, StoreOptionsStrict } from '../store/options'

const Cents = z.number().int().safe()
const Id = z.uuid()
const Pin = z.string().regex(/^[0-9]{4,8}$/, 'a PIN is 4 to 8 digits')

export const Role = z.enum(['cashier', 'manager', 'admin'])

export const Employee = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  isActive: z.boolean(),
})

export const ShiftSummary = z.object({
  id: Id,
  registerCode: z.string(),
  status: z.enum(['OPEN', 'CLOSED']),
  openedAt: z.string(),
  openedByName: z.string().nullable(),
  openingCashCents: Cents,
  closedAt: z.string().nullable(),
  expectedCashCents: Cents.nullable(),
  countedCashCents: Cents.nullable(),
  differenceCents: Cents.nullable(),
})

/** Who is at the register and whether its drawer is open. */
export const Session = z.object({
  employee: Employee.nullable(),
  /** This register's open shift, if any. */
  shift: ShiftSummary.nullable(),
  /** The protected actions a cashier needs a manager's PIN for (StoreOptions.approvals). */
  approvals: z.array(ProtectedAction),
  idleLockSeconds: z.number().int(),
})

export const SignInInput = z.object({ pin: Pin }).strict()

/** An admin adds or edits a person; `pin` is required for a new one and optional on edits. */
export const EmployeeInput = z
  .object({
    id: Id.optional(),
    name: z.string().trim().min(1).max(100),
    role: Role,
    pin: Pin.optional(),
    isActive: z.boolean().default(true),
    approvalId: Id.optional(),
  })
  .strict()

export const ApproveInput = z.object({ pin: Pin, action: ProtectedAction }).strict()

/** A one-time manager approval for one action, valid for a few minutes. */
export const Approval = z.object({
  approvalId: Id,
  action: ProtectedAction,
  approverName: z.string(),
  expiresAt: z.string(),
})

export const ShiftOpenInput = z.object({ openingCashCents: Cents.min(0).max(100_000_000) }).strict()

export const CashMovementInput = z
  .object({
    kind: z.enum(['IN', 'OUT']),
    amountCents: Cents.min(1).max(100_000_000),
    reason: z.string().trim().min(1).max(200),
    approvalId: Id.optional(),
  })
  .strict()

export const CashMovement = z.object({
  id: Id,
  shiftId: Id,
  kind: z.enum(['IN', 'OUT']),
  amountCents: Cents,
  reason: z.string(),
  employeeName: z.string().nullable(),
  createdAt: z.string(),
})

export const DrawerOpenInput = z
  .object({ reason: z.string().trim().min(1).max(200), approvalId: Id.optional() })
  .strict()

export const DenominationCount = z
  .object({
    denominationCents: z.number().int().min(1),
    count: z.number().int().min(0).max(100_000),
  })
  .strict()

export const ShiftCloseInput = z
  .object({
    counts: z.array(DenominationCount).min(1).max(40),
    approvalId: Id.optional(),
  })
  .strict()

const MethodTotals = z.object({
  tenderId: z.string(),
  label: z.string(),
  kind: z.enum(['cash', 'card', 'other']),
  salesCents: Cents,
  /** Negative: money given back. */
  refundsCents: Cents,
  netCents: Cents,
  count: z.number().int(),
})

/** The end-of-shift report; every figure is in cents and sums exactly from the stored orders. */
export const ZReport = z.object({
  shiftId: Id,
  registerCode: z.string(),
  currency: z.string(),
  openedAt: z.string(),
  openedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  sales: z.object({
    count: z.number().int(),
    /** Before discounts, excluding tax when prices exclude it. */
    grossCents: Cents,
    discountCents: Cents,
    netCents: Cents,
    taxCents: Cents,
    totalCents: Cents,
  }),
  refunds: z.object({ count: z.number().int(), totalCents: Cents, taxCents: Cents }),
  /** Sales total plus refunds total (refunds are negative). */
  netTotalCents: Cents,
  byMethod: z.array(MethodTotals),
  taxByRate: z.array(
    z.object({ rateBasisPoints: z.number().int(), taxableCents: Cents, taxCents: Cents }),
  ),
  voids: z.object({ count: z.number().int(), totalCents: Cents }),
  cashMovements: z.object({
    inCents: Cents,
    outCents: Cents,
    items: z.array(CashMovement),
  }),
  noSaleCount: z.number().int(),
  cash: z.object({
    openingCents: Cents,
    salesCents: Cents,
    refundsCents: Cents,
    inCents: Cents,
    outCents: Cents,
    expectedCents: Cents,
    countedCents: Cents.nullable(),
    differenceCents: Cents.nullable(),
    counts: z.array(DenominationCount),
  }),
  /** Orders that reached this register after the shift closed: never dropped, flagged here. */
  late: z.object({ count: z.number().int(), totalCents: Cents }),
})

export const ShiftReportInput = z.object({ shiftId: Id }).strict()

/**
 * One audit event with the names its sentence needs (people with their roles, the register's
 * code, products and order numbers by id); the words come from src/shared/audit.
 */
export const AuditEvent = z.object({
  id: Id,
  action: z.string(),
  employeeId: z.string().nullable(),
  employeeName: z.string().nullable(),
  employeeRole: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedByRole: z.string().nullable(),
  deviceId: z.string(),
  registerCode: z.string().nullable(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  names: z.object({
    products: z.record(z.string(), z.string()),
    orders: z.record(z.string(), z.string()),
  }),
  createdAt: z.string(),
})

export const AuditListInput = z
  .object({ limit: z.number().int().min(1).max(500).default(100) })
  .strict()
  .default({ limit: 100 })

export const SettingsView = z.object({ options: StoreOptions })

/** A manager's change to how this register runs the store's rules (approvals, tenders, …). */
export const StoreOptionsInput = z
  .object({ options: StoreOptionsStrict, approvalId: Id.optional() })
  .strict()
