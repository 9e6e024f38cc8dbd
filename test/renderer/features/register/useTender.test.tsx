// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { v4 as uuidv4 } from 'uuid'
import { PosError } from '../../../../src/shared/ipc'
import type { SaleReceipt } from '../../../../src/renderer/src/types'
import type { TenderMethod } from '../../../../src/renderer/src/features/register/saleTypes'
import { useTender } from '../../../../src/renderer/src/features/register/useTender'
import { orderDetail, orderItem, withAppInfo } from '../../appFixtures'
import { installBridge, type Answer } from '../../fakeBridge'

afterEach(cleanup)

const cash: TenderMethod = { id: 'cash', kind: 'cash', label: 'Cash', requiresReference: false }
const card: TenderMethod = { id: 'card', kind: 'card', label: 'Card', requiresReference: false }
const voucher: TenderMethod = {
  id: 'voucher',
  kind: 'other',
  label: 'Voucher',
  requiresReference: true,
}

const latte = uuidv4()
const croissant = uuidv4()
// 2 × 1.50 latte and 1 × 1.47 croissant: 4.47, which cash rounds to 4.45.
const sale = {
  lines: [
    { productId: latte, quantity: 2 },
    { productId: croissant, quantity: 1, note: 'warm' },
  ],
}
const totalCents = 447

function receipt(): SaleReceipt {
  return {
    order: orderDetail({
      items: [orderItem({ name: 'Caffè Latte', quantity: 3, unitPriceCents: 149 })],
    }),
    changeCents: 0,
  }
}

function renderTender(answer?: Answer) {
  installBridge(answer)
  const onCompleted = vi.fn()
  const view = renderHook(
    () => useTender({ sale, totalCents, tenders: [cash, card, voucher], onCompleted }),
    { wrapper: withAppInfo() },
  )
  return { ...view, onCompleted }
}

type Tender = ReturnType<typeof useTender>

function type(result: { current: Tender }, text: string) {
  act(() => result.current.setAmountText(text))
}

function enter(result: { current: Tender }) {
  act(() => result.current.submitEntry())
}

function choose(result: { current: Tender }, tender: TenderMethod) {
  act(() => result.current.chooseTender(tender))
}

describe('useTender', () => {
  it('takes cash, then the rest on a card, and is then fully paid', () => {
    const { result } = renderTender()
    expect(result.current.tender?.id).toBe('cash')
    type(result, '2.00')
    expect(result.current.canComplete).toBe(false)
    enter(result)
    expect(result.current.payments.map((taken) => taken.amountCents)).toEqual([200])
    expect(result.current.taken.remainingCents).toBe(247)

    // A card left blank charges exactly what is still due.
    choose(result, card)
    expect(result.current.entry.entryCents).toBe(247)
    enter(result)
    expect(result.current.payments.map((taken) => [taken.tender.id, taken.amountCents])).toEqual([
      ['cash', 200],
      ['card', 247],
    ])
    expect(result.current.summary.isFullyPaid).toBe(true)
    expect(result.current.summary.changeCents).toBe(0)
    expect(result.current.canComplete).toBe(true)
  })

  it('gives change on cash handed over after a card paid part', () => {
    const { result } = renderTender()
    choose(result, card)
    type(result, '2.00')
    enter(result)
    choose(result, cash)
    // Typed cash counts at once: no separate "add" before completing.
    type(result, '5')
    expect(result.current.payments).toHaveLength(1)
    expect(result.current.summary.isFullyPaid).toBe(true)
    // 2.47 left, rounded to 2.45 in cash: 5.00 − 2.45.
    expect(result.current.summary.changeCents).toBe(255)
    expect(result.current.canComplete).toBe(true)
  })

  it('refuses a card for more than is still due, and cash short of the total cannot complete', () => {
    const { result } = renderTender()
    type(result, '2.00')
    enter(result)
    choose(result, card)
    type(result, '3.00')
    expect(result.current.entry.isNonCashTooMuch).toBe(true)
    expect(result.current.entry.canAddEntry).toBe(false)
    enter(result)
    expect(result.current.payments).toHaveLength(1)
    expect(result.current.canComplete).toBe(false)

    choose(result, cash)
    type(result, '1.00')
    expect(result.current.summary.isFullyPaid).toBe(false)
    expect(result.current.canComplete).toBe(false)
  })

  it('takes a voucher only with its reference, and not an amount that is not money', () => {
    const { result } = renderTender()
    choose(result, voucher)
    type(result, '1.00')
    expect(result.current.entry.isReferenceMissing).toBe(true)
    enter(result)
    expect(result.current.payments).toHaveLength(0)
    act(() => result.current.setReferenceText('V-123'))
    enter(result)
    expect(result.current.payments[0]).toMatchObject({ amountCents: 100, referenceNumber: 'V-123' })

    type(result, 'two')
    expect(result.current.entry.isAmountInvalid).toBe(true)
    expect(result.current.entry.canAddEntry).toBe(false)
  })

  it('sends products, quantities and payments, never a price, and hands back the receipt', async () => {
    const sent: unknown[] = []
    const reply = receipt()
    const { result, onCompleted } = renderTender((channel, input) => {
      expect(channel).toBe('sale:complete')
      sent.push(input)
      return reply
    })
    type(result, '2.00')
    enter(result)
    choose(result, card)
    act(() => result.current.setReferenceText(' 0042 '))
    enter(result)
    await act(() => result.current.complete())

    expect(sent).toHaveLength(1)
    const draft = sent[0] as Record<string, unknown>
    expect(draft.lines).toEqual(sale.lines)
    expect(draft.payments).toEqual([
      { method: 'cash', tenderId: 'cash', amountCents: 200 },
      { method: 'card', tenderId: 'card', amountCents: 247, referenceNumber: '0042' },
    ])
    expect(draft.clientRequestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(JSON.stringify(draft)).not.toMatch(/price|total|tax/i)
    expect(onCompleted).toHaveBeenCalledWith(reply, 447)
  })

  it('completes a cash-only sale with the cash as typed, on Enter', async () => {
    const sent: Record<string, unknown>[] = []
    const { result, onCompleted } = renderTender((_channel, input) => {
      sent.push(input as Record<string, unknown>)
      return receipt()
    })
    type(result, '10')
    await act(async () => result.current.submitEntry())
    expect(sent[0]?.payments).toEqual([{ method: 'cash', tenderId: 'cash', amountCents: 1000 }])
    expect(onCompleted).toHaveBeenCalledWith(expect.anything(), 1000)
  })

  it('keeps the payments when the sale fails, and a retry is the same sale', async () => {
    const requestIds: unknown[] = []
    let isDeclined = true
    const { result, onCompleted } = renderTender((_channel, input) => {
      requestIds.push((input as { clientRequestId: unknown }).clientRequestId)
      if (isDeclined) throw new PosError('SHIFT_REQUIRED', 'Open a shift first.')
      return receipt()
    })
    type(result, '2.00')
    enter(result)
    choose(result, card)
    enter(result)
    await act(() => result.current.complete())

    expect(onCompleted).not.toHaveBeenCalled()
    expect(result.current.error).toContain('Open a shift first.')
    expect(result.current.isSubmitting).toBe(false)
    expect(result.current.payments.map((taken) => taken.amountCents)).toEqual([200, 247])
    expect(result.current.canComplete).toBe(true)

    isDeclined = false
    await act(() => result.current.complete())
    expect(onCompleted).toHaveBeenCalledOnce()
    expect(result.current.error).toBeNull()
    expect(requestIds).toHaveLength(2)
    expect(requestIds[1]).toBe(requestIds[0])
  })
})
