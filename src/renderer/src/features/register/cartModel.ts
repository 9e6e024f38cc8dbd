import { lineUnitPriceCents, type Cents } from '../../../../shared/domain'
import { parseEmbeddedBarcode } from '../../../../shared/domain/barcode'
import type { EmbeddedBarcodeRule } from '../../../../shared/store/options'
import { i18n } from '../../i18n'
import type { Product } from '../../types'
import type { CartSnapshot, Customer, DiscountInput, SaleLineDraft } from './saleTypes'

/** The contract's per-line ceiling (SaleDraft lines.quantity). */
export const maxQuantity = 9999

/** What to ring up: a product with the options chosen (and what a scanned label embeds). */
export interface LineChoice {
  product: Product
  variantId?: string | null
  modifierOptionIds?: readonly string[]
  /** Kept only for weight- or price-embedded codes: main re-reads it to price the line. */
  scannedBarcode?: string | null
  weightGrams?: number | null
  embeddedPriceCents?: Cents | null
}

export interface CartLine {
  /** Lines are keyed by id: the same product with other options is another line. */
  lineId: string
  product: Product
  variantId: string | null
  modifierOptionIds: string[]
  scannedBarcode: string | null
  weightGrams: number | null
  embeddedPriceCents: Cents | null
  quantity: number
  discount: DiscountInput | null
  note: string
}

/** The line a product was last rung up on; `sequence` changes on every add, even to the same line. */
export interface LastAdded {
  lineId: string
  sequence: number
}

export interface CartState {
  lines: CartLine[]
  orderDiscount: DiscountInput | null
  customer: Customer | null
  note: string
  lastAdded: LastAdded | null
  /**
   * A manager's approvals of discounts above the limit, asked when each was applied
   * (sale:approveDiscount); the sale carries them so main does not ask again at Complete sale.
   */
  discountApprovalIds: string[]
}

export const emptyCart: CartState = {
  lines: [],
  orderDiscount: null,
  customer: null,
  note: '',
  lastAdded: null,
  discountApprovalIds: [],
}

export type CartAction =
  | { type: 'add'; choice: LineChoice; lineId: string }
  | { type: 'setQuantity'; lineId: string; quantity: number }
  | { type: 'changeQuantity'; lineId: string; delta: number }
  | { type: 'remove'; lineId: string }
  | { type: 'setLineDiscount'; lineId: string; discount: DiscountInput | null }
  | { type: 'setLineNote'; lineId: string; note: string }
  | {
      type: 'setLineOptions'
      lineId: string
      variantId: string | null
      modifierOptionIds: readonly string[]
    }
  | { type: 'setOrderDiscount'; discount: DiscountInput | null }
  | { type: 'setOrderNote'; note: string }
  | { type: 'addDiscountApproval'; approvalId: string }
  | { type: 'setCustomer'; customer: Customer | null }
  | { type: 'restore'; state: CartState }
  | { type: 'clear' }

function clampQuantity(quantity: number): number {
  return Math.min(maxQuantity, Math.max(1, Math.trunc(quantity)))
}

/** Same product, variant, options and scanned label: ringing it up again adds to that line. */
function lineKey(line: {
  product: Product
  variantId?: string | null
  modifierOptionIds?: readonly string[]
  scannedBarcode?: string | null
}): string {
  const modifiers = [...(line.modifierOptionIds ?? [])].sort().join(',')
  return [line.product.id, line.variantId ?? '', modifiers, line.scannedBarcode ?? ''].join('|')
}

function updateLine(state: CartState, lineId: string, change: (line: CartLine) => CartLine) {
  return {
    ...state,
    lines: state.lines.map((line) => (line.lineId === lineId ? change(line) : line)),
  }
}

export function cartReducer(state: CartState, action: CartAction): CartState {
  switch (action.type) {
    case 'add': {
      const key = lineKey(action.choice)
      const existing = state.lines.find((line) => lineKey(line) === key)
      const sequence = (state.lastAdded?.sequence ?? 0) + 1
      if (existing) {
        return {
          ...updateLine(state, existing.lineId, (line) => ({
            ...line,
            quantity: clampQuantity(line.quantity + 1),
          })),
          lastAdded: { lineId: existing.lineId, sequence },
        }
      }
      const { choice } = action
      const line: CartLine = {
        lineId: action.lineId,
        product: choice.product,
        variantId: choice.variantId ?? null,
        modifierOptionIds: [...(choice.modifierOptionIds ?? [])],
        scannedBarcode: choice.scannedBarcode ?? null,
        weightGrams: choice.weightGrams ?? null,
        embeddedPriceCents: choice.embeddedPriceCents ?? null,
        quantity: 1,
        discount: null,
        note: '',
      }
      return {
        ...state,
        lines: [...state.lines, line],
        lastAdded: { lineId: line.lineId, sequence },
      }
    }
    case 'setQuantity':
      return updateLine(state, action.lineId, (line) => ({
        ...line,
        quantity: clampQuantity(action.quantity),
      }))
    case 'changeQuantity':
      return updateLine(state, action.lineId, (line) => ({
        ...line,
        quantity: clampQuantity(line.quantity + action.delta),
      }))
    case 'remove':
      return { ...state, lines: state.lines.filter((line) => line.lineId !== action.lineId) }
    case 'setLineDiscount':
      return updateLine(state, action.lineId, (line) => ({ ...line, discount: action.discount }))
    case 'setLineNote':
      return updateLine(state, action.lineId, (line) => ({ ...line, note: action.note.trim() }))
    case 'setLineOptions':
      // The line keeps its place, quantity, discount and note; only its choices change.
      return updateLine(state, action.lineId, (line) => ({
        ...line,
        variantId: action.variantId,
        modifierOptionIds: [...action.modifierOptionIds],
      }))
    case 'setOrderDiscount':
      return { ...state, orderDiscount: action.discount }
    case 'setOrderNote':
      return { ...state, note: action.note.trim() }
    case 'addDiscountApproval':
      return { ...state, discountApprovalIds: [...state.discountApprovalIds, action.approvalId] }
    case 'setCustomer':
      return { ...state, customer: action.customer }
    case 'restore':
      return action.state
    case 'clear':
      return emptyCart
    default: {
      const unknownAction: never = action
      return unknownAction
    }
  }
}

