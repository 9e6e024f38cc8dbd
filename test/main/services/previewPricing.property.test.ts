import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { priceCart as priceSale, type CartDraft } from '../../../src/main/services/salePricing'
import { getStoreOptions } from '../../../src/main/store/identityRepository'
import { fromSnapshot, unitPriceCents } from '../../../src/renderer/src/features/register/cartModel'
import { priceCart as pricePreview } from '../../../src/renderer/src/features/register/cartPricing'
import type { Product } from '../../../src/renderer/src/types'
import { DiscountError, type Discount } from '../../../src/shared/domain'
import { PosError } from '../../../src/shared/ipc/errors'
import { rulesArbitrary } from '../../shared/domain/arbitraries'
import { call, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { embeddedEan13 } from './salesSupport'

const tempDir = useTempDirs()

type LineDraft = CartDraft['lines'][number]

const discountArbitrary: fc.Arbitrary<Discount> = fc.oneof(
  fc.record({
    type: fc.constant('percent' as const),
    percent: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(12.5, 33.3333, 0.5)),
  }),
  fc.record({
    type: fc.constant('amount' as const),
    amountCents: fc.integer({ min: 0, max: 4000 }),
  }),
)

/** A line the catalog accepts: its options within each group's limits, a label where one is due. */
function lineArbitrary(product: Product): fc.Arbitrary<LineDraft> {
  const modifierOptionIds = fc
    .tuple(
      ...product.modifierGroups.map((group) =>
        fc.subarray(
          group.options.map((option) => option.id),
          {
            minLength: group.minSelect,
            maxLength: Math.min(group.maxSelect, group.options.length),
          },
        ),
      ),
    )
    .map((groups) => groups.flat())
  const code = product.barcode ?? ''
  const scannedBarcode =
    product.pricingUnit === 'kg'
      ? fc.integer({ min: 1, max: 99_999 }).map((grams) => embeddedEan13(code, grams))
      : code.startsWith('22')
        ? fc.option(
            fc.integer({ min: 1, max: 99_999 }).map((cents) => embeddedEan13(code, cents)),
            { nil: undefined },
          )
        : fc.constant(undefined)
  return fc
    .record({
      variantId:
        product.variants.length > 0
          ? fc.option(fc.constantFrom(...product.variants.map((variant) => variant.id)), {
              nil: undefined,
            })
          : fc.constant(undefined),
      modifierOptionIds:
        product.modifierGroups.length > 0 ? modifierOptionIds : fc.constant<string[]>([]),
      scannedBarcode,
      quantity: product.pricingUnit === 'kg' ? fc.constant(1) : fc.integer({ min: 1, max: 20 }),
      discount: fc.option(discountArbitrary, { nil: undefined }),
    })
    .map((line) => {
      const draft: LineDraft = {
        productId: product.id,
        quantity: line.quantity,
        modifierOptionIds: line.modifierOptionIds,
      }
      if (line.variantId !== undefined) draft.variantId = line.variantId
      if (line.scannedBarcode !== undefined) draft.scannedBarcode = line.scannedBarcode
      if (line.discount !== undefined) draft.discount = line.discount
      return draft
    })
}

function attempt<T>(price: () => T): { ok: true; value: T } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: price() }
  } catch (error) {
    return { ok: false, error }
  }
}

describe('the register preview and main price a cart the same way', () => {
  let core: RegisterCore
  let products: Product[]

  beforeAll(async () => {
    core = openTestCore(tempDir())
    products = (await call(core, 'catalog:list', {})).products.filter((product) => product.isActive)
  })
  afterAll(() => core.close())

  it('gives equal unit prices and totals to the cent, or both refuse the same discount', () => {
    const options = getStoreOptions(core.database.db)
    const byId = new Map(products.map((product) => [product.id, product]))
    const cartArbitrary = fc.record({
      lines: fc.array(
        fc.constantFrom(...products).chain((product) => lineArbitrary(product)),
        { minLength: 1, maxLength: 8 },
      ),
      orderDiscount: fc.option(discountArbitrary, { nil: undefined }),
    })
    let pricedBoth = 0
    fc.assert(
      fc.property(cartArbitrary, rulesArbitrary, (cart: CartDraft, rules) => {
        const sale = attempt(() => priceSale(core.store, cart, rules, options))
        let lineId = 0
        const restored = fromSnapshot(
          {
            lines: [...cart.lines],
            display: cart.lines.map((line) => ({ name: line.productId, quantity: line.quantity })),
            ...(cart.orderDiscount ? { orderDiscount: cart.orderDiscount } : {}),
          },
          byId,
          options.embeddedBarcodes,
          null,
          () => `line-${lineId++}`,
        )
        expect(restored.dropped).toEqual([])
        const preview = attempt(() => pricePreview(restored.state, rules))
        if (sale.ok) {
          if (!preview.ok) throw preview.error
          pricedBoth += 1
          expect(preview.value).toEqual(sale.value.totals)
          expect(restored.state.lines.map(unitPriceCents)).toEqual(
            sale.value.lines.map((line) => line.unitPriceCents),
          )
        } else {
          // The generated carts are otherwise valid: only a discount bigger than its base is refused.
          if (preview.ok) throw new Error('The preview priced a cart main refused.')
          expect(preview.error).toBeInstanceOf(DiscountError)
          const { lineIndex } = preview.error as DiscountError
          expect(sale.error).toBeInstanceOf(PosError)
          expect(sale.error).toMatchObject({
            code: 'DISCOUNT_INVALID',
            path: lineIndex === null ? 'orderDiscount' : `lines.${lineIndex}.discount`,
          })
        }
      }),
      { numRuns: 300 },
    )
    // Most carts must price, or the property says little.
    expect(pricedBoth).toBeGreaterThan(100)
  })
})
