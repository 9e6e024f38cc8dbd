import { useTranslation } from '../../i18n'
import type { StockItem } from './stockItem'

/** Badges beside a product: on hand below zero (sold more than was known), stock not tracked. */
export function StockFlags({ item, onHand }: { item: StockItem; onHand: number | null }) {
  const { t } = useTranslation('stock')
  return (
    <>
      {onHand !== null && onHand < 0 && (
        <span className="stock-flag stock-flag-negative" data-testid="negative-flag">
          {t('flags.negative')}
        </span>
      )}
      {!item.isTracked && <span className="stock-flag">{t('flags.notTracked')}</span>}
    </>
  )
}
