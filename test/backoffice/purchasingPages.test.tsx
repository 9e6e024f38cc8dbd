// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backofficePaths as routes } from '../../src/shared/backoffice/api'
import { catalogPaths } from '../../src/shared/backoffice/catalog'
import type { PurchaseOrderView, SupplierInvoiceView } from '../../src/shared/backoffice/purchasing'
import { purchasingPaths as paths } from '../../src/shared/backoffice/purchasing'
import { App } from '../../src/backoffice/src/App'
import { SessionProvider } from '../../src/backoffice/src/features/session/SessionProvider'
import { applyLanguage, i18n } from '../../src/backoffice/src/i18n'
import { nodeFetch, startContractServer, type ContractServer } from './support/contractServer'
import { mainStore, ownerSession } from './support/fixtures'

let server: ContractServer
const storeId = mainStore.id
const supplierId = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const beansId = '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e'
const orderId = '9c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f'
const record = (id: string, version: number, data: Record<string, unknown>) => ({
  id,
  version,
  seq: version,
  updatedAt: '2026-12-01T10:00:00.000Z',
  data: { id, ...data },
})
const supplier = record(supplierId, 2, {
  name: 'Bean Roasters',
  contactName: 'Sam',
  email: 'sales@beans.example',
  phone: '+1 555',
  leadTimeDays: 3,
  isActive: true,
})
const beans = record(beansId, 1, { sku: 'BEAN-1', name: 'House beans', priceCents: 1500 })

function order(overrides: Partial<PurchaseOrderView> = {}): PurchaseOrderView {
  return {
    id: orderId,
    version: 2,
    storeId,
    supplierId,
    supplierName: 'Bean Roasters',
    status: 'PARTIALLY_RECEIVED',
    reference: 'PO-7',
    expectedAt: '2026-12-10',
    note: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    lines: [
      {
        productId: beansId,
        variantId: null,
        name: 'House beans',
        sku: 'BEAN-1',
        ordered: 10,
        received: 4,
        outstanding: 6,
        unitCostCents: 850,
        orderedCents: 8500,
        receivedCents: 3400,
      },
    ],
    totalCents: 8500,
    receivedCents: 3400,
    ...overrides,
  }
}

beforeEach(async () => {
  applyLanguage('en', false)
  server = await startContractServer()
  server.answer('GET', routes.session, { status: 200, body: ownerSession })
  server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
  server.answer('GET', paths.suppliers(storeId), { status: 200, body: { records: [supplier] } })
  server.answer('GET', catalogPaths.products(storeId), {
    status: 200,
    body: { products: [beans], nextAfter: null },
  })
})
afterEach(async () => {
  cleanup()
  await server.close()
})

