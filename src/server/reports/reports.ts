import type {
  CostOfGoods,
  PaymentMethodsReply,
  RefundsReply,
  SalesGroupBy,
  SalesReply,
  SalesRow,
  ShiftRow,
  ShiftsReply,
  SummaryReply,
  TenderTotal,
} from '../../shared/backoffice/reports'
import { REPORT_LIST_LIMIT } from '../../shared/backoffice/reports'
import type { Executor } from '../db/connection'
import type { ProjectionFreshness } from '../db/projectionRepository'
import type { GroupFigures, ReportStore } from '../db/reportRepository'
import {
  selectRefundsAndVoids,
  selectSalesBy,
  selectShifts,
  selectSummary,
  selectTaxByRate,
  selectTenders,
} from '../db/reportRepository'
import { costOfGoodsOf, itemCosts, withItemCosts } from './costOfGoods'
import type { CsvValue } from './csv'
import { currencyDigits, moneyText, toCsv } from './csv'

/** The reports' figures from the projection, and each as a CSV table. */

export interface ReportScope {
  stores: ReportStore[]
  from: string
  to: string
  /** How fresh the projection of these stores was when the report was read. */
  projection: ProjectionFreshness
}

const rangeOf = (scope: ReportScope) => ({
  storeIds: scope.stores.map((store) => store.id),
  from: scope.from,
  to: scope.to,
})

const scopeReply = (scope: ReportScope) => ({
  from: scope.from,
  to: scope.to,
  storeIds: scope.stores.map((store) => store.id),
  currencies: [...new Set(scope.stores.map((store) => store.currency))].sort(),
  projection: scope.projection,
})

/** Half up, in integers: a ticket of 1001 cents over 2 sales is 501. */
function averageOf(totalCents: number, count: number): number {
  if (count === 0) return 0
  const total = BigInt(totalCents)
  const n = BigInt(count)
  const twice = (total * 2n) / n
  return Number(twice >= 0n ? (twice + 1n) / 2n : -((-twice + 1n) / 2n))
}

export async function summaryReport(db: Executor, scope: ReportScope): Promise<SummaryReply> {
  const range = rangeOf(scope)
  const [figures, taxByRate, tenders, items, costs] = await Promise.all([
    selectSummary(db, range),
    selectTaxByRate(db, range),
    selectTenders(db, range),
    selectSalesBy(db, range, 'item'),
    itemCosts(db, range),
  ])
  const { salesTotalCents, ...summary } = figures
  return {
    ...scopeReply(scope),
    summary: {
      ...summary,
      averageTicketCents: averageOf(salesTotalCents, figures.salesCount),
      taxByRate,
      tenders,
    },
    costOfGoods: costOfGoodsOf(withItemCosts(items, costs).map(costedItem)),
  }
}

const costedItem = (row: SalesRow) => ({ netCents: row.netCents, cogsCents: row.cogsCents ?? null })

const sumRows = (rows: readonly GroupFigures[], key: keyof GroupFigures & `${string}Cents`) =>
  rows.reduce((total, row) => total + row[key], 0)

function addQuantities(rows: readonly GroupFigures[]): string | null {
  if (rows.length === 0 || rows.some((row) => row.quantity === null)) return null
  // Quantities carry 3 decimals: summed as integer thousandths, exactly.
  const thousandths = rows.reduce((total, row) => {
    const [whole = '0', fraction = ''] = (row.quantity ?? '0').replace('-', '').split('.')
    const value = BigInt(whole) * 1000n + BigInt((fraction + '000').slice(0, 3))
    return total + (row.quantity?.startsWith('-') ? -value : value)
  }, 0n)
  const negative = thousandths < 0n
  const magnitude = negative ? -thousandths : thousandths
  const fraction = (magnitude % 1000n).toString().padStart(3, '0').replace(/0+$/, '')
  return `${negative ? '-' : ''}${magnitude / 1000n}${fraction ? `.${fraction}` : ''}`
}

