import '../../styles/customerDisplay.css'
import { useCallback } from 'react'
import { formatMoney, type Cents } from '../../../../shared/domain'
import type { DisplayState } from '../../../../shared/ipc/displaySchemas'
import { useSubscribedLoad } from '../../hooks/useSubscribedLoad'
import { applyLanguage, useTranslation } from '../../i18n'
import { pos } from '../../pos'

/**
 * The page a customer display shows: the web host's /customer-display, or the desktop app's
 * second window (#customer-display). It reads only the display feed.
 */
export function isCustomerDisplayPage(location: Pick<Location, 'pathname' | 'hash'>): boolean {
  return location.pathname === '/customer-display' || location.hash === '#customer-display'
}

/** The customer-facing screen: the cart as it is rung up, then the change and a thank-you. */
export function CustomerDisplayApp() {
  const { t } = useTranslation('display')
  const feed = useSubscribedLoad(
    () => pos.invoke('display:getState'),
    'display:stateChanged',
    (state) => applyLanguage(state.language),
  )
  const state = feed.data
  if (!state)
    return (
      <main className="customer-display customer-display-idle">
        <p role="status">{t('customer.connecting')}</p>
      </main>
    )
  return <CustomerScreen state={state} />
}

function CustomerScreen({ state }: { state: DisplayState }) {
  const { t } = useTranslation('display')
  const locale = state.language === 'ar' ? 'ar' : state.locale
  const money = useCallback(
    (cents: Cents) => formatMoney(cents, state.currency, locale),
    [state.currency, locale],
  )
  switch (state.phase) {
    case 'idle':
      return (
        <main className="customer-display customer-display-idle" data-phase="idle">
          <h1 className="customer-display-welcome">
            {t('customer.welcome', { store: state.storeName })}
          </h1>
          <p>{t('customer.welcomeHint')}</p>
        </main>
      )
    case 'paid':
      return (
        <main className="customer-display customer-display-paid" data-phase="paid">
          <h1 className="customer-display-thanks">{t('customer.thanks')}</h1>
          {state.orderNumber && (
            <p className="customer-display-order">
              {t('customer.orderNumber', { number: state.orderNumber })}
            </p>
          )}
          <dl className="customer-display-figures">
            <div>
              <dt>{t('customer.total')}</dt>
              <dd data-testid="display-total">{money(state.totalCents)}</dd>
            </div>
            <div>
              <dt>{t('customer.paid')}</dt>
              <dd data-testid="display-tendered">{money(state.tenderedCents)}</dd>
            </div>
            <div className="customer-display-change">
              <dt>{t('customer.change')}</dt>
              <dd data-testid="display-change">{money(state.changeCents)}</dd>
            </div>
          </dl>
        </main>
      )
    case 'cart':
      return (
        <main className="customer-display customer-display-cart" data-phase="cart">
          <section className="customer-display-lines" aria-labelledby="customer-display-title">
            <h1 id="customer-display-title">
              {t('customer.title')}{' '}
              <span className="customer-display-count">
                {t('customer.itemCount', {
                  count: state.lines.reduce((sum, line) => sum + line.quantity, 0),
                })}
              </span>
            </h1>
            <ul aria-live="polite">
              {state.lines.map((line, index) => (
                <li key={index} className="customer-display-line" data-testid="display-line">
                  <span className="customer-display-quantity">
                    {t('customer.quantity', { count: line.quantity })}
                  </span>
                  <span className="customer-display-name">
                    <bdi>{line.name}</bdi>
                    {line.detail && <small>{line.detail}</small>}
                  </span>
                  <span className="customer-display-amount">{money(line.totalCents)}</span>
                </li>
              ))}
            </ul>
          </section>
          <dl className="customer-display-totals">
            <div>
              <dt>{t('customer.subtotal')}</dt>
              <dd>{money(state.subtotalCents)}</dd>
            </div>
            {state.discountCents !== 0 && (
              <div>
                <dt>{t('customer.discount')}</dt>
                <dd>{money(-state.discountCents)}</dd>
              </div>
            )}
            <div>
              <dt>{t('customer.tax')}</dt>
              <dd>{money(state.taxCents)}</dd>
            </div>
            <div className="customer-display-total">
              <dt>{t('customer.total')}</dt>
              <dd data-testid="display-total">{money(state.totalCents)}</dd>
            </div>
          </dl>
        </main>
      )
    default: {
      const unknownPhase: never = state.phase
      return unknownPhase
    }
  }
}
