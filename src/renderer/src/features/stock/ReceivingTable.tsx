import { useTranslation } from '../../i18n'
import { QuantityInput } from './QuantityInput'
import { receiptState, type ReceivingLine } from './receivingModel'
import { itemKey, type StockItem } from './stockItem'
import { useQuantityFormat } from './useQuantityFormat'

interface ReceivingTableProps {
  lines: ReceivingLine[]
  /** The due column's heading: "Ordered" or "Sent". */
  dueLabel: string
  errors: Record<string, string>
  onReceiving: (key: string, quantity: number) => void
  onHistory: (item: StockItem) => void
}

/**
 * Each line's ordered (or sent), received before and receiving now, and what that makes it:
 * complete, over by some, or still under by some, in words as well as colour.
 */
export function ReceivingTable(props: ReceivingTableProps) {
  const { lines, dueLabel, errors, onReceiving, onHistory } = props
  const { t } = useTranslation('stock')
  const quantity = useQuantityFormat()
  return (
    <div className="stock-table-scroll">
      <table className="stock-table" data-testid="receiving-lines">
        <thead>
          <tr>
            <th scope="col">{t('columns.product')}</th>
            <th scope="col" className="numeric">
              {dueLabel}
            </th>
            <th scope="col" className="numeric">
              {t('columns.receivedBefore')}
            </th>
            <th scope="col" className="numeric">
              {t('columns.receivingNow')}
            </th>
            <th scope="col">{t('columns.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const key = itemKey(line.item)
            const { state, by } = receiptState(line)
            return (
              <tr
                key={key}
                className={`stock-row stock-row-${state}`}
                data-testid="receiving-line"
                data-sku={line.item.sku}
                data-state={state}
              >
                <th scope="row" className="stock-product">
                  <span className="stock-product-name">{line.item.name}</span>
                  <span className="stock-code">{line.item.sku}</span>
                </th>
                <td className="numeric">{quantity(line.due)}</td>
                <td className="numeric">{quantity(line.before)}</td>
                <td className="numeric">
                  <QuantityInput
                    value={line.now}
                    label={t('receive.nowFor', { name: line.item.name })}
                    error={errors[key]}
                    onChange={(now) => onReceiving(key, now)}
                  />
                </td>
                <td data-testid="receiving-state">
                  <span className={`stock-flag stock-flag-${state}`}>
                    {state === 'complete'
                      ? t('flags.complete')
                      : t(`receive.${state}By`, { quantity: quantity(by) })}
                  </span>
                </td>
                <td>
                  <div className="stock-row-actions">
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      aria-label={t('history.openFor', { name: line.item.name })}
                      onClick={() => onHistory(line.item)}
                    >
                      {t('history.open')}
                    </button>
                  </div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
