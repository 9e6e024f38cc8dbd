import { useAppInfo, useDisplayLocale, useMoney } from '../../appInfo'
import { useTranslation } from '../../i18n'
import type { OrderDetail } from '../../types'
import { formatWeight } from './format'

type OrderItem = OrderDetail['items'][number]

/** An order's lines with everything that was chosen on them: size, extras, weight, note. */
export function OrderLines({ order }: { order: OrderDetail }) {
  const { t } = useTranslation('orders')
  const { pricingRules } = useAppInfo()
  const money = useMoney()
  return (
    <table className="order-lines">
      <thead>
        <tr>
          <th scope="col">{t('lines.item')}</th>
          <th scope="col" className="numeric">
            {t('lines.qty')}
          </th>
          <th scope="col" className="numeric">
            {t('lines.unitPrice')}
          </th>
          <th scope="col" className="numeric">
            {t('lines.lineTotal')}
          </th>
        </tr>
      </thead>
      <tbody>
        {order.items.map((item) => (
          <tr key={item.id} data-testid="order-detail-line">
            <td>
              <LineDescription item={item} isSale={order.kind === 'SALE'} />
            </td>
            <td className="numeric">{item.quantity}</td>
            <td className="numeric">{money(item.unitPriceCents)}</td>
            <td className="numeric">
              {money(pricingRules.pricesIncludeTax ? item.totalCents : item.netCents)}
              {item.discountCents !== 0 && (
                <span className="order-line-discount">
                  {t('lines.discount', { amount: money(Math.abs(item.discountCents)) })}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function LineDescription({ item, isSale }: { item: OrderItem; isSale: boolean }) {
  const { t } = useTranslation('orders')
  const locale = useDisplayLocale()
  const money = useMoney()
  return (
    <>
      <span className="order-line-name">
        {item.name}
        {item.variantName && <span className="order-line-variant"> · {item.variantName}</span>}
      </span>
      {item.modifiers.length > 0 && (
        <ul className="order-line-modifiers" aria-label={t('lines.modifiers')}>
          {item.modifiers.map((modifier, index) => (
            <li key={`${modifier.groupName}-${modifier.name}-${index}`}>
              {t('lines.modifier', { group: modifier.groupName, name: modifier.name })}
              {modifier.priceCents !== 0 && ` (+${money(modifier.priceCents)})`}
            </li>
          ))}
        </ul>
      )}
      {item.weightGrams !== null && (
        <span className="order-line-extra">
          {t('lines.weight', { weight: formatWeight(item.weightGrams, locale) })}
        </span>
      )}
      {item.note && (
        <span className="order-line-extra">{t('lines.note', { note: item.note })}</span>
      )}
      <span className="order-line-sku">{item.sku}</span>
      {isSale && item.refundedQuantity > 0 && (
        <span className="order-line-refunded" data-testid="order-line-refunded">
          {t('lines.refunded', { refunded: item.refundedQuantity, quantity: item.quantity })}
        </span>
      )}
    </>
  )
}
