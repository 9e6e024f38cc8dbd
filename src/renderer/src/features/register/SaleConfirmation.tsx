import { Trans } from 'react-i18next'
import { useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'

export interface CompletedSale {
  orderNumber: string
  totalCents: number
  tenderedCents: number
  changeCents: number
}

/** Stays up after a sale, so the cashier can read the change aloud, until the next item is rung up. */
export function SaleConfirmation({ sale }: { sale: CompletedSale }) {
  const money = useMoney()
  const { t } = useTranslation('register')
  return (
    <div className="sale-confirmation" data-testid="sale-confirmation" role="status">
      <p className="sale-confirmation-title">
        <span aria-hidden="true" className="sale-confirmation-check">
          ✓
        </span>
        <span>
          <Trans
            t={t}
            i18nKey="sale.complete"
            values={{ number: sale.orderNumber }}
            components={{
              number: (
                <strong className="sale-confirmation-number" data-testid="last-order-number" />
              ),
            }}
          />
        </span>
      </p>
      <dl className="sale-confirmation-figures">
        <div>
          <dt>{t('sale.total')}</dt>
          <dd>{money(sale.totalCents)}</dd>
        </div>
        <div>
          <dt>{t('sale.tendered')}</dt>
          <dd>{money(sale.tenderedCents)}</dd>
        </div>
        <div className="sale-confirmation-change">
          <dt>{t('sale.changeDue')}</dt>
          <dd data-testid="last-change">{money(sale.changeCents)}</dd>
        </div>
      </dl>
    </div>
  )
}
