import {
  discountPercentOf,
  DiscountError,
  DomainError,
  lineUnitPriceCents,
  priceOrder,
  type AppliedDiscount,
  type Discount,
  type OrderToPrice,
  type OrderTotals,
  type PricedOrder,
  type PricingRules,
} from '../../shared/domain'
import { parseEmbeddedBarcode } from '../../shared/domain/barcode'
import type { InvokeParsedInput } from '../../shared/ipc/contract'
import { PosError } from '../../shared/ipc/errors'
import type { Product } from '../../shared/ipc/schemas'
import type { StoreOptions } from '../../shared/store/options'
import type { z } from 'zod'
import type { Repositories } from '../store/repositories'
import type { PricedLine, SoldModifier } from '../store/saleRepository'

type SellableProduct = z.infer<typeof Product>
type LineDraft = InvokeParsedInput<'sale:complete'>['lines'][number]

export interface CartDraft {
  lines: readonly LineDraft[]
  orderDiscount?: Discount | undefined
}

/** A discount above the store's limit: needs a manager, and goes in the audit log. */
export interface DiscountAboveLimit {
  path: string
  discountCents: number
  baseCents: number
}

export interface PricedCart {
  lines: PricedLine[]
  totals: OrderTotals
  discountsAboveLimit: DiscountAboveLimit[]
}

/**
 * Prices a cart from the catalog — variant price, modifier options, weight or price read again
 * from the scanned label, line and order discounts — through the shared pricing (priceOrder),
 * the same the register's preview uses. Nothing the renderer computed is trusted.
 */
export function priceCart(
  repositories: Pick<Repositories, 'catalog'>,
  cart: CartDraft,
  rules: PricingRules,
  options: StoreOptions,
): PricedCart {
  const found = new Map(
    repositories.catalog
      .findProducts(cart.lines.map((line) => line.productId))
      .map((row): [string, SellableProduct] => [row.id, row]),
  )
  const lines = cart.lines.map((draft, index) =>
    priceLine(found.get(draft.productId), draft, index, options),
  )
  const priced = priceOrRefuse(
    {
      lines: lines.map((line, index) => ({
        unitPriceCents: line.unitPriceCents,
        quantity: line.quantity,
        taxRateBasisPoints: line.taxRateBasisPoints,
        discount: cart.lines[index]?.discount,
      })),
      orderDiscount: cart.orderDiscount,
    },
    rules,
  )

  const limit = options.discountLimitPercent
  const discountsAboveLimit: DiscountAboveLimit[] = []
  const judge = (applied: AppliedDiscount | null, path: string) => {
    if (applied && isAboveLimit(applied, limit))
      discountsAboveLimit.push({
        path,
        discountCents: applied.discountCents,
        baseCents: applied.baseCents,
      })
  }
  priced.lineDiscounts.forEach((applied, index) => judge(applied, `lines.${index}.discount`))
  judge(priced.orderDiscount, 'orderDiscount')

  const { totals } = priced
  return {
    lines: lines.map((line, index) => {
      const figures = totals.lines[index]
      if (!figures) throw new Error('Totals engine returned fewer lines than it was given.')
      return {
        ...line,
        discountCents: figures.lineDiscountCents + figures.orderDiscountShareCents,
        netCents: figures.netCents,
        taxCents: figures.taxCents,
        totalCents: figures.totalCents,
      }
    }),
    totals,
    discountsAboveLimit,
  }
}

type LineBeforeTotals = Omit<PricedLine, 'discountCents' | 'netCents' | 'taxCents' | 'totalCents'>

