// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  CSRF_HEADER,
  backofficePaths as routes,
  type AdminView,
} from '../../src/shared/backoffice/api'
import { App } from '../../src/backoffice/src/App'
import { SessionProvider } from '../../src/backoffice/src/features/session/SessionProvider'
import { applyLanguage, i18n } from '../../src/backoffice/src/i18n'
import { nodeFetch, startContractServer, type ContractServer } from './support/contractServer'
import { mainStore, owner, ownerSession, tenantId } from './support/fixtures'

let server: ContractServer
beforeEach(async () => {
  applyLanguage('en', false)
  server = await startContractServer()
})
afterEach(async () => {
  cleanup()
  await server.close()
})

const mallStore = {
  ...mainStore,
  id: '7d6c5b4a-3f2e-4d1c-9b8a-7f6e5d4c3b2a',
  code: 'MALL',
  name: 'City Mall',
}

describe('the users page', () => {
  it('changes a manager’s stores, resets a password and disables (confirmed) — each a PATCH with the CSRF token', async () => {
    let manager: AdminView = {
      id: '3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b',
      email: 'amira@example.com',
      role: 'store_manager',
      tenantId,
      storeIds: [mainStore.id],
      disabledAt: null,
      createdAt: '2026-12-01T10:00:00.000Z',
    }
    server.answer('GET', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore, mallStore] } })
    server.answer('GET', routes.users, () => ({ status: 200, body: { users: [owner, manager] } }))
    server.answer('PATCH', routes.user(manager.id), (request) => {
      const body = request.body as { isDisabled?: boolean; storeIds?: string[] }
      manager = {
        ...manager,
        ...(body.storeIds ? { storeIds: body.storeIds } : {}),
        ...(body.isDisabled ? { disabledAt: new Date().toISOString() } : {}),
      }
      return { status: 200, body: { user: manager } }
    })
    render(
      <I18nextProvider i18n={i18n}>
        <SessionProvider http={{ baseUrl: server.baseUrl, fetch: nodeFetch }}>
          <MemoryRouter initialEntries={['/users']}>
            <App />
          </MemoryRouter>
        </SessionProvider>
      </I18nextProvider>,
    )

    const rows = await screen.findAllByTestId('user-row')
    expect(rows[0]?.textContent).toContain('owner@example.com (you)')
    // No actions on your own account.
    expect(within(rows[0]!).queryAllByRole('button')).toEqual([])
    expect(rows[1]?.textContent).toContain('Store manager')
    expect(rows[1]?.textContent).toContain('MAIN')

    fireEvent.click(screen.getByRole('button', { name: 'Change the stores of amira@example.com' }))
    const stores = await screen.findByRole('dialog', { name: 'Stores of amira@example.com' })
    fireEvent.click(within(stores).getByRole('checkbox', { name: 'MALL — City Mall' }))
    fireEvent.submit(stores.querySelector('form')!)
    expect(await screen.findByText('The stores of amira@example.com are saved.')).toBeTruthy()
    await waitFor(() =>
      expect(screen.getAllByTestId('user-row')[1]?.textContent).toContain('MAIN, MALL'),
    )

    fireEvent.click(screen.getByRole('button', { name: 'Reset the password of amira@example.com' }))
    const reset = await screen.findByRole('dialog', { name: 'New password for amira@example.com' })
    fireEvent.change(within(reset).getByLabelText('New password'), { target: { value: 'short' } })
    fireEvent.submit(reset.querySelector('form')!)
    expect(await within(reset).findByText('A password is at least 10 characters.')).toBeTruthy()
    fireEvent.change(within(reset).getByLabelText('New password'), {
      target: { value: 'a new long password' },
    })
    fireEvent.submit(reset.querySelector('form')!)
    expect(await screen.findByText('The password of amira@example.com is changed.')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Disable amira@example.com' }))
    await screen.findByRole('alertdialog', { name: 'Disable amira@example.com?' })
    fireEvent.click(screen.getByRole('button', { name: 'Disable' }))
    expect(await screen.findByText('amira@example.com is disabled.')).toBeTruthy()
    await waitFor(() =>
      expect(screen.getAllByTestId('user-row')[1]?.textContent).toContain('Disabled'),
    )
    expect(screen.getByRole('button', { name: 'Enable amira@example.com' })).toBeTruthy()

    const patches = server.seen.filter((request) => request.method === 'PATCH')
    expect(patches.map((request) => request.body)).toEqual([
      { storeIds: [mainStore.id, mallStore.id] },
      { password: 'a new long password' },
      { isDisabled: true },
    ])
    expect(
      patches.every((request) => request.headers[CSRF_HEADER] === ownerSession.csrfToken),
    ).toBe(true)
  })
})
