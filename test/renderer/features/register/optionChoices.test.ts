import { describe, expect, it } from 'vitest'
import {
  defaultOptionIds,
  ringUpPlan,
  toggleOption,
  withDefaults,
} from '../../../../src/renderer/src/features/register/optionChoices'
import type { Product } from '../../../../src/renderer/src/types'

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

const milk = {
  id: id(1),
  name: 'Milk',
  minSelect: 1,
  maxSelect: 1,
  options: [
    { id: id(2), name: 'Whole milk', priceCents: 0, isDefault: true },
    { id: id(3), name: 'Oat milk', priceCents: 60 },
  ],
}
const extras = {
  id: id(4),
  name: 'Extras',
  minSelect: 0,
  maxSelect: 2,
  options: [
    { id: id(5), name: 'Extra shot', priceCents: 90 },
    { id: id(6), name: 'Vanilla', priceCents: 50 },
    { id: id(7), name: 'Caramel', priceCents: 50 },
  ],
}
const syrup = {
  id: id(8),
  name: 'Syrup',
  minSelect: 0,
  maxSelect: 1,
  options: [{ id: id(9), name: 'Hazelnut', priceCents: 50 }],
}

function product(overrides: Partial<Product>): Product {
  return {
    id: id(100),
    sku: 'SKU',
    barcode: null,
    name: 'Coffee',
    priceCents: 350,
    categoryId: null,
    taxRateId: id(101),
    taxRateBasisPoints: 825,
    isActive: true,
    barcodes: [],
    variants: [],
    modifierGroups: [],
    trackStock: false,
    pricingUnit: 'each',
    ...overrides,
  }
}

describe('ringing up a product with options', () => {
  it('adds a product whose groups are all optional straight away, with nothing chosen', () => {
    const americano = product({ modifierGroups: [extras] })
    expect(ringUpPlan({ product: americano })).toEqual({
      type: 'add',
      choice: { product: americano, variantId: null, modifierOptionIds: [] },
    })
  })

  it('fills a required choose-one group from its default, so no dialog is needed', () => {
    const flatWhite = product({ modifierGroups: [milk, extras] })
    const plan = ringUpPlan({ product: flatWhite })
    expect(plan.type).toBe('add')
    expect(plan.choice.modifierOptionIds).toEqual([id(2)])
  })

  it('asks when a variant or a required group without a default is still open', () => {
    const sized = product({
      variants: [
        { id: id(10), name: 'Small', priceCents: 400, sku: null, barcode: null },
        { id: id(11), name: 'Large', priceCents: 500, sku: null, barcode: null },
      ],
      modifierGroups: [milk],
    })
    expect(ringUpPlan({ product: sized })).toMatchObject({
      type: 'ask',
      choice: { variantId: null, modifierOptionIds: [id(2)] },
    })
    const noDefault = product({
      modifierGroups: [{ ...milk, options: milk.options.map(({ isDefault: _, ...o }) => o) }],
    })
    expect(ringUpPlan({ product: noDefault }).type).toBe('ask')
    // A single variant is taken without asking.
    const one = product({
      variants: [{ id: id(12), name: 'Regular', priceCents: 400, sku: null, barcode: null }],
    })
    expect(ringUpPlan({ product: one })).toMatchObject({
      type: 'add',
      choice: { variantId: id(12) },
    })
  })

  it('keeps what was already chosen (a scanned variant, options picked) over the defaults', () => {
    const flatWhite = product({ modifierGroups: [milk] })
    expect(
      withDefaults({ product: flatWhite, modifierOptionIds: [id(3)] }).modifierOptionIds,
    ).toEqual([id(3)])
  })

  it('never preselects more defaults than a group allows', () => {
    const greedy = product({
      modifierGroups: [
        { ...extras, options: extras.options.map((o) => ({ ...o, isDefault: true })) },
      ],
    })
    expect(defaultOptionIds(greedy)).toEqual([id(5), id(6)])
  })
})

describe('picking options', () => {
  it('swaps the pick of a choose-one group, and lets an optional one go back to none', () => {
    let selected: ReadonlySet<string> = new Set([id(2)])
    selected = toggleOption(milk, selected, id(3))
    expect([...selected]).toEqual([id(3)])
    selected = toggleOption(syrup, new Set([id(9), id(3)]), null)
    expect([...selected]).toEqual([id(3)])
  })

  it('adds up to the maximum of a larger group and refuses one more', () => {
    let selected: ReadonlySet<string> = new Set()
    selected = toggleOption(extras, selected, id(5))
    selected = toggleOption(extras, selected, id(6))
    const full = toggleOption(extras, selected, id(7))
    expect(full).toBe(selected)
    expect([...toggleOption(extras, selected, id(5))]).toEqual([id(6)])
  })
})
