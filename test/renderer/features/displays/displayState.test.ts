import { describe, expect, it } from 'vitest'
import type { PricingRules } from '../../../../src/shared/domain'
import { DisplayPublish } from '../../../../src/shared/ipc/displaySchemas'
import {
  cartReducer,
  emptyCart,
  type CartState,
} from '../../../../src/renderer/src/features/register/cartModel'
import { priceCart } from '../../../../src/renderer/src/features/register/cartPricing'
import { displayStateOf } from '../../../../src/renderer/src/features/customerDisplay/usePublishDisplay'
import { ticketUrgency, waitedText } from '../../../../src/renderer/src/features/kitchen/ticketAge'
import type { Product } from '../../../../src/renderer/src/types'

const rules: PricingRules = {
  pricesIncludeTax: false,
  taxRounding: 'line',
  roundingMode: 'half-up',
  cashRoundingIncrementCents: 0,
}

const latte: Product = {
  id: '00000000-0000-4000-8000-000000000001',
  sku: 'COF-LAT',
  barcode: null,
  name: 'Latte',
  priceCents: 475,
  categoryId: null,
  taxRateId: '00000000-0000-4000-8000-000000000009',
  taxRateBasisPoints: 825,
  isActive: true,
  barcodes: [],
  variants: [
    {
      id: '00000000-0000-4000-8000-000000000003',
      name: 'Large',
      priceCents: 525,
      sku: null,
      barcode: null,
    },
  ],
  modifierGroups: [
    {
      id: '00000000-0000-4000-8000-000000000004',
      name: 'Milk',
      minSelect: 0,
      maxSelect: 1,
      options: [{ id: '00000000-0000-4000-8000-000000000005', name: 'Oat milk', priceCents: 60 }],
    },
  ],
  trackStock: false,
  pricingUnit: 'each',
}

function cartWith(...actions: Parameters<typeof cartReducer>[1][]): CartState {
  return actions.reduce(cartReducer, emptyCart)
}

describe('what the customer display is told', () => {
  it('shows each line with its options and the totals of the shared pricing engine', () => {
    const cart = cartWith(
      {
        type: 'add',
        lineId: 'l1',
        choice: {
          product: latte,
          variantId: latte.variants[0]!.id,
          modifierOptionIds: ['00000000-0000-4000-8000-000000000005'],
        },
      },
      { type: 'setQuantity', lineId: 'l1', quantity: 2 },
    )
    const totals = priceCart(cart, rules)
    const state = displayStateOf(cart.lines, totals, null)
    expect(state).toMatchObject({
      phase: 'cart',
      lines: [
        {
          name: 'Latte',
          detail: 'Large · Oat milk',
          quantity: 2,
          totalCents: totals.lines[0]!.totalCents,
        },
      ],
      totalCents: totals.totalCents,
      taxCents: totals.taxCents,
    })
    // What the hook publishes is what the contract accepts.
    expect(DisplayPublish.safeParse(state).success).toBe(true)
  })

  it('is idle with an empty cart, and shows the change once a sale is paid', () => {
    expect(displayStateOf([], null, null)).toMatchObject({ phase: 'idle', lines: [] })
    const paid = displayStateOf([], null, {
      orderNumber: 'S01-A-000001',
      totalCents: 1218,
      tenderedCents: 2000,
      changeCents: 782,
    })
    expect(paid).toMatchObject({ phase: 'paid', changeCents: 782, tenderedCents: 2000 })
    expect(DisplayPublish.safeParse(paid).success).toBe(true)
    // Ringing up the next item takes the display back to the cart.
    const next = cartWith({ type: 'add', lineId: 'l2', choice: { product: latte } })
    expect(
      displayStateOf(next.lines, priceCart(next, rules), {
        orderNumber: 'S01-A-000001',
        totalCents: 1218,
        tenderedCents: 2000,
        changeCents: 782,
      }).phase,
    ).toBe('cart')
  })
})

describe('a kitchen ticket’s timer', () => {
  it('turns amber at 5 minutes and red at 10', () => {
    expect(ticketUrgency(4 * 60_000 + 59_999)).toBe('fresh')
    expect(ticketUrgency(5 * 60_000)).toBe('warn')
    expect(ticketUrgency(10 * 60_000)).toBe('late')
  })

  it('reads minutes and seconds, hours past an hour, never negative', () => {
    expect(waitedText(65_000)).toBe('1:05')
    expect(waitedText(3_600_000 + 61_000)).toBe('1:01:01')
    expect(waitedText(-5_000)).toBe('0:00')
  })
})
