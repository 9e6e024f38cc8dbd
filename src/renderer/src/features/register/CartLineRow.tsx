import type { LineTotals } from '../../../../shared/domain'
import { useAppInfo, useMoney } from '../../appInfo'
import { i18n, useTranslation } from '../../i18n'
import { lineDisplayName, modifiersOf, variantOf, type CartLine } from './cartModel'
import type { DiscountInput } from './saleTypes'

interface CartLineRowProps {
  line: CartLine
  totals: LineTotals | undefined
  /** Replays the highlight: changes on every add to this line. */
  flashKey: number | null
  /** Tap, click or Enter: the line editor (quantity, discount, note, options, remove). */
  onEdit: () => void
}

export function discountText(discount: DiscountInput, money: (cents: number) => string): string {
  return discount.type === 'percent'
    ? i18n.t('register:line.percentOff', { percent: discount.percent })
    : i18n.t('register:line.amountOff', { amount: money(discount.amountCents) })
}

/** "0.452 kg" */
function weightText(grams: number): string {
  return i18n.t('register:line.weight', { kg: (grams / 1000).toFixed(3) })
}

/** What the line's total shows: with tax when the store's prices include it. */
export function shownLineCents(
  totals: LineTotals | undefined,
  pricesIncludeTax: boolean,
): number | undefined {
  return totals && (pricesIncludeTax ? totals.totalCents : totals.netCents)
}

/** The small words after the name: variant, options, weight or label price. */
export function lineDetails(line: CartLine, money: (cents: number) => string): string {
  const variant = variantOf(line)
  const parts: string[] = []
  if (variant) parts.push(variant.name)
  for (const modifier of modifiersOf(line))
    parts.push(
      modifier.priceCents > 0 ? `${modifier.name} (+${money(modifier.priceCents)})` : modifier.name,
    )
  if (line.weightGrams !== null)
    parts.push(
      i18n.t('register:line.perKg', {
        weight: weightText(line.weightGrams),
        price: money(variant?.priceCents ?? line.product.priceCents),
      }),
    )
  else if (line.embeddedPriceCents !== null)
    parts.push(i18n.t('register:line.labelPrice', { price: money(line.embeddedPriceCents) }))
  return parts.join(', ')
}

/**
 * One compact row per line — quantity, name with its options, discount and note markers, line
 * total — so a long sale stays on screen. The whole row is one button that opens the line editor.
 */
export function CartLineRow({ line, totals, flashKey, onEdit }: CartLineRowProps) {
  const { t } = useTranslation('cart')
  const money = useMoney()
  const { pricingRules } = useAppInfo()
  const lineCents = shownLineCents(totals, pricingRules.pricesIncludeTax)
  const totalText = lineCents === undefined ? '—' : money(lineCents)
  const details = lineDetails(line, money)
  const name = lineDisplayName(line)
  const modifierNames = modifiersOf(line).map((modifier) => modifier.name)
  // The row's name for a screen reader or a test: everything on it, in words.
  const label = [
    t('line.summary', {
      name: [name, ...modifierNames].join(', '),
      quantity: line.quantity,
      total: totalText,
    }),
    line.discount && t('line.discountMarker', { discount: discountText(line.discount, money) }),
    line.note && t('line.noteMarker', { note: line.note }),
  ]
    .filter(Boolean)
    .join('. ')

  return (
    <li
      className="cart-line"
      data-testid="cart-line"
      data-sku={line.product.sku}
      data-product-id={line.product.id}
      data-line-id={line.lineId}
    >
      {flashKey !== null && <span key={flashKey} className="cart-line-flash" aria-hidden="true" />}
      <button
        type="button"
        className="cart-line-button"
        aria-label={label}
        aria-haspopup="dialog"
        onClick={onEdit}
      >
        <span className="cart-line-quantity" data-testid="cart-line-quantity">
          {line.quantity}
        </span>
        <span className="cart-line-text">
          <span className="cart-line-name">{line.product.name}</span>
          {details && (
            <span className="cart-line-details" data-testid="cart-line-details">
              {details}
            </span>
          )}
        </span>
        {line.discount && (
          <span
            className="cart-line-marker cart-line-discount"
            data-testid="cart-line-discount"
            title={t('line.discountMarker', { discount: discountText(line.discount, money) })}
          >
            {line.discount.type === 'percent'
              ? `−${line.discount.percent}%`
              : `−${money(line.discount.amountCents)}`}
          </span>
        )}
        {line.note && (
          <span
            className="cart-line-marker cart-line-note"
            data-testid="cart-line-note"
            title={t('line.noteMarker', { note: line.note })}
          >
            ✎
          </span>
        )}
        <span className="cart-line-total" data-testid="cart-line-total">
          {totalText}
        </span>
      </button>
    </li>
  )
}
