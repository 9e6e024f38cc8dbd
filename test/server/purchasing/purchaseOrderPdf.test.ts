import { describe, expect, it } from 'vitest'
import { purchaseOrderPdf } from '../../../src/server/purchasing/purchaseOrderPdf'
import type { PurchaseOrderView } from '../../../src/shared/backoffice/purchasing'

const store = {
  name: 'Corner (Main)',
  code: 'MAIN',
  address: '1 Main Street',
  phone: '555',
  taxId: 'GB1',
  currency: 'KWD',
}

function order(lineCount: number): PurchaseOrderView {
  return {
    id: '9c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f',
    version: 1,
    storeId: 's',
    supplierId: 'sup',
    supplierName: 'مورد القهوة',
    status: 'ORDERED',
    reference: null,
    expectedAt: '2026-12-10',
    note: 'Back door \\ ring twice',
    createdAt: '2026-12-01T10:00:00.000Z',
    lines: Array.from({ length: lineCount }, (_, index) => ({
      productId: `p${index}`,
      variantId: null,
      name: `Item ${index}`,
      sku: `SKU-${index}`,
      ordered: 1.5,
      received: 0,
      outstanding: 1.5,
      unitCostCents: 1001,
      orderedCents: 1502,
      receivedCents: 0,
    })),
    totalCents: 1502 * lineCount,
    receivedCents: 0,
  }
}

/** Each object the xref table lists starts at its offset; the page count is as given. */
function structure(pdf: Buffer) {
  const text = pdf.toString('latin1')
  const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1])
  expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref')
  const offsets = text
    .slice(xrefAt)
    .split('\n')
    .filter((line) => / 00000 n $/.test(line))
    .map((line) => Number(line.slice(0, 10)))
  offsets.forEach((offset, index) =>
    expect(text.slice(offset, offset + 12)).toMatch(new RegExp(`^${index + 1} 0 obj`)),
  )
  for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = match.index + match[0].length
    expect(text.slice(start + Number(match[1]), start + Number(match[1]) + 10)).toBe('\nendstream')
  }
  return { text, pages: Number(/\/Count (\d+)/.exec(text)![1]) }
}

describe('a purchase order as a PDF', () => {
  it('runs onto a second page past 38 lines, with exact stream lengths and offsets', () => {
    const { text, pages } = structure(purchaseOrderPdf(order(50), store, null))
    expect(pages).toBe(2)
    expect(text).toContain('(Item 49)')
    // KWD has three decimals: 1.5 × 1.001 = 1.5015 → 1.502.
    expect(text).toContain('(1.502 KWD)')
    expect(text).toContain('(75.100 KWD)')
  })

  it('escapes PDF string delimiters and prints a script it cannot show as "?"', () => {
    const { text, pages } = structure(purchaseOrderPdf(order(0), store, null))
    expect(pages).toBe(1)
    expect(text).toContain('(Corner \\(Main\\) \\(MAIN\\))')
    expect(text).toContain('(Note: Back door \\\\ ring twice)')
    expect(text).toContain('(???? ??????)')
  })
})
