import { describe, expect, it } from 'vitest'
import {
  computeOrderTotals,
  settleTender,
  type LineInput,
  type PricingRules,
} from '../../../src/shared/domain'
import {
  buildZReport,
  withLateBucket,
  type ZReportInput,
  type ZReportItem,
  type ZReportOrder,
  type ZReportPayment,
} from '../../../src/shared/domain/zReport'

const plain: PricingRules = {
  pricesIncludeTax: false,
  taxRounding: 'line',
  roundingMode: 'half-up',
  cashRoundingIncrementCents: 0,
}
const nickelRounding: PricingRules = { ...plain, cashRoundingIncrementCents: 5 }

interface Tender {
  kind: 'cash' | 'card' | 'other'
  amountCents: number
  tenderId?: string
}

interface Recorded {
  order: ZReportOrder
  items: ZReportItem[]
  payments: ZReportPayment[]
}

const negate = (cents: number) => 0 - cents

/**
 * Prices an order through the shared engine and records it the way the register stores it:
 * change comes off the last cash payment, so a cash payment is what the drawer kept.
 */
function record(
  id: string,
  lines: LineInput[],
  tenders: Tender[],
  options: { rules?: PricingRules; kind?: 'SALE' | 'REFUND'; isLate?: boolean } = {},
): Recorded {
  const rules = options.rules ?? plain
  const totals = computeOrderTotals({ lines }, rules)
  const tender = settleTender(
    totals.totalCents,
    tenders.map((entry) => ({ method: entry.kind, amountCents: entry.amountCents })),
    rules,
  )
  const payments = tenders.map((entry) => ({
    orderId: id,
    tenderId: entry.tenderId ?? entry.kind,
    label: entry.tenderId ?? entry.kind,
    kind: entry.kind,
    amountCents: entry.amountCents,
  }))
  let change = tender.changeCents
  for (const payment of payments.toReversed()) {
    if (payment.kind !== 'cash' || change === 0) continue
    const taken = Math.min(change, payment.amountCents)
    payment.amountCents -= taken
    change -= taken
  }
  // A refund stores its money negative (quantities stay positive).
  const sign = options.kind === 'REFUND' ? negate : (cents: number) => cents
  return {
    order: {
      id,
      kind: options.kind ?? 'SALE',
      status: 'COMPLETED',
      subtotalCents: sign(totals.subtotalCents),
      discountCents: sign(totals.discountCents),
      taxCents: sign(totals.taxCents),
      totalCents: sign(totals.totalCents),
      isLateForShift: options.isLate ?? false,
    },
    items: totals.lines.map((line, index) => ({
      orderId: id,
      taxRateBasisPoints: lines[index]!.taxRateBasisPoints,
      netCents: sign(line.netCents),
      taxCents: sign(line.taxCents),
    })),
    payments: payments.map((payment) => ({ ...payment, amountCents: sign(payment.amountCents) })),
  }
}

function reportInput(recorded: Recorded[], overrides: Partial<ZReportInput> = {}): ZReportInput {
  return {
    shift: {
      id: '0190f2a0-0000-7000-8000-000000000001',
      registerCode: 'R1',
      currency: 'USD',
      openedAt: '2025-01-01T08:00:00.000Z',
      openedByName: 'Sam',
      closedAt: null,
      closedByName: null,
      openingCashCents: 10_000,
    },
    orders: recorded.map((entry) => entry.order),
    items: recorded.flatMap((entry) => entry.items),
    payments: recorded.flatMap((entry) => entry.payments),
    cashMovements: [],
    voids: [],
    noSaleCount: 0,
    counts: null,
    tenderOrder: ['cash', 'card', 'voucher'],
    ...overrides,
  }
}

const latte = { unitPriceCents: 475, taxRateBasisPoints: 825 }
const croissant = { unitPriceCents: 325, taxRateBasisPoints: 825 }
const book = { unitPriceCents: 1_999, taxRateBasisPoints: 0 }
const wine = { unitPriceCents: 1_500, taxRateBasisPoints: 2_000 }