export interface ChosenModifier {
  groupName: string
  name: string
  priceCents: Cents
}

export function variantOf(line: Pick<CartLine, 'product' | 'variantId'>) {
  if (line.variantId === null) return undefined
  return line.product.variants.find((variant) => variant.id === line.variantId)
}

/** The chosen options in the catalog's order, as the receipt lists them. */
export function modifiersOf(
  line: Pick<CartLine, 'product' | 'modifierOptionIds'>,
): ChosenModifier[] {
  const chosen = new Set(line.modifierOptionIds)
  return line.product.modifierGroups.flatMap((group) =>
    group.options
      .filter((option) => chosen.has(option.id))
      .map((option) => ({
        groupName: group.name,
        name: option.name,
        priceCents: option.priceCents,
      })),
  )
}

/** One unit's price, by the rule main prices the sale with (lineUnitPriceCents). */
export function unitPriceCents(
  line: Pick<
    CartLine,
    'product' | 'variantId' | 'modifierOptionIds' | 'weightGrams' | 'embeddedPriceCents'
  >,
): Cents {
  return lineUnitPriceCents({
    listPriceCents: variantOf(line)?.priceCents ?? line.product.priceCents,
    modifierPricesCents: modifiersOf(line).map((modifier) => modifier.priceCents),
    weightGrams: line.weightGrams,
    labelPriceCents: line.embeddedPriceCents,
  })
}

/** "Latte (Large)": what the cashier reads on the line and in the parked list. */
export function lineDisplayName(line: Pick<CartLine, 'product' | 'variantId'>): string {
  const variant = variantOf(line)
  return variant ? `${line.product.name} (${variant.name})` : line.product.name
}

/** The line as sale:complete, park:save and sale:void take it. */
export function toLineDraft(line: CartLine): SaleLineDraft {
  const draft: SaleLineDraft = {
    productId: line.product.id,
    quantity: line.quantity,
    modifierOptionIds: line.modifierOptionIds,
  }
  if (line.variantId !== null) draft.variantId = line.variantId
  if (line.scannedBarcode !== null) draft.scannedBarcode = line.scannedBarcode
  if (line.discount !== null) draft.discount = line.discount
  if (line.note !== '') draft.note = line.note
  return draft
}

export function toSnapshot(state: CartState): CartSnapshot {
  const snapshot: CartSnapshot = {
    lines: state.lines.map(toLineDraft),
    display: state.lines.map((line) => ({
      name: lineDisplayName(line).slice(0, 300),
      quantity: line.quantity,
    })),
  }
  if (state.orderDiscount) snapshot.orderDiscount = state.orderDiscount
  if (state.customer) snapshot.customerId = state.customer.id
  if (state.note !== '') snapshot.note = state.note
  return snapshot
}

export interface RestoredCart {
  state: CartState
  /** Names of the lines left out because their product (or variant) is no longer for sale. */
  dropped: string[]
}

/**
 * A parked cart back on the screen, its products looked up again in today's catalog. A weighed
 * or labelled line re-reads its code with the store's rules, as main does when it prices it.
 */
export function fromSnapshot(
  snapshot: CartSnapshot,
  products: ReadonlyMap<string, Product>,
  rules: readonly EmbeddedBarcodeRule[],
  customer: Customer | null,
  newLineId: () => string,
): RestoredCart {
  const lines: CartLine[] = []
  const dropped: string[] = []
  snapshot.lines.forEach((draft, index) => {
    const product = products.get(draft.productId)
    const variantId = draft.variantId ?? null
    const isVariantGone =
      product !== undefined &&
      variantId !== null &&
      !product.variants.some((variant) => variant.id === variantId)
    if (!product || isVariantGone) {
      dropped.push(snapshot.display[index]?.name ?? i18n.t('register:notices.anItem'))
      return
    }
    const optionIds = new Set(
      product.modifierGroups.flatMap((group) => group.options.map((option) => option.id)),
    )
    const embedded = draft.scannedBarcode ? parseEmbeddedBarcode(draft.scannedBarcode, rules) : null
    lines.push({
      lineId: newLineId(),
      product,
      variantId,
      modifierOptionIds: (draft.modifierOptionIds ?? []).filter((id) => optionIds.has(id)),
      scannedBarcode: draft.scannedBarcode ?? null,
      weightGrams: embedded?.kind === 'weight' ? embedded.value : null,
      embeddedPriceCents: embedded?.kind === 'price' ? embedded.value : null,
      quantity: clampQuantity(draft.quantity),
      discount: draft.discount ?? null,
      note: draft.note ?? '',
    })
  })
  return {
    state: {
      lines,
      orderDiscount: snapshot.orderDiscount ?? null,
      customer,
      note: snapshot.note ?? '',
      lastAdded: null,
      discountApprovalIds: [],
    },
    dropped,
  }
}

export function itemCount(lines: readonly CartLine[]): number {
  return lines.reduce((count, line) => count + line.quantity, 0)
}
