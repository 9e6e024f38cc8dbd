import { describe, expect, it } from 'vitest'
import type { PricingRules } from '../../../../src/shared/domain'
import { ean13CheckDigit } from '../../../../src/shared/domain/barcode'
import {
  cartReducer,
  emptyCart,
  fromSnapshot,
  toSnapshot,
  unitPriceCents,
  type CartAction,
  type CartState,
} from '../../../../src/renderer/src/features/register/cartModel'
import { priceCart } from '../../../../src/renderer/src/features/register/cartPricing'
import type { Product } from '../../../../src/renderer/src/types'

const usRules: PricingRules = {
  pricesIncludeTax: false,
  taxRounding: 'line',
  roundingMode: 'half-up',
  cashRoundingIncrementCents: 0,
}

const ids = {
  latte: '00000000-0000-4000-8000-000000000001',
  small: '00000000-0000-4000-8000-000000000002',
  large: '00000000-0000-4000-8000-000000000003',
  milk: '00000000-0000-4000-8000-000000000004',
  oat: '00000000-0000-4000-8000-000000000005',
  extras: '00000000-0000-4000-8000-000000000006',
  shot: '00000000-0000-4000-8000-000000000007',
  cheese: '00000000-0000-4000-8000-000000000008',
  tax: '00000000-0000-4000-8000-000000000009',
}

function product(overrides: Partial<Product>): Product {
  return {
    id: ids.latte,
    sku: 'SKU',
    barcode: null,
    name: 'Item',
    priceCents: 100,
    categoryId: null,
    taxRateId: ids.tax,
    taxRateBasisPoints: 0,
    isActive: true,
    barcodes: [],
    variants: [],
    modifierGroups: [],
    trackStock: false,
    pricingUnit: 'each',
    ...overrides,
  }
}

const latte = product({
  id: ids.latte,
  sku: 'COF-LAT',
  name: 'Latte',
  priceCents: 475,
  taxRateBasisPoints: 825,
  variants: [
    { id: ids.small, name: 'Small', priceCents: 400, sku: null, barcode: null },
    { id: ids.large, name: 'Large', priceCents: 525, sku: null, barcode: null },
  ],
  modifierGroups: [
    {
      id: ids.milk,
      name: 'Milk',
      minSelect: 0,
      maxSelect: 1,
      options: [{ id: ids.oat, name: 'Oat milk', priceCents: 60 }],
    },
    {
      id: ids.extras,
      name: 'Extras',
      minSelect: 0,
      maxSelect: 3,
      options: [{ id: ids.shot, name: 'Extra shot', priceCents: 90 }],
    },
  ],
})

const cheese = product({
  id: ids.cheese,
  sku: 'DEL-CHE',
  name: 'Cheddar',
  priceCents: 1299,
  pricingUnit: 'kg',
  barcodes: ['2100042'],
})

function run(actions: CartAction[], start: CartState = emptyCart): CartState {
  return actions.reduce(cartReducer, start)
}

