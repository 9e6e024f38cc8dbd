// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backofficePaths as routes } from '../../src/shared/backoffice/api'
import type { StoreDetail } from '../../src/shared/backoffice/api'
import type {
  StockHistoryReply,
  StockImportReply,
  StockLevelsReply,
  StoreStockLevels,
} from '../../src/shared/backoffice/stockOffice'
import type { TransferListReply, TransferView } from '../../src/shared/backoffice/stockTransfers'
import { App } from '../../src/backoffice/src/App'
import { SessionProvider } from '../../src/backoffice/src/features/session/SessionProvider'
import { applyLanguage, i18n } from '../../src/backoffice/src/i18n'
import { nodeFetch, startContractServer, type ContractServer } from './support/contractServer'
import { mainStore, ownerSession } from './support/fixtures'

let server: ContractServer
beforeEach(async () => {
  applyLanguage('en', false)
  server = await startContractServer()
})
afterEach(async () => {
  cleanup()
  await server.close()
})

const harbour: StoreDetail = {
  ...mainStore,
  id: '7d8e9f00-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
  code: 'HARB',
  name: 'Harbour',
}

const levels = (store: StoreDetail, onHand: number): StoreStockLevels => ({
  storeId: store.id,
  storeName: store.name,
  currency: 'USD',
  rows: [
    {
      productId: 'p-beans',
      variantId: null,
      name: 'Beans',
      sku: 'BEANS',
      onHand,
      isNegative: false,
      reorderPoint: 12,
      isLow: onHand <= 12,
      averageCostCents: 481,
      costSource: 'receipts',
      valueCents: Math.round(onHand * 481),
    },
    {
      productId: 'p-mug',
      variantId: null,
      name: 'Mug',
      sku: 'MUG',
      onHand: -2,
      isNegative: true,
      reorderPoint: null,
      isLow: false,
      averageCostCents: null,
      costSource: null,
      valueCents: 0,
    },
  ],
  totals: { valueCents: Math.round(onHand * 481), negativeCount: 1, lowCount: 1, noCostCount: 1 },
})

function open(path: string, stores: StoreDetail[] = [mainStore]) {
  server.answer('GET', routes.session, { status: 200, body: ownerSession })
  server.answer('GET', routes.stores, { status: 200, body: { stores } })
  render(
    <I18nextProvider i18n={i18n}>
      <SessionProvider http={{ baseUrl: server.baseUrl, fetch: nodeFetch }}>
        <MemoryRouter initialEntries={[path]}>
          <App />
        </MemoryRouter>
      </SessionProvider>
    </I18nextProvider>,
  )
}