function priceLine(
  product: SellableProduct | undefined,
  draft: LineDraft,
  index: number,
  options: StoreOptions,
): LineBeforeTotals {
  const at = (field: string) => `lines.${index}.${field}`
  if (!product || !product.isActive) {
    throw new PosError(
      'PRODUCT_UNAVAILABLE',
      'A product in this sale is no longer for sale.',
      at('productId'),
    )
  }
  let listPriceCents = product.priceCents
  let variantName: string | null = null
  if (draft.variantId !== undefined) {
    const variant = product.variants.find((candidate) => candidate.id === draft.variantId)
    if (!variant)
      throw new PosError(
        'VALIDATION_FAILED',
        `That choice is not offered for ${product.name}.`,
        at('variantId'),
      )
    listPriceCents = variant.priceCents
    variantName = variant.name
  }

  let weightGrams: number | null = null
  let labelPriceCents: number | null = null
  if (draft.scannedBarcode !== undefined) {
    const embedded = parseEmbeddedBarcode(draft.scannedBarcode, options.embeddedBarcodes)
    const codes = [product.barcode, ...product.barcodes]
    if (!embedded || !codes.includes(embedded.productCode))
      throw new PosError(
        'VALIDATION_FAILED',
        `The scanned label is not a weight or price label of ${product.name}.`,
        at('scannedBarcode'),
      )
    if (embedded.kind === 'weight') {
      if (product.pricingUnit !== 'kg')
        throw new PosError(
          'VALIDATION_FAILED',
          `${product.name} is not sold by weight.`,
          at('scannedBarcode'),
        )
      if (draft.quantity !== 1)
        throw new PosError(
          'VALIDATION_FAILED',
          'A weighed item is one line of quantity 1: scan each label.',
          at('quantity'),
        )
      weightGrams = embedded.value
    } else {
      labelPriceCents = embedded.value
    }
  } else if (product.pricingUnit === 'kg') {
    // A per-kg price sold as "1" would charge a kilo whatever was on the scale.
    throw new PosError(
      'VALIDATION_FAILED',
      `${product.name} is sold by weight: scan its weight label.`,
      at('scannedBarcode'),
    )
  }

  const modifiers = chosenModifiers(product, draft.modifierOptionIds, at('modifierOptionIds'))
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    unitPriceCents: lineUnitPriceCents({
      listPriceCents,
      modifierPricesCents: modifiers.map((modifier) => modifier.priceCents),
      weightGrams,
      labelPriceCents,
    }),
    quantity: draft.quantity,
    taxRateBasisPoints: product.taxRateBasisPoints,
    variantId: draft.variantId ?? null,
    variantName,
    modifiers,
    note: draft.note ?? null,
    weightGrams,
  }
}

/** The chosen options, in the catalog's order, after checking each group's min and max. */
function chosenModifiers(
  product: SellableProduct,
  optionIds: readonly string[],
  path: string,
): SoldModifier[] {
  const chosen = new Set(optionIds)
  const offered = new Set(
    product.modifierGroups.flatMap((group) => group.options.map((option) => option.id)),
  )
  if (chosen.size !== optionIds.length || optionIds.some((id) => !offered.has(id)))
    throw new PosError(
      'MODIFIERS_INVALID',
      `A chosen option is not offered for ${product.name}.`,
      path,
    )
  const sold: SoldModifier[] = []
  for (const group of product.modifierGroups) {
    const picked = group.options.filter((option) => chosen.has(option.id))
    if (picked.length < group.minSelect)
      throw new PosError(
        'MODIFIERS_INVALID',
        `Choose at least ${group.minSelect} from "${group.name}" for ${product.name}.`,
        path,
      )
    if (picked.length > group.maxSelect)
      throw new PosError(
        'MODIFIERS_INVALID',
        `Choose at most ${group.maxSelect} from "${group.name}" for ${product.name}.`,
        path,
      )
    for (const option of picked)
      sold.push({ groupName: group.name, name: option.name, priceCents: option.priceCents })
  }
  return sold
}

/** priceOrder, its refusals as the errors the register shows, with the field they are about. */
function priceOrRefuse(order: OrderToPrice, rules: PricingRules): PricedOrder {
  try {
    return priceOrder(order, rules)
  } catch (error) {
    if (error instanceof DiscountError) {
      const isOrder = error.lineIndex === null
      throw new PosError(
        'DISCOUNT_INVALID',
        isOrder
          ? 'The order discount is more than the order.'
          : 'The discount is more than the line.',
        isOrder ? 'orderDiscount' : `lines.${error.lineIndex}.discount`,
      )
    }
    if (error instanceof DomainError)
      throw new PosError('VALIDATION_FAILED', `This sale cannot be priced: ${error.message}.`)
    throw error
  }
}

/** A typed percent is judged as typed, so rounding a 20 % discount never trips a 20 % limit. */
function isAboveLimit(applied: AppliedDiscount, limitPercent: number): boolean {
  const { discount } = applied
  if (discount.type === 'percent') return discount.percent > limitPercent
  return discountPercentOf(applied.discountCents, applied.baseCents) > limitPercent
}
