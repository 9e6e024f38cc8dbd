import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder'
import { paperColumns } from '../../shared/receipt/buildDoc'
import type { Emphasis, ReceiptDoc, ReceiptRow, RowAlign } from '../../shared/receipt/types'
import { columnWidth, visualOrder, wrapColumns } from '../../shared/receipt/visualOrder'
import { rasterizeRows } from './raster'

export interface EscPosOptions {
  /** Print Arabic through the printer's Arabic code page rather than as an image. */
  hasArabicCodePage: boolean
  /** Pulse the cash drawer after the cut. */
  shouldOpenDrawer: boolean
}

/** Dots across the printable width of font-A paper: 384 on 58 mm, 576 on 80 mm. */
export function paperDots(paperWidthMm: 58 | 80): 384 | 576 {
  return paperWidthMm === 58 ? 384 : 576
}

type Encoder = ReceiptPrinterEncoder
type Drawable = Exclude<ReceiptRow, { type: 'barcode' } | { type: 'qrcode' }>

/**
 * ESC/POS bytes for a receipt model. English prints as text in cp858 (cp437 plus €). Arabic
 * prints in windows-1256 when the printer has it: the code page maps the base Arabic letters (the
 * encoder's cp864 only maps presentation forms, so plain text would come out as "?"), but shaping
 * is limited to what the printer does itself, often isolated letter forms. Without an Arabic code
 * page every block of text is drawn right to left with a real font and sent as a raster image.
 */
export function encodeEscPos(doc: ReceiptDoc, options: EscPosOptions): Uint8Array {
  const columns = paperColumns(doc.paperWidthMm)
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns,
    imageMode: 'raster',
    newline: '\n',
    feedBeforeCut: 4,
    errors: 'strict',
  })
  const isArabic = doc.language === 'ar'
  const isRaster = isArabic && !options.hasArabicCodePage
  encoder.initialize().codepage(isArabic ? 'windows1256' : 'cp858')
  const text = new TextWriter(encoder, columns, doc.direction === 'rtl')

  let pending: Drawable[] = []
  const flush = () => {
    if (pending.length === 0) return
    const image = rasterizeRows(pending, {
      widthDots: paperDots(doc.paperWidthMm),
      direction: doc.direction,
    })
    encoder.align('left').image(image, { width: image.width, height: image.height, mode: 'raster' })
    pending = []
  }
  doc.sections.forEach((section, index) => {
    const rows: ReceiptRow[] =
      index > 0 && ['lines', 'totals', 'tenders'].includes(section.name)
        ? [{ type: 'rule' }, ...section.rows]
        : section.rows
    for (const row of rows) {
      if (row.type === 'barcode' || row.type === 'qrcode') {
        flush()
        code(encoder, row, doc.paperWidthMm)
      } else if (isRaster) pending.push(row)
      else text.row(row)
    }
  })
  flush()
  encoder.cut('partial')
  if (options.shouldOpenDrawer) encoder.pulse()
  return encoder.encode()
}

function code(
  encoder: Encoder,
  row: { type: 'barcode' | 'qrcode'; value: string },
  widthMm: 58 | 80,
) {
  encoder.align('center')
  if (row.type === 'barcode')
    encoder.barcode(code128Data(row.value), 'code128', {
      height: 60,
      width: widthMm === 58 ? 1 : 2,
      text: 'below',
    })
  else encoder.qrcode(row.value, { model: 2, size: widthMm === 58 ? 5 : 6, errorlevel: 'm' })
  encoder.align('left')
}

/**
 * Code 128 data for GS k: code set B, switching to C for a trailing run of digits, which halves
 * their width so a 15-character order number fits 58 mm paper ("{B" and "{C" select the sets).
 */
