import type { StoreStockLevels } from '../../shared/backoffice/stockOffice'
import type { CsvValue } from '../reports/csv'
import { currencyDigits, moneyText, toCsv } from '../reports/csv'

/**
 * A store's stock levels and valuation as CSV: one row per product or variant, then the total.
 * The `sku` and `on_hand` columns are what the stock-level import reads back.
 */
export function stockLevelsCsv(levels: StoreStockLevels): string {
  const digits = currencyDigits(levels.currency)
  const money = (cents: number | null) => (cents === null ? null : moneyText(cents, digits))
  const rows: CsvValue[][] = levels.rows.map((row) => [
    row.sku,
    row.name,
    row.productId,
    row.variantId,
    row.onHand,
    row.reorderPoint,
    money(row.averageCostCents),
    row.costSource ?? 'none',
    money(row.valueCents),
    [
      row.isNegative ? 'negative' : null,
      row.isLow ? 'low' : null,
      row.costSource ? null : 'no cost',
    ]
      .filter(Boolean)
      .join(' '),
  ])
  rows.push(['', 'Total', null, null, null, null, null, null, money(levels.totals.valueCents), ''])
  return toCsv(
    [
      'sku',
      'name',
      'product_id',
      'variant_id',
      'on_hand',
      'reorder_point',
      'average_cost',
      'cost_source',
      'value',
      'flags',
    ],
    rows,
  )
}
