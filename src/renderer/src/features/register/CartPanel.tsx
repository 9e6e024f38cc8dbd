import { useEffect, useRef } from 'react'
import type { OrderTotals } from '../../../../shared/domain'
import { useAppInfo, useMoney } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { Cart } from './cart'
import { itemCount, type CartLine } from './cartModel'
import { CartLineRow, discountText } from './CartLineRow'
import { SaleConfirmation, type CompletedSale } from './SaleConfirmation'

interface CartPanelProps {
  cart: Cart
  totals: OrderTotals | null
  totalsError: string | null
  lastSale: CompletedSale | null
  parkedCount: number
  onPay: () => void
  /** Clear: a cart with items goes through a void (reason, maybe a manager). */
  onClear: () => void
  onPark: () => void
  onShowParked: () => void
  onLineDiscount: (line: CartLine) => void
  onLineNote: (line: CartLine) => void
  onOrderDiscount: () => void
  onOrderNote: () => void
  onCustomer: () => void
}

export function CartPanel(props: CartPanelProps) {
  const { cart, totals, totalsError, lastSale, parkedCount } = props
  const money = useMoney()
  const { pricingRules } = useAppInfo()
  const count = itemCount(cart.lines)
  const isEmpty = cart.lines.length === 0
  const bodyRef = useRef<HTMLDivElement>(null)
  const { lastAdded } = cart

  // Bring the line just rung up into view, so the cashier sees it even in a long sale.
  useEffect(() => {
    if (!lastAdded) return
    bodyRef.current
      ?.querySelector(`[data-line-id="${lastAdded.lineId}"]`)
      ?.scrollIntoView({ block: 'nearest' })
  }, [lastAdded])

  return (
    <section aria-label="Cart" className="cart">
      <header className="cart-header">
        <h2 className="cart-title">Current sale</h2>
        <span className="cart-count">
          {count} {count === 1 ? 'item' : 'items'}
        </span>
      </header>

      <div className="cart-body" ref={bodyRef}>
        {isEmpty && lastSale && <SaleConfirmation sale={lastSale} />}
        {isEmpty && !lastSale && (
          <p className="cart-empty">Tap a product or scan a barcode to start a sale.</p>
        )}
        {!isEmpty && (
          <ul className="cart-lines">
            {cart.lines.map((line, index) => (
              <CartLineRow
                key={line.lineId}
                line={line}
                totals={totals?.lines[index]}
                flashKey={lastAdded?.lineId === line.lineId ? lastAdded.sequence : null}
                onQuantity={(quantity) => cart.setQuantity(line.lineId, quantity)}
                onIncrement={() => cart.increment(line.lineId)}
                onDecrement={() => cart.decrement(line.lineId)}
                onRemove={() => cart.remove(line.lineId)}
                onDiscount={() => props.onLineDiscount(line)}
                onNote={() => props.onLineNote(line)}
              />
            ))}
          </ul>
        )}
      </div>

      <div className="cart-order">
        {cart.customer ? (
          <div className="cart-customer" data-testid="cart-customer">
            <span className="cart-customer-label">Customer</span>
            <span className="cart-customer-name">{cart.customer.name}</span>
            <button
              type="button"
              className="icon-button icon-button-danger"
              aria-label={`Remove customer ${cart.customer.name}`}
              onClick={() => cart.setCustomer(null)}
            >
              ✕
            </button>
          </div>
        ) : null}
        {cart.note && (
          <p className="cart-order-note" data-testid="cart-order-note">
            Note: {cart.note}
          </p>
        )}
        <div className="cart-order-tools" role="group" aria-label="Sale options">
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={props.onCustomer}
          >
            {cart.customer ? 'Change customer' : 'Attach customer'}
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={isEmpty}
            onClick={props.onOrderDiscount}
          >
            Order discount
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={isEmpty}
            onClick={props.onOrderNote}
          >
            Order note
          </button>
        </div>
      </div>

      <footer className="cart-footer">
        {totalsError && <ErrorAlert message={totalsError} />}
        <dl className="cart-totals">
          {totals && totals.discountCents > 0 && (
            <div className="cart-totals-row cart-totals-discount">
              <dt>
                Discounts
                {cart.orderDiscount && ` (order ${discountText(cart.orderDiscount, money)})`}
              </dt>
              <dd data-testid="cart-discount">−{money(totals.discountCents)}</dd>
            </div>
          )}
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
        <div className="cart-actions-secondary">
          <button
            type="button"
            className="button button-secondary"
            disabled={isEmpty}
            onClick={props.onClear}
          >
            Clear
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={isEmpty}
            aria-keyshortcuts="F8"
            onClick={props.onPark}
          >
            Park sale{' '}
            <kbd className="key-hint" aria-hidden="true">
              F8
            </kbd>
          </button>
          <button type="button" className="button button-secondary" onClick={props.onShowParked}>
            Parked sales ({parkedCount})
          </button>
        </div>
        <button
          type="button"
          className="button button-primary button-pay"
          disabled={isEmpty || totals === null}
          aria-keyshortcuts="F4"
          onClick={props.onPay}
        >
          Pay{' '}
          <kbd className="key-hint" aria-hidden="true">
            F4
          </kbd>
        </button>
      </footer>
    </section>
  )
}