// Two sales (one split cash + card), a refund of one latte to cash, and a sale that arrived late.
const day = [
  record(
    'a',
    [
      { ...latte, quantity: 2 },
      { ...croissant, quantity: 1 },
    ],
    [{ kind: 'cash', amountCents: 2_000 }],
  ),
  record(
    'b',
    [
      { ...book, quantity: 1 },
      { ...wine, quantity: 1 },
    ],
    [
      { kind: 'card', amountCents: 2_000 },
      { kind: 'cash', amountCents: 2_000 },
    ],
  ),
  record('r', [{ ...latte, quantity: 1 }], [{ kind: 'cash', amountCents: 514 }], {
    kind: 'REFUND',
  }),
  record(
    'late',
    [{ unitPriceCents: 500, taxRateBasisPoints: 825, quantity: 1 }],
    [{ kind: 'card', amountCents: 541 }],
    { isLate: true },
  ),
]

describe('buildZReport', () => {
  it('sums the sales to the cent and keeps refunds negative', () => {
    const report = buildZReport(reportInput(day))
    const sales = day.filter((entry) => entry.order.kind === 'SALE' && !entry.order.isLateForShift)
    expect(report.sales).toEqual({
      count: 2,
      grossCents: 4_774,
      discountCents: 0,
      netCents: 4_774,
      taxCents: 405,
      totalCents: 5_179,
    })
    expect(report.sales.totalCents).toBe(sales.reduce((sum, e) => sum + e.order.totalCents, 0))
    expect(report.refunds).toEqual({ count: 1, totalCents: -514, taxCents: -39 })
    expect(report.netTotalCents).toBe(5_179 - 514)
  })

  it('splits tax by rate, refunds taken off their rate', () => {
    const report = buildZReport(reportInput(day))
    expect(report.taxByRate).toEqual([
      { rateBasisPoints: 0, taxableCents: 1_999, taxCents: 0 },
      { rateBasisPoints: 825, taxableCents: 950 + 325 - 475, taxCents: 78 + 27 - 39 },
      { rateBasisPoints: 2_000, taxableCents: 1_500, taxCents: 300 },
    ])
    const taxTotal = report.taxByRate.reduce((sum, rate) => sum + rate.taxCents, 0)
    expect(taxTotal).toBe(report.sales.taxCents + report.refunds.taxCents)
  })

  it('reports a split tender under each method, with the change kept out of cash', () => {
    const report = buildZReport(reportInput(day))
    expect(report.byMethod).toEqual([
      {
        tenderId: 'cash',
        label: 'cash',
        kind: 'cash',
        salesCents: 1_380 + 1_799,
        refundsCents: -514,
        netCents: 1_380 + 1_799 - 514,
        count: 3,
      },
      {
        tenderId: 'card',
        label: 'card',
        kind: 'card',
        salesCents: 2_000,
        refundsCents: 0,
        netCents: 2_000,
        count: 1,
      },
    ])
    const tendered = report.byMethod.reduce((sum, method) => sum + method.netCents, 0)
    expect(tendered).toBe(report.netTotalCents)
  })

  it('expects the float plus cash taken, refunds and movements, and measures the count against it', () => {
    const report = buildZReport(
      reportInput(day, {
        cashMovements: [
          {
            id: '0190f2a0-0000-7000-8000-0000000000a1',
            shiftId: '0190f2a0-0000-7000-8000-000000000001',
            kind: 'IN',
            amountCents: 500,
            reason: 'Change from bank',
            employeeName: 'Maya',
            createdAt: '2025-01-01T09:00:00.000Z',
          },
          {
            id: '0190f2a0-0000-7000-8000-0000000000a2',
            shiftId: '0190f2a0-0000-7000-8000-000000000001',
            kind: 'OUT',
            amountCents: 2_000,
            reason: 'Safe drop',
            employeeName: 'Maya',
            createdAt: '2025-01-01T10:00:00.000Z',
          },
        ],
        counts: [
          { denominationCents: 10_000, count: 1 },
          { denominationCents: 1_000, count: 1 },
          { denominationCents: 100, count: 1 },
          { denominationCents: 5, count: 12 },
        ],
      }),
    )
    expect(report.cash).toMatchObject({
      openingCents: 10_000,
      salesCents: 3_179,
      refundsCents: -514,
      inCents: 500,
      outCents: 2_000,
      expectedCents: 10_000 + 3_179 - 514 + 500 - 2_000,
      countedCents: 11_160,
      differenceCents: 11_160 - 11_165,
    })
    expect(report.cashMovements).toMatchObject({ inCents: 500, outCents: 2_000 })
  })

  it('expects the cash the drawer really got when cash is rounded to 0.05', () => {
    // 10.02 paid with 20.00 rounds to 10.00 (10.00 change); 10.04 paid exactly rounds to 10.05.
    const rounded = [
      record(
        'x',
        [{ unitPriceCents: 1_002, taxRateBasisPoints: 0, quantity: 1 }],
        [{ kind: 'cash', amountCents: 2_000 }],
        { rules: nickelRounding },
      ),
      record(
        'y',
        [{ unitPriceCents: 1_004, taxRateBasisPoints: 0, quantity: 1 }],
        [{ kind: 'cash', amountCents: 1_005 }],
        { rules: nickelRounding },
      ),
    ]
    const report = buildZReport(
      reportInput(rounded, {
        shift: { ...reportInput([]).shift, openingCashCents: 0 },
        counts: [
          { denominationCents: 1_000, count: 2 },
          { denominationCents: 5, count: 1 },
        ],
      }),
    )
    expect(report.sales.totalCents).toBe(2_006)
    expect(report.cash.salesCents).toBe(2_005)
    expect(report.cash.expectedCents).toBe(2_005)
    expect(report.cash.differenceCents).toBe(0)
  })

  it('keeps a late order out of the figures and shows it in the late bucket', () => {
    const report = buildZReport(reportInput(day))
    expect(report.late).toEqual({ count: 1, totalCents: 541 })
    expect(report.byMethod.find((method) => method.tenderId === 'card')?.salesCents).toBe(2_000)
    expect(report.taxByRate.find((rate) => rate.rateBasisPoints === 825)?.taxableCents).toBe(800)
    const onTime = buildZReport(reportInput(day.filter((entry) => entry.order.id !== 'late')))
    expect({ ...report, late: onTime.late }).toEqual(onTime)
  })

  it('reports discounts, gross before them, voids and no-sales', () => {
    const discounted = [
      record(
        'd',
        [{ unitPriceCents: 1_000, taxRateBasisPoints: 0, quantity: 1, discountCents: 150 }],
        [{ kind: 'card', amountCents: 850 }],
      ),
    ]
    const report = buildZReport(
      reportInput(discounted, {
        voids: [{ totalCents: 1_250 }, { totalCents: null }],
        noSaleCount: 3,
      }),
    )
    expect(report.sales).toMatchObject({ grossCents: 1_000, discountCents: 150, netCents: 850 })
    expect(report.voids).toEqual({ count: 2, totalCents: 1_250 })
    expect(report.noSaleCount).toBe(3)
  })

  it('leaves the count empty on an X report', () => {
    const report = buildZReport(reportInput(day))
    expect(report.cash).toMatchObject({ countedCents: null, differenceCents: null, counts: [] })
  })

  it('replaces a stored report’s late bucket with the orders late now', () => {
    const stored = buildZReport(reportInput(day.filter((entry) => entry.order.id !== 'late')))
    const refreshed = withLateBucket(stored, [
      { status: 'COMPLETED', totalCents: 541 },
      { status: 'COMPLETED', totalCents: -120 },
    ])
    expect(refreshed.late).toEqual({ count: 2, totalCents: 421 })
    expect({ ...refreshed, late: stored.late }).toEqual(stored)
  })
})
