// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PosError } from '../../../../src/shared/ipc'
import { i18n } from '../../../../src/renderer/src/i18n'
import { useRefundDialog } from '../../../../src/renderer/src/features/orders/useRefundDialog'
import { orderDetail, orderItem, payment } from '../../appFixtures'
import { installBridge, type Answer } from '../../fakeBridge'

afterEach(cleanup)

// A sale paid part by card, part in cash; one croissant already went back.
const croissant = orderItem({ name: 'Butter Croissant', quantity: 1, refundedQuantity: 1 })
const latte = orderItem({ name: 'Caffè Latte', quantity: 3, refundedQuantity: 1 })
const muffin = orderItem({ name: 'Muffin', quantity: 2, unitPriceCents: 380 })
const refundLine = orderItem({
  name: 'Butter Croissant',
  quantity: -1,
  refundOfItemId: croissant.id,
})
const sale = orderDetail({
  items: [croissant, latte, muffin, refundLine],
  payments: [
    payment({ method: 'card', amountCents: 1000 }),
    payment({ method: 'cash', amountCents: 660 }),
  ],
})
const refundReply = orderDetail({ kind: 'REFUND', refundOfOrderId: sale.id, items: [] })

interface SentRefund {
  clientRequestId: string
  orderId: string
  lines: { orderItemId: string; quantity: number }[]
  refundTo: string
  reason: string
}

function renderRefund(answer?: Answer) {
  const sent: SentRefund[] = []
  installBridge((channel, input) => {
    expect(channel).toBe('refund:create')
    sent.push(input as SentRefund)
    return answer ? answer(channel, input) : refundReply
  })
  const onRefunded = vi.fn()
  const onOrderChanged = vi.fn()
  const view = renderHook(() => useRefundDialog({ order: sale, onRefunded, onOrderChanged }))
  return { ...view, sent, onRefunded, onOrderChanged }
}

describe('useRefundDialog', () => {
  it('offers only the sale lines, and no more of each than is left unreturned', async () => {
    const { result, sent } = renderRefund()
    expect(result.current.items.map((item) => item.name)).toEqual([
      'Butter Croissant',
      'Caffè Latte',
      'Muffin',
    ])
    expect(result.current.originalTenders).toBe('Card, Cash')

    // Three lattes were sold and one came back: three more is too many.
    act(() => result.current.setQuantity(latte.id, '3'))
    expect(result.current.lines).toBeNull()
    act(() => result.current.setReason('Damaged'))
    await act(() => result.current.submit())
    expect(result.current.error).toBe(i18n.t('orders:refund.fixQuantities'))
    expect(sent).toHaveLength(0)

    act(() => result.current.setQuantity(latte.id, '2'))
    expect(result.current.lines).toEqual([{ orderItemId: latte.id, quantity: 2 }])

    // "Refund all remaining" leaves out the croissant, which is all back already.
    act(() => result.current.chooseAllRemaining())
    expect(result.current.lines).toEqual([
      { orderItemId: latte.id, quantity: 2 },
      { orderItemId: muffin.id, quantity: 2 },
    ])
    expect(result.current.unitCount).toBe(4)
  })

  it('asks for something to refund and a reason before calling the register', async () => {
    const { result, sent } = renderRefund()
    await act(() => result.current.submit())
    expect(result.current.error).toBe(i18n.t('orders:refund.nothingChosen'))
    act(() => result.current.setQuantity(muffin.id, '1'))
    act(() => result.current.setReason('   '))
    await act(() => result.current.submit())
    expect(result.current.reasonError).toBe(i18n.t('orders:refund.missingReason'))
    expect(sent).toHaveLength(0)
  })

  it('refunds to the original tenders unless cash is chosen', async () => {
    const toOriginal = renderRefund()
    act(() => toOriginal.result.current.setQuantity(latte.id, '1'))
    act(() => toOriginal.result.current.setReason(' Changed their mind '))
    await act(() => toOriginal.result.current.submit())
    expect(toOriginal.sent).toEqual([
      {
        clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        orderId: sale.id,
        lines: [{ orderItemId: latte.id, quantity: 1 }],
        refundTo: 'original',
        reason: 'Changed their mind',
      },
    ])
    expect(toOriginal.onRefunded).toHaveBeenCalledWith(refundReply, 'original')
    cleanup()

    const toCash = renderRefund()
    act(() => toCash.result.current.setQuantity(muffin.id, '2'))
    act(() => toCash.result.current.setReason('Damaged'))
    act(() => toCash.result.current.setRefundTo('cash'))
    await act(() => toCash.result.current.submit())
    expect(toCash.sent[0]).toMatchObject({
      lines: [{ orderItemId: muffin.id, quantity: 2 }],
      refundTo: 'cash',
    })
    expect(toCash.onRefunded).toHaveBeenCalledWith(refundReply, 'cash')
  })

  it('marks the line main refused, reloads the order, and retries as the same refund', async () => {
    let isRefused = true
    const { result, sent, onOrderChanged, onRefunded } = renderRefund(() => {
      if (isRefused) throw new PosError('REFUND_EXCEEDS_SOLD', 'Only 1 left.', 'lines.0.quantity')
      return refundReply
    })
    // Only the muffin is sent, so "lines.0" is the muffin, not the order's first line.
    act(() => result.current.setQuantity(muffin.id, '2'))
    act(() => result.current.setReason('Damaged'))
    await act(() => result.current.submit())
    expect(result.current.lineErrors).toEqual({ [muffin.id]: 'Only 1 left.' })
    expect(onOrderChanged).toHaveBeenCalledOnce()
    expect(onRefunded).not.toHaveBeenCalled()
    expect(result.current.isSubmitting).toBe(false)

    act(() => result.current.setQuantity(muffin.id, '1'))
    expect(result.current.lineErrors).toEqual({})
    isRefused = false
    await act(() => result.current.submit())
    expect(onRefunded).toHaveBeenCalledWith(refundReply, 'original')
    expect(sent[1]?.clientRequestId).toBe(sent[0]?.clientRequestId)
  })
})
