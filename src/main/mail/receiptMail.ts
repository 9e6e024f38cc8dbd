import { buildReceiptDoc } from '../../shared/receipt/buildDoc'
import type { ReceiptDoc, ReceiptRow, RenderInput } from '../../shared/receipt/types'
import type { Language } from '../../shared/store/registerConfig'
import { receiptHtml } from '../printing/receiptHtml'

/** A receipt as an e-mail: subject, plain text and simple HTML, in the receipt's language. */
export interface ReceiptMail {
  subject: string
  text: string
  html: string
}

const subjects: Record<Language, (store: string, orderNumber: string) => string> = {
  en: (store, orderNumber) => `Your receipt from ${store} (order ${orderNumber})`,
  ar: (store, orderNumber) => `إيصالك من ${store} (الطلب ${orderNumber})`,
}

/** The width plain-text amounts are aligned to (a mail client's monospace view). */
const textColumns = 40

function rowText(row: ReceiptRow): string | null {
  switch (row.type) {
    case 'text':
      return row.text
    case 'pair': {
      const label = `${row.isIndented ? '   ' : ''}${row.label}`
      if (!row.amount) return label
      const gap = Math.max(2, textColumns - label.length - row.amount.length)
      return `${label}${' '.repeat(gap)}${row.amount}`
    }
    case 'banner':
      return `*** ${row.text} ***`
    case 'rule':
      return '-'.repeat(textColumns)
    case 'barcode':
      return row.value
    case 'qrcode':
      // The order number is printed once already (the barcode row).
      return null
  }
}

/** The receipt document as plain text, one section after another with a rule between. */
export function receiptText(doc: ReceiptDoc): string {
  return doc.sections
    .map((section) =>
      section.rows
        .map(rowText)
        .filter((line): line is string => line !== null)
        .join('\n'),
    )
    .filter(Boolean)
    .join(`\n${'-'.repeat(textColumns)}\n`)
}

/** Builds the e-mail from the same receipt model paper and the preview use. */
export function receiptMail(input: RenderInput): ReceiptMail {
  if (!input.order) throw new Error('A receipt e-mail needs its order.')
  const doc = buildReceiptDoc(input)
  return {
    subject: subjects[input.language](input.store.name, input.order.orderNumber),
    text: `${receiptText(doc)}\n`,
    html: receiptHtml(doc).html,
  }
}