describe('the stock pages', () => {
  it('lists on hand with value at average cost, flags below zero, and links history and the CSV', async () => {
    const reply: StockLevelsReply = { stores: [levels(mainStore, 11.333)] }
    server.answer('GET', `/api/admin/stock/levels?storeId=${mainStore.id}`, {
      status: 200,
      body: reply,
    })
    open('/stock')
    const rows = await screen.findAllByTestId('stock-row')
    expect(rows[0]!.textContent).toContain('11.333')
    expect(rows[0]!.textContent).toContain('$4.81')
    expect(rows[0]!.textContent).toContain('$54.51')
    expect(rows[0]!.textContent).toContain('Low')
    expect(rows[1]!.textContent).toContain('No cost')
    expect(rows[1]!.textContent).toContain('Below zero')
    expect(within(rows[1]!).getByText('-2').className).toContain('bo-negative')
    const totals = screen.getByTestId('stock-totals')
    expect(within(totals).getByText('Stock value').nextElementSibling?.textContent).toBe('$54.51')
    expect(screen.getByTestId('valuation-note').textContent).toContain('weighted average')
    expect(screen.getByRole('link', { name: /Valuation/ }).getAttribute('href')).toBe(
      `/api/admin/stock/levels?storeId=${mainStore.id}&format=csv`,
    )
    expect(screen.getByRole('link', { name: 'History of Beans' }).getAttribute('href')).toBe(
      `/stock/history?store=${mainStore.id}&product=p-beans`,
    )
  })

  it('shows every store side by side for an owner of several', async () => {
    server.answer('GET', '/api/admin/stock/levels?', {
      status: 200,
      body: { stores: [levels(mainStore, 5), levels(harbour, 7)] } satisfies StockLevelsReply,
    })
    open('/stock?store=all', [mainStore, harbour])
    const table = await screen.findByTestId('stock-all-stores')
    const beans = within(table).getAllByTestId('stock-all-row')[0]!
    expect([...beans.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual([
      'Beans',
      'BEANS',
      '5',
      '7',
    ])
    expect(table.textContent).toContain('Harbour: On hand')
  })

  it('previews a CSV import, offers apply only without errors, and applies it once', async () => {
    server.answer('GET', `/api/admin/stock/levels?storeId=${mainStore.id}`, {
      status: 200,
      body: { stores: [levels(mainStore, 11.333)] },
    })
    const row = {
      line: 2,
      sku: 'BEANS',
      productId: 'p-beans',
      variantId: null,
      name: 'Beans',
      expected: 11.333,
      counted: 12,
      difference: 0.667,
      error: null,
    }
    server.answer('POST', `/api/admin/stock/import?storeId=${mainStore.id}`, (request) => {
      const body = request.body as { csv: string; apply: boolean }
      const isBad = body.csv.includes('NOPE')
      const rows = isBad
        ? [row, { ...row, line: 3, sku: 'NOPE', error: 'no product or variant has this SKU' }]
        : [row]
      const reply: StockImportReply = {
        storeId: mainStore.id,
        rows,
        errorCount: isBad ? 1 : 0,
        isApplied: body.apply,
        movementId: body.apply ? 'm-1' : null,
      }
      return { status: 200, body: reply }
    })
    open('/stock')
    const input = await screen.findByLabelText('CSV file')
    fireEvent.change(input, {
      target: { files: [new File(['sku,on_hand\nBEANS,12\nNOPE,1\n'], 'stock.csv')] },
    })
    const preview = screen.getByRole('button', { name: 'Preview' })
    await waitFor(() => expect((preview as HTMLButtonElement).disabled).toBe(false))
    fireEvent.click(preview)
    expect((await screen.findByRole('alert')).textContent).toContain('1 rows cannot be imported')
    expect(screen.getAllByTestId('stock-import-row')[1]!.textContent).toContain('no product')
    expect(screen.queryByRole('button', { name: /^Apply/ })).toBeNull()

    fireEvent.change(input, {
      target: { files: [new File(['sku,on_hand\nBEANS,12\n'], 'ok.csv')] },
    })
    await waitFor(() => expect(screen.queryByTestId('stock-import-row')).toBeNull())
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Apply 1 rows' }))
    expect((await screen.findByRole('status')).textContent).toContain('Stock levels set: 1 rows.')
    const posts = server.seen.filter((request) => request.method === 'POST')
    expect(posts.map((request) => (request.body as { apply: boolean }).apply)).toEqual([
      false,
      false,
      true,
    ])
  })

  it('pages through a product’s history with the running balance', async () => {
    const entry = (seq: number, quantity: number, balance: number) => ({
      movementId: `m-${seq}`,
      seq,
      kind: seq === 5 ? 'ADJUSTMENT' : 'RECEIPT',
      reason: seq === 5 ? 'DAMAGE' : null,
      note: null,
      quantity,
      balance,
      by: seq === 5 ? 'Alice' : null,
      at: '2026-11-01T10:00:00.000Z',
      reference: seq === 5 ? null : { kind: 'purchaseOrder' as const, id: 'po-1', label: 'PO-7' },
    })
    const base = `/api/admin/stock/history?storeId=${mainStore.id}&productId=p-beans`
    const page = (entries: StockHistoryReply['entries'], nextBefore: number | null) => ({
      status: 200,
      body: {
        storeId: mainStore.id,
        productId: 'p-beans',
        variantId: null,
        name: 'Beans',
        onHand: 11.333,
        entries,
        nextBefore,
      } satisfies StockHistoryReply,
    })
    server.answer('GET', base, page([entry(5, -1, 11.333)], 5))
    server.answer('GET', `${base}&before=5`, page([entry(2, 10, 12.333)], null))
    open(`/stock/history?store=${mainStore.id}&product=p-beans`)
    const first = await screen.findAllByTestId('history-row')
    expect(first[0]!.textContent).toContain('Adjustment')
    expect(first[0]!.textContent).toContain('Damage')
    expect(first[0]!.textContent).toContain('Alice')
    expect(screen.getByTestId('history-on-hand').textContent).toBe('On hand now: 11.333')
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2))
    const second = screen.getAllByTestId('history-row')[1]!
    expect(second.textContent).toContain('Purchase order PO-7')
    expect(second.textContent).toContain('Back office')
    expect(second.textContent).toContain('12.333')
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
  })

  it('receives an incoming transfer and cancels an outgoing one, in Arabic too', async () => {
    const transfer = (id: string, direction: 'incoming' | 'outgoing'): TransferView => ({
      id,
      fromStoreId: direction === 'incoming' ? harbour.id : mainStore.id,
      fromStoreName: direction === 'incoming' ? harbour.name : mainStore.name,
      toStoreId: direction === 'incoming' ? mainStore.id : harbour.id,
      toStoreName: direction === 'incoming' ? mainStore.name : harbour.name,
      direction,
      status: 'SENT',
      createdAt: '2026-11-01T10:00:00.000Z',
      isOutstanding: true,
      lines: [
        {
          productId: 'p-beans',
          variantId: null,
          name: 'Beans',
          sent: 2,
          received: 0,
          unitCostCents: 481,
        },
      ],
    })
    const list: TransferListReply = {
      storeId: mainStore.id,
      transfers: [transfer('t-in', 'incoming'), transfer('t-out', 'outgoing')],
    }
    server.answer('GET', `/api/admin/stock/transfers?storeId=${mainStore.id}`, {
      status: 200,
      body: list,
    })
    server.answer('GET', `/api/admin/stock/levels?storeId=${mainStore.id}`, {
      status: 200,
      body: { stores: [levels(mainStore, 5)] },
    })
    for (const [id, action] of [
      ['t-in', 'receive'],
      ['t-out', 'cancel'],
    ] as const)
      server.answer('POST', `/api/admin/stock/transfers/${id}/${action}?storeId=${mainStore.id}`, {
        status: 200,
        body: { transfer: transfer(id, id === 't-in' ? 'incoming' : 'outgoing') },
      })
    applyLanguage('ar', false)
    open('/stock/transfers', [mainStore, harbour])
    const cards = await screen.findAllByTestId('transfer')
    expect(cards[0]!.textContent).toContain('من Harbour')
    fireEvent.click(within(cards[0]!).getByRole('button', { name: 'استلام كل المتبقي' }))
    expect((await screen.findByRole('status')).textContent).toBe('تم استلام التحويل.')
    fireEvent.click(within(cards[1]!).getByRole('button', { name: 'إلغاء التحويل' }))
    await waitFor(() =>
      expect(
        server.seen.some((request) =>
          request.path.startsWith('/api/admin/stock/transfers/t-out/cancel'),
        ),
      ).toBe(true),
    )
    expect(within(cards[1]!).queryByRole('button', { name: 'استلام كل المتبقي' })).toBeNull()
    expect(document.documentElement.dir).toBe('rtl')
  })

  it('sends a transfer with the lines typed, and refuses a line without a quantity', async () => {
    server.answer('GET', `/api/admin/stock/transfers?storeId=${mainStore.id}`, {
      status: 200,
      body: { storeId: mainStore.id, transfers: [] } satisfies TransferListReply,
    })
    server.answer('GET', `/api/admin/stock/levels?storeId=${mainStore.id}`, {
      status: 200,
      body: { stores: [levels(mainStore, 5)] },
    })
    server.answer('POST', '/api/admin/stock/transfers', (request) => ({
      status: 200,
      body: {
        transfer: {
          id: 't-1',
          ...(request.body as { fromStoreId: string; toStoreId: string }),
          fromStoreName: mainStore.name,
          toStoreName: harbour.name,
          direction: 'outgoing',
          status: 'SENT',
          createdAt: '2026-11-01T10:00:00.000Z',
          isOutstanding: true,
          lines: [],
        } satisfies TransferView,
      },
    }))
    open('/stock/transfers', [mainStore, harbour])
    const product = await screen.findByLabelText('Product')
    await waitFor(() => expect(within(product).getAllByRole('option')).toHaveLength(3))
    fireEvent.change(product, { target: { value: 'p-beans|' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send transfer' }))
    expect((await screen.findByRole('alert')).textContent).toContain('quantity above 0')
    fireEvent.change(screen.getByLabelText('Quantity'), { target: { value: '1.5' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send transfer' }))
    expect((await screen.findByRole('status')).textContent).toBe('Transfer sent to Harbour.')
    const sent = server.seen.find((request) => request.method === 'POST')!
    expect(sent.body).toEqual({
      fromStoreId: mainStore.id,
      toStoreId: harbour.id,
      lines: [{ productId: 'p-beans', variantId: null, quantity: 1.5 }],
    })
  })
})
