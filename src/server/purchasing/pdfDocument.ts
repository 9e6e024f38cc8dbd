/**
 * A small PDF 1.4 writer for text documents (purchase orders): A4 pages of positioned text in the
 * two standard Helvetica faces, which every PDF reader carries, so no font file ships. Text is
 * WinAnsi (Latin-1); a character outside it prints as "?" (a name in Arabic script needs an
 * embedded font, which this writer does not do).
 */

export const PAGE_WIDTH = 595
export const PAGE_HEIGHT = 842

export interface PdfText {
  x: number
  /** From the top of the page (the writer turns it into PDF's bottom-up y). */
  y: number
  text: string
  size?: number
  isBold?: boolean
  /** Right-aligned at x (figures in a column), measured approximately. */
  isRightAligned?: boolean
}

export interface PdfLine {
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface PdfPage {
  texts: PdfText[]
  lines?: PdfLine[]
}

/** Latin-1 bytes of the text inside a PDF string literal. */
function pdfString(text: string): string {
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0)!
    const safe = code >= 0x20 && code <= 0xff && code !== 0x7f ? char : '?'
    out += safe === '(' || safe === ')' || safe === '\\' ? `\\${safe}` : safe
  }
  return `(${out})`
}

/** Helvetica's average advance is about half the font size: enough to right-align figures. */
const widthOf = (text: string, size: number) => text.length * size * 0.52

function contentOf(page: PdfPage): string {
  const parts: string[] = []
  for (const line of page.lines ?? [])
    parts.push(
      `0.5 w ${line.x1} ${PAGE_HEIGHT - line.y1} m ${line.x2} ${PAGE_HEIGHT - line.y2} l S`,
    )
  for (const text of page.texts) {
    const size = text.size ?? 10
    const x = text.isRightAligned ? text.x - widthOf(text.text, size) : text.x
    parts.push(
      `BT /${text.isBold ? 'F2' : 'F1'} ${size} Tf ${x.toFixed(2)} ${(PAGE_HEIGHT - text.y).toFixed(2)} Td ${pdfString(text.text)} Tj ET`,
    )
  }
  return parts.join('\n')
}

/** The document's bytes: `%PDF-1.4`, one object per page and content stream, an xref table. */
export function renderPdf(pages: PdfPage[], title: string): Buffer {
  const objects: string[] = []
  const add = (body: string) => objects.push(body)
  add('<< /Type /Catalog /Pages 2 0 R >>')
  add('') // pages tree, filled once the page ids are known
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>')
  add(`<< /Title ${pdfString(title)} /Producer (AuraFlow POS) >>`)
  const pageIds: number[] = []
  for (const page of pages.length > 0 ? pages : [{ texts: [] }]) {
    const content = Buffer.from(contentOf(page), 'latin1')
    add(`<< /Length ${content.length} >>\nstream\n${content.toString('latin1')}\nendstream`)
    const contentId = objects.length
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentId} 0 R >>`,
    )
    pageIds.push(objects.length)
  }
  objects[1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xrefAt = Buffer.byteLength(body, 'latin1')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}
