import { useDisplayLocale } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { useLoad } from '../../hooks/useLoad'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import type { StockItem } from './stockItem'
import { useQuantityFormat } from './useQuantityFormat'

interface HistoryDialogProps {
  item: StockItem
  onClose: () => void
}

/** Every movement of one product (or variant), newest first, and its on hand now. */
export function HistoryDialog({ item, onClose }: HistoryDialogProps) {
  const { t } = useTranslation('stock')
  const locale = useDisplayLocale()
  const quantity = useQuantityFormat()
  const history = useLoad(
    () =>
      pos.invoke('stock:history', {
        productId: item.productId,
        variantId: item.variantId,
        limit: 100,
      }),
    [item.productId, item.variantId],
    { describeError: (error) => t('history.loadFailed', { error }) },
  )
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' })
  const data = history.data
  return (
    <Modal
      title={t('history.title', { name: item.name })}
      onClose={onClose}
      isCloseable
      className="stock-history-dialog"
    >
      <div className="stock-history" aria-busy={history.isLoading}>
        {history.error && <ErrorAlert message={history.error} onRetry={history.reload} />}
        {data && (
          <>
            <p className="stock-history-on-hand" data-testid="history-on-hand">
              {t('history.onHand', { quantity: quantity(data.onHand) })}
              {data.onHand < 0 && (
                <span className="stock-flag stock-flag-negative">{t('flags.negative')}</span>
              )}
            </p>
            {data.movements.length === 0 ? (
              <p className="page-card-empty">{t('history.none')}</p>
            ) : (
              <div className="stock-table-scroll">
                <table className="stock-table" data-testid="history-lines">
                  <thead>
                    <tr>
                      <th scope="col">{t('history.when')}</th>
                      <th scope="col">{t('history.what')}</th>
                      <th scope="col" className="numeric">
                        {t('columns.change')}
                      </th>
                      <th scope="col">{t('history.by')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.movements.map((movement) => (
                      <tr key={`${movement.movementId}:${movement.variantId ?? ''}`}>
                        <td>{when.format(new Date(movement.createdAt))}</td>
                        <td>
                          {t(`kinds.${movement.kind}`)}
                          {movement.reason && ` · ${t(`reasons.${movement.reason}`)}`}
                          {movement.note && <span className="stock-code">{movement.note}</span>}
                        </td>
                        <td
                          className={movement.quantity < 0 ? 'numeric stock-negative' : 'numeric'}
                        >
                          {quantity(movement.quantity, true)}
                        </td>
                        <td>{movement.employeeName ?? t('history.nobody')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
        <div className="stock-actions">
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('history.close')}
          </button>
        </div>
      </div>
    </Modal>
  )
}
