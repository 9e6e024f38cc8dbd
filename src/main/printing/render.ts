import { buildReceiptDoc } from '../../shared/receipt/buildDoc'
import type { RenderInput } from '../../shared/receipt/types'
import { encodeEscPos } from './escpos'
import { receiptHtml } from './receiptHtml'
import { shouldOpenDrawer } from './receiptModel'

export type { RenderInput, RenderStore } from '../../shared/receipt/types'

/** Bytes for a network (ESC/POS) printer: the receipt, kitchen ticket or test page, cut. */
export function renderEscPos(
  input: RenderInput & { hasArabicCodePage: boolean; opensDrawer: boolean },
): Uint8Array {
  return encodeEscPos(buildReceiptDoc(input), {
    hasArabicCodePage: input.hasArabicCodePage,
    shouldOpenDrawer: shouldOpenDrawer(input, input.opensDrawer),
  })
}

/**
 * `html`: a whole self-contained document (inline CSS, no scripts or external resources) for
 * e-mail, printToPDF and system printers; `bodyHtml`: the same markup with classes only, for the
 * in-app preview.
 */
export function renderReceiptHtml(input: RenderInput): { html: string; bodyHtml: string } {
  return receiptHtml(buildReceiptDoc(input))
}
