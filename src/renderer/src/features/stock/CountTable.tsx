import { useTranslation } from '../../i18n'
import { difference, type CountLine } from './countModel'
import { QuantityInput } from './QuantityInput'
import { itemKey, type StockItem } from './stockItem'
import { StockFlags } from './StockFlags'
import { useQuantityFormat } from './useQuantityFormat'

interface CountTableProps {
  lines: CountLine[]
  errors: Record<string, string>
  onCounted: (key: string, counted: number) => void
  onRemove: (key: string) => void
  onHistory: (item: StockItem) => void
}

/** Counted against expected, line by line; a line that differs is marked, by sign and colour. */
export function CountTable({ lines, errors, onCounted, onRemove, onHistory }: CountTableProps) {
  const { t } = useTranslation('stock')
  const quantity = useQuantityFormat()
  return (
    <div className="stock-table-scroll">
      <table className="stock-table" data-testid="count-lines">
        <thead>
          <tr>
            <th scope="col">{t('columns.product')}</th>
            <th scope="col" className="numeric">
              {t('columns.expected')}
            </th>
            <th scope="col" className="numeric">
              {t('columns.counted')}
            </th>
            <th scope="col" className="numeric">
              {t('columns.difference')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const key = itemKey(line.item)
            const diff = difference(line)
            const state = diff === null || diff === 0 ? 'same' : diff > 0 ? 'over' : 'short'
            return (
              <tr
                key={key}
                className={`stock-row stock-row-${state}`}
                data-testid="count-line"
                data-sku={line.item.sku}
                data-difference={diff ?? ''}
              >
                <th scope="row" className="stock-product">
                  <span className="stock-product-name">{line.item.name}</span>
                  <span className="stock-code">{line.item.sku}</span>
                  <StockFlags item={line.item} onHand={line.expected} />
                </th>
                <td className="numeric" data-testid="count-expected">
                  {line.expected === null ? t('count.reading') : quantity(line.expected)}
                </td>
                <td className="numeric">
                  <QuantityInput
                    value={line.counted}
                    label={t('count.countedFor', { name: line.item.name })}
                    error={errors[key]}
                    onChange={(counted) => onCounted(key, counted)}
                  />
                </td>
                <td className="numeric stock-difference" data-testid="count-difference">
                  {diff === null ? '' : quantity(diff, true)}
                  {state !== 'same' && (
                    <span className="stock-difference-word">{t(`count.${state}`)}</span>
                  )}
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
