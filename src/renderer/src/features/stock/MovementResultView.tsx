import { useTranslation } from '../../i18n'
import { itemKey } from './stockItem'
import type { StockMovementResult } from './stockTypes'
import { useQuantityFormat } from './useQuantityFormat'

interface MovementResultViewProps {
  title: string
  result: StockMovementResult
  names: Record<string, string>
  onDone: () => void
}

/** What a stored movement did to each line: the change and on hand now (below zero flagged). */
export function MovementResultView({ title, result, names, onDone }: MovementResultViewProps) {
  const { t } = useTranslation('stock')
  const quantity = useQuantityFormat()
  return (
    <section className="stock-result" role="status" data-testid="movement-result">
      <h4 className="stock-result-title">{title}</h4>
      {!result.isNew && <p className="stock-result-note">{t('result.alreadyStored')}</p>}
      <table className="stock-table">
        <thead>
          <tr>
            <th scope="col">{t('columns.product')}</th>
            <th scope="col" className="numeric">
              {t('columns.change')}
            </th>
            <th scope="col" className="numeric">
              {t('columns.onHand')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.lines.map((line) => {
            const key = itemKey(line)
            return (
              <tr key={key} data-testid="result-line">
                <th scope="row" className="stock-product">
                  {names[key] ?? t('result.unknownProduct')}
                </th>
                <td className="numeric" data-testid="result-change">
                  {quantity(line.quantity, true)}
                </td>
                <td
                  className={line.onHand < 0 ? 'numeric stock-negative' : 'numeric'}
                  data-testid="result-on-hand"
                >
                  {quantity(line.onHand)}
                  {line.onHand < 0 && (
                    <span className="stock-flag stock-flag-negative">{t('flags.negative')}</span>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <button type="button" className="button button-secondary" onClick={onDone}>
        {t('result.done')}
      </button>
    </section>
  )
}
