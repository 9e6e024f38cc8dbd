import { useEffect, useRef } from 'react'
import type { OrderTotals } from '../../../../shared/domain'
import { useAppInfo, useMoney } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import type { Cart } from './cart'
import { itemCount, type CartLine } from './cartModel'
import { CartLineRow, discountText } from './CartLineRow'
import { SaleConfirmation, type CompletedSale } from './SaleConfirmation'

/** The skip link's target: the cart, first stop after "Skip to cart". */
export const cartRegionId = 'register-cart'

interface CartPanelProps {
  cart: Cart
  totals: OrderTotals | null
  totalsError: string | null
  lastSale: CompletedSale | null
  /** The confirmation's New sale: clears it for the next customer. */
  onNewSale: () => void
  parkedCount: number
  onPay: () => void
  /** Clear: a cart with items goes through a void (reason, maybe a manager). */
  onClear: () => void
  onPark: () => void
  onShowParked: () => void
  /** A tapped line: the line editor. */
  onEditLine: (line: CartLine) => void
  /** Set when the store needs an open shift to sell and none is open: Pay gives way to this. */
  onOpenShift: (() => void) | null
  /** "Latte added, 3 items, total $12.40": read out politely by a screen reader. */
  announcement: string
  onOrderDiscount: () => void
  onOrderNote: () => void
  onCustomer: () => void
}

export function CartPanel(props: CartPanelProps) {
  const { cart, totals, totalsError, lastSale, parkedCount } = props
  const { t } = useTranslation('register')
  const { t: tc } = useTranslation('common')
  const { t: tcart } = useTranslation('cart')
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
    <section id={cartRegionId} tabIndex={-1} aria-label={t('cart.label')} className="cart">
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="cart-announcer">
        {props.announcement}
      </p>
      <header className="cart-header">
        <h2 className="cart-title">{t('cart.title')}</h2>
        <span className="cart-count">{tc('items', { count })}</span>
      </header>

      <div className="cart-body" ref={bodyRef}>
        {isEmpty && lastSale && <SaleConfirmation sale={lastSale} onNewSale={props.onNewSale} />}
        {isEmpty && !lastSale && <p className="cart-empty">{t('cart.empty')}</p>}
        {!isEmpty && (
          <ul className="cart-lines">
            {cart.lines.map((line, index) => (
              <CartLineRow
                key={line.lineId}
                line={line}
                totals={totals?.lines[index]}
                flashKey={lastAdded?.lineId === line.lineId ? lastAdded.sequence : null}
                onEdit={() => props.onEditLine(line)}
              />
            ))}
          </ul>
        )}
      </div>

      <div className="cart-order">
        {cart.customer ? (
          <div className="cart-customer" data-testid="cart-customer">
            <span className="cart-customer-label">{t('cart.customer')}</span>
            <span className="cart-customer-name">{cart.customer.name}</span>
            <button
              type="button"
              className="icon-button icon-button-danger"
              aria-label={t('cart.removeCustomer', { name: cart.customer.name })}
              onClick={() => cart.setCustomer(null)}
            >
              ✕
            </button>
          </div>
        ) : null}
        {cart.note && (
          <p className="cart-order-note" data-testid="cart-order-note">
            {t('cart.note', { note: cart.note })}
          </p>
        )}
        <div className="cart-order-tools" role="group" aria-label={t('cart.saleOptions')}>
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={props.onCustomer}
          >
            {cart.customer ? t('cart.changeCustomer') : t('cart.attachCustomer')}
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={isEmpty}
            onClick={props.onOrderDiscount}
          >
            {t('cart.orderDiscount')}
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={isEmpty}
            onClick={props.onOrderNote}
          >
            {t('cart.orderNote')}
          </button>
        </div>
      </div>

      <footer className="cart-footer">
        {totalsError && <ErrorAlert message={totalsError} />}
        <div className="cart-totals">
          <dl className="cart-totals-minor">
            {totals && totals.discountCents > 0 && (
              <div className="cart-totals-row cart-totals-discount">
                <dt>
                  {t('cart.discounts')}
                  {cart.orderDiscount &&
                    t('cart.orderDiscountDetail', {
                      discount: discountText(cart.orderDiscount, money),
                    })}
                </dt>
                <dd data-testid="cart-discount">−{money(totals.discountCents)}</dd>
              </div>
            )}
            <div className="cart-totals-row">
              <dt>{t('cart.subtotal')}</dt>
              <dd data-testid="cart-subtotal">{money(totals?.subtotalCents ?? 0)}</dd>
            </div>
            <div className="cart-totals-row">
              <dt>{pricingRules.pricesIncludeTax ? t('cart.taxIncluded') : t('cart.tax')}</dt>
              <dd data-testid="cart-tax">{money(totals?.taxCents ?? 0)}</dd>
            </div>
          </dl>
          <dl className="cart-totals-grand-list">
            <div className="cart-totals-row cart-totals-grand">
              <dt>{t('cart.total')}</dt>
              <dd data-testid="cart-total">{money(totals?.totalCents ?? 0)}</dd>
            </div>
          </dl>
        </div>
        <div className="cart-actions-secondary">
          <button
            type="button"
            className="button button-secondary"
            disabled={isEmpty}
            onClick={props.onClear}
          >
            {t('cart.clear')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={isEmpty}
            aria-keyshortcuts="F8"
            onClick={props.onPark}
          >
            {t('cart.park')}{' '}
            <kbd className="key-hint" aria-hidden="true">
              F8
            </kbd>
          </button>
          <button type="button" className="button button-secondary" onClick={props.onShowParked}>
            {t('cart.parkedSales', { count: parkedCount })}
          </button>
        </div>
        {props.onOpenShift ? (
          <div className="cart-shift-needed" data-testid="cart-shift-needed">
            <p id={`${cartRegionId}-shift`} className="cart-shift-text">
              {tcart('shift.required')}
            </p>
            <div className="cart-pay-row">
              <button type="button" className="button button-secondary" onClick={props.onOpenShift}>
                {tcart('shift.open')}
              </button>
              <button
                type="button"
                className="button button-primary button-pay"
                disabled
                aria-describedby={`${cartRegionId}-shift`}
              >
                {t('cart.pay')}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button button-primary button-pay"
            disabled={isEmpty || totals === null}
            aria-keyshortcuts="F4"
            onClick={props.onPay}
          >
            {t('cart.pay')}{' '}
            <kbd className="key-hint" aria-hidden="true">
              F4
            </kbd>
          </button>
        )}
      </footer>
    </section>
  )
}