function renderAt(path: string) {
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

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
const sent = (method: string, path: string) =>
  server.seen.filter((request) => request.method === method && request.path === path)
const orderReply = (view: PurchaseOrderView) => ({
  status: 200,
  body: { purchaseOrder: view, isChanged: true, written: [] },
})

describe('the suppliers page', () => {
  it('deactivates a supplier with the version it loaded; a stale save is refused in words', async () => {
    renderAt(`/suppliers?store=${storeId}`)
    const row = await screen.findByTestId('supplier-row')
    expect(row.textContent).toContain('Bean Roasters')
    expect(row.textContent).toContain('3 days')
    const answers = [
      { status: 409, body: { code: 'VERSION_CONFLICT', message: 'this supplier changed' } },
      {
        status: 200,
        body: {
          record: { ...supplier, entity: 'supplier', hash: 'h', deleted: false },
          isChanged: true,
        },
      },
    ]
    server.answer('PUT', paths.supplier(storeId, supplierId), () => answers.shift()!)
    fireEvent.click(within(row).getByRole('button', { name: 'Edit Bean Roasters' }))
    fireEvent.click(screen.getByLabelText('Active (untick to stop ordering from this supplier)'))
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByText('Refused: this supplier changed')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByText('Bean Roasters saved. Registers get it at their next sync.')
    const puts = sent('PUT', paths.supplier(storeId, supplierId))
    expect(puts).toHaveLength(2)
    expect(puts[1]!.body).toEqual({
      baseVersion: 2,
      name: 'Bean Roasters',
      contactName: 'Sam',
      email: 'sales@beans.example',
      phone: '+1 555',
      leadTimeDays: 3,
      isActive: false,
    })
  })

  it('checks a CSV file first, lists the bad rows, and imports only a clean file', async () => {
    const answers = [
      {
        status: 200,
        body: {
          rows: 2,
          created: 1,
          updated: 0,
          errors: [{ row: 2, column: 'email', message: 'not an e-mail address' }],
          isApplied: false,
          written: [],
        },
      },
      {
        status: 200,
        body: { rows: 1, created: 1, updated: 0, errors: [], isApplied: false, written: [] },
      },
      {
        status: 200,
        body: { rows: 1, created: 1, updated: 0, errors: [], isApplied: true, written: [] },
      },
    ]
    server.answer('POST', paths.suppliersImport(storeId), () => answers.shift()!)
    renderAt(`/suppliers?store=${storeId}`)
    await screen.findByTestId('supplier-row')
    const file = (text: string) => new File([text], 'suppliers.csv', { type: 'text/csv' })
    const input = screen.getByLabelText('CSV file')
    const apply = screen.getByRole('button', { name: 'Import every row' })
    fireEvent.change(input, { target: { files: [file('name,email\nA,a@x.example\nB,nope\n')] } })
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Check the file' }).hasAttribute('disabled')).toBe(
        false,
      ),
    )
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }))
    const errors = await screen.findByTestId('csv-errors')
    expect(errors.textContent).toBe('Row 2, email: not an e-mail address')
    expect(apply.hasAttribute('disabled')).toBe(true)

    fireEvent.change(input, { target: { files: [file('name\nA\n')] } })
    await waitFor(() => expect(screen.queryByTestId('csv-errors')).toBeNull())
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }))
    await screen.findByText(/No errors: ready to import\./)
    fireEvent.click(apply)
    await screen.findByText('Imported: 1 new, 0 updated.')
    const posts = sent('POST', paths.suppliersImport(storeId))
    expect(posts.map((request) => request.body)).toEqual([
      { csv: 'name,email\nA,a@x.example\nB,nope\n', isApplied: false },
      { csv: 'name\nA\n', isApplied: false },
      { csv: 'name\nA\n', isApplied: true },
    ])
  })
})

