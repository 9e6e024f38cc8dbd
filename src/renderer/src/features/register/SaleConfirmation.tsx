import '../../styles/saleConfirmation.css'
import { useEffect, useRef, useState } from 'react'
import { Trans } from 'react-i18next'
import { useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
import type { OrderDetail } from '../../types'
import { tenderLabel } from '../orders/format'
import { useRegisterConfig } from '../settings/registerConfig'
import { ReceiptChoicePanel } from './ReceiptChoicePanel'

export interface CompletedSale {
  /** The sale as main committed it: number, lines, every payment of a split tender. */
  order: OrderDetail
  tenderedCents: number
  changeCents: number
  /** The attached customer's e-mail, offered for an e-mailed receipt. */
  customerEmail: string | null
}

interface SaleConfirmationProps {
  sale: CompletedSale
  /** Clears the confirmation and gets ready for the next customer. */
  onNewSale: () => void
}

/**
 * The end of a sale: the change to hand over first, the payments taken, the receipt the customer
 * wants (remembered per register), and New sale. It covers the empty cart until the next item is
 * rung up or New sale is pressed.
 */
export function SaleConfirmation({ sale, onNewSale }: SaleConfirmationProps) {
  const money = useMoney()
  const { t } = useTranslation('receipts')
  const { config } = useRegisterConfig()
  const newSaleRef = useRef<HTMLButtonElement>(null)
  const { order } = sale
  // The remembered choice as it was when the sale ended: a pick here must not move the selection.
  const [remembered] = useState(config?.receiptChoice ?? 'print')

  // Enter anywhere on the confirmation but a field or a button starts the next sale.
  useEffect(() => {
    function listen(event: KeyboardEvent) {
      if (event.key !== 'Enter' || event.defaultPrevented) return
      if (document.querySelector('dialog[open]')) return
      const target = event.target
      if (target instanceof HTMLInputElement || target instanceof HTMLButtonElement) return
      if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return
      event.preventDefault()
      onNewSale()
    }
    window.addEventListener('keydown', listen)
    return () => window.removeEventListener('keydown', listen)
  }, [onNewSale])

  return (
    <section
      className="sale-confirmation"
      data-testid="sale-confirmation"
      aria-label={t('endOfSale.label')}
    >
      <p className="sale-confirmation-title" role="status">
        <span aria-hidden="true" className="sale-confirmation-check">
          ✓
        </span>
        <span className="sale-confirmation-heading">
          <Trans
            t={t}
            i18nKey="endOfSale.title"
            values={{ number: order.orderNumber }}
            components={{
              number: (
                <strong className="sale-confirmation-number" data-testid="last-order-number" />
              ),
            }}
          />
        </span>
      </p>

      <div className="sale-confirmation-change" data-testid="sale-change">
        <span>{t('endOfSale.changeDue')}</span>
        <strong data-testid="last-change">{money(sale.changeCents)}</strong>
      </div>

      <dl className="sale-confirmation-payments" aria-label={t('endOfSale.payments')}>
        {order.payments.map((payment) => (
          <div key={payment.id} data-testid="sale-payment">
            <dt>{tenderLabel(payment)}</dt>
            <dd>
              {money(payment.method === 'cash' ? payment.tenderedCents : payment.amountCents)}
            </dd>
          </div>
        ))}
        <div className="sale-confirmation-total">
          <dt>{t('endOfSale.total')}</dt>
          <dd data-testid="sale-total">{money(order.totalCents)}</dd>
        </div>
      </dl>

      <ReceiptChoicePanel
        orderId={order.id}
        remembered={remembered}
        customerEmail={sale.customerEmail}
        onDone={() => newSaleRef.current?.focus()}
      />

      <button
        ref={newSaleRef}
        type="button"
        className="button button-primary sale-confirmation-new"
        data-testid="new-sale"
        onClick={onNewSale}
      >
        {t('endOfSale.newSale')}
        <kbd className="key-hint" aria-hidden="true">
          ↵
        </kbd>
      </button>
    </section>
  )
}