export async function salesReport(
  db: Executor,
  scope: ReportScope,
  groupBy: SalesGroupBy,
): Promise<SalesReply> {
  const grouped = await selectSalesBy(db, rangeOf(scope), groupBy)
  const isByItem = groupBy === 'item'
  const rows = isByItem ? withItemCosts(grouped, await itemCosts(db, rangeOf(scope))) : grouped
  const costOfGoods = isByItem ? costOfGoodsOf(rows.map(costedItem)) : undefined
  const totals: SalesRow = {
    key: 'total',
    label: 'Total',
    salesCount: rows.reduce((total, row) => total + row.salesCount, 0),
    refundCount: rows.reduce((total, row) => total + row.refundCount, 0),
    quantity: groupBy === 'item' || groupBy === 'category' ? (addQuantities(rows) ?? '0') : null,
    grossCents: sumRows(rows, 'grossCents'),
    discountCents: sumRows(rows, 'discountCents'),
    refundCents: sumRows(rows, 'refundCents'),
    netCents: sumRows(rows, 'netCents'),
    taxCents: sumRows(rows, 'taxCents'),
    totalCents: sumRows(rows, 'totalCents'),
    ...(costOfGoods
      ? {
          cogsCents: costOfGoods.cogsCents,
          marginCents: costOfGoods.marginCents,
          marginBasisPoints: costOfGoods.marginBasisPoints,
        }
      : {}),
  }
  return { ...scopeReply(scope), groupBy, rows, totals, ...(costOfGoods ? { costOfGoods } : {}) }
}

export async function paymentMethodsReport(
  db: Executor,
  scope: ReportScope,
): Promise<PaymentMethodsReply> {
  const rows = await selectTenders(db, rangeOf(scope))
  const totals: TenderTotal = {
    method: 'total',
    label: 'Total',
    count: rows.reduce((total, row) => total + row.count, 0),
    salesCents: rows.reduce((total, row) => total + row.salesCents, 0),
    refundCents: rows.reduce((total, row) => total + row.refundCents, 0),
    netCents: rows.reduce((total, row) => total + row.netCents, 0),
  }
  return { ...scopeReply(scope), rows, totals }
}

export async function refundsReport(db: Executor, scope: ReportScope): Promise<RefundsReply> {
  const found = await selectRefundsAndVoids(db, rangeOf(scope), REPORT_LIST_LIMIT + 1)
  const rows = found.slice(0, REPORT_LIST_LIMIT)
  const refunds = rows.filter((row) => row.kind === 'refund')
  const voids = rows.filter((row) => row.kind === 'void')
  return {
    ...scopeReply(scope),
    rows,
    truncated: found.length > REPORT_LIST_LIMIT,
    refundCount: refunds.length,
    refundTotalCents: refunds.reduce((total, row) => total + row.totalCents, 0),
    voidCount: voids.length,
    voidTotalCents: voids.reduce((total, row) => total + row.totalCents, 0),
  }
}

const centsOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : null

export async function shiftsReport(db: Executor, scope: ReportScope): Promise<ShiftsReply> {
  const found = await selectShifts(db, rangeOf(scope), REPORT_LIST_LIMIT + 1)
  const rows: ShiftRow[] = found.slice(0, REPORT_LIST_LIMIT).map((shift) => {
    const { data } = shift
    const expected = centsOrNull(data.expectedCashCents)
    const counted = centsOrNull(data.countedCashCents) ?? centsOrNull(data.closingCashCents)
    const difference =
      centsOrNull(data.differenceCents) ??
      (expected !== null && counted !== null ? counted - expected : null)
    return {
      storeId: shift.storeId,
      storeName: shift.storeName,
      shiftId: shift.shiftId,
      register: shift.register,
      openedAt: String(data.openedAt ?? ''),
      closedAt: typeof data.closedAt === 'string' ? data.closedAt : null,
      businessDay: shift.businessDay,
      openedBy: shift.openedBy,
      status: String(data.status ?? 'OPEN'),
      openingCashCents: centsOrNull(data.openingCashCents) ?? 0,
      expectedCashCents: expected,
      countedCashCents: counted,
      overShortCents: data.status === 'CLOSED' ? difference : null,
      hasZReport: data.zReport !== undefined && data.zReport !== null,
    }
  })
  return {
    ...scopeReply(scope),
    rows,
    truncated: found.length > REPORT_LIST_LIMIT,
    overShortCents: rows.reduce((total, row) => total + (row.overShortCents ?? 0), 0),
  }
}

// ---------------------------------------------------------------- CSV

const digitsOf = (currencies: readonly string[]) =>
  currencies.length === 1 ? currencyDigits(currencies[0]) : 2