describe('register cart', () => {
  it('keeps the same product with other options on its own line, and adds to an identical one', () => {
    const state = run([
      { type: 'add', lineId: 'a', choice: { product: latte, variantId: ids.large } },
      {
        type: 'add',
        lineId: 'b',
        choice: { product: latte, variantId: ids.large, modifierOptionIds: [ids.oat] },
      },
      { type: 'add', lineId: 'c', choice: { product: latte, variantId: ids.large } },
    ])
    expect(state.lines.map((line) => [line.lineId, line.quantity])).toEqual([
      ['a', 2],
      ['b', 1],
    ])
    expect(state.lastAdded).toEqual({ lineId: 'a', sequence: 3 })
    // Large 5.25 + oat milk 0.60.
    expect(unitPriceCents(state.lines[1]!)).toBe(585)
  })

  it('prices a weighed label as its weight times the per-kg price, and never merges two labels', () => {
    const state = run([
      {
        type: 'add',
        lineId: 'a',
        choice: { product: cheese, scannedBarcode: '2100042004521', weightGrams: 452 },
      },
      {
        type: 'add',
        lineId: 'b',
        choice: { product: cheese, scannedBarcode: '2100042003109', weightGrams: 310 },
      },
    ])
    expect(state.lines).toHaveLength(2)
    // 12.99/kg × 0.452 kg = 5.87148 → 5.87
    expect(unitPriceCents(state.lines[0]!)).toBe(587)
  })

  it('typed quantities stay within 1..9999', () => {
    const added = run([{ type: 'add', lineId: 'a', choice: { product: cheese } }])
    expect(run([{ type: 'setQuantity', lineId: 'a', quantity: 0 }], added).lines[0]?.quantity).toBe(
      1,
    )
    expect(
      run([{ type: 'setQuantity', lineId: 'a', quantity: 123456 }], added).lines[0]?.quantity,
    ).toBe(9999)
  })

  it('totals line and order discounts through the shared engine', () => {
    const state = run([
      { type: 'add', lineId: 'a', choice: { product: latte, variantId: ids.small } },
      { type: 'setQuantity', lineId: 'a', quantity: 3 },
      { type: 'setLineDiscount', lineId: 'a', discount: { type: 'percent', percent: 10 } },
      { type: 'setOrderDiscount', discount: { type: 'amount', amountCents: 80 } },
    ])
    const totals = priceCart(state, usRules)
    // 3 × 4.00 = 12.00, −10 % = 10.80, −0.80 = 10.00 net; tax 8.25 % = 0.825 → 0.83 (half-up).
    expect(totals.discountCents).toBe(200)
    expect(totals.subtotalCents).toBe(1000)
    expect(totals.taxCents).toBe(83)
    expect(totals.totalCents).toBe(1083)
  })

  it('refuses to total a fixed discount larger than its line (after the quantity went down)', () => {
    const state = run([
      { type: 'add', lineId: 'a', choice: { product: cheese } },
      { type: 'setQuantity', lineId: 'a', quantity: 2 },
      { type: 'setLineDiscount', lineId: 'a', discount: { type: 'amount', amountCents: 2000 } },
    ])
    expect(priceCart(state, usRules).totalCents).toBe(598)
    const fewer = run([{ type: 'setQuantity', lineId: 'a', quantity: 1 }], state)
    expect(() => priceCart(fewer, usRules)).toThrow(/more than/)
  })

  it('parks as sale lines and recalls them, leaving out what is no longer for sale', () => {
    const label = `2100042${'00452'}`
    const code = `${label}${ean13CheckDigit(label)}`
    const state = run([
      {
        type: 'add',
        lineId: 'a',
        choice: { product: latte, variantId: ids.large, modifierOptionIds: [ids.shot] },
      },
      { type: 'setLineNote', lineId: 'a', note: ' extra hot ' },
      {
        type: 'add',
        lineId: 'b',
        choice: { product: cheese, scannedBarcode: code, weightGrams: 452 },
      },
      { type: 'setOrderNote', note: 'for Sam' },
    ])
    const snapshot = toSnapshot(state)
    expect(snapshot.lines[0]).toEqual({
      productId: ids.latte,
      quantity: 1,
      variantId: ids.large,
      modifierOptionIds: [ids.shot],
      note: 'extra hot',
    })
    expect(snapshot.display).toEqual([
      { name: 'Latte (Large)', quantity: 1 },
      { name: 'Cheddar', quantity: 1 },
    ])
    expect(snapshot.note).toBe('for Sam')

    let next = 0
    const everything = fromSnapshot(
      snapshot,
      new Map([
        [latte.id, latte],
        [cheese.id, cheese],
      ]),
      [{ prefix: '21', kind: 'weight' }],
      null,
      () => `id-${next++}`,
    )
    expect(everything.dropped).toEqual([])
    expect(everything.state.lines[1]?.weightGrams).toBe(452)
    expect(priceCart(everything.state, usRules).totalCents).toBe(
      priceCart(state, usRules).totalCents,
    )

    const withoutLatte = fromSnapshot(snapshot, new Map([[cheese.id, cheese]]), [], null, () => 'x')
    expect(withoutLatte.dropped).toEqual(['Latte (Large)'])
    expect(withoutLatte.state.lines.map((line) => line.product.sku)).toEqual(['DEL-CHE'])
  })

  it("changes a line's options in place, keeping its quantity, discount and note", () => {
    const state = run([
      { type: 'add', lineId: 'a', choice: { product: latte, variantId: ids.small } },
      { type: 'setQuantity', lineId: 'a', quantity: 2 },
      { type: 'setLineDiscount', lineId: 'a', discount: { type: 'percent', percent: 10 } },
      { type: 'setLineNote', lineId: 'a', note: ' no foam ' },
      { type: 'setLineOptions', lineId: 'a', variantId: ids.large, modifierOptionIds: [ids.oat] },
    ])
    expect(state.lines).toHaveLength(1)
    expect(state.lines[0]).toMatchObject({
      lineId: 'a',
      variantId: ids.large,
      modifierOptionIds: [ids.oat],
      quantity: 2,
      discount: { type: 'percent', percent: 10 },
      note: 'no foam',
    })
    expect(unitPriceCents(state.lines[0]!)).toBe(585)
  })

  it('keeps discount approvals with the cart until it is cleared, and not in a parked copy', () => {
    const state = run([
      { type: 'add', lineId: 'a', choice: { product: cheese } },
      { type: 'addDiscountApproval', approvalId: 'g1' },
      { type: 'addDiscountApproval', approvalId: 'g2' },
    ])
    expect(state.discountApprovalIds).toEqual(['g1', 'g2'])
    expect(toSnapshot(state)).not.toHaveProperty('discountApprovalIds')
    expect(run([{ type: 'clear' }], state).discountApprovalIds).toEqual([])
  })
})
