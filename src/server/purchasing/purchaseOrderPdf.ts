import type { PurchaseOrderView, SupplierRecordData } from '../../shared/backoffice/purchasing'
import { currencyDigits, moneyText } from '../reports/csv'
import type { PdfPage, PdfText } from './pdfDocument'
import { PAGE_WIDTH, renderPdf } from './pdfDocument'

export interface PdfStore {
  name: string
  code: string
  address: string
  phone: string
  taxId: string
  currency: string
}

const LEFT = 50
const RIGHT = PAGE_WIDTH - 50
const ROWS_PER_PAGE = 38
const ROW_HEIGHT = 16

const quantityText = (quantity: number) =>
  Number.isInteger(quantity) ? String(quantity) : quantity.toFixed(3).replace(/0+$/, '')

/** The order as a supplier reads it: who orders from whom, each line at its cost, the total. */
export function purchaseOrderPdf(
  order: PurchaseOrderView,
  store: PdfStore,
  supplier: SupplierRecordData | null,
): Buffer {
  const digits = currencyDigits(store.currency)
  const money = (cents: number) => `${moneyText(cents, digits).number} ${store.currency}`
  const title = `Purchase order ${order.reference ?? order.id.slice(0, 8)}`
  const head: PdfText[] = [
    { x: LEFT, y: 60, text: title, size: 18, isBold: true },
    { x: LEFT, y: 80, text: `Order id ${order.id}`, size: 8 },
    { x: LEFT, y: 108, text: 'From (buyer)', isBold: true },
    { x: LEFT, y: 122, text: `${store.name} (${store.code})` },
    { x: LEFT, y: 136, text: store.address },
    {
      x: LEFT,
      y: 150,
      text: [store.phone, store.taxId && `Tax id ${store.taxId}`].filter(Boolean).join('  '),
    },
    { x: 320, y: 108, text: 'To (supplier)', isBold: true },
    { x: 320, y: 122, text: supplier?.name ?? order.supplierName ?? order.supplierId },
    { x: 320, y: 136, text: supplier?.contactName ?? '' },
    { x: 320, y: 150, text: [supplier?.email, supplier?.phone].filter(Boolean).join('  ') },
    { x: LEFT, y: 178, text: `Status: ${order.status.replace('_', ' ').toLowerCase()}` },
    { x: 320, y: 178, text: order.expectedAt ? `Expected: ${order.expectedAt}` : '' },
    { x: LEFT, y: 192, text: `Created: ${order.createdAt.slice(0, 10)}` },
  ]
  const header = (y: number): PdfText[] => [
    { x: LEFT, y, text: 'SKU', isBold: true },
    { x: 140, y, text: 'Product', isBold: true },
    { x: 380, y, text: 'Qty', isBold: true, isRightAligned: true },
    { x: 465, y, text: 'Unit cost', isBold: true, isRightAligned: true },
    { x: RIGHT, y, text: 'Line total', isBold: true, isRightAligned: true },
  ]
  const pages: PdfPage[] = []
  const lines = order.lines.filter((line) => line.ordered > 0)
  for (let start = 0; start === 0 || start < lines.length; start += ROWS_PER_PAGE) {
    const top = start === 0 ? 222 : 60
    const texts: PdfText[] = [...(start === 0 ? head : []), ...header(top)]
    const rules = [{ x1: LEFT, y1: top + 5, x2: RIGHT, y2: top + 5 }]
    lines.slice(start, start + ROWS_PER_PAGE).forEach((line, index) => {
      const y = top + ROW_HEIGHT * (index + 1) + 4
      texts.push(
        { x: LEFT, y, text: (line.sku ?? '').slice(0, 16) },
        { x: 140, y, text: (line.name ?? line.productId).slice(0, 40) },
        { x: 380, y, text: quantityText(line.ordered), isRightAligned: true },
        { x: 465, y, text: money(line.unitCostCents), isRightAligned: true },
        { x: RIGHT, y, text: money(line.orderedCents), isRightAligned: true },
      )
    })
    pages.push({ texts, lines: rules })
  }
  const last = pages.at(-1)!
  const rows = Math.min(lines.length - (pages.length - 1) * ROWS_PER_PAGE, ROWS_PER_PAGE)
  const totalY = (pages.length === 1 ? 222 : 60) + ROW_HEIGHT * (Math.max(rows, 0) + 2)
  last.lines!.push({ x1: 300, y1: totalY - 12, x2: RIGHT, y2: totalY - 12 })
  last.texts.push(
    { x: 380, y: totalY, text: 'Total', isBold: true },
    { x: RIGHT, y: totalY, text: money(order.totalCents), isBold: true, isRightAligned: true },
  )
  if (order.note)
    last.texts.push({ x: LEFT, y: totalY + 30, text: `Note: ${order.note.slice(0, 90)}` })
  return renderPdf(pages, title)
}
