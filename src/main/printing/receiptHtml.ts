import QRCode from 'qrcode'
import type { ReceiptDoc, ReceiptRow } from '../../shared/receipt/types'

/** Everything printed comes from users or the catalog: escape it all. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/**
 * The receipt as HTML. The order number is printed in large text where paper has its barcode and
 * QR code (no code generator without a new dependency); `bodyHtml` carries classes only.
 */
export function receiptHtml(doc: ReceiptDoc): { html: string; bodyHtml: string } {
  const classes = [
    'receipt',
    `receipt-${doc.paperWidthMm}mm`,
    `receipt-kind-${doc.kind}`,
    ...(doc.isRefund ? ['receipt-refund'] : []),
    ...(doc.isCopy ? ['receipt-copy'] : []),
  ]
  const sections = doc.sections
    .map((section) => {
      const rows = section.rows.map(rowHtml).filter(Boolean).join('')
      return rows
        ? `<section class="receipt-section receipt-section-${section.name}">${rows}</section>`
        : ''
    })
    .join('')
  const bodyHtml = `<article class="${classes.join(' ')}" lang="${doc.language}" dir="${doc.direction}">${sections}</article>`
  const html =
    `<!DOCTYPE html><html lang="${doc.language}" dir="${doc.direction}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(doc.title)}</title><style>${stylesheet(doc)}</style></head>` +
    `<body>${bodyHtml}</body></html>`
  return { html, bodyHtml }
}

function rowHtml(row: ReceiptRow): string {
  switch (row.type) {
    case 'text':
      return `<p class="${rowClasses(row.role, row.emphasis, [`receipt-align-${row.align}`])}">${escapeHtml(row.text)}</p>`
    case 'pair':
      return (
        `<div class="${rowClasses(row.role, row.emphasis, ['receipt-pair', ...(row.isIndented ? ['receipt-indent'] : [])])}">` +
        `<span class="receipt-label">${escapeHtml(row.label)}</span>` +
        (row.amount ? `<span class="receipt-amount">${escapeHtml(row.amount)}</span>` : '') +
        `</div>`
      )
    case 'banner':
      return `<p class="receipt-banner">${escapeHtml(row.text)}</p>`
    case 'rule':
      return `<hr class="receipt-rule">`
    case 'barcode':
      return `<p class="receipt-row receipt-code">${escapeHtml(row.value)}</p>`
    case 'qrcode':
      return qrSvg(row.value)
  }
}

/**
 * The order number as a QR code in inline SVG (qrcode encodes; this only draws the modules), so
 * the preview, the PDF and an e-mail can be scanned back into Orders like a printed receipt.
 */
function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  let path = ''
  for (let row = 0; row < modules.size; row++)
    for (let column = 0; column < modules.size; column++)
      if (modules.get(row, column)) path += `M${column} ${row}h1v1h-1z`
  const box = modules.size + 8
  return (
    `<svg class="receipt-qr" xmlns="http://www.w3.org/2000/svg" viewBox="-4 -4 ${box} ${box}" ` +
    `width="30mm" height="30mm" role="img" aria-label="${escapeHtml(text)}">` +
    `<rect x="-4" y="-4" width="${box}" height="${box}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  )
}

function rowClasses(role: string, emphasis: string, extra: string[]): string {
  return [
    'receipt-row',
    `receipt-${role}`,
    ...(emphasis === 'normal' ? [] : [`receipt-${emphasis}`]),
    ...extra,
  ].join(' ')
}

/** The inline stylesheet of the standalone document (the app styles the same classes itself). */
function stylesheet(doc: ReceiptDoc): string {
  const fonts =
    doc.language === 'ar'
      ? `'Noto Naskh Arabic', Tahoma, 'Segoe UI', Arial, sans-serif`
      : `Menlo, Consolas, 'DejaVu Sans Mono', 'Courier New', monospace`
  return [
    `@page{size:${doc.paperWidthMm}mm auto;margin:0}`,
    `html,body{margin:0;padding:0;background:#fff;color:#000}`,
    `.receipt{box-sizing:border-box;width:${doc.paperWidthMm}mm;margin:0 auto;padding:3mm;font-family:${fonts};font-size:${doc.paperWidthMm === 58 ? 11 : 12}px;line-height:1.35}`,
    `.receipt-section{margin:0}`,
    `.receipt-section-lines,.receipt-section-totals,.receipt-section-tenders{border-top:1px dashed #000;margin-top:2mm;padding-top:2mm}`,
    `.receipt-row{margin:0;overflow-wrap:anywhere}`,
    `.receipt-pair{display:flex;justify-content:space-between;gap:1em}`,
    `.receipt-amount{white-space:nowrap;text-align:end}`,
    `.receipt-indent{padding-inline-start:1.5em}`,
    `.receipt-align-start{text-align:start}`,
    `.receipt-align-center{text-align:center}`,
    `.receipt-align-end{text-align:end}`,
    `.receipt-bold{font-weight:700}`,
    `.receipt-large{font-weight:700;font-size:1.3em}`,
    `.receipt-huge{font-weight:700;font-size:1.7em}`,
    `.receipt-banner{margin:0 0 2mm;padding:1mm 0;background:#000;color:#fff;text-align:center;font-weight:700;font-size:1.7em;letter-spacing:.2em}`,
    `.receipt-rule{border:0;border-top:1px dashed #000;margin:2mm 0}`,
    `.receipt-modifier,.receipt-variant,.receipt-weight,.receipt-note,.receipt-reference{font-size:.92em}`,
    `.receipt-savings{margin-top:1mm}`,
    `.receipt-footer{margin-top:2mm}`,
    `.receipt-code{margin-top:3mm;text-align:center;font-weight:700;font-size:1.5em;letter-spacing:.05em}`,
    `.receipt-qr{display:block;margin:2mm auto 0}`,
  ].join('')
}
