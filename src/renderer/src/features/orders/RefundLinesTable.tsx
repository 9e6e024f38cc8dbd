import type { RefObject } from 'react'
import { useTranslation } from '../../i18n'
import type { OrderDetail } from '../../types'
import { readQuantity, remainingQuantity, type QuantityTexts } from './refundDraft'

/** The quantity field of one order line; a refund main refuses focuses it by this id. */
export function quantityInputId(itemId: string): string {
  return `refund-quantity-${itemId}`
}

interface RefundLinesTableProps {
  items: OrderDetail['items']
  quantities: QuantityTexts
  lineErrors: Readonly<Record<string, string>>
  isSubmitting: boolean
  /** Given to the first line with something left, which takes focus when the dialog opens. */
  firstFieldRef: RefObject<HTMLInputElement | null>
  onQuantity: (itemId: string, text: string) => void
}

/** Each sold line: how many are left to refund and how many to refund now. */
export function RefundLinesTable(props: RefundLinesTableProps) {
  const { t } = useTranslation('orders')
  const { items, quantities, lineErrors, isSubmitting, firstFieldRef, onQuantity } = props
  const firstEditableId = items.find((item) => remainingQuantity(item) > 0)?.id
  return (
    <table className="refund-lines" aria-label={t('refund.items')}>
      <thead>
        <tr>
          <th scope="col">{t('refund.item')}</th>
          <th scope="col" className="numeric">
            {t('refund.left')}
          </th>
          <th scope="col">{t('refund.refund')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const remaining = remainingQuantity(item)
          const text = quantities[item.id] ?? ''
          const check = readQuantity(text, remaining)
          const lineError = lineErrors[item.id] ?? (check.kind === 'invalid' ? check.message : null)
          const name = item.variantName ? `${item.name} (${item.variantName})` : item.name
          const hintId = `${quantityInputId(item.id)}-hint`
          const isFirst = item.id === firstEditableId
          return (
            <tr key={item.id} data-testid="refund-line">
              <td>
                <span className="refund-line-name">{name}</span>
                <span className="refund-line-sold">
                  {t('refund.sold', { quantity: item.quantity })}
                  {item.refundedQuantity > 0 &&
                    t('refund.refundedSoFar', { quantity: item.refundedQuantity })}
                </span>
              </td>
              <td className="numeric">{remaining}</td>
              <td>
                {remaining === 0 ? (
                  <span className="refund-line-done">{t('refund.allRefunded')}</span>
                ) : (
                  <div className="refund-quantity">
                    <input
                      ref={isFirst ? firstFieldRef : undefined}
                      id={quantityInputId(item.id)}
                      className="field-input refund-quantity-input"
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      placeholder="0"
                      aria-label={t('refund.quantityFor', { name })}
                      aria-invalid={lineError !== null}
                      aria-describedby={hintId}
                      value={text}
                      readOnly={isSubmitting}
                      onChange={(event) => onQuantity(item.id, event.target.value)}
                    />
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={t('refund.allOf', { remaining, name })}
                      disabled={isSubmitting}
                      onClick={() => onQuantity(item.id, String(remaining))}
                    >
                      {t('refund.all')}
                    </button>
                  </div>
                )}
                <p id={hintId} className={lineError ? 'field-hint field-hint-error' : 'field-hint'}>
                  {lineError ?? ''}
                </p>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
