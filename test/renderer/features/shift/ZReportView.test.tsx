// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { v4 as uuidv4 } from 'uuid'
import { ZReportView } from '../../../../src/renderer/src/features/shift/ZReportView'
import type { ZReport } from '../../../../src/renderer/src/types'
import { withAppInfo } from '../../appFixtures'

afterEach(cleanup)

const shiftId = uuidv4()

/** Every figure different, so a figure shown under the wrong test id cannot pass. */
function report(fields: Partial<ZReport> = {}): ZReport {
  return {
    shiftId,
    registerCode: 'R1',
    currency: 'CHF',
    openedAt: '2026-12-02T07:00:00.000Z',
    openedByName: 'Mia',
    closedAt: '2026-12-02T17:00:00.000Z',
    closedByName: 'Noah',
    sales: {
      count: 12,
      grossCents: 10_100,
      discountCents: 200,
      netCents: 9_160,
      taxCents: 740,
      totalCents: 9_900,
    },
    refunds: { count: 1, totalCents: -450, taxCents: -34 },
    netTotalCents: 9_450,
    byMethod: [
      {
        tenderId: 'card',
        label: 'Card',
        kind: 'card',
        salesCents: 6_000,
        refundsCents: -450,
        netCents: 5_550,
        count: 7,
      },
    ],
    taxByRate: [{ rateBasisPoints: 810, taxableCents: 9_131, taxCents: 706 }],
    voids: { count: 2, totalCents: 1_230 },
    cashMovements: {
      inCents: 5_000,
      outCents: 1_500,
      items: [
        {
          id: uuidv4(),
          shiftId,
          kind: 'OUT',
          amountCents: 1_500,
          reason: 'Milk delivery',
          employeeName: 'Mia',
          createdAt: '2026-12-02T10:00:00.000Z',
        },
      ],
    },
    noSaleCount: 3,
    cash: {
      openingCents: 10_000,
      salesCents: 3_900,
      refundsCents: 0,
      inCents: 5_000,
      outCents: 1_500,
      expectedCents: 17_400,
      countedCents: 17_350,
      differenceCents: -50,
      counts: [{ denominationCents: 5_000, count: 3 }],
    },
    late: { count: 1, totalCents: 320 },
    ...fields,
  }
}

function cents(testId: string): number {
  return Number(screen.getByTestId(testId).getAttribute('data-cents'))
}

describe('ZReportView', () => {
  it('shows each figure under its own test id with its exact cents', () => {
    render(<ZReportView report={report()} />, { wrapper: withAppInfo() })
    expect(screen.getByTestId('z-sales-count').textContent).toBe('12')
    expect(cents('z-sales-total')).toBe(9_900)
    expect(cents('z-refunds-total')).toBe(-450)
    expect(cents('z-net-total')).toBe(9_450)
    expect(screen.getByTestId('z-method-card-count').textContent).toBe('7')
    expect(cents('z-method-card-refunds')).toBe(-450)
    expect(cents('z-method-card')).toBe(5_550)
    expect(cents('z-tax-810-taxable')).toBe(9_131)
    expect(cents('z-tax-810')).toBe(706)
    expect(screen.getByTestId('z-voids-count').textContent).toBe('2')
    expect(screen.getByTestId('z-no-sale-count').textContent).toBe('3')
    expect(cents('z-movements-out')).toBe(1_500)
    expect(screen.getByTestId('z-movement').textContent).toContain('Milk delivery')
    expect(cents('z-cash-expected')).toBe(17_400)
    expect(cents('z-cash-counted')).toBe(17_350)
    expect(cents('z-cash-difference')).toBe(-50)
    expect(screen.getByTestId('z-cash-difference-kind').textContent).toBe('Short')
    expect(screen.getByTestId('z-count-5000').textContent).toContain('× 3')
    expect(cents('z-late-total')).toBe(320)
  })

  it('says an open shift is not counted yet, and an empty one took no payments', () => {
    render(
      <ZReportView
        label="X report"
        report={report({
          closedAt: null,
          closedByName: null,
          byMethod: [],
          cash: { ...report().cash, countedCents: null, differenceCents: null, counts: [] },
        })}
      />,
      { wrapper: withAppInfo() },
    )
    expect(screen.getByRole('region', { name: 'X report' })).toBeTruthy()
    expect(screen.getByTestId('z-cash-counted').textContent).toBe('Not counted yet')
    expect(screen.queryByTestId('z-cash-difference')).toBeNull()
    expect(screen.queryByTestId('z-method-card')).toBeNull()
  })
})
