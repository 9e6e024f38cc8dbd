// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { v4 as uuidv4 } from 'uuid'
import { StockScreen } from '../../../../src/renderer/src/features/stock/StockScreen'
import { PosError, product, scan, StockFrame, stockRegister, type Call } from './stockFixtures'

afterEach(cleanup)

const water = product({ name: 'Still Water 500ml', sku: 'DRK-WAT', barcodes: ['2000000101026'] })
const chips = product({ name: 'Kettle Chips', sku: 'SNK-CHP', barcodes: ['2000000201016'] })
const downtown = uuidv4()

describe('sending a transfer', () => {
  it('sends what was scanned to the chosen store, once, with the same ids after a failure', async () => {
    const calls: Call[] = []
    let isServerDown = true
    stockRegister(
      [water, chips],
      {
        'stock:transferDestinations': () => ({
          stores: [{ storeId: downtown, name: 'Downtown' }],
          isCached: true,
          fetchedAt: '2026-12-01T09:00:00.000Z',
        }),
        'stock:transferSend': (input) => {
          if (isServerDown) {
            isServerDown = false
            throw new PosError('INTERNAL', 'The disk is busy.')
          }
          return {
            movementId: input.movementId,
            isNew: true,
            lines: (input.lines as { productId: string; quantity: number }[]).map((entry) => ({
              productId: entry.productId,
              variantId: null,
              quantity: -entry.quantity,
              onHand: 3,
            })),
          }
        },
      },
      calls,
    )
    render(<StockScreen />, { wrapper: StockFrame })
    fireEvent.click(screen.getByRole('tab', { name: 'Transfers' }))
    const section = within(screen.getByTestId('transfer-send'))
    const destination = section.getByLabelText('Send to')
    await waitFor(() => expect(within(destination).getByText('Downtown')).toBeTruthy())
    expect(section.getByText(/The server cannot be reached: stores as of/)).toBeTruthy()

    await act(async () => scan('2000000201016'))
    await act(async () => scan('2000000201016'))
    await act(async () => scan('2000000101026'))
    const chipsField = await section.findByLabelText('Quantity of Kettle Chips to send')
    await waitFor(() => expect((chipsField as HTMLInputElement).value).toBe('2'))
    fireEvent.change(section.getByLabelText('Quantity of Still Water 500ml to send'), {
      target: { value: '6' },
    })

    const send = section.getByRole('button', { name: 'Send transfer' })
    expect((send as HTMLButtonElement).disabled).toBe(true)
    fireEvent.change(destination, { target: { value: downtown } })
    fireEvent.click(send)
    await waitFor(() => expect(section.getByRole('alert').textContent).toContain('disk is busy'))
    fireEvent.click(send)
    await screen.findByTestId('movement-result')

    const sends = calls.filter((call) => call.channel === 'stock:transferSend')
    expect(sends).toHaveLength(2)
    const [first, second] = sends.map((call) => call.input)
    expect(second).toEqual(first)
    expect(first).toEqual({
      transferId: expect.any(String),
      movementId: expect.any(String),
      toStoreId: downtown,
      lines: [
        { productId: water.id, variantId: null, quantity: 6 },
        { productId: chips.id, variantId: null, quantity: 2 },
      ],
    })
    expect(first!.transferId).not.toBe(first!.movementId)
    expect(section.queryByTestId('transfer-lines')).toBeNull()
    expect(
      within(screen.getByTestId('movement-result')).getAllByTestId('result-line'),
    ).toHaveLength(2)
  })
})
