import { describe, expect, it } from 'vitest'
import {
  allRemaining,
  canRefund,
  itemIdForErrorPath,
  readQuantity,
  refundLines,
  refundPreviewCents,
} from '../../../../src/renderer/src/features/orders/refundDraft'

const coffee = {
  id: 'coffee',
  quantity: 3,
  refundedQuantity: 1,
  refundOfItemId: null,
  netCents: 1000,
  taxCents: 100,
  totalCents: 1100,
  discountCents: 0,
}
const muffin = { ...coffee, id: 'muffin', quantity: 1, refundedQuantity: 0, totalCents: 333 }
const fullyRefunded = { ...coffee, id: 'tea', quantity: 2, refundedQuantity: 2 }

describe('refund dialog quantities', () => {
  it('offers a refund only for a sale with something left on a line', () => {
    expect(canRefund({ kind: 'SALE', items: [coffee] })).toBe(true)
    expect(canRefund({ kind: 'SALE', items: [fullyRefunded] })).toBe(false)
    expect(canRefund({ kind: 'REFUND', items: [{ ...coffee, refundOfItemId: 'x' }] })).toBe(false)
  })

  it('accepts 0 up to what is left, and says how many are left otherwise', () => {
    expect(readQuantity('', 2)).toEqual({ kind: 'ok', quantity: 0 })
    expect(readQuantity(' 2 ', 2)).toEqual({ kind: 'ok', quantity: 2 })
    expect(readQuantity('3', 2)).toEqual({ kind: 'invalid', message: 'Only 2 are left to refund.' })
    expect(readQuantity('1.5', 2).kind).toBe('invalid')
    expect(readQuantity('-1', 2).kind).toBe('invalid')
  })

  it('sends only the lines with a quantity, and nothing while one is invalid', () => {
    const items = [coffee, muffin]
    expect(refundLines(items, { coffee: '2', muffin: '' })).toEqual([
      { orderItemId: 'coffee', quantity: 2 },
    ])
    expect(refundLines(items, { coffee: '5' })).toBeNull()
    expect(refundLines(items, allRemaining(items))).toEqual([
      { orderItemId: 'coffee', quantity: 2 },
      { orderItemId: 'muffin', quantity: 1 },
    ])
  })

  it('names the line main complains about by the lines actually sent', () => {
    const sent = [
      { orderItemId: 'muffin', quantity: 1 },
      { orderItemId: 'coffee', quantity: 2 },
    ]
    expect(itemIdForErrorPath('lines.1.quantity', sent)).toBe('coffee')
    expect(itemIdForErrorPath('lines.0', sent)).toBe('muffin')
    expect(itemIdForErrorPath('lines.7.quantity', sent)).toBeNull()
    expect(itemIdForErrorPath('reason', sent)).toBeNull()
    expect(itemIdForErrorPath(undefined, sent)).toBeNull()
  })

  it('previews the amount so that refunding every unit in steps gives back the line exactly', () => {
    const line = { ...muffin, quantity: 3, totalCents: 1000 }
    const first = refundPreviewCents([line], [{ orderItemId: 'muffin', quantity: 1 }])
    const rest = refundPreviewCents(
      [{ ...line, refundedQuantity: 1 }],
      [{ orderItemId: 'muffin', quantity: 2 }],
    )
    expect(first).toBeGreaterThan(0)
    expect(first + rest).toBe(1000)
  })
})
