// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { v4 as uuidv4 } from 'uuid'
import { StockScreen } from '../../../../src/renderer/src/features/stock/StockScreen'
import { applyLanguage } from '../../../../src/renderer/src/i18n'
import { installBridge } from '../../fakeBridge'
import { PosError, product, scan, StockFrame, stockRegister } from './stockFixtures'

afterEach(() => {
  cleanup()
  applyLanguage('en')
})

const water = product({ name: 'Still Water 500ml', sku: 'DRK-WAT', barcodes: ['2000000101026'] })
const chips = product({ name: 'Kettle Chips', sku: 'SNK-CHP', barcodes: ['2000000201016'] })
const byCode = new Map([
  ['2000000101026', water],
  ['2000000201016', chips],
])
const onHand = new Map([
  [water.id, 5],
  [chips.id, -2],
])

interface Call {
  channel: string
  input: Record<string, unknown>
}

/** A register with two products; applying a count needs a manager unless an approval comes with it. */
function register(calls: Call[]) {
  installBridge((channel, raw) => {
    const input = (raw ?? {}) as Record<string, unknown>
    calls.push({ channel, input })
    switch (channel) {
      case 'catalog:lookupBarcode': {
        const found = byCode.get(String(input.barcode))
        return found
          ? { product: found, variantId: null, weightGrams: null, embeddedPriceCents: null }
          : null
      }
      case 'catalog:search':
        return []
      case 'stock:levels':
        return (input.productIds as string[]).map((productId) => ({
          productId,
          variantId: null,
          onHand: onHand.get(productId) ?? 0,
          isNegative: (onHand.get(productId) ?? 0) < 0,
          reorderPoint: null,
          isLowStock: false,
        }))
      case 'session:approve':
        if (input.pin !== '1234') throw new PosError('PIN_INVALID', 'Wrong PIN.')
        return {
          approvalId: uuidv4(),
          action: 'stockAdjust',
          approverName: 'Dana',
          expiresAt: new Date(Date.now() + 60_000).toISOString(),
        }
      case 'stock:countApply': {
        if (!input.approvalId)
          throw new PosError('APPROVAL_REQUIRED', 'A manager must approve this count.')
        const lines = input.lines as { productId: string; counted: number }[]
        return {
          movementId: input.movementId,
          isNew: true,
          lines: lines.map((line) => ({
            productId: line.productId,
            variantId: null,
            quantity: line.counted - (onHand.get(line.productId) ?? 0),
            expected: onHand.get(line.productId) ?? 0,
            counted: line.counted,
            onHand: line.counted,
          })),
        }
      }
      default:
        throw new Error(`unexpected ${channel}`)
    }
  })
}

async function startCount() {
  render(<StockScreen />, { wrapper: StockFrame })
  fireEvent.click(screen.getByRole('button', { name: 'Start a count' }))
  return screen.findByRole('searchbox', { name: 'Scan or search a product to count' })
}

function line(sku: string) {
  const row = screen.getAllByTestId('count-line').find((found) => found.dataset.sku === sku)
  if (!row) throw new Error(`no line for ${sku}`)
  return row
}

