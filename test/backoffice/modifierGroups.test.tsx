// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backofficePaths as routes } from '../../src/shared/backoffice/api'
import { catalogPaths } from '../../src/shared/backoffice/catalog'
import { App } from '../../src/backoffice/src/App'
import { SessionProvider } from '../../src/backoffice/src/features/session/SessionProvider'
import { applyLanguage, i18n } from '../../src/backoffice/src/i18n'
import { nodeFetch, startContractServer, type ContractServer } from './support/contractServer'
import { mainStore, ownerSession } from './support/fixtures'

const storeId = mainStore.id
const latteId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const milk = {
  id: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
  name: 'Milk',
  minSelect: 0,
  maxSelect: 1,
  options: [
    { id: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f', name: 'Oat', priceCents: 40 },
    { id: '3d4e5f6a-7b8c-4d9e-8f1a-2b3c4d5e6f70', name: 'Soy', priceCents: 50 },
  ],
}
const latte = {
  id: latteId,
  version: 2,
  seq: 2,
  updatedAt: '2026-12-01T10:00:00.000Z',
  data: {
    id: latteId,
    sku: 'COF-LAT',
    name: 'Latte',
    priceCents: 350,
    categoryId: null,
    taxRateId: null,
    barcodes: [],
    variants: [],
    modifierGroups: [milk],
    trackStock: false,
    pricingUnit: 'each',
    isActive: true,
  },
}

let server: ContractServer
beforeEach(async () => {
  applyLanguage('en', false)
  server = await startContractServer()
  server.answer('GET', routes.session, { status: 200, body: ownerSession })
  server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
  server.answer('GET', catalogPaths.products(storeId), {
    status: 200,
    body: { products: [latte], nextAfter: null },
  })
  server.answer('GET', catalogPaths.categories(storeId), { status: 200, body: { records: [] } })
  server.answer('GET', catalogPaths.taxRates(storeId), { status: 200, body: { records: [] } })
})
afterEach(async () => {
  cleanup()
  await server.close()
})

const messageOf = (field: HTMLElement) =>
  document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent ?? null
const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
const save = () => fireEvent.submit(screen.getByRole('button', { name: 'Save' }).closest('form')!)
const puts = () => server.seen.filter((request) => request.method === 'PUT')
const isInvalid = (label: string) => screen.getByLabelText(label).getAttribute('aria-invalid')

describe('modifier groups in the product form', () => {
  it('edits groups and options, marks the failing field (ours, then the server’s), moves with the keyboard, then saves', async () => {
    const answers = [
      {
        status: 400,
        body: {
          code: 'VALIDATION',
          message: 'invalid product at modifierGroups.1.maxSelect',
          issues: [{ path: 'modifierGroups.1.maxSelect', message: 'Too big' }],
        },
      },
      {
        status: 200,
        body: {
          record: { ...latte, entity: 'product', hash: 'h', deleted: false },
          isChanged: true,
        },
      },
    ]
    server.answer('PUT', catalogPaths.product(storeId, latteId), () => answers.shift()!)
    render(
      <I18nextProvider i18n={i18n}>
        <SessionProvider http={{ baseUrl: server.baseUrl, fetch: nodeFetch }}>
          <MemoryRouter initialEntries={[`/products?store=${storeId}`]}>
            <App />
          </MemoryRouter>
        </SessionProvider>
      </I18nextProvider>,
    )
    const row = (await screen.findAllByTestId('product-row'))[0]!
    fireEvent.click(within(row).getByRole('button', { name: 'Edit Latte' }))
    await screen.findByRole('dialog')
    expect((screen.getByLabelText('Group 1 name') as HTMLInputElement).value).toBe('Milk')
    expect(
      (screen.getByLabelText('Milk: option 1 extra price (USD)') as HTMLInputElement).value,
    ).toBe('0.40')
    expect(screen.getByText('Optional: the customer chooses up to 1.')).toBeTruthy()

    // A new group is refused by the shared schema on its own fields; nothing is sent.
    fireEvent.click(screen.getByRole('button', { name: 'Add modifier group' }))
    fill('Group 2: choose at most', '3')
    fill('Group 2: option 1 extra price (USD)', '0.6x')
    save()
    await waitFor(() => expect(isInvalid('Group 2 name')).toBe('true'))
    expect(messageOf(screen.getByLabelText('Group 2 name'))).toBe(
      'Enter a name (up to 80 characters).',
    )
    expect(isInvalid('Group 2: option 1 name')).toBe('true')
    expect(messageOf(screen.getByLabelText('Group 2: option 1 extra price (USD)'))).toBe(
      'Enter a price like 0.40 (no currency sign), 0 for no charge.',
    )
    expect(isInvalid('Group 1 name')).toBeNull()
    expect(puts()).toEqual([])

    fill('Group 2 name', 'Extras')
    fill('Extras: option 1 name', 'Shot')
    fill('Extras: option 1 extra price (USD)', '0.60')
    expect(screen.getByText('Optional: the customer chooses up to 3.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Add an option to Extras' }))
    fill('Extras: option 2 name', 'Syrup')
    // Soy moves above Oat; the focus stays on Soy's buttons (up is now disabled: down has it).
    fireEvent.click(screen.getByRole('button', { name: 'Move Soy up' }))
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Soy down' })),
    )
    expect((screen.getByLabelText('Milk: option 1 name') as HTMLInputElement).value).toBe('Soy')
    // The server refuses a field: it is marked in the editor.
    save()
    await waitFor(() => expect(isInvalid('Group 2: choose at most')).toBe('true'))
    expect(messageOf(screen.getByLabelText('Group 2: choose at most'))).toBe('Enter 1 to 20.')
    save()
    await screen.findByText('Latte saved. Registers get it at their next sync.')
    const sent = puts().map(
      (request) => (request.body as { modifierGroups: unknown }).modifierGroups,
    )
    expect(sent).toHaveLength(2)
    expect(sent[1]).toEqual([
      { ...milk, options: [milk.options[1], milk.options[0]] },
      {
        id: expect.any(String),
        name: 'Extras',
        minSelect: 0,
        maxSelect: 3,
        options: [
          { id: expect.any(String), name: 'Shot', priceCents: 60 },
          { id: expect.any(String), name: 'Syrup', priceCents: 0 },
        ],
      },
    ])
  })

  it('removes a group, and reads in Arabic', async () => {
    applyLanguage('ar', false)
    server.answer('PUT', catalogPaths.product(storeId, latteId), {
      status: 200,
      body: { record: { ...latte, entity: 'product', hash: 'h', deleted: false }, isChanged: true },
    })
    render(
      <I18nextProvider i18n={i18n}>
        <SessionProvider http={{ baseUrl: server.baseUrl, fetch: nodeFetch }}>
          <MemoryRouter initialEntries={[`/products?store=${storeId}`]}>
            <App />
          </MemoryRouter>
        </SessionProvider>
      </I18nextProvider>,
    )
    const row = (await screen.findAllByTestId('product-row'))[0]!
    fireEvent.click(within(row).getAllByRole('button')[0]!)
    await screen.findByRole('dialog')
    expect(screen.getByRole('group', { name: 'مجموعات الإضافات' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'إزالة المجموعة Milk' }))
    fireEvent.submit(screen.getByRole('group', { name: 'مجموعات الإضافات' }).closest('form')!)
    await waitFor(() => expect(puts()).toHaveLength(1))
    expect((puts()[0]!.body as { modifierGroups: unknown }).modifierGroups).toEqual([])
  })
})