export function code128Data(value: string): string {
  const digits = /\d+$/.exec(value)?.[0] ?? ''
  const pairs = digits.length >= 4 ? digits.length - (digits.length % 2) : 0
  if (pairs === 0) return `{B${value}`
  const head = value.slice(0, value.length - pairs)
  const tail = value.slice(value.length - pairs)
  const packed = (tail.match(/\d\d/g) ?? [])
    .map((pair) => String.fromCharCode(Number(pair)))
    .join('')
  return head ? `{B${head}{C${packed}` : `{C${packed}`
}

/** Writes text rows, wrapped to the paper, mirrored for right-to-left text. */
class TextWriter {
  constructor(
    private readonly encoder: Encoder,
    private readonly columns: number,
    private readonly isRtl: boolean,
  ) {}

  row(row: Drawable): void {
    switch (row.type) {
      case 'rule':
        this.encoder.rule({ style: 'single' })
        return
      case 'banner':
        // Padded to the full width so the whole band prints black.
        this.styled('huge', (columns) => {
          const label = this.visual(row.text)
          const left = Math.max(0, Math.floor((columns - columnWidth(label)) / 2))
          const band = `${' '.repeat(left)}${label}`.padEnd(columns, ' ')
          this.encoder.align('left').invert(true).line(band).invert(false)
        })
        return
      case 'text':
        this.styled(row.emphasis, (columns) => {
          this.encoder.align(this.align(row.align))
          for (const line of wrapColumns(row.text, columns)) this.encoder.line(this.visual(line))
        })
        return
      case 'pair':
        this.styled(row.emphasis, (columns) => this.pair(row, columns))
        return
    }
  }

  /** A label and its amount through the encoder's table, amount at the far edge. */
  private pair(row: Extract<Drawable, { type: 'pair' }>, columns: number) {
    const indent = row.isIndented ? 2 : 0
    const amountText = this.visual(row.amount)
    const amountWidth = columnWidth(amountText)
    const labelWidth = columns - indent - (amountWidth > 0 ? amountWidth + 1 : 0)
    const labels = wrapColumns(row.label, labelWidth).map((line) => this.visual(line))
    const label = { width: labelWidth, align: this.align('start') }
    this.encoder.align('left')
    if (amountWidth === 0) {
      const column = this.isRtl
        ? { ...label, marginRight: indent }
        : { ...label, marginLeft: indent }
      this.encoder.table(
        [column],
        labels.map((line) => [line]),
      )
      return
    }
    const amount = { width: amountWidth, align: this.align('end') }
    const amounts = labels.map((_line, index) => (index === 0 ? amountText : ''))
    if (this.isRtl)
      this.encoder.table(
        [amount, { ...label, marginLeft: 1, marginRight: indent }],
        labels.map((line, index) => [amounts[index] ?? '', line]),
      )
    else
      this.encoder.table(
        [
          { ...label, marginLeft: indent },
          { ...amount, marginLeft: 1 },
        ],
        labels.map((line, index) => [line, amounts[index] ?? '']),
      )
  }

  private styled(emphasis: Emphasis, write: (columns: number) => void) {
    const isBold = emphasis !== 'normal'
    const width = emphasis === 'huge' ? 2 : 1
    const height = emphasis === 'large' || emphasis === 'huge' ? 2 : 1
    if (isBold) this.encoder.bold(true)
    if (width > 1 || height > 1) this.encoder.size(width, height)
    write(Math.floor(this.columns / width))
    if (width > 1 || height > 1) this.encoder.size(1, 1)
    if (isBold) this.encoder.bold(false)
  }

  private align(align: RowAlign): 'left' | 'center' | 'right' {
    if (align === 'center') return 'center'
    return (align === 'start') !== this.isRtl ? 'left' : 'right'
  }

  /**
   * Intl's narrow and no-break spaces are not in the code pages: a plain space prints the same; nor
   * is the money minus U+2212, which prints as a hyphen.
   */
  private visual(line: string): string {
    const plain = line.replace(/[\u00A0\u2007\u2009\u202F]/g, ' ').replace(/\u2212/g, '-')
    return this.isRtl ? visualOrder(plain) : plain.replace(/[\u200E\u200F\u061C\u2066-\u2069]/g, '')
  }
}
