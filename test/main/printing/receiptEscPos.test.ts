/**
 * ESC/POS receipts from real orders (sold and refunded through the register core).
 *
 * Golden files: golden/receipt-80mm.bin and golden/receipt-58mm.bin hold the exact bytes of the
 * mixed sale's receipt, rendered from the real order with its ids, clock and number pinned
 * (receiptOrders.ts `pinned`) and the time zone set to UTC. When a deliberate change to the
 * receipt layout changes them, look at the new output and regenerate with
 *   UPDATE_GOLDEN=1 npx vitest run test/main/printing/receiptEscPos.test.ts
 * (date formats come from ICU, so a Node upgrade can change them too).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderEscPos, type RenderInput } from '../../../src/main/printing/render'
import type { ReceiptOrder } from '../../../src/shared/receipt/types'
import { openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { code128Value, find, readEscPos } from './receiptBytes'
import {
  pinned,
  receiptInput,
  refundFirstLine,
  sellCardOnly,
  sellMixedOrder,
} from './receiptOrders'

process.env.TZ = 'UTC'

const tempDir = useTempDirs()
const goldenDir = join(import.meta.dirname, 'golden')

let sale: ReceiptOrder
let cardOnly: ReceiptOrder
let refund: ReceiptOrder

beforeAll(async () => {
  const core = openTestCore(tempDir())
  sale = pinned((await sellMixedOrder(core)).order)
  cardOnly = pinned((await sellCardOnly(core)).order, 'S01-R01-000043')
  refund = pinned(await refundFirstLine(core, (await sellMixedOrder(core)).order), 'S01-R01-000044')
  core.close()
})

function escPos(
  input: RenderInput,
  printer: { hasArabicCodePage?: boolean; opensDrawer?: boolean } = {},
): Uint8Array {
  return renderEscPos({
    ...input,
    hasArabicCodePage: printer.hasArabicCodePage ?? false,
    opensDrawer: printer.opensDrawer ?? true,
  })
}

function indexOfBytes(data: Uint8Array, sequence: number[]): number {
  for (let i = 0; i + sequence.length <= data.length; i++)
    if (sequence.every((value, j) => data[i + j] === value)) return i
  return -1
}

const pulse = [0x1b, 0x70]

describe('ESC/POS receipts', () => {
  it.each([80, 58] as const)('a %i mm receipt matches its golden bytes', (paperWidthMm) => {
    const bytes = escPos(receiptInput(sale, { paperWidthMm }))
    const file = join(goldenDir, `receipt-${paperWidthMm}mm.bin`)
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, bytes)
    expect(Buffer.from(bytes).equals(readFileSync(file))).toBe(true)
  })

  it.each([80, 58] as const)(
    'a %i mm receipt initialises, selects its code page, prints the order as Code 128 and QR, then cuts and kicks the drawer',
    (paperWidthMm) => {
      const bytes = escPos(receiptInput(sale, { paperWidthMm }))
      const printed = readEscPos(bytes)
      expect([bytes[0], bytes[1]]).toEqual([0x1b, 0x40])
      // cp858 (Epson page 19) before the first printed character.
      const codePage = find(printed, 0x1b, 0x74)[0]!
      expect(codePage.bytes).toEqual([0x1b, 0x74, 19])
      expect(codePage.at).toBeLessThan(indexOfBytes(bytes, [...Buffer.from('AuraFlow')]))

      const barcodes = find(printed, 0x1d, 0x6b)
      expect(barcodes).toHaveLength(1)
      expect(barcodes[0]!.bytes[2]).toBe(73) // Code 128
      expect(code128Value(barcodes[0]!)).toBe(sale.orderNumber)

      const qrData = find(printed, 0x1d, 0x28, 0x6b)
      const stored = qrData.find((command) => command.bytes[6] === 0x50)!
      expect(Buffer.from(stored.bytes.slice(8)).toString('latin1')).toBe(sale.orderNumber)
      expect(qrData.at(-1)!.bytes).toEqual([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30])

      const cut = find(printed, 0x1d, 0x56)
      expect(cut.map((command) => command.bytes)).toEqual([[0x1d, 0x56, 1]])
      expect(cut[0]!.at).toBeGreaterThan(qrData.at(-1)!.at)
      // Only the drawer pulse follows the cut.
      expect(printed.commands.at(-1)!.bytes.slice(0, 2)).toEqual(pulse)
      expect(printed.commands.at(-2)).toBe(cut[0])
      expect(bytes.length - cut[0]!.at).toBeLessThan(12)
    },
  )

  it('kicks the drawer only for a first print of a sale that took cash, on a drawer printer', () => {
    const hasPulse = (bytes: Uint8Array) => find(readEscPos(bytes), ...pulse).length > 0
    expect(hasPulse(escPos(receiptInput(sale)))).toBe(true)
    expect(hasPulse(escPos(receiptInput(cardOnly)))).toBe(false)
    expect(hasPulse(escPos(receiptInput(sale), { opensDrawer: false }))).toBe(false)
    expect(hasPulse(escPos(receiptInput(sale, { isCopy: true })))).toBe(false)
    expect(hasPulse(escPos(receiptInput(refund)))).toBe(false)
    expect(hasPulse(escPos(receiptInput(sale, { kind: 'kitchen' })))).toBe(false)
    expect(hasPulse(escPos(receiptInput(null, { kind: 'test' })))).toBe(false)
  })

  it('prints a COPY banner only on a reprint', () => {
    expect(readEscPos(escPos(receiptInput(sale, { isCopy: true }))).text).toContain('COPY')
    expect(readEscPos(escPos(receiptInput(sale))).text).not.toContain('COPY')
    expect(
      readEscPos(escPos(receiptInput(sale, { kind: 'kitchen', isCopy: true }))).text,
    ).toContain('COPY')
  })

  it('prints the figures a customer checks: lines, modifiers, weight, discount, tax by rate, tenders, change', () => {
    const { text } = readEscPos(escPos(receiptInput(sale)))
    for (const expected of [
      '2 \x9e Cappuccino', // × in cp858
      'Large',
      '+ Oat milk',
      '$1.20',
      'Note: extra hot',
      '0.452 kg @ $1.99/kg',
      'Discount',
      'Tax 2.25%',
      'Tax 8.25%',
      'Ref: AUTH-7731',
      'Cashier: Maya (manager)',
      'Thank you!',
    ])
      expect(text).toContain(expected)
    const row = (label: string) => text.split('\n').find((line) => line.startsWith(label))
    expect(row('Subtotal')).toMatch(/\$14\.99$/)
    expect(row('Total')).toMatch(/\$16\.03$/)
    expect(row('Change')).toMatch(/\$13\.97$/)
    expect(row('Cash ')).toMatch(/\$20\.00$/)
    expect(row('Card ')).toMatch(/\$10\.00$/)
  })

  it('prints a refund as a REFUND with the original order, the reason and negative amounts', () => {
    const { text } = readEscPos(escPos(receiptInput(refund, { paperWidthMm: 58 })))
    expect(text).toContain('REFUND')
    expect(text).toContain('Refund of order S01-R01-000041')
    expect(text).toContain('Reason: wrong size')
    expect(text.split('\n').find((line) => line.startsWith('Total'))).toMatch(/-\$6\.39$/)
  })

  it('prints a kitchen ticket with the big order number and no prices', () => {
    const printed = readEscPos(escPos(receiptInput(sale, { kind: 'kitchen', paperWidthMm: 58 })))
    const number = printed.lines.find((line) =>
      Buffer.from(line.bytes).toString('latin1').includes(sale.orderNumber),
    )!
    // Double width: each character takes two columns.
    expect(number.columns).toBeGreaterThanOrEqual(sale.orderNumber.length * 2)
    expect(printed.text).toContain('+ Extra shot')
    expect(printed.text).toContain('Note: extra hot')
    expect(printed.text).not.toContain('$')
    expect(find(printed, 0x1d, 0x6b)).toHaveLength(0)
  })

  it.each([
    [58, 32],
    [80, 48],
  ] as const)(
    'never prints past %i mm paper (%i columns), long names included',
    (paperWidthMm, columns) => {
      const longName = `${'Extra large seasonal pumpkin spice oat latte '.repeat(3)}Superlongwordwithoutanyspacesatall`
      const long: ReceiptOrder = {
        ...sale,
        customerName: 'Alexandra Konstantinopoulou-Smythe of the Northern Territories',
        items: sale.items.map((item) => ({ ...item, name: longName })),
      }
      const outputs = [
        receiptInput(sale, { paperWidthMm }),
        receiptInput(long, { paperWidthMm, isCopy: true }),
        receiptInput(refund, { paperWidthMm }),
        receiptInput(long, { paperWidthMm, kind: 'kitchen' }),
        receiptInput(null, { paperWidthMm, kind: 'test' }),
      ]
      for (const input of outputs) {
        const { lines } = readEscPos(escPos(input))
        expect(lines.length).toBeGreaterThan(10)
        for (const line of lines) expect(line.columns).toBeLessThanOrEqual(columns)
      }
      const testPage = readEscPos(escPos(receiptInput(null, { paperWidthMm, kind: 'test' })))
      expect(testPage.lines.some((line) => line.columns === columns)).toBe(true)
    },
  )
})

describe('Arabic receipts', () => {
  it.each([
    [80, 72],
    [58, 48],
  ] as const)(
    'without an Arabic code page a %i mm receipt is a raster image %i bytes wide, with no Arabic text bytes',
    (paperWidthMm, widthBytes) => {
      const bytes = escPos(receiptInput(sale, { language: 'ar', paperWidthMm, isCopy: true }))
      const printed = readEscPos(bytes)
      const images = find(printed, 0x1d, 0x76, 0x30)
      expect(images.length).toBeGreaterThan(0)
      for (const image of images) expect(image.bytes[4]! + image.bytes[5]! * 256).toBe(widthBytes)
      // Nothing is sent as text: no code page bytes the printer could misprint.
      expect(printed.lines.flatMap((line) => line.bytes)).toEqual([])
      expect(find(printed, 0x1b, 0x74)).toEqual([])
      // The barcode, QR code, cut and drawer stay printer commands.
      expect(code128Value(find(printed, 0x1d, 0x6b)[0]!)).toBe(sale.orderNumber)
      expect(find(printed, 0x1d, 0x56)).toHaveLength(1)
      expect(find(printed, ...pulse)).toHaveLength(0)
      // The images hold ink (black dots), not blank paper.
      expect(images.some((image) => image.bytes.slice(8).some((value) => value !== 0))).toBe(true)
    },
  )

  it('with an Arabic code page prints text in windows-1256, right-aligned, and no images', () => {
    const printed = readEscPos(
      escPos(receiptInput(sale, { language: 'ar', paperWidthMm: 58 }), { hasArabicCodePage: true }),
    )
    expect(find(printed, 0x1b, 0x74)[0]!.bytes).toEqual([0x1b, 0x74, 50])
    expect(find(printed, 0x1d, 0x76, 0x30)).toEqual([])
    // "الإجمالي" (Total) in windows-1256, sent in visual order: reversed.
    const total = [0xc7, 0xe1, 0xc5, 0xcc, 0xe3, 0xc7, 0xe1, 0xed].reverse()
    expect(
      printed.lines.some((line) => indexOfBytes(Uint8Array.from(line.bytes), total) >= 0),
    ).toBe(true)
    for (const line of printed.lines) expect(line.columns).toBeLessThanOrEqual(32)
  })

  it('English never rasterises', () => {
    for (const paperWidthMm of [58, 80] as const)
      for (const hasArabicCodePage of [false, true])
        expect(
          find(
            readEscPos(escPos(receiptInput(sale, { paperWidthMm }), { hasArabicCodePage })),
            0x1d,
            0x76,
          ),
        ).toEqual([])
  })
})