describe('counting stock by scanning', () => {
  it('adds one per scan and shows counted against expected, with the difference marked', async () => {
    const calls: Call[] = []
    register(calls)
    await startCount()
    await act(async () => scan('2000000101026'))
    await act(async () => scan('2000000101026'))
    await act(async () => scan('2000000201016'))

    await waitFor(() => expect(line('DRK-WAT').dataset.difference).toBe('-3'))
    const waterRow = within(line('DRK-WAT'))
    expect(waterRow.getByTestId('count-expected').textContent).toBe('5')
    expect(
      (waterRow.getByLabelText('Counted for Still Water 500ml') as HTMLInputElement).value,
    ).toBe('2')
    expect(waterRow.getByTestId('count-difference').textContent).toContain('-3')
    expect(line('DRK-WAT').className).toContain('stock-row-short')
    // Expected below zero is flagged; one counted against −2 is three over.
    await waitFor(() => expect(line('SNK-CHP').dataset.difference).toBe('3'))
    expect(within(line('SNK-CHP')).getByTestId('negative-flag')).toBeTruthy()
    expect(line('SNK-CHP').className).toContain('stock-row-over')
    expect(screen.getByTestId('count-summary').textContent).toContain('Products counted: 2')
  })

  it('types a number for a weighed or bulk item, and says so when a code is unknown', async () => {
    register([])
    await startCount()
    await act(async () => scan('2000000101026'))
    const field = await screen.findByLabelText('Counted for Still Water 500ml')
    fireEvent.change(field, { target: { value: '12.5' } })
    await waitFor(() => expect(line('DRK-WAT').dataset.difference).toBe('7.5'))
    fireEvent.change(field, { target: { value: '1.2345' } })
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(line('DRK-WAT').textContent).toContain('at most 3 decimals')

    await act(async () => scan('9999999999994'))
    await waitFor(() =>
      expect(
        within(screen.getByTestId('count-section')).getByTestId('stock-scan-notice').textContent,
      ).toContain('Barcode 9999999999994 is not in the catalog.'),
    )
  })

  it('applies only what was counted, after a manager’s PIN, and shows on hand after', async () => {
    const calls: Call[] = []
    register(calls)
    await startCount()
    await act(async () => scan('2000000101026'))
    await waitFor(() => expect(line('DRK-WAT').dataset.difference).toBe('-4'))

    fireEvent.click(screen.getByRole('button', { name: 'Apply count' }))
    const dialog = await screen.findByRole('dialog', { name: 'Manager approval', hidden: true })
    expect(within(dialog).getByTestId('approval-action').textContent).toBe(
      'Adjust stock or apply a count',
    )
    fireEvent.change(within(dialog).getByLabelText('Manager PIN'), { target: { value: '1234' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve', hidden: true }))

    const result = await screen.findByTestId('movement-result')
    expect(within(result).getByText('Still Water 500ml')).toBeTruthy()
    expect(within(result).getByTestId('result-change').textContent).toBe('-4')
    expect(within(result).getByTestId('result-on-hand').textContent).toBe('1')

    const applies = calls.filter((call) => call.channel === 'stock:countApply')
    expect(applies).toHaveLength(2)
    // The same movement both times: without approval, then with it.
    expect(applies[1]!.input.movementId).toBe(applies[0]!.input.movementId)
    expect(applies[1]!.input.approvalId).toEqual(expect.any(String))
    expect(applies[1]!.input.lines).toEqual([{ productId: water.id, variantId: null, counted: 1 }])
  })
})

describe('a saved count', () => {
  it('is saved with what was counted and picked up again from the list', async () => {
    const calls: { channel: string; input: Record<string, unknown> }[] = []
    const savedId = uuidv4()
    stockRegister(
      [water],
      {
        'stock:countSave': (input) => ({ countId: input.countId, status: 'OPEN' }),
        'stock:counts': () => [
          {
            id: savedId,
            note: null,
            createdAt: '2026-12-02T08:00:00.000Z',
            lines: [
              {
                productId: water.id,
                variantId: null,
                name: water.name,
                sku: water.sku,
                barcode: null,
                counted: 4,
                expected: 5,
              },
            ],
          },
        ],
      },
      calls,
    )
    render(<StockScreen />, { wrapper: StockFrame })
    fireEvent.click(await screen.findByRole('button', { name: /Resume the count of/ }))
    await waitFor(() => expect(line('DRK-WAT').dataset.difference).toBe('-1'))
    await act(async () => scan('2000000101026'))
    await waitFor(() => expect(line('DRK-WAT').dataset.difference).toBe('0'))

    fireEvent.click(screen.getByRole('button', { name: 'Save count' }))
    await waitFor(() =>
      expect(screen.getByTestId('count-save-state').textContent).toContain('Saved.'),
    )
    expect(calls.find((call) => call.channel === 'stock:countSave')?.input).toEqual({
      countId: savedId,
      lines: [{ productId: water.id, variantId: null, counted: 5 }],
    })
  })
})
