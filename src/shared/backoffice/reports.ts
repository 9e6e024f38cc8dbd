import { z } from 'zod'

/**
 * The back office's reports: request queries and replies. Dates are the stores' business days
 * (each store's own time zone), `from` and `to` both included. Money is in integer minor units
 * (cents); refunds are negative, as the registers record them. Every report also answers as CSV
 * with `format=csv`.
 *
 * Figures (voided orders are listed, never summed):
 * - grossCents: sales before discounts, tax excluded; discountCents: the sales' discounts;
 * - refundCents: refunds, tax excluded (negative); netCents = gross − discounts + refunds;
 * - taxCents and totalCents (tax included): sales and refunds together.
 */

export const REPORT_MAX_DAYS = 400
export const REPORT_MAX_STORES = 100

const isCalendarDay = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}
export const BusinessDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDay, 'not a calendar date')

/** `storeIds=a,b` or `storeIds=a&storeIds=b`; omitted: every store the caller may see. */
export const StoreIds = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id.length > 0)
      : value,
  z.array(z.uuid('expected store ids (UUIDs)')).min(1).max(REPORT_MAX_STORES),
)

export const ReportFormat = z.enum(['json', 'csv'])

export const SalesGroupBy = z.enum([
  'day',
  'hour',
  'item',
  'category',
  'employee',
  'register',
  'store',
])
export type SalesGroupBy = z.infer<typeof SalesGroupBy>

const dayNumber = (value: string) => Date.parse(`${value}T00:00:00Z`) / 86_400_000

const rangeShape = {
  from: BusinessDay,
  to: BusinessDay,
  storeIds: StoreIds.optional(),
  /** A super admin reports within one tenant (others may name only their own). */
  tenantId: z.uuid().optional(),
  format: ReportFormat.default('json'),
}

export function checkRange(value: { from: string; to: string }, context: z.RefinementCtx): void {
  if (!isCalendarDay(value.from) || !isCalendarDay(value.to)) return
  const days = dayNumber(value.to) - dayNumber(value.from)
  if (days < 0)
    context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' })
  else if (days >= REPORT_MAX_DAYS)
    context.addIssue({
      code: 'custom',
      path: ['to'],
      message: `a report covers at most ${REPORT_MAX_DAYS} days`,
    })
}

export const ReportQuery = z.strictObject(rangeShape).superRefine(checkRange)
export type ReportQuery = z.infer<typeof ReportQuery>

export const SalesReportQuery = z
  .strictObject({ ...rangeShape, groupBy: SalesGroupBy })
  .superRefine(checkRange)
export type SalesReportQuery = z.infer<typeof SalesReportQuery>

const Cents = z.number().int()

const ReportScope = z.object({
  from: z.string(),
  to: z.string(),
  storeIds: z.array(z.string()),
  /** The stores' currencies (one in practice; several means the sums mix currencies). */
  currencies: z.array(z.string()),
  /**
   * How fresh the figures are: the projection is kept from the pushed records just after each
   * push; `isCurrent` false means some pushed orders are not in yet, and every sale committed
   * before `projectedThrough` is.
   */
  projection: z.object({ isCurrent: z.boolean(), projectedThrough: z.string() }),
})

export const TaxByRate = z.object({
  rateBasisPoints: z.number().int(),
  taxableCents: Cents,
  taxCents: Cents,
})

export const TenderTotal = z.object({
  method: z.string(),
  label: z.string(),
  count: z.number().int(),
  salesCents: Cents,
  refundCents: Cents,
  netCents: Cents,
})
export type TenderTotal = z.infer<typeof TenderTotal>

export const SalesSummary = z.object({
  salesCount: z.number().int(),
  refundCount: z.number().int(),
  voidCount: z.number().int(),
  grossCents: Cents,
  discountCents: Cents,
  refundCents: Cents,
  netCents: Cents,
  taxCents: Cents,
  /** Sales and refunds, tax included. */
  totalCents: Cents,
  /** Sales total (tax included) over the number of sales, rounded half up; 0 without sales. */
  averageTicketCents: Cents,
  taxByRate: z.array(TaxByRate),
  tenders: z.array(TenderTotal),
})
export type SalesSummary = z.infer<typeof SalesSummary>

