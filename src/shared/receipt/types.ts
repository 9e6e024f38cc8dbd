import type { z } from 'zod'
import type { OrderDetail } from '../ipc/schemas'
import type { Language } from '../store/registerConfig'

export type ReceiptOrder = z.infer<typeof OrderDetail>

export interface RenderStore {
  name: string
  code: string
  currency: string
  /** The store's own locale (e.g. en-US); Arabic receipts use 'ar' whatever this says. */
  locale: string
}

/** Everything a receipt, kitchen ticket or test page is made from. */
export interface RenderInput {
  kind: 'receipt' | 'kitchen' | 'test'
  /** null only for 'test'. A kitchen ticket's lines are already filtered to the station's categories. */
  order: ReceiptOrder | null
  /** Prints a clear "COPY" banner (reprints). */
  isCopy: boolean
  paperWidthMm: 58 | 80
  language: Language
  store: RenderStore
  registerCode: string
  footer: string
  /** ISO time printed on test pages and kitchen tickets. */
  now: string
}

/**
 * Which part of a receipt a row is; HTML uses it as the class `receipt-<role>` and the printers
 * pick sizes from the row's emphasis, so one model drives paper, screen and e-mail.
 */
export type ReceiptRole =
  | 'store'
  | 'meta'
  | 'title'
  | 'item'
  | 'modifier'
  | 'variant'
  | 'weight'
  | 'note'
  | 'discount'
  | 'subtotal'
  | 'tax'
  | 'total'
  | 'rounding'
  | 'tender'
  | 'reference'
  | 'change'
  | 'savings'
  | 'reason'
  | 'footer'
  | 'order-number'
  | 'check'

/** normal; bold; large = bold and double height; huge = bold, double width and height. */
export type Emphasis = 'normal' | 'bold' | 'large' | 'huge'

/** start/end follow the language's direction: start is the right edge in Arabic. */
export type RowAlign = 'start' | 'center' | 'end'

export type ReceiptRow =
  | { type: 'text'; role: ReceiptRole; text: string; align: RowAlign; emphasis: Emphasis }
  /** A label with an amount at the far edge; indent sets modifiers and notes under their line. */
  | {
      type: 'pair'
      role: ReceiptRole
      label: string
      amount: string
      isIndented: boolean
      emphasis: Emphasis
    }
  /** An inverted full-width banner ("COPY"). */
  | { type: 'banner'; role: ReceiptRole; text: string }
  | { type: 'rule' }
  | { type: 'barcode'; value: string }
  | { type: 'qrcode'; value: string }

export type SectionName = 'banner' | 'header' | 'lines' | 'totals' | 'tenders' | 'footer' | 'codes'

export interface ReceiptSection {
  name: SectionName
  rows: ReceiptRow[]
}

export interface ReceiptDoc {
  kind: RenderInput['kind']
  language: Language
  direction: 'ltr' | 'rtl'
  paperWidthMm: 58 | 80
  isCopy: boolean
  /** The order number, or the test page's name: the document title. */
  title: string
  /** A refund receipt (its amounts are negative). */
  isRefund: boolean
  sections: ReceiptSection[]
}
