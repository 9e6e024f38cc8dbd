import { z } from 'zod'

/**
 * How a store runs its registers beyond pricing: who must approve what, which tenders it takes,
 * when an idle register locks, how in-store barcodes embed weight or price. Stored as JSON in
 * store_settings.options; every field has a default so an older register's '{}' reads fine.
 */
export const ProtectedAction = z.enum([
  /** A line or order discount above `discountLimitPercent`. */
  'discount',
  'refund',
  /** Clearing a cart that has items in it. */
  'void',
  'cashMovement',
  /** Opening the drawer without a sale. */
  'noSale',
  /** Closing a shift (counting the drawer out). */
  'closeShift',
  /** Editing the catalog or importing products. */
  'catalogEdit',
  /** Changing this register's printers, mode or language. */
  'settings',
  /** A stock adjustment, or applying a stock count (both move on hand without a sale). */
  'stockAdjust',
])
export type ProtectedAction = z.infer<typeof ProtectedAction>

export const TenderKind = z.enum(['cash', 'card', 'other'])
export type TenderKind = z.infer<typeof TenderKind>

export const TenderMethod = z.object({
  /** Stable id the renderer sends: 'cash', 'card', 'voucher'. */
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/),
  kind: TenderKind,
  label: z.string().min(1).max(40),
  /** Whether the cashier must type a reference (card approval code, voucher number). */
  requiresReference: z.boolean().default(false),
})
export type TenderMethod = z.infer<typeof TenderMethod>

/** EAN-13 in-store prefixes 20–29: what the five digits before the check digit mean. */
export const EmbeddedBarcodeRule = z.object({
  prefix: z.string().regex(/^2[0-9]$/),
  kind: z.enum(['price', 'weight']),
})
export type EmbeddedBarcodeRule = z.infer<typeof EmbeddedBarcodeRule>

/** What a cashier needs a manager for in a new store. */
const defaultApprovals: ProtectedAction[] = [
  'discount',
  'refund',
  'void',
  'cashMovement',
  'noSale',
  'catalogEdit',
  'settings',
  'stockAdjust',
]

export const StoreOptions = z.object({
  /** Discounts above this percent of the line (or order) need a manager. */
  discountLimitPercent: z.number().min(0).max(100).default(20),
  /** Actions a cashier may only do with a manager's PIN. Managers and admins never need one. */
  approvals: z
    .array(z.string().max(60))
    .max(50)
    // An action a newer release protects is dropped here, never a reason to refuse the rules.
    .transform((actions) =>
      actions.filter(
        (action): action is ProtectedAction => ProtectedAction.safeParse(action).success,
      ),
    )
    .default(defaultApprovals),
  tenderMethods: z
    .array(TenderMethod)
    .min(1)
    .default([
      { id: 'cash', kind: 'cash', label: 'Cash', requiresReference: false },
      { id: 'card', kind: 'card', label: 'Card', requiresReference: false },
      { id: 'voucher', kind: 'other', label: 'Voucher', requiresReference: true },
    ]),
  /** Seconds without input before the register locks; 0 never locks. */
  idleLockSeconds: z.number().int().min(0).max(86_400).default(120),
  /** Failed PIN entries in a row before sign-in pauses for `pinLockoutSeconds`. */
  pinAttempts: z.number().int().min(1).max(20).default(5),
  pinLockoutSeconds: z.number().int().min(0).max(3600).default(30),
  embeddedBarcodes: z.array(EmbeddedBarcodeRule).default([
    { prefix: '21', kind: 'weight' },
    { prefix: '22', kind: 'price' },
  ]),
  /** Bills and coins counted at shift close, largest first. */
  denominationsCents: z
    .array(z.number().int().min(1))
    .min(1)
    .default([10_000, 5_000, 2_000, 1_000, 500, 100, 25, 10, 5, 1]),
  /** Selling needs an open shift on this register. */
  requireOpenShift: z.boolean().default(true),
  /**
   * Closing a shift whose count is over or short by more than this (in minor units) asks the
   * cashier again; so does a count left blank.
   */
  closeShiftVarianceCents: z.number().int().min(0).max(100_000_000).default(500),
})
export type StoreOptions = z.infer<typeof StoreOptions>

/**
 * The same options as a manager sends them: unknown keys are refused (a typo must not be dropped
 * silently), while stored options stay lenient so an older register reads a newer one's JSON.
 */
export const StoreOptionsStrict = StoreOptions.extend({
  approvals: z.array(ProtectedAction).max(50).default(defaultApprovals),
  tenderMethods: z
    .array(TenderMethod.strict())
    .min(1)
    .refine((methods) => new Set(methods.map((method) => method.id)).size === methods.length, {
      message: 'each tender needs its own id',
    }),
  embeddedBarcodes: z.array(EmbeddedBarcodeRule.strict()),
}).strict()

/** Reads stored options; a corrupt value falls back to defaults rather than stopping the till. */
export function parseStoreOptions(json: string): StoreOptions {
  try {
    const parsed = StoreOptions.safeParse(JSON.parse(json))
    if (parsed.success) return parsed.data
  } catch {
    // fall through to defaults
  }
  return StoreOptions.parse({})
}
