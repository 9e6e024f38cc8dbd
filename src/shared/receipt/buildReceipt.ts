import type { ReceiptFormat } from './format'
import { pair, text } from './rows'
import { receiptStrings, type ReceiptStrings } from './strings'
import type { ReceiptOrder, ReceiptRow, ReceiptSection, RenderInput } from './types'

type Item = ReceiptOrder['items'][number]

/** A customer receipt (sale or refund): header, lines, totals with tax by rate, tenders, codes. */
export function receiptSections(
  input: RenderInput,
  order: ReceiptOrder,
  strings: ReceiptStrings,
  format: ReceiptFormat,
): ReceiptSection[] {
  const isRefund = order.kind === 'REFUND'
  return [
    { name: 'header', rows: headerRows(input, order, strings, format) },
    {
      name: 'lines',
      rows: order.items.flatMap((item) => lineRows(item, isRefund, strings, format)),
    },
    { name: 'totals', rows: totalRows(order, strings, format) },
    { name: 'tenders', rows: tenderRows(order, strings, format) },
    {
      name: 'footer',
      rows: input.footer.trim() ? [text('footer', input.footer.trim(), 'center')] : [],
    },
    {
      name: 'codes',
      rows: [
        { type: 'barcode', value: order.orderNumber },
        { type: 'qrcode', value: order.orderNumber },
      ],
    },
  ]
}

function headerRows(
  input: RenderInput,
  order: ReceiptOrder,
  strings: ReceiptStrings,
  format: ReceiptFormat,
): ReceiptRow[] {
  const rows: ReceiptRow[] = [text('store', input.store.name, 'center', 'large')]
  if (order.kind === 'REFUND') rows.push(text('title', strings.refund, 'center', 'huge'))
  rows.push(
    text('meta', `${strings.register} ${input.registerCode}`, 'center'),
    text('meta', `${strings.order} ${order.orderNumber}`, 'center'),
    text('meta', format.dateTime(order.createdAt), 'center'),
  )
  if (order.employeeName) rows.push(text('meta', `${strings.cashier}: ${order.employeeName}`))
  if (order.customerName) rows.push(text('meta', `${strings.customer}: ${order.customerName}`))
  if (order.kind === 'REFUND') {
    if (order.refundOfOrderNumber)
      rows.push(text('reason', `${strings.refundOf} ${order.refundOfOrderNumber}`))
    if (order.refundReason) rows.push(text('reason', `${strings.reason}: ${order.refundReason}`))
  }
  if (order.note) rows.push(text('note', `${strings.note}: ${order.note}`))
  return rows
}

/**
 * A sale line's amounts add up down the column: the base price, each modifier (its price times
 * the quantity), then the discount, so they sum to the line's net. A refund line shows only the
 * net given back, as refunds are worked out in proportion and need not split the same way.
 */
function lineRows(
  item: Item,
  isRefund: boolean,
  strings: ReceiptStrings,
  format: ReceiptFormat,
): ReceiptRow[] {
  const modifiersPerUnitCents = item.modifiers.reduce(
    (sum, modifier) => sum + modifier.priceCents,
    0,
  )
  const label = item.weightGrams === null ? `${item.quantity} × ${item.name}` : item.name
  const baseCents = (item.unitPriceCents - modifiersPerUnitCents) * item.quantity
  const rows: ReceiptRow[] = [
    pair('item', label, format.money(isRefund ? item.netCents : baseCents)),
  ]
  const detail = (role: 'variant' | 'weight' | 'note', value: string) =>
    rows.push(pair(role, value, '', { isIndented: true }))
  if (item.variantName) detail('variant', item.variantName)
  if (item.weightGrams !== null)
    detail('weight', format.weight(item.weightGrams, item.unitPriceCents))
  for (const modifier of item.modifiers) {
    const amount =
      isRefund || modifier.priceCents === 0 ? '' : format.money(modifier.priceCents * item.quantity)
    rows.push(pair('modifier', `+ ${modifier.name}`, amount, { isIndented: true }))
  }
  if (item.note) detail('note', `${strings.note}: ${item.note}`)
  // The stored discount is the line's own plus its share of an order discount.
  if (!isRefund && item.discountCents !== 0)
    rows.push(
      pair('discount', strings.discount, format.money(-item.discountCents), { isIndented: true }),
    )
  return rows
}

function totalRows(order: ReceiptOrder, strings: ReceiptStrings, format: ReceiptFormat) {
  const taxByRate = new Map<number, number>()
  for (const item of order.items)
    taxByRate.set(
      item.taxRateBasisPoints,
      (taxByRate.get(item.taxRateBasisPoints) ?? 0) + item.taxCents,
    )
  const rows: ReceiptRow[] = [pair('subtotal', strings.subtotal, format.money(order.subtotalCents))]
  for (const [basisPoints, taxCents] of [...taxByRate].sort(([a], [b]) => a - b)) {
    if (basisPoints === 0 && taxCents === 0) continue
    rows.push(pair('tax', `${strings.tax} ${format.rate(basisPoints)}`, format.money(taxCents)))
  }
  rows.push(pair('total', strings.total, format.money(order.totalCents), { emphasis: 'large' }))
  if (order.cashRoundingCents !== 0)
    rows.push(pair('rounding', strings.cashRounding, format.money(order.cashRoundingCents)))
  return rows
}

function tenderRows(order: ReceiptOrder, strings: ReceiptStrings, format: ReceiptFormat) {
  const rows: ReceiptRow[] = []
  for (const payment of order.payments) {
    // Cash shows what was handed over; the change follows.
    const amountCents = payment.method === 'cash' ? payment.tenderedCents : payment.amountCents
    // The default tender names are English words: print them in the receipt's language.
    const label =
      !payment.label || payment.label === receiptStrings.en[payment.method]
        ? strings[payment.method]
        : payment.label
    rows.push(pair('tender', label, format.money(amountCents)))
    if (payment.referenceNumber)
      rows.push(
        pair('reference', `${strings.reference}: ${payment.referenceNumber}`, '', {
          isIndented: true,
        }),
      )
  }
  const changeCents = order.payments.reduce((sum, payment) => sum + payment.changeCents, 0)
  if (changeCents > 0)
    rows.push(pair('change', strings.change, format.money(changeCents), { emphasis: 'bold' }))
  if (order.kind === 'SALE' && order.discountCents > 0)
    rows.push(text('savings', `${strings.youSaved} ${format.money(order.discountCents)}`, 'center'))
  return rows
}