export function summaryCsv(reply: SummaryReply): string {
  const digits = digitsOf(reply.currencies)
  const money = (cents: number) => moneyText(cents, digits)
  const { summary } = reply
  const rows: CsvValue[][] = [
    ['Sales', 'count', summary.salesCount],
    ['Refunds', 'count', summary.refundCount],
    ['Voids', 'count', summary.voidCount],
    ['Gross sales', 'amount', money(summary.grossCents)],
    ['Discounts', 'amount', money(summary.discountCents)],
    ['Refunds', 'amount', money(summary.refundCents)],
    ['Net sales', 'amount', money(summary.netCents)],
    ['Tax', 'amount', money(summary.taxCents)],
    ['Total', 'amount', money(summary.totalCents)],
    ['Average ticket', 'amount', money(summary.averageTicketCents)],
    ...summary.taxByRate.flatMap((rate): CsvValue[][] => [
      [`Taxable at ${rate.rateBasisPoints / 100}%`, 'amount', money(rate.taxableCents)],
      [`Tax at ${rate.rateBasisPoints / 100}%`, 'amount', money(rate.taxCents)],
    ]),
    ...summary.tenders.map((tender): CsvValue[] => [
      `Tender ${tender.label}`,
      'amount',
      money(tender.netCents),
    ]),
    ...(reply.costOfGoods ? costRows(reply.costOfGoods, money) : []),
  ]
  return toCsv(['figure', 'unit', 'value'], rows)
}

/** Basis points as a percent with two decimals, exactly (1234 → 12.34). */
const percentText = (basisPoints: number | null | undefined): CsvValue =>
  basisPoints === null || basisPoints === undefined ? null : moneyText(basisPoints, 2)

function costRows(cost: CostOfGoods, money: (cents: number) => CsvValue): CsvValue[][] {
  return [
    ['Cost of goods', 'amount', money(cost.cogsCents)],
    ['Net sales with a known cost', 'amount', money(cost.costedNetCents)],
    ['Margin', 'amount', money(cost.marginCents)],
    ['Margin', 'percent', percentText(cost.marginBasisPoints)],
    ['Items with no cost', 'count', cost.noCostItemCount],
  ]
}

export function salesCsv(reply: SalesReply): string {
  const digits = digitsOf(reply.currencies)
  const money = (cents: number) => moneyText(cents, digits)
  const isByItem = reply.groupBy === 'item'
  const costColumns = (row: SalesRow): CsvValue[] =>
    isByItem
      ? [
          row.cogsCents === null || row.cogsCents === undefined ? 'no cost' : money(row.cogsCents),
          row.marginCents === null || row.marginCents === undefined ? null : money(row.marginCents),
          percentText(row.marginBasisPoints),
        ]
      : []
  const line = (row: SalesRow): CsvValue[] => [
    row.key,
    row.label,
    row.salesCount,
    row.refundCount,
    row.quantity === null ? null : { number: row.quantity },
    money(row.grossCents),
    money(row.discountCents),
    money(row.refundCents),
    money(row.netCents),
    money(row.taxCents),
    money(row.totalCents),
    ...costColumns(row),
  ]
  return toCsv(
    [
      reply.groupBy,
      'label',
      'sales',
      'refunds',
      'quantity',
      'gross',
      'discounts',
      'refunds_amount',
      'net',
      'tax',
      'total',
      ...(isByItem ? ['cogs', 'margin', 'margin_percent'] : []),
    ],
    [...reply.rows.map(line), line(reply.totals)],
  )
}

export function paymentMethodsCsv(reply: PaymentMethodsReply): string {
  const digits = digitsOf(reply.currencies)
  const line = (row: TenderTotal): CsvValue[] => [
    row.method,
    row.label,
    row.count,
    moneyText(row.salesCents, digits),
    moneyText(row.refundCents, digits),
    moneyText(row.netCents, digits),
  ]
  return toCsv(
    ['method', 'label', 'payments', 'sales', 'refunds', 'net'],
    [...reply.rows.map(line), line(reply.totals)],
  )
}

export function refundsCsv(reply: RefundsReply): string {
  const digits = digitsOf(reply.currencies)
  return toCsv(
    [
      'store',
      'business_day',
      'time',
      'kind',
      'order_number',
      'register',
      'employee',
      'total',
      'refund_of',
      'reason',
    ],
    reply.rows.map((row) => [
      row.storeName,
      row.businessDay,
      row.completedAt,
      row.kind,
      row.orderNumber,
      row.register,
      row.employee,
      moneyText(row.totalCents, digits),
      row.refundOfOrderId,
      row.reason,
    ]),
  )
}

export function shiftsCsv(reply: ShiftsReply): string {
  const digits = digitsOf(reply.currencies)
  const money = (cents: number | null) => (cents === null ? null : moneyText(cents, digits))
  return toCsv(
    [
      'store',
      'business_day',
      'register',
      'opened_by',
      'opened_at',
      'closed_at',
      'status',
      'opening_cash',
      'expected_cash',
      'counted_cash',
      'over_short',
    ],
    reply.rows.map((row) => [
      row.storeName,
      row.businessDay,
      row.register,
      row.openedBy,
      row.openedAt,
      row.closedAt,
      row.status,
      money(row.openingCashCents),
      money(row.expectedCashCents),
      money(row.countedCashCents),
      money(row.overShortCents),
    ]),
  )
}