describe('the purchase orders page', () => {
  it('drafts an order whose blank cost is left to the supplier, then marks it ordered', async () => {
    const draft = order({
      status: 'DRAFT',
      version: 1,
      lines: [{ ...order().lines[0]!, received: 0 }],
    })
    const listed: PurchaseOrderView[][] = [
      [],
      [draft],
      [{ ...draft, status: 'ORDERED', version: 2 }],
    ]
    server.answer('GET', paths.purchaseOrders(storeId), () => ({
      status: 200,
      body: { purchaseOrders: listed.length > 1 ? listed.shift()! : listed[0]! },
    }))
    server.answer('POST', paths.purchaseOrders(storeId), orderReply(draft))
    server.answer(
      'POST',
      paths.purchaseOrderAction(storeId, orderId, 'order'),
      orderReply({ ...draft, status: 'ORDERED', version: 2 }),
    )
    renderAt(`/purchase-orders?store=${storeId}`)
    await screen.findByText('No purchase orders yet.')
    fireEvent.click(screen.getByRole('button', { name: 'New purchase order' }))
    fill('Reference', 'PO-7')
    fireEvent.click(screen.getByRole('button', { name: 'Add line' }))
    fill('Quantity', '10')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByRole('dialog', { name: 'Purchase order PO-7' })
    expect(sent('POST', paths.purchaseOrders(storeId))[0]!.body).toEqual({
      supplierId,
      reference: 'PO-7',
      expectedAt: null,
      note: null,
      lines: [{ productId: beansId, quantity: 10 }],
    })
    fireEvent.click(screen.getByRole('button', { name: 'Mark ordered' }))
    await waitFor(() => expect(screen.getByTestId('order-status').textContent).toBe('Ordered'))
    expect(sent('POST', paths.purchaseOrderAction(storeId, orderId, 'order'))[0]!.body).toEqual({
      baseVersion: 1,
    })
  })

  it('shows ordered, received and outstanding; receives the rest; a stale cancel is refused and reloaded', async () => {
    let current = order()
    server.answer('GET', paths.purchaseOrders(storeId), () => ({
      status: 200,
      body: { purchaseOrders: [current] },
    }))
    server.answer('POST', paths.purchaseOrderAction(storeId, orderId, 'receive'), () => {
      current = order({
        status: 'RECEIVED',
        lines: [{ ...order().lines[0]!, received: 10, outstanding: 0, receivedCents: 8500 }],
        receivedCents: 8500,
      })
      return orderReply(current)
    })
    server.answer('POST', paths.purchaseOrderAction(storeId, orderId, 'cancel'), {
      status: 409,
      body: { code: 'VERSION_CONFLICT', message: 'this purchaseOrder changed since it was loaded' },
    })
    renderAt(`/purchase-orders?store=${storeId}`)
    const row = await screen.findByTestId('purchase-order-row')
    expect(row.textContent).toContain('Partly received')
    expect(row.textContent).toContain('$85.00')
    fireEvent.click(within(row).getByRole('button', { name: 'Open order PO-7' }))
    const line = await screen.findByTestId('order-detail-line')
    expect([...line.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual([
      'House beans',
      '10',
      '4',
      '6',
      '$8.50',
      '$85.00',
    ])
    const gets = () => sent('GET', paths.purchaseOrders(storeId)).length
    const before = gets()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel order' }))
    await screen.findByText('Refused: this purchaseOrder changed since it was loaded')
    await waitFor(() => expect(gets()).toBeGreaterThan(before))

    fireEvent.click(screen.getByRole('button', { name: 'Receive' }))
    expect(screen.getByLabelText<HTMLInputElement>('Receive now: House beans').value).toBe('6')
    fireEvent.click(screen.getByRole('button', { name: 'Record receipt' }))
    await waitFor(() => expect(screen.getByTestId('order-status').textContent).toBe('Received'))
    const receipt = sent('POST', paths.purchaseOrderAction(storeId, orderId, 'receive'))[0]!
    expect(receipt.body).toMatchObject({
      lines: [{ productId: beansId, variantId: null, quantity: 6 }],
    })
    expect(screen.getByTestId('order-received').textContent).toBe('$85.00')
  })
})

describe('the supplier invoices page', () => {
  const invoice = (overrides: Partial<SupplierInvoiceView>): SupplierInvoiceView => ({
    id: '0d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70',
    version: 1,
    supplierId,
    supplierName: 'Bean Roasters',
    invoiceNumber: 'INV-1',
    purchaseOrderIds: [orderId],
    totalCents: 3400,
    issuedAt: '2026-12-02',
    dueAt: '2026-12-30',
    receivedCents: 3400,
    differenceCents: 0,
    isMatched: true,
    status: 'MATCHED',
    ...overrides,
  })

  it('shows matched invoices and the difference of the others, in English and Arabic', async () => {
    server.answer('GET', paths.supplierInvoices(storeId), {
      status: 200,
      body: {
        invoices: [
          invoice({}),
          invoice({
            id: '1e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7081',
            invoiceNumber: 'INV-2',
            totalCents: 3500,
            differenceCents: 100,
            isMatched: false,
            status: 'OPEN',
          }),
        ],
      },
    })
    server.answer('GET', paths.purchaseOrders(storeId), {
      status: 200,
      body: { purchaseOrders: [order()] },
    })
    renderAt(`/supplier-invoices?store=${storeId}`)
    const rows = await screen.findAllByTestId('supplier-invoice-row')
    expect(rows[0]!.textContent).toContain('Matched')
    expect(rows[1]!.textContent).toContain('Open')
    expect(rows[1]!.textContent).toContain('$1.00')
    applyLanguage('ar', false)
    await screen.findByRole('heading', { name: 'فواتير الموردين' })
    expect(document.documentElement.dir).toBe('rtl')
    expect(screen.getAllByTestId('supplier-invoice-row')[0]!.textContent).toContain('مطابقة')
  })
})
