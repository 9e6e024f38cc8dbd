// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { v4 as uuidv4 } from 'uuid'
import { StockScreen } from '../../../../src/renderer/src/features/stock/StockScreen'
import { product, scan, StockFrame, stockRegister, type Call } from './stockFixtures'

afterEach(cleanup)

const water = product({ name: 'Still Water 500ml', sku: 'DRK-WAT', barcodes: ['2000000101026'] })
const chips = product({ name: 'Kettle Chips', sku: 'SNK-CHP', barcodes: ['2000000201016'] })
const cake = product({ name: 'Carrot Cake', sku: 'BAK-CAR', barcodes: ['2000000301015'] })
const label = (item: typeof water) => ({
  productId: item.id,
  variantId: null,
  name: item.name,
  sku: item.sku,
  barcode: item.barcodes[0] ?? null,
})
const order = {
  id: uuidv4(),
  reference: 'PO-1042',
  supplierName: 'Alpine Springs',
  expectedAt: '2026-12-02T08:00:00.000Z',
  status: 'PARTIALLY_RECEIVED',
  progress: 'PARTIALLY_RECEIVED',
  createdAt: '2026-11-30T08:00:00.000Z',
  lines: [
    { ...label(water), ordered: 10, received: 4, unitCostCents: 60 },
    { ...label(chips), ordered: 5, received: 0, unitCostCents: 90 },
  ],
}

function line(sku: string) {
  const row = screen.getAllByTestId('receiving-line').find((found) => found.dataset.sku === sku)
  if (!row) throw new Error(`no line for ${sku}`)
  return row
}

async function openOrder(calls: Call[]) {
  stockRegister(
    [water, chips, cake],
    {
      'stock:purchaseOrders': () => [order],
      'stock:receive': (input) => ({
        movementId: input.movementId,
        isNew: true,
        progress: 'PARTIALLY_RECEIVED',
        lines: (input.lines as { productId: string; quantity: number }[]).map((entry) => ({
          productId: entry.productId,
          variantId: null,
          quantity: entry.quantity,
          onHand: 11,
        })),
      }),
    },
    calls,
  )
  render(<StockScreen />, { wrapper: StockFrame })
  fireEvent.click(screen.getByRole('tab', { name: 'Receive' }))
  fireEvent.click(await screen.findByRole('button', { name: /PO-1042 from Alpine Springs/ }))
  await screen.findByTestId('receiving')
}

describe('receiving a purchase order by scanning', () => {
  it('shows ordered, received before and receiving now, with over and under in words', async () => {
    await openOrder([])
    expect(line('DRK-WAT').dataset.state).toBe('under')
    expect(within(line('DRK-WAT')).getByTestId('receiving-state').textContent).toBe('Under by 6')

    for (let scanned = 0; scanned < 7; scanned += 1) await act(async () => scan('2000000101026'))
    await waitFor(() => expect(line('DRK-WAT').dataset.state).toBe('over'))
    const waterRow = within(line('DRK-WAT'))
    expect(waterRow.getByTestId('receiving-state').textContent).toBe('Over by 1')
    expect(
      (waterRow.getByLabelText('Receiving now of Still Water 500ml') as HTMLInputElement).value,
    ).toBe('7')
    expect(line('DRK-WAT').textContent).toContain('10')
    expect(line('DRK-WAT').textContent).toContain('4')
    expect(within(line('SNK-CHP')).getByTestId('receiving-state').textContent).toBe('Under by 5')

    // Three of five chips: still under; five: complete.
    const chipsField = within(line('SNK-CHP')).getByLabelText('Receiving now of Kettle Chips')
    fireEvent.change(chipsField, { target: { value: '5' } })
    expect(line('SNK-CHP').dataset.state).toBe('complete')
    expect(within(line('SNK-CHP')).getByTestId('receiving-state').textContent).toBe('Complete')
  })

  it('says so when a scanned product is not on the order, and receives only what arrived', async () => {
    const calls: Call[] = []
    await openOrder(calls)
    await act(async () => scan('2000000301015'))
    const section = within(screen.getByTestId('receive-section'))
    await waitFor(() =>
      expect(section.getByTestId('stock-scan-notice').textContent).toContain(
        'Carrot Cake is not on this order',
      ),
    )
    expect(screen.queryAllByTestId('receiving-line')).toHaveLength(2)

    await act(async () => scan('2000000101026'))
    await act(async () => scan('2000000101026'))
    await waitFor(() =>
      expect(
        (
          within(line('DRK-WAT')).getByLabelText(
            'Receiving now of Still Water 500ml',
          ) as HTMLInputElement
        ).value,
      ).toBe('2'),
    )
    const receive = section.getByRole('button', { name: 'Receive' })
    fireEvent.click(receive)
    fireEvent.click(receive)
    await screen.findByTestId('movement-result')
    const receipts = calls.filter((call) => call.channel === 'stock:receive')
    expect(receipts).toHaveLength(1)
    expect(receipts[0]!.input).toMatchObject({
      purchaseOrderId: order.id,
      lines: [{ productId: water.id, variantId: null, quantity: 2 }],
    })
    expect(screen.getByTestId('movement-result').textContent).toContain('Received: Partly received')
  })
})
