import { describe, expect, it } from 'vitest'
import {
  addCounted,
  difference,
  withExpected,
} from '../../../../src/renderer/src/features/stock/countModel'
import {
  lineFor,
  receiptState,
  receivedInputs,
  type ReceivingLine,
} from '../../../../src/renderer/src/features/stock/receivingModel'
import {
  addQuantities,
  parseQuantity,
  type StockItem,
} from '../../../../src/renderer/src/features/stock/stockItem'

const item = (productId: string, variantId: string | null = null): StockItem => ({
  productId,
  variantId,
  name: productId,
  sku: productId,
  pricingUnit: 'each',
  isTracked: true,
})

describe('typed quantities', () => {
  it('reads digits in either script and at most three decimals', () => {
    expect(parseQuantity('12')).toBe(12)
    expect(parseQuantity('0.125')).toBe(0.125)
    expect(parseQuantity('١٢٫٥')).toBe(12.5)
    expect(parseQuantity('1.2345')).toBeNull()
    expect(parseQuantity('')).toBeNull()
    expect(parseQuantity('abc')).toBeNull()
  })

  it('takes a minus only where stock may go down', () => {
    expect(parseQuantity('-3')).toBeNull()
    expect(parseQuantity('-3', true)).toBe(-3)
    expect(parseQuantity('−0.5', true)).toBe(-0.5)
  })

  it('sums in thousandths so decimals stay exact', () => {
    expect(addQuantities(0.1, 0.2)).toBe(0.3)
    expect(addQuantities(1.005, -0.001)).toBe(1.004)
  })
})

describe('a count', () => {
  it('adds scans to one line per product or variant, newest on top', () => {
    let lines = addCounted([], item('a'), 1)
    lines = addCounted(lines, item('b', 'large'), 1)
    lines = addCounted(lines, item('a'), 1)
    lines = addCounted(lines, item('b', 'small'), 0.5)
    expect(lines.map((line) => [line.item.variantId ?? line.item.productId, line.counted])).toEqual(
      [
        ['small', 0.5],
        ['large', 1],
        ['a', 2],
      ],
    )
  })

  it('takes expected from stock levels, zero for what never moved, and works out the difference', () => {
    const lines = withExpected(
      addCounted(addCounted([], item('a'), 3), item('b', 'v'), 1),
      ['a', 'b'],
      [
        {
          productId: 'a',
          variantId: null,
          onHand: -2,
          isNegative: true,
          reorderPoint: null,
          isLowStock: false,
        },
      ],
    )
    expect(lines.map((line) => [line.expected, difference(line)])).toEqual([
      [0, 1],
      [-2, 5],
    ])
    expect(difference({ item: item('c'), counted: 1, expected: null })).toBeNull()
  })
})

describe('receiving', () => {
  const line = (fields: Partial<ReceivingLine>): ReceivingLine => ({
    item: item('a'),
    due: 10,
    before: 4,
    now: 0,
    ...fields,
  })

  it('says over, under or complete counting what came before', () => {
    expect(receiptState(line({ now: 6 }))).toEqual({ state: 'complete', by: 0 })
    expect(receiptState(line({ now: 7 }))).toEqual({ state: 'over', by: 1 })
    expect(receiptState(line({ now: 2 }))).toEqual({ state: 'under', by: 4 })
    expect(receiptState(line({ before: 12 }))).toEqual({ state: 'over', by: 2 })
  })

  it('finds the line a scan belongs on, and refuses a product not on the document', () => {
    const lines = [
      line({ item: item('a') }),
      line({ item: item('b', 'small') }),
      line({ item: item('b', 'large') }),
      line({ item: item('c', 'only') }),
    ]
    expect(lineFor(lines, item('a'))).toBe(0)
    expect(lineFor(lines, item('b', 'large'))).toBe(2)
    expect(lineFor(lines, item('b'))).toBe('ambiguous')
    expect(lineFor(lines, item('c'))).toBe(3)
    expect(lineFor(lines, item('a', 'some'))).toBe(0)
    expect(lineFor(lines, item('z'))).toBeNull()
  })

  it('sends only the lines with something arriving now', () => {
    expect(
      receivedInputs([line({ item: item('a'), now: 2 }), line({ item: item('b'), now: 0 })]),
    ).toEqual([{ productId: 'a', variantId: null, quantity: 2 }])
  })
})
