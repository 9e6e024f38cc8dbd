// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CSRF_HEADER, backofficePaths as routes } from '../../src/shared/backoffice/api'
import { catalogPaths } from '../../src/shared/backoffice/catalog'
import { App } from '../../src/backoffice/src/App'
import { SessionProvider } from '../../src/backoffice/src/features/session/SessionProvider'
import { applyLanguage, i18n } from '../../src/backoffice/src/i18n'
import { nodeFetch, startContractServer, type ContractServer } from './support/contractServer'
import { mainStore, ownerSession } from './support/fixtures'

let server: ContractServer
beforeEach(async () => {
  applyLanguage('en', false)
  server = await startContractServer()
  server.answer('GET', routes.session, { status: 200, body: ownerSession })
  server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
})
afterEach(async () => {
  cleanup()
  await server.close()
})

const storeId = mainStore.id
const coffeeId = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'
const bakeryId = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60'
const vatId = '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6071'
const espressoId = '4f5a6b7c-8d9e-4f0a-9b1c-3d4e5f607182'
const record = (id: string, version: number, data: Record<string, unknown>) => ({
  id,
  version,
  seq: version,
  updatedAt: '2026-12-01T10:00:00.000Z',
  data: { id, ...data },
})
const variants = [
  {
    id: '5a6b7c8d-9e0f-4a1b-8c2d-4e5f60718293',
    name: 'Double',
    priceCents: 340,
    sku: null,
    barcode: null,
  },
]
const espresso = record(espressoId, 3, {
  sku: 'COF-ESP',
  name: 'Espresso',
  priceCents: 280,
  categoryId: coffeeId,
  taxRateId: vatId,
  barcodes: ['4006381333931'],
  variants,
  modifierGroups: [],
  trackStock: false,
  pricingUnit: 'each',
  isActive: true,
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

/** The message shown under a field: the element its aria-describedby names. */
function messageOf(field: HTMLElement): string | null {
  const id = field.getAttribute('aria-describedby')
  return id ? (document.getElementById(id)?.textContent ?? null) : null
}

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
const submit = (button: string) =>
  fireEvent.submit(screen.getByRole('button', { name: button }).closest('form')!)

describe('the products page', () => {
  beforeEach(() => {
    server.answer('GET', catalogPaths.products(storeId), {
      status: 200,
      body: { products: [espresso], nextAfter: null },
    })
    server.answer('GET', catalogPaths.categories(storeId), {
      status: 200,
      body: { records: [record(coffeeId, 1, { name: 'Coffee' })] },
    })
    server.answer('GET', catalogPaths.taxRates(storeId), {
      status: 200,
      body: {
        records: [record(vatId, 1, { name: 'VAT 20%', rateBasisPoints: 2000, isInclusive: true })],
      },
    })
  })

  it('shows field errors next to their fields, then saves the new price with the loaded version', async () => {
    renderAt(`/products?store=${storeId}`)
    const row = (await screen.findAllByTestId('product-row'))[0]!
    expect(row.textContent).toContain('Espresso')
    expect(row.textContent).toContain('$2.80')
    expect(row.textContent).toContain('Coffee')
    fireEvent.click(within(row).getByRole('button', { name: 'Edit Espresso' }))

    // The shared schema first: nothing reaches the server.
    fill('Price (USD)', '3.2x')
    fill('SKU', '  ')
    submit('Save')
    const price = screen.getByLabelText('Price (USD)')
    await waitFor(() => expect(price.getAttribute('aria-invalid')).toBe('true'))
    expect(messageOf(price)).toBe('Enter a price like 3.20 (no currency sign).')
    expect(messageOf(screen.getByLabelText('SKU'))).toBe('Enter a SKU (up to 80 characters).')
    expect(server.seen.filter((request) => request.method === 'PUT')).toEqual([])
    // A new variant without a name or price is refused under the variants, then removed.
    fireEvent.click(screen.getByRole('button', { name: 'Add variant' }))
    submit('Save')
    await screen.findByText('Each variant needs a name and a price like 3.20.')
    fireEvent.click(screen.getByRole('button', { name: 'Remove variant 2' }))
    expect(server.seen.filter((request) => request.method === 'PUT')).toEqual([])

    // The server's refusals land on their fields too.
    const answers = [
      {
        status: 400,
        body: {
          code: 'VALIDATION',
          message: 'invalid product at barcodes.0',
          issues: [{ path: 'barcodes.0', message: 'bad' }],
        },
      },
      { status: 409, body: { code: 'SKU_TAKEN', message: 'SKU COF-ESP belongs to product x' } },
      {
        status: 200,
        body: {
          record: { ...espresso, entity: 'product', hash: 'h', deleted: false },
          isChanged: true,
        },
      },
    ]
    server.answer('PUT', catalogPaths.product(storeId, espressoId), () => answers.shift()!)
    fill('Price (USD)', '3.2')
    fill('SKU', 'COF-ESP')
    expect(screen.getByLabelText<HTMLInputElement>('Variant 1 price').value).toBe('3.40')
    fill('Variant 1 price', '3.6')
    submit('Save')
    const barcodes = screen.getByLabelText('Barcodes')
    await waitFor(() =>
      expect(messageOf(barcodes)).toBe('A barcode is 1–48 letters, digits, dashes or dots.'),
    )
    submit('Save')
    await waitFor(() =>
      expect(messageOf(screen.getByLabelText('SKU'))).toBe('Another product already has this SKU.'),
    )
    submit('Save')
    await screen.findByText('Espresso saved. Registers get it at their next sync.')
    const puts = server.seen.filter((request) => request.method === 'PUT')
    expect(puts).toHaveLength(3)
    expect(puts[2]!.headers[CSRF_HEADER]).toBe(ownerSession.csrfToken)
    expect(puts[2]!.body).toEqual({
      baseVersion: 3,
      sku: 'COF-ESP',
      name: 'Espresso',
      priceCents: 320,
      categoryId: coffeeId,
      taxRateId: vatId,
      barcodes: ['4006381333931'],
      variants: [{ ...variants[0], priceCents: 360 }],
      modifierGroups: [],
      pricingUnit: 'each',
      trackStock: false,
      isActive: true,
    })
  })
})

describe('deleting a category in use', () => {
  it('shows the reason the server refused, and deletes once nothing uses it', async () => {
    server.answer('GET', catalogPaths.categories(storeId), {
      status: 200,
      body: { records: [record(bakeryId, 2, { name: 'Bakery', color: '#aa7744', sortOrder: 1 })] },
    })
    const answers = [
      {
        status: 409,
        body: {
          code: 'IN_USE',
          message: '2 products use this category; move them to another category first',
        },
      },
      {
        status: 200,
        body: {
          record: {
            ...record(bakeryId, 3, {}),
            entity: 'category',
            hash: 'h',
            deleted: true,
            data: null,
          },
          isChanged: true,
        },
      },
    ]
    server.answer('DELETE', catalogPaths.deleteCategory(storeId, bakeryId, 2), () =>
      answers.shift()!,
    )
    renderAt(`/categories?store=${storeId}`)
    const row = (await screen.findAllByTestId('category-row'))[0]!
    fireEvent.click(within(row).getByRole('button', { name: 'Delete Bakery' }))
    const dialog = await screen.findByRole('alertdialog')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
    expect(await within(dialog).findByRole('alert')).toHaveProperty(
      'textContent',
      'Products using this category: 2. Move them to another category first.',
    )
    // Still there: nothing was deleted.
    expect(screen.getAllByTestId('category-row')).toHaveLength(1)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
    await screen.findByText('Bakery deleted.')
  })

  it('says it in Arabic too', async () => {
    applyLanguage('ar', false)
    server.answer('GET', catalogPaths.taxRates(storeId), {
      status: 200,
      body: {
        records: [record(vatId, 1, { name: 'VAT', rateBasisPoints: 2000, isInclusive: true })],
      },
    })
    server.answer('DELETE', catalogPaths.deleteTaxRate(storeId, vatId, 1), {
      status: 409,
      body: {
        code: 'IN_USE',
        message: '1 product use this tax rate; give them another rate first',
      },
    })
    renderAt(`/tax-rates?store=${storeId}`)
    const row = (await screen.findAllByTestId('tax-rate-row'))[0]!
    expect(document.documentElement.dir).toBe('rtl')
    fireEvent.click(within(row).getByRole('button', { name: 'حذف VAT' }))
    const dialog = await screen.findByRole('alertdialog')
    fireEvent.click(within(dialog).getByRole('button', { name: 'حذف' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'عدد المنتجات التي تستخدم نسبة الضريبة هذه: 1. أعطها نسبة أخرى أولًا.',
    )
  })
})

describe('the staff page', () => {
  it('sets a PIN twice-typed, shows a taken PIN on its field, and never shows a PIN', async () => {
    const layla = {
      id: '6b7c8d9e-0f1a-4b2c-9d3e-5f6071829304',
      version: 1,
      name: 'Layla',
      role: 'cashier',
      isActive: true,
      storeIds: [storeId],
      updatedAt: '2026-12-01T10:00:00.000Z',
    }
    server.answer('GET', catalogPaths.employees(storeId), {
      status: 200,
      body: { employees: [layla] },
    })
    const answers = [
      {
        status: 409,
        body: {
          code: 'PIN_TAKEN',
          message: 'Another active employee already uses that PIN.',
          issues: [{ path: 'pin', message: 'Another active employee already uses that PIN.' }],
        },
      },
      { status: 200, body: { employee: { ...layla, version: 2 }, isChanged: true } },
    ]
    server.answer('POST', catalogPaths.employeePin(storeId, layla.id), () => answers.shift()!)
    renderAt(`/staff?store=${storeId}`)
    const row = (await screen.findAllByTestId('employee-row'))[0]!
    expect(row.textContent).toContain('Cashier')
    fireEvent.click(within(row).getByRole('button', { name: 'Set the PIN of Layla' }))
    await screen.findByRole('dialog')
    fill('New PIN', '2580')
    fill('New PIN again', '2589')
    submit('Set PIN')
    await waitFor(() =>
      expect(messageOf(screen.getByLabelText('New PIN again'))).toBe('The two PINs differ.'),
    )
    expect(server.seen.filter((request) => request.method === 'POST')).toEqual([])
    fill('New PIN again', '2580')
    submit('Set PIN')
    await waitFor(() =>
      expect(messageOf(screen.getByLabelText('New PIN'))).toBe(
        'Another active person already uses this PIN.',
      ),
    )
    fill('New PIN', '3690')
    fill('New PIN again', '3690')
    submit('Set PIN')
    await screen.findByText(
      'New PIN set for Layla. It works on the registers after their next sync.',
    )
    const posts = server.seen.filter((request) => request.method === 'POST')
    expect(posts.map((request) => request.body)).toEqual([
      { baseVersion: 1, pin: '2580' },
      { baseVersion: 1, pin: '3690' },
    ])
    expect(document.body.textContent).not.toContain('3690')
  })
})
