import type { z } from 'zod'
import type { ZReport as ZReportSchema } from '../ipc/staffSchemas'
import { countedCents, type DenominationCount } from './cashCount'
import { toCents, type Cents } from './money'
import type { TenderMethod } from './tender'

export type ZReport = z.infer<typeof ZReportSchema>

export interface ZReportShift {
  id: string
  registerCode: string
  currency: string
  openedAt: string
  openedByName: string | null
  closedAt: string | null
  closedByName: string | null
  openingCashCents: Cents
}

/** An order of the shift as stored: a refund carries negative money. */
export interface ZReportOrder {
  id: string
  kind: 'SALE' | 'REFUND'
  status: 'COMPLETED' | 'REFUNDED' | 'VOIDED'
  /** After discounts, excluding tax (Σ line net). */
  subtotalCents: Cents
  discountCents: Cents
  taxCents: Cents
  totalCents: Cents
  /** Reached this register after its shift had closed: reported apart, never in the figures. */
  isLateForShift: boolean
}

export interface ZReportItem {
  orderId: string
  taxRateBasisPoints: number
  netCents: Cents
  taxCents: Cents
}

export interface ZReportPayment {
  orderId: string
  tenderId: string
  label: string
  kind: TenderMethod
  /** What the drawer (or card) kept: change already taken off, cash rounding already in; negative on refunds. */
  amountCents: Cents
}

export interface ZReportCashMovement {
  id: string
  shiftId: string
  kind: 'IN' | 'OUT'
  amountCents: Cents
  reason: string
  employeeName: string | null
  createdAt: string
}

export interface ZReportInput {
  shift: ZReportShift
  orders: readonly ZReportOrder[]
  items: readonly ZReportItem[]
  payments: readonly ZReportPayment[]
  cashMovements: readonly ZReportCashMovement[]
  /** One per voided cart; the cart's total when the void recorded it. */
  voids: readonly { totalCents: Cents | null }[]
  noSaleCount: number
  /** The drawer count at close; null for an X report (shift still open). */
  counts: readonly DenominationCount[] | null
  /** The store's tenders in display order; others follow by label. */
  tenderOrder?: readonly string[]
}

function sumOf<T>(rows: readonly T[], pick: (row: T) => Cents): Cents {
  return toCents(rows.reduce((sum, row) => sum + BigInt(pick(row)), 0n))
}

const kindOrder: Record<TenderMethod, number> = { cash: 0, card: 1, other: 2 }

/**
 * The shift's report, every figure summed exactly from the stored records. Sales figures are the
 * stored order totals (before cash rounding); the cash section comes from the payments, which is
 * what the drawer really got, rounding included. Late orders appear only in `late`, so a report
 * printed at close and reprinted after they arrive agree on everything else.
 */
