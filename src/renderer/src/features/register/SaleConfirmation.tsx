import { useMoney } from '../../appInfo'

export interface CompletedSale {
  orderNumber: string
  totalCents: number
  tenderedCents: number
  changeCents: number
}

/** Stays up after a sale, so the cashier can read the change aloud, until the next item is rung up. */
export function SaleConfirmation({ sale }: { sale: CompletedSale }) {
  const money = useMoney()
  return (
    <div className="sale-confirmation" data-testid="sale-confirmation" role="status">
      <p className="sale-confirmation-title">
        <span aria-hidden="true" className="sale-confirmation-check">
          ✓
        </span>
        <span>
          Sale{' '}
          <strong className="sale-confirmation-number" data-testid="last-order-number">
            {sale.orderNumber}
          </strong>{' '}
          complete
        </span>
      </p>
      <dl className="sale-confirmation-figures">
        <div>
          <dt>Total</dt>
          <dd>{money(sale.totalCents)}</dd>
        </div>
        <div>
          <dt>Tendered</dt>
          <dd>{money(sale.tenderedCents)}</dd>
        </div>
        <div className="sale-confirmation-change">
          <dt>Change due</dt>
          <dd data-testid="last-change">{money(sale.changeCents)}</dd>
        </div>
      </dl>
    </div>
  )
}
