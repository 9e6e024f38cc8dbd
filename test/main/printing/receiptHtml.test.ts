import { beforeAll, describe, expect, it } from 'vitest'
import { renderReceiptHtml } from '../../../src/main/printing/render'
import { formatMoney } from '../../../src/shared/domain'
import type { ReceiptOrder } from '../../../src/shared/receipt/types'
import { call, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { catalogBySku, sell } from '../services/salesSupport'
import { pinned, receiptInput, refundFirstLine, sellMixedOrder } from './receiptOrders'

process.env.TZ = 'UTC'

const tempDir = useTempDirs()
const injection = '<img src=x onerror=alert(1)>'

let sale: ReceiptOrder
let hostile: ReceiptOrder
let refund: ReceiptOrder

beforeAll(async () => {
  const core = openTestCore(tempDir())
  sale = pinned((await sellMixedOrder(core)).order)
  refund = pinned(await refundFirstLine(core, (await sellMixedOrder(core)).order))
  // A product and a customer named by someone hostile, sold through the real core.
  const [taxRate] = await call(core, 'catalog:listTaxRates')
  const product = await call(core, 'catalog:saveProduct', {
    sku: 'XSS-1',
    name: injection,
    priceCents: 500,
    categoryId: null,
    taxRateId: taxRate!.id,
    barcodes: [],
    variants: [],
    modifierGroups: [],
    trackStock: false,
    pricingUnit: 'each',
    isActive: true,
  })
  const customer = await call(core, 'customer:create', { name: `"Bob" & <b>Co</b>` })
  const latte = (await catalogBySku(core)).get('COF-LAT')!
  hostile = (
    await sell(
      core,
      [
        { productId: product.id, quantity: 1, note: '</p><script>alert(2)</script>' },
        { productId: latte.id, quantity: 1 },
      ],
      [{ method: 'cash', amountCents: 5000, referenceNumber: `"><svg onload=alert(3)>` }],
      { customerId: customer.id },
    )
  ).order
  core.close()
})

/** The tax the order holds at each rate, summed from its lines independently of the renderer. */
function taxByRate(order: ReceiptOrder): [string, number][] {
  const sums = new Map<number, number>()
  for (const item of order.items)
    sums.set(item.taxRateBasisPoints, (sums.get(item.taxRateBasisPoints) ?? 0) + item.taxCents)
  return [...sums]
    .sort(([a], [b]) => a - b)
    .map(([basisPoints, cents]) => [`${basisPoints / 100}%`, cents])
}

describe('receipt HTML', () => {
  it('escapes everything users typed: product names, notes, customers, references', () => {
    const { html, bodyHtml } = renderReceiptHtml(receiptInput(hostile, { footer: '<b>Bye</b>' }))
    for (const markup of [html, bodyHtml]) {
      expect(markup).not.toContain('<img')
      expect(markup).not.toContain('<script')
      // The only SVG is the QR code main draws; the reference's injected one stays text.
      expect(markup.match(/<svg/g)).toHaveLength(1)
      expect(markup).toContain('<svg class="receipt-qr"')
      expect(markup).not.toMatch(/<svg[^>]*onload/i)
      expect(markup).not.toContain('<b>')
      expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;')
      expect(markup).toContain('&quot;Bob&quot; &amp; &lt;b&gt;Co&lt;/b&gt;')
      expect(markup).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;')
    }
  })

  it('is one self-contained document: inline style, no scripts, nothing fetched', () => {
    const { html, bodyHtml } = renderReceiptHtml(receiptInput(sale))
    expect(html.startsWith('<!DOCTYPE html><html lang="en" dir="ltr">')).toBe(true)
    expect(html).toContain('<style>')
    expect(html).toContain('width:80mm')
    expect(html).toContain(bodyHtml)
    for (const markup of [html, bodyHtml]) {
      expect(markup).not.toMatch(/<script|<link|<img|src=|href=|url\(|@import|\son\w+=/i)
    }
    expect(bodyHtml).not.toMatch(/style=|<style/)
    expect(bodyHtml).toContain('class="receipt receipt-80mm receipt-kind-receipt"')
    expect(renderReceiptHtml(receiptInput(sale, { paperWidthMm: 58 })).html).toContain('width:58mm')
  })

  it('shows the order’s own subtotal, tax per rate and total', () => {
    const { bodyHtml } = renderReceiptHtml(receiptInput(sale))
    const money = (cents: number) => formatMoney(cents, 'USD', 'en-US')
    const amountOf = (role: string) =>
      new RegExp(
        `receipt-${role}[^"]*"><span class="receipt-label">([^<]*)</span><span class="receipt-amount">([^<]*)<`,
        'g',
      )
    const pairs = (role: string) =>
      [...bodyHtml.matchAll(amountOf(role))].map((match) => [match[1], match[2]])
    expect(pairs('subtotal')).toEqual([['Subtotal', money(sale.subtotalCents)]])
    expect(pairs('total')).toEqual([['Total', money(sale.totalCents)]])
    const taxes = taxByRate(sale)
    expect(taxes).toHaveLength(2)
    expect(pairs('tax')).toEqual(taxes.map(([rate, cents]) => [`Tax ${rate}`, money(cents)]))
    expect(taxes.reduce((sum, [, cents]) => sum + cents, 0)).toBe(sale.taxCents)
    expect(pairs('change')).toEqual([['Change', money(13_97)]])
    expect(bodyHtml).toContain(`<p class="receipt-row receipt-code">${sale.orderNumber}</p>`)
  })

  it('renders Arabic right to left in the Arabic locale', () => {
    const { html, bodyHtml } = renderReceiptHtml(
      receiptInput(sale, { language: 'ar', isCopy: true }),
    )
    expect(html.startsWith('<!DOCTYPE html><html lang="ar" dir="rtl">')).toBe(true)
    expect(bodyHtml).toMatch(/^<article class="[^"]*receipt-copy" lang="ar" dir="rtl">/)
    expect(bodyHtml).toContain('<p class="receipt-banner">نسخة</p>')
    expect(bodyHtml).toContain('الإجمالي')
    expect(bodyHtml).toContain(formatMoney(sale.totalCents, 'USD', 'ar'))
  })

  it('marks a refund and shows why and of which order', () => {
    const { bodyHtml } = renderReceiptHtml(receiptInput(refund))
    expect(bodyHtml).toContain('receipt-refund')
    expect(bodyHtml).toContain('>REFUND<')
    expect(bodyHtml).toContain('Reason: wrong size')
    expect(bodyHtml).toContain(formatMoney(refund.totalCents, 'USD', 'en-US'))
    expect(refund.totalCents).toBeLessThan(0)
  })
})
