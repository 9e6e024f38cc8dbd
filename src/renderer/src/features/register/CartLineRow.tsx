import { asciiDigits } from '../../../../shared/domain'
import { useState, type KeyboardEvent } from 'react'
import type { LineTotals } from '../../../../shared/domain'
import { useAppInfo, useMoney } from '../../appInfo'
import { i18n, useTranslation } from '../../i18n'
import {
  lineDisplayName,
  maxQuantity,
  modifiersOf,
  unitPriceCents,
  variantOf,
  type CartLine,
} from './cartModel'
import type { DiscountInput } from './saleTypes'

interface CartLineRowProps {
  line: CartLine
  totals: LineTotals | undefined
  /** Replays the highlight: changes on every add to this line. */
  flashKey: number | null
  onQuantity: (quantity: number) => void
  onIncrement: () => void
  onDecrement: () => void
  onRemove: () => void
  onDiscount: () => void
  onNote: () => void
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

export function CartLineRow(props: CartLineRowProps) {
  const { line, totals } = props
  const { t } = useTranslation('register')
  const money = useMoney()
  const { pricingRules } = useAppInfo()
  const [quantityText, setQuantityText] = useState<string | null>(null)
  const name = lineDisplayName(line)
  const modifiers = modifiersOf(line)
  // Show the line as priced on the shelf: with tax when prices include it.
  const lineCents = totals && (pricingRules.pricesIncludeTax ? totals.totalCents : totals.netCents)
  const variant = variantOf(line)

  let unitText = t('line.each', { price: money(unitPriceCents(line)) })
  if (line.weightGrams !== null)
    unitText = t('line.perKg', {
      weight: weightText(line.weightGrams),
      price: money(variant?.priceCents ?? line.product.priceCents),
    })
  else if (line.embeddedPriceCents !== null)
    unitText = t('line.labelPrice', { price: money(line.embeddedPriceCents) })

  function commitQuantity() {
    if (quantityText === null) return
    const quantity = Number(quantityText)
    if (/^\d+$/.test(quantityText.trim()) && quantity >= 1) props.onQuantity(quantity)
    setQuantityText(null)
  }

  function quantityKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault()
      commitQuantity()
    } else if (event.key === 'Escape' && quantityText !== null) {
      // Esc puts back the quantity the line had before the typing.
      event.preventDefault()
      setQuantityText(null)
    }
  }

  return (
    <li
      className="cart-line"
      data-testid="cart-line"
      data-sku={line.product.sku}
      data-product-id={line.product.id}
      data-line-id={line.lineId}
    >
      {props.flashKey !== null && (
        <span key={props.flashKey} className="cart-line-flash" aria-hidden="true" />
      )}
      <div className="cart-line-info">
        <span className="cart-line-name">{line.product.name}</span>
        {variant && <span className="cart-line-variant">{variant.name}</span>}
        {modifiers.length > 0 && (
          <span className="cart-line-modifiers" data-testid="cart-line-modifiers">
            {modifiers
              .map((modifier) =>
                modifier.priceCents > 0
                  ? `${modifier.name} (+${money(modifier.priceCents)})`
                  : modifier.name,
              )
              .join(', ')}
          </span>
        )}
        <span className="cart-line-unit" data-testid="cart-line-unit">
          {unitText}
        </span>
        {line.discount && (
          <span className="cart-line-discount" data-testid="cart-line-discount">
            {discountText(line.discount, money)}
            {totals && totals.lineDiscountCents > 0 && ` (−${money(totals.lineDiscountCents)})`}
          </span>
        )}
        {line.note && (
          <span className="cart-line-note" data-testid="cart-line-note">
            {t('cart.note', { note: line.note })}
          </span>
        )}
        <span className="cart-line-tools">
          <button
            type="button"
            className="link-button"
            aria-label={t('line.discountOn', { name })}
            onClick={props.onDiscount}
          >
            {t('line.discount')}
          </button>
          <button
            type="button"
            className="link-button"
            aria-label={t('line.noteFor', { name })}
            onClick={props.onNote}
          >
            {t('line.note')}
          </button>
        </span>
      </div>
      <div className="cart-line-quantity-controls">
        <button
          type="button"
          className="icon-button"
          aria-label={t('line.decrease', { name })}
          disabled={line.quantity <= 1}
          onClick={props.onDecrement}
        >
          −
        </button>
        <input
          className="cart-line-quantity"
          data-testid="cart-line-quantity"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          aria-label={t('line.quantity', { name })}
          maxLength={4}
          value={quantityText ?? String(line.quantity)}
          onFocus={(event) => event.currentTarget.select()}
          onChange={(event) =>
            setQuantityText(asciiDigits(event.target.value).replace(/[^0-9]/g, ''))
          }
          onBlur={commitQuantity}
          onKeyDown={quantityKey}
        />
        <button
          type="button"
          className="icon-button"
          aria-label={t('line.increase', { name })}
          disabled={line.quantity >= maxQuantity}
          onClick={props.onIncrement}
        >
          +
        </button>
      </div>
      <span className="cart-line-total" data-testid="cart-line-total">
        {lineCents === undefined ? '—' : money(lineCents)}
      </span>
      <button
        type="button"
        className="icon-button icon-button-danger"
        aria-label={t('line.remove', { name })}
        onClick={props.onRemove}
      >
        ✕
      </button>
    </li>
  )
}
