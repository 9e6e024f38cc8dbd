import { useTranslation } from '../../i18n'
import { QuantityInput } from './QuantityInput'
import type { QuantityLine } from './quantityLines'
import { itemKey, type StockItem } from './stockItem'
import { StockFlags } from './StockFlags'

interface QuantityLinesTableProps {
  lines: QuantityLine[]
  /** The quantity column's heading ("Change", "Quantity to send"). */
  quantityLabel: string
  /** A line's field name ("Change for Espresso"); {{name}} is the product. */
  fieldLabel: (name: string) => string
  allowNegative?: boolean
  errors: Record<string, string>
  onQuantity: (key: string, quantity: number) => void
  onRemove: (key: string) => void
  onHistory: (item: StockItem) => void
  testId: string
}

/** Products and the quantity each moves, typed or scanned, for an adjustment or a transfer. */
export function QuantityLinesTable(props: QuantityLinesTableProps) {
  const { lines, quantityLabel, fieldLabel, allowNegative, errors, onQuantity, onRemove } = props
  const { t } = useTranslation('stock')
  return (
    <div className="stock-table-scroll">
      <table className="stock-table" data-testid={props.testId}>
        <thead>
          <tr>
            <th scope="col">{t('columns.product')}</th>
            <th scope="col" className="numeric">
              {quantityLabel}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const key = itemKey(line.item)
            return (
              <tr key={key} className="stock-row" data-sku={line.item.sku}>
                <th scope="row" className="stock-product">
                  <span className="stock-product-name">{line.item.name}</span>
                  <span className="stock-code">{line.item.sku}</span>
                  <StockFlags item={line.item} onHand={null} />
                </th>
                <td className="numeric">
                  <QuantityInput
                    value={line.quantity}
                    label={fieldLabel(line.item.name)}
                    allowNegative={allowNegative}
                    error={errors[key]}
                    onChange={(quantity) => onQuantity(key, quantity)}
                  />
                </td>
                <td>
                  <div className="stock-row-actions">
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      aria-label={t('history.openFor', { name: line.item.name })}
                      onClick={() => props.onHistory(line.item)}
                    >
                      {t('history.open')}
                    </button>
                    <button
                      type="button"
                      className="icon-button icon-button-danger"
                      aria-label={t('lines.remove', { name: line.item.name })}
                      onClick={() => onRemove(key)}
                    >
                      ✕
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