export function buildZReport(input: ZReportInput): ZReport {
  const { shift } = input
  // A voided order took no money; kept out of every figure.
  const counted = input.orders.filter((order) => order.status !== 'VOIDED')
  const late = counted.filter((order) => order.isLateForShift)
  const inShift = new Map(
    counted.filter((order) => !order.isLateForShift).map((order) => [order.id, order]),
  )
  const sales = [...inShift.values()].filter((order) => order.kind === 'SALE')
  const refunds = [...inShift.values()].filter((order) => order.kind === 'REFUND')
  const items = input.items.filter((item) => inShift.has(item.orderId))
  const payments = input.payments.filter((payment) => inShift.has(payment.orderId))
  const isRefundPayment = (payment: ZReportPayment) =>
    inShift.get(payment.orderId)?.kind === 'REFUND'

  const salesNetCents = sumOf(sales, (order) => order.subtotalCents)
  const salesDiscountCents = sumOf(sales, (order) => order.discountCents)
  const salesTotalCents = sumOf(sales, (order) => order.totalCents)
  const refundsTotalCents = sumOf(refunds, (order) => order.totalCents)

  const byTender = new Map<string, { first: ZReportPayment; payments: ZReportPayment[] }>()
  for (const payment of payments) {
    const group = byTender.get(payment.tenderId)
    if (group) group.payments.push(payment)
    else byTender.set(payment.tenderId, { first: payment, payments: [payment] })
  }
  const tenderRank = (tenderId: string) => {
    const index = input.tenderOrder?.indexOf(tenderId) ?? -1
    return index === -1 ? Number.MAX_SAFE_INTEGER : index
  }
  const byMethod = [...byTender.entries()]
    .map(([tenderId, { first, payments: group }]) => {
      const salesCents = sumOf(
        group.filter((payment) => !isRefundPayment(payment)),
        (payment) => payment.amountCents,
      )
      const refundsCents = sumOf(group.filter(isRefundPayment), (payment) => payment.amountCents)
      return {
        tenderId,
        label: first.label,
        kind: first.kind,
        salesCents,
        refundsCents,
        netCents: toCents(BigInt(salesCents) + BigInt(refundsCents)),
        count: group.length,
      }
    })
    .sort(
      (a, b) =>
        tenderRank(a.tenderId) - tenderRank(b.tenderId) ||
        kindOrder[a.kind] - kindOrder[b.kind] ||
        a.label.localeCompare(b.label),
    )

  const rates = [...new Set(items.map((item) => item.taxRateBasisPoints))].sort((a, b) => a - b)
  const taxByRate = rates.map((rateBasisPoints) => {
    const atRate = items.filter((item) => item.taxRateBasisPoints === rateBasisPoints)
    return {
      rateBasisPoints,
      taxableCents: sumOf(atRate, (item) => item.netCents),
      taxCents: sumOf(atRate, (item) => item.taxCents),
    }
  })

  const cashPayments = payments.filter((payment) => payment.kind === 'cash')
  const cashSalesCents = sumOf(
    cashPayments.filter((payment) => !isRefundPayment(payment)),
    (payment) => payment.amountCents,
  )
  const cashRefundsCents = sumOf(cashPayments.filter(isRefundPayment), (p) => p.amountCents)
  const inCents = sumOf(
    input.cashMovements.filter((movement) => movement.kind === 'IN'),
    (movement) => movement.amountCents,
  )
  const outCents = sumOf(
    input.cashMovements.filter((movement) => movement.kind === 'OUT'),
    (movement) => movement.amountCents,
  )
  const expectedCents = toCents(
    BigInt(shift.openingCashCents) +
      BigInt(cashSalesCents) +
      BigInt(cashRefundsCents) +
      BigInt(inCents) -
      BigInt(outCents),
  )
  const drawerCountedCents = input.counts ? countedCents(input.counts) : null

  return {
    shiftId: shift.id,
    registerCode: shift.registerCode,
    currency: shift.currency,
    openedAt: shift.openedAt,
    openedByName: shift.openedByName,
    closedAt: shift.closedAt,
    closedByName: shift.closedByName,
    sales: {
      count: sales.length,
      grossCents: toCents(BigInt(salesNetCents) + BigInt(salesDiscountCents)),
      discountCents: salesDiscountCents,
      netCents: salesNetCents,
      taxCents: sumOf(sales, (order) => order.taxCents),
      totalCents: salesTotalCents,
    },
    refunds: {
      count: refunds.length,
      totalCents: refundsTotalCents,
      taxCents: sumOf(refunds, (order) => order.taxCents),
    },
    netTotalCents: toCents(BigInt(salesTotalCents) + BigInt(refundsTotalCents)),
    byMethod,
    taxByRate,
    voids: {
      count: input.voids.length,
      totalCents: sumOf(input.voids, (entry) => entry.totalCents ?? 0),
    },
    cashMovements: {
      inCents,
      outCents,
      items: [...input.cashMovements].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    },
    noSaleCount: input.noSaleCount,
    cash: {
      openingCents: shift.openingCashCents,
      salesCents: cashSalesCents,
      refundsCents: cashRefundsCents,
      inCents,
      outCents,
      expectedCents,
      countedCents: drawerCountedCents,
      differenceCents:
        drawerCountedCents === null
          ? null
          : toCents(BigInt(drawerCountedCents) - BigInt(expectedCents)),
      counts: input.counts ? input.counts.map((entry) => ({ ...entry })) : [],
    },
    late: { count: late.length, totalCents: sumOf(late, (order) => order.totalCents) },
  }
}

/** Replaces a stored report's late bucket with the current one (late orders keep arriving). */
export function withLateBucket(
  report: ZReport,
  lateOrders: readonly Pick<ZReportOrder, 'status' | 'totalCents'>[],
): ZReport {
  const late = lateOrders.filter((order) => order.status !== 'VOIDED')
  return { ...report, late: { count: late.length, totalCents: sumOf(late, (o) => o.totalCents) } }
}
