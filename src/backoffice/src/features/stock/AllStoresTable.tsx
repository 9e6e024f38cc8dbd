import type { StoreStockLevels } from '../../../../shared/backoffice/stockOffice'
import { useTranslation } from '../../i18n'
import { formatMoney } from '../catalog/money'
import { quantityText } from './stockApi'

/** Every store side by side: one row per product or variant, on hand and value per store. */
export function AllStoresTable({ stores }: { stores: StoreStockLevels[] }) {
  const { t, i18n } = useTranslation('stock')
  const locale = i18n.language
  const items = new Map<string, { name: string; sku: string | null }>()
  for (const store of stores)
    for (const row of store.rows)
      items.set(`${row.productId}:${row.variantId ?? ''}`, { name: row.name, sku: row.sku })
  const sorted = [...items].sort(([, a], [, b]) => a.name.localeCompare(b.name, locale))
  const cell = (store: StoreStockLevels, key: string) =>
    store.rows.find((row) => `${row.productId}:${row.variantId ?? ''}` === key)
  return (
    <div className="bo-table-wrap" tabIndex={0} role="region" aria-label={t('allStores')}>
      <table className="bo-table" data-testid="stock-all-stores">
        <caption className="bo-visually-hidden">{t('allStores')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.name')}</th>
            <th scope="col">{t('columns.sku')}</th>
            {stores.map((store) => (
              <th key={store.storeId} scope="col" dir="auto">
                {`${store.storeName}: ${t('columns.onHand')}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map(([key, item]) => (
            <tr key={key} data-testid="stock-all-row">
              <td dir="auto">{item.name}</td>
              <td>{item.sku}</td>
              {stores.map((store) => {
                const row = cell(store, key)
                return (
                  <td
                    key={store.storeId}
                    className={row?.isNegative ? 'numeric bo-negative' : 'numeric'}
                  >
                    {row ? quantityText(row.onHand, locale) : ''}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('totals.value')}
            </th>
            {stores.map((store) => (
              <td key={store.storeId} className="numeric">
                {formatMoney(store.totals.valueCents, store.currency, locale)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
