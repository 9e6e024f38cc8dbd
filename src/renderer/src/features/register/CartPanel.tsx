import { useEffect, useRef } from 'react'
import type { OrderTotals } from '../../../../shared/domain'
import { useAppInfo, useMoney } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { maxQuantity, type Cart } from './cart'
import { SaleConfirmation, type CompletedSale } from './SaleConfirmation'

interface CartPanelProps {
  cart: Cart
  totals: OrderTotals | null
  totalsError: string | null
  lastSale: CompletedSale | null
  onPay: () => void
}

export function CartPanel({ cart, totals, totalsError, lastSale, onPay }: CartPanelProps) {
  const money = useMoney()
  const { pricingRules } = useAppInfo()
  const itemCount = cart.lines.reduce((count, line) => count + line.quantity, 0)
  const isEmpty = cart.lines.length === 0
  const bodyRef = useRef<HTMLDivElement>(null)
  const { lastAdded } = cart

  // Bring the line just rung up into view, so the cashier sees it even in a long sale.
  useEffect(() => {
    if (!lastAdded) return
    bodyRef.current
      ?.querySelector(`[data-product-id="${lastAdded.productId}"]`)
      ?.scrollIntoView({ block: 'nearest' })
  }, [lastAdded])

  return (
    <section aria-label="Cart" className="cart">
      <header className="cart-header">
        <h2 className="cart-title">Current sale</h2>
        <span className="cart-count">
          {itemCount} {itemCount === 1 ? 'item' : 'items'}
        </span>
      </header>

      <div className="cart-body" ref={bodyRef}>
        {isEmpty && lastSale && <SaleConfirmation sale={lastSale} />}
        {isEmpty && !lastSale && (
          <p className="cart-empty">Tap a product or scan a barcode to start a sale.</p>
        )}
        {!isEmpty && (
          <ul className="cart-lines">
            {cart.lines.map(({ product, quantity }, index) => {
              const lineTotals = totals?.lines[index]
              // Show the line as priced on the shelf: with tax when prices include it.
              const lineCents =
                lineTotals &&
                (pricingRules.pricesIncludeTax ? lineTotals.totalCents : lineTotals.netCents)
              return (
                <li
                  key={product.id}
                  className="cart-line"
                  data-testid="cart-line"
                  data-sku={product.sku}
                  data-product-id={product.id}
                >
                  {lastAdded?.productId === product.id && (
                    // Re-keyed on every add, so the highlight replays even on the same line.
                    <span key={lastAdded.sequence} className="cart-line-flash" aria-hidden="true" />
                  )}
                  <div className="cart-line-info">
                    <span className="cart-line-name">{product.name}</span>
                    <span className="cart-line-unit">{money(product.priceCents)} each</span>
                  </div>
                  <div className="cart-line-quantity-controls">
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Decrease quantity of ${product.name}`}
                      disabled={quantity <= 1}
                      onClick={() => cart.decrement(product.id)}
                    >
                      −
                    </button>
                    <span className="cart-line-quantity" data-testid="cart-line-quantity">
                      {quantity}
                    </span>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Increase quantity of ${product.name}`}
                      disabled={quantity >= maxQuantity}
                      onClick={() => cart.increment(product.id)}
                    >
                      +
                    </button>
                  </div>
                  <span className="cart-line-total">
                    {lineCents === undefined ? '—' : money(lineCents)}
                  </span>
                  <button
                    type="button"
                    className="icon-button icon-button-danger"
                    aria-label={`Remove ${product.name}`}
                    onClick={() => cart.remove(product.id)}
                  >
                    ✕
                  </button>
                </li>
              )
            })}
          </ul>
        )}
      </div>

      <footer className="cart-footer">
        {totalsError && <ErrorAlert message={totalsError} />}
        <dl className="cart-totals">
          <div className="cart-totals-row">
            <dt>Subtotal</dt>
            <dd data-testid="cart-subtotal">{money(totals?.subtotalCents ?? 0)}</dd>
          </div>
          <div className="cart-totals-row">
            <dt>{pricingRules.pricesIncludeTax ? 'Tax included' : 'Tax'}</dt>
            <dd data-testid="cart-tax">{money(totals?.taxCents ?? 0)}</dd>
          </div>
          <div className="cart-totals-row cart-totals-grand">
            <dt>Total</dt>
            <dd data-testid="cart-total">{money(totals?.totalCents ?? 0)}</dd>
          </div>
        </dl>
        <div className="cart-actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={isEmpty}
            onClick={cart.clear}
          >
            Clear
          </button>
          <button
            type="button"
            className="button button-primary button-pay"
            disabled={isEmpty || totals === null}
            onClick={onPay}
          >
            Pay cash
          </button>
        </div>
      </footer>
    </section>
  )
}
