import { receiptSections } from './buildReceipt'
import { kitchenSections, testPageSections } from './buildTicket'
import { receiptFormat, type ReceiptFormat } from './format'
import { receiptStrings, type ReceiptStrings } from './strings'
import type { ReceiptDoc, ReceiptSection, RenderInput } from './types'

/** Characters per line of font A: 32 on 58 mm paper, 48 on 80 mm. */
export function paperColumns(paperWidthMm: 58 | 80): 32 | 48 {
  return paperWidthMm === 58 ? 32 : 48
}

/** The one receipt model every output (ESC/POS, raster, HTML) is drawn from. */
export function buildReceiptDoc(input: RenderInput): ReceiptDoc {
  const strings = receiptStrings[input.language]
  const format = receiptFormat(input.language, input.store)
  const sections = sectionsFor(input, strings, format)
  if (input.isCopy)
    sections.unshift({
      name: 'banner',
      rows: [{ type: 'banner', role: 'title', text: strings.copy }],
    })
  return {
    kind: input.kind,
    language: input.language,
    direction: input.language === 'ar' ? 'rtl' : 'ltr',
    paperWidthMm: input.paperWidthMm,
    isCopy: input.isCopy,
    title: input.order?.orderNumber ?? strings.testPage,
    isRefund: input.order?.kind === 'REFUND',
    sections: sections.filter((section) => section.rows.length > 0),
  }
}

function sectionsFor(
  input: RenderInput,
  strings: ReceiptStrings,
  format: ReceiptFormat,
): ReceiptSection[] {
  if (input.kind === 'test')
    return testPageSections(input, strings, format, paperColumns(input.paperWidthMm))
  const { order } = input
  if (!order) throw new Error(`A ${input.kind} needs the order to print.`)
  return input.kind === 'receipt'
    ? receiptSections(input, order, strings, format)
    : kitchenSections(input, order, strings, format)
}
