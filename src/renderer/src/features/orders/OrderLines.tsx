import { useAppInfo, useMoney } from '../../appInfo'
import type { OrderDetail } from '../../types'
import { formatWeight } from './format'

type OrderItem = OrderDetail['items'][number]

/** An order's lines with everything that was chosen on them: size, extras, weight, note. */
export function OrderLines({ order }: { order: OrderDetail }) {
  const { pricingRules } = useAppInfo()
  const money = useMoney()
  return (
    <table className="order-lines">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col" className="numeric">
            Qty
          </th>
          <th scope="col" className="numeric">
            Unit price
          </th>
          <th scope="col" className="numeric">
            Line total
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
                  incl. −{money(Math.abs(item.discountCents))} off
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
  const { locale } = useAppInfo()
  const money = useMoney()
  return (
    <>
      <span className="order-line-name">
        {item.name}
        {item.variantName && <span className="order-line-variant"> · {item.variantName}</span>}
      </span>
      {item.modifiers.length > 0 && (
        <ul className="order-line-modifiers" aria-label="Modifiers">
          {item.modifiers.map((modifier, index) => (
            <li key={`${modifier.groupName}-${modifier.name}-${index}`}>
              {modifier.groupName}: {modifier.name}
              {modifier.priceCents !== 0 && ` (+${money(modifier.priceCents)})`}
            </li>
          ))}
        </ul>
      )}
      {item.weightGrams !== null && (
        <span className="order-line-extra">Weight {formatWeight(item.weightGrams, locale)}</span>
      )}
      {item.note && <span className="order-line-extra">Note: {item.note}</span>}
      <span className="order-line-sku">{item.sku}</span>
      {isSale && item.refundedQuantity > 0 && (
        <span className="order-line-refunded" data-testid="order-line-refunded">
          Refunded {item.refundedQuantity} of {item.quantity}
        </span>
      )}
    </>
  )
}
