// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backofficePaths as routes } from '../../src/shared/backoffice/api'
import type { SessionReply } from '../../src/shared/backoffice/api'
import { syncHealthPaths } from '../../src/shared/backoffice/syncHealth'
import { App } from '../../src/backoffice/src/App'
import { SessionProvider } from '../../src/backoffice/src/features/session/SessionProvider'
import { applyLanguage, i18n } from '../../src/backoffice/src/i18n'
import { nodeFetch, startContractServer, type ContractServer } from './support/contractServer'
import { mainStore, owner, ownerSession } from './support/fixtures'

const cafe = { id: mainStore.tenantId, name: 'Cafe Lina', createdAt: '2026-11-01T09:00:00.000Z' }
const bakery = {
  id: '4a6c8e0a-2c4e-4a6c-8e0a-2c4e6a8c0e2a',
  name: 'Bakery Nour',
  createdAt: '2026-11-02T09:00:00.000Z',
}
const bakeryStore = {
  ...mainStore,
  id: '5b7d9f1b-3d5f-4b7d-9f1b-3d5f7b9d1f3b',
  tenantId: bakery.id,
  code: 'BAKE',
  name: 'Bakery on Elm',
}
const superSession: SessionReply = {
  ...ownerSession,
  admin: { ...owner, role: 'super_admin', tenantId: null, email: 'root@example.com' },
}

let server: ContractServer
beforeEach(async () => {
  applyLanguage('en', false)
  server = await startContractServer()
})
afterEach(async () => {
  cleanup()
  await server.close()
  applyLanguage('en', false)
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

const storesOf = (tenantId?: string) =>
  tenantId ? `${routes.stores}?tenantId=${tenantId}` : routes.stores
const paths = () => server.seen.map((request) => `${request.method} ${request.path}`)

describe('a super admin’s tenants', () => {
  it('lists and creates tenants, and a picked tenant scopes the stores and sync health', async () => {
    const tenants = [cafe, bakery]
    server.answer('GET', routes.session, { status: 200, body: superSession })
    server.answer('GET', routes.tenants, () => ({ status: 200, body: { tenants: [...tenants] } }))
    server.answer('POST', routes.tenants, (request) => {
      const created = {
        id: '6c8e0a2c-4e6a-4c8e-8a2c-4e6a8c0e2a4c',
        name: (request.body as { name: string }).name,
        createdAt: '2026-12-02T09:00:00.000Z',
      }
      tenants.push(created)
      return { status: 200, body: { tenant: created } }
    })
    server.answer('GET', storesOf(), { status: 200, body: { stores: [mainStore, bakeryStore] } })
    server.answer('GET', storesOf(bakery.id), { status: 200, body: { stores: [bakeryStore] } })
    server.answer('GET', `${syncHealthPaths.syncHealth}?tenantId=${bakery.id}`, {
      status: 200,
      body: { checkedAt: '2026-12-02T09:00:00.000Z', stores: [] },
    })
    renderAt('/tenants')
    expect((await screen.findAllByTestId('tenant-row')).map((row) => row.textContent)).toEqual([
      expect.stringContaining('Cafe Lina'),
      expect.stringContaining('Bakery Nour'),
    ])
    // Create: the shared schema first (no empty name reaches the server), then the new row.
    const nameField = screen.getByLabelText('New tenant name')
    fireEvent.submit(nameField.closest('form')!)
    await waitFor(() => expect(nameField.getAttribute('aria-invalid')).toBe('true'))
    expect(paths()).not.toContain(`POST ${routes.tenants}`)
    fireEvent.change(nameField, { target: { value: 'Juice Bar' } })
    fireEvent.submit(nameField.closest('form')!)
    await screen.findByText('Juice Bar created.')
    await waitFor(() => expect(screen.getAllByTestId('tenant-row')).toHaveLength(3))
    const picker = screen.getByLabelText('Tenant')
    await waitFor(() =>
      expect(
        within(picker)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['All tenants', 'Cafe Lina', 'Bakery Nour', 'Juice Bar']),
    )

    // Work in the bakery: the stores page then asks for that tenant only.
    fireEvent.change(picker, { target: { value: bakery.id } })
    fireEvent.click(screen.getByRole('link', { name: 'Stores' }))
    await screen.findByText('Bakery on Elm')
    expect(screen.queryByText('Main Street')).toBeNull()
    expect(paths()).toContain(`GET ${storesOf(bakery.id)}`)
    fireEvent.click(screen.getByRole('link', { name: 'Sync health' }))
    await waitFor(() =>
      expect(paths()).toContain(`GET ${syncHealthPaths.syncHealth}?tenantId=${bakery.id}`),
    )
    // Back to every tenant: the plain list again.
    fireEvent.change(screen.getByLabelText('Tenant'), { target: { value: '' } })
    fireEvent.click(screen.getByRole('link', { name: 'Stores' }))
    await screen.findByText('Main Street')
  })

  it('is never shown to a tenant admin (no picker, no Tenants page), and reads in Arabic', async () => {
    server.answer('GET', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
    renderAt('/tenants')
    await screen.findByText('Main Street')
    expect(screen.queryByLabelText('Tenant')).toBeNull()
    expect(screen.queryByRole('link', { name: 'Tenants' })).toBeNull()
    expect(paths().some((path) => path.includes('/api/admin/tenants'))).toBe(false)
    cleanup()
    applyLanguage('ar', false)
    server.answer('GET', routes.session, { status: 200, body: superSession })
    server.answer('GET', routes.tenants, { status: 200, body: { tenants: [cafe] } })
    renderAt('/tenants')
    await screen.findByRole('heading', { name: 'المستأجرون' })
    expect(screen.getByLabelText('المستأجر')).toBeTruthy()
  })
})