/**
 * Cost of goods and margin (src/shared/backoffice/stockOffice.ts defines average cost): units
 * sold less units refunded × the store's average cost at report time, rounded to the cent per
 * store and item. Items with no known cost are left out of the cost, the margin and its percent,
 * and counted in `noCostItemCount`.
 */
export const CostOfGoods = z.object({
  cogsCents: Cents,
  /** Net sales of the items with a known cost. */
  costedNetCents: Cents,
  /** costedNetCents − cogsCents. */
  marginCents: Cents,
  /** Margin over costedNetCents in basis points (1234 = 12.34 %), half up; null without sales. */
  marginBasisPoints: z.number().int().nullable(),
  noCostItemCount: z.number().int(),
})
export type CostOfGoods = z.infer<typeof CostOfGoods>

export const SummaryReply = ReportScope.extend({
  summary: SalesSummary,
  costOfGoods: CostOfGoods.optional(),
})
export type SummaryReply = z.infer<typeof SummaryReply>

export const SalesRow = z.object({
  key: z.string(),
  label: z.string(),
  /** Sales and refunds counted (orders; lines for items and categories). */
  salesCount: z.number().int(),
  refundCount: z.number().int(),
  /** Units sold less units refunded (items and categories), as a decimal string; null otherwise. */
  quantity: z.string().nullable(),
  grossCents: Cents,
  discountCents: Cents,
  refundCents: Cents,
  netCents: Cents,
  taxCents: Cents,
  totalCents: Cents,
  /** By item: cost of goods, null for "no cost" (see CostOfGoods); absent for other groupings. */
  cogsCents: Cents.nullable().optional(),
  marginCents: Cents.nullable().optional(),
  marginBasisPoints: z.number().int().nullable().optional(),
})
export type SalesRow = z.infer<typeof SalesRow>

export const SalesReply = ReportScope.extend({
  groupBy: SalesGroupBy,
  rows: z.array(SalesRow),
  totals: SalesRow,
  /** By item only: the totals' cost of goods and margin over the items with a known cost. */
  costOfGoods: CostOfGoods.optional(),
})
export type SalesReply = z.infer<typeof SalesReply>

export const PaymentMethodsReply = ReportScope.extend({
  rows: z.array(TenderTotal),
  totals: TenderTotal,
})
export type PaymentMethodsReply = z.infer<typeof PaymentMethodsReply>

export const REPORT_LIST_LIMIT = 5000

export const RefundOrVoid = z.object({
  storeId: z.string(),
  storeName: z.string(),
  orderId: z.string(),
  orderNumber: z.string().nullable(),
  kind: z.enum(['refund', 'void']),
  businessDay: z.string(),
  completedAt: z.string(),
  register: z.string().nullable(),
  employee: z.string().nullable(),
  totalCents: Cents,
  refundOfOrderId: z.string().nullable(),
  reason: z.string().nullable(),
})
export type RefundOrVoid = z.infer<typeof RefundOrVoid>

export const RefundsReply = ReportScope.extend({
  rows: z.array(RefundOrVoid),
  /** More than REPORT_LIST_LIMIT rows matched: narrow the range. */
  truncated: z.boolean(),
  refundCount: z.number().int(),
  refundTotalCents: Cents,
  voidCount: z.number().int(),
  voidTotalCents: Cents,
})
export type RefundsReply = z.infer<typeof RefundsReply>

export const ShiftRow = z.object({
  storeId: z.string(),
  storeName: z.string(),
  shiftId: z.string(),
  register: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  businessDay: z.string(),
  openedBy: z.string().nullable(),
  status: z.string(),
  openingCashCents: Cents,
  expectedCashCents: Cents.nullable(),
  countedCashCents: Cents.nullable(),
  /** Counted minus expected: positive over, negative short; null while open. */
  overShortCents: Cents.nullable(),
  hasZReport: z.boolean(),
})
export type ShiftRow = z.infer<typeof ShiftRow>

export const ShiftsReply = ReportScope.extend({
  rows: z.array(ShiftRow),
  truncated: z.boolean(),
  overShortCents: Cents,
})
export type ShiftsReply = z.infer<typeof ShiftsReply>
