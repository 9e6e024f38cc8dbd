import type { ReceiptFormat } from './format'
import { pair, text } from './rows'
import type { ReceiptStrings } from './strings'
import type { ReceiptOrder, ReceiptRow, ReceiptSection, RenderInput } from './types'

/** What the kitchen makes: a big order number, the time, and lines without prices. */
export function kitchenSections(
  input: RenderInput,
  order: ReceiptOrder,
  strings: ReceiptStrings,
  format: ReceiptFormat,
): ReceiptSection[] {
  const header: ReceiptRow[] = [
    text('title', strings.kitchenTicket, 'center', 'bold'),
    text('order-number', order.orderNumber, 'center', 'huge'),
    text(
      'meta',
      `${format.time(order.createdAt)} · ${strings.register} ${input.registerCode}`,
      'center',
    ),
  ]
  if (order.employeeName) header.push(text('meta', `${strings.cashier}: ${order.employeeName}`))
  if (order.customerName) header.push(text('meta', `${strings.customer}: ${order.customerName}`))
  const lines = order.items.flatMap((item): ReceiptRow[] => {
    const quantity =
      item.weightGrams === null ? `${item.quantity} ×` : format.kilograms(item.weightGrams)
    const rows: ReceiptRow[] = [text('item', `${quantity} ${item.name}`, 'start', 'large')]
    if (item.variantName) rows.push(pair('variant', item.variantName, '', { isIndented: true }))
    for (const modifier of item.modifiers)
      rows.push(pair('modifier', `+ ${modifier.name}`, '', { isIndented: true }))
    if (item.note)
      rows.push(
        pair('note', `${strings.note}: ${item.note}`, '', { isIndented: true, emphasis: 'bold' }),
      )
    return rows
  })
  if (order.note) lines.push(text('note', `${strings.note}: ${order.note}`, 'start', 'bold'))
  return [
    { name: 'header', rows: header },
    { name: 'lines', rows: lines },
    {
      name: 'footer',
      rows: [text('meta', `${strings.printedAt} ${format.time(input.now)}`, 'center')],
    },
  ]
}

/** Proves a printer works: its width, every column, alignment and the characters it can print. */
export function testPageSections(
  input: RenderInput,
  strings: ReceiptStrings,
  format: ReceiptFormat,
  columns: number,
): ReceiptSection[] {
  const digits = '1234567890'.repeat(Math.ceil(columns / 10)).slice(0, columns)
  const characters =
    input.language === 'ar'
      ? 'أبجد هوز حطي كلمن سعفص قرشت ثخذ ضظغ ٠١٢٣٤٥٦٧٨٩'
      : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 €£$ àéîõü ÆØÅ'
  return [
    {
      name: 'header',
      rows: [
        text('store', input.store.name, 'center', 'large'),
        text('title', strings.testPage, 'center', 'huge'),
        text('meta', `${strings.register} ${input.registerCode}`, 'center'),
        text(
          'meta',
          `${strings.paperWidth}: ${input.paperWidthMm} mm, ${columns} ${strings.columns}`,
          'center',
        ),
      ],
    },
    {
      name: 'lines',
      rows: [
        text('check', digits),
        text('check', strings.alignment, 'start', 'bold'),
        text('check', strings.left, 'start'),
        text('check', strings.center, 'center'),
        text('check', strings.right, 'end'),
        text('check', strings.characters, 'start', 'bold'),
        text('check', characters),
        pair('total', strings.total, format.money(123_456), { emphasis: 'large' }),
      ],
    },
    {
      name: 'footer',
      rows: [text('meta', `${strings.printedAt} ${format.dateTime(input.now)}`, 'center')],
    },
  ]
}
