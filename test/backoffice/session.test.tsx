// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  CSRF_HEADER,
  backofficePaths as routes,
  type RegisterView,
} from '../../src/shared/backoffice/api'
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

function renderApp(path: string) {
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

const expired = { status: 401, body: { code: 'UNAUTHORIZED', message: 'session expired' } }

describe('the back office session', () => {
  it('a 401 from any call returns to sign in with "Your session ended", then back to the page', async () => {
    server.answer('GET', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', routes.stores, expired)
    renderApp('/registers')

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe('Your session ended. Sign in again.')
    expect(screen.queryByRole('navigation')).toBeNull()

    server.answer('POST', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
    server.answer('GET', `${routes.registers}?storeId=${mainStore.id}`, {
      status: 200,
      body: { registers: [] },
    })
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'owner@example.com' } })
    fireEvent.change(screen.getByLabelText('Password'), {
      target: { value: 'correct horse battery' },
    })
    fireEvent.submit(screen.getByRole('button', { name: 'Sign in' }).closest('form')!)
    expect(await screen.findByRole('heading', { level: 1, name: 'Registers' })).toBeTruthy()
  })

  it('signs in, shows the stores, and signs out with the CSRF token', async () => {
    server.answer('GET', routes.session, expired)
    server.answer('POST', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
    server.answer('DELETE', routes.session, { status: 204 })
    renderApp('/stores')

    await screen.findByRole('heading', { level: 1, name: 'Sign in' })
    // Checking for a session is not an ended one: no message.
    expect(screen.getByRole('status').textContent).toBe('')
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'owner@example.com' } })
    fireEvent.change(screen.getByLabelText('Password'), {
      target: { value: 'correct horse battery' },
    })
    fireEvent.submit(screen.getByRole('button', { name: 'Sign in' }).closest('form')!)

    expect(await screen.findByRole('heading', { level: 1, name: 'Stores' })).toBeTruthy()
    expect(await screen.findByText('Main Street')).toBeTruthy()
    const nav = screen.getByRole('navigation', { name: 'Back office' })
    expect([...nav.querySelectorAll('a')].map((link) => link.textContent)).toEqual([
      'Stores',
      'Registers',
      'Products',
      'Categories',
      'Tax rates',
      'Staff',
      'Suppliers',
      'Purchase orders',
      'Supplier invoices',
      'Store rules',
      'Sync health',
      'Conflicts',
      'Reports',
      'Audit log',
      'Stock',
      'Users',
    ])

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(await screen.findByText('You are signed out.')).toBeTruthy()
    const signOut = server.seen.find((request) => request.method === 'DELETE')
    expect(signOut?.headers[CSRF_HEADER]).toBe(ownerSession.csrfToken)
  })

  it('a wrong password stays on sign in with the reason in words, the password cleared', async () => {
    server.answer('GET', routes.session, expired)
    server.answer('POST', routes.session, {
      status: 401,
      body: { code: 'INVALID_CREDENTIALS', message: 'wrong email or password' },
    })
    renderApp('/signin')
    await screen.findByRole('heading', { level: 1, name: 'Sign in' })
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'owner@example.com' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } })
    fireEvent.submit(screen.getByRole('button', { name: 'Sign in' }).closest('form')!)
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The email or the password is wrong.',
    )
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('')
  })

  it('a store manager sees no Users section', async () => {
    server.answer('GET', routes.session, {
      status: 200,
      body: {
        ...ownerSession,
        admin: { ...ownerSession.admin, role: 'store_manager', storeIds: [mainStore.id] },
      },
    })
    server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
    renderApp('/users')
    expect(await screen.findByRole('heading', { level: 1, name: 'Stores' })).toBeTruthy()
    const nav = screen.getByRole('navigation', { name: 'Back office' })
    expect(nav.textContent).not.toContain('Users')
    expect(screen.queryByRole('button', { name: 'New store' })).toBeNull()
  })
})

describe('deleting a store', () => {
  it('a store in use is refused with the reason, in the dialog; nothing changes', async () => {
    server.answer('GET', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
    server.answer('DELETE', routes.store(mainStore.id), {
      status: 409,
      body: {
        code: 'STORE_IN_USE',
        message: 'the store has 2 register(s): revoke and remove them first',
      },
    })
    renderApp('/stores')
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Main Street' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete store MAIN?' })
    fireEvent.click(screen.getByRole('button', { name: 'Delete store' }))
    await waitFor(() =>
      expect(dialog.querySelector('[role="alert"]')?.textContent).toBe(
        'Refused: the store has 2 register(s): revoke and remove them first',
      ),
    )
    const sent = server.seen.find((request) => request.method === 'DELETE')
    expect(sent?.headers[CSRF_HEADER]).toBe(ownerSession.csrfToken)
    expect(screen.getByRole('alertdialog')).toBeTruthy()
  })
})

describe('the registers of a store', () => {
  it('lists last seen, version, waiting and refused; rename and revoke (confirmed) reach the server', async () => {
    const till: RegisterView = {
      id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      storeId: mainStore.id,
      name: 'Till 1',
      role: 'register',
      lastSeenAt: new Date(Date.now() - 3 * 60_000).toISOString(),
      appVersion: '0.1.0',
      pending: 4,
      refused: 1,
      revokedAt: null,
      createdAt: '2026-12-01T09:00:00.000Z',
    }
    let current = till
    const list = `${routes.registers}?storeId=${mainStore.id}`
    server.answer('GET', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
    server.answer('GET', list, () => ({ status: 200, body: { registers: [current] } }))
    server.answer('PATCH', routes.register(till.id), (request) => {
      current = { ...current, ...(request.body as { name: string }) }
      return { status: 200, body: { register: current } }
    })
    server.answer('POST', routes.revokeRegister(till.id), () => {
      current = { ...current, revokedAt: new Date().toISOString() }
      return { status: 200, body: { register: current } }
    })
    renderApp('/registers')

    const row = await screen.findByTestId('register-row')
    expect(row.textContent).toContain('3 minutes ago')
    expect(row.textContent).toContain('0.1.0')
    expect(row.textContent).toContain('Active')

    fireEvent.click(screen.getByRole('button', { name: 'Rename Till 1' }))
    const rename = await screen.findByRole('dialog', { name: 'Rename register' })
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Front counter' } })
    fireEvent.submit(rename.querySelector('form')!)
    expect(await screen.findByText('Renamed to Front counter.')).toBeTruthy()

    fireEvent.click(await screen.findByRole('button', { name: 'Revoke Front counter' }))
    await screen.findByRole('alertdialog', { name: 'Revoke Front counter?' })
    fireEvent.click(screen.getByRole('button', { name: 'Revoke register' }))
    expect(await screen.findByText('Front counter is revoked.')).toBeTruthy()
    await waitFor(() => expect(screen.getByTestId('register-row').textContent).toContain('Revoked'))
    expect(screen.queryByRole('button', { name: 'Revoke Front counter' })).toBeNull()

    const writes = server.seen.filter((request) => request.method !== 'GET')
    expect(writes.map((request) => [request.method, request.path])).toEqual([
      ['PATCH', routes.register(till.id)],
      ['POST', routes.revokeRegister(till.id)],
    ])
    expect(writes.every((request) => request.headers[CSRF_HEADER] === ownerSession.csrfToken)).toBe(
      true,
    )
  })
})

describe('the enrollment code dialog', () => {
  it('shows the code, its expiry and the QR code as an image; Escape closes it', async () => {
    const qrSvg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>'
    server.answer('GET', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
    server.answer('GET', `${routes.registers}?storeId=${mainStore.id}`, {
      status: 200,
      body: { registers: [] },
    })
    server.answer('POST', routes.enrollmentCodes, (request) => ({
      status: 200,
      body: {
        code: 'K7Q-29XD',
        storeId: (request.body as { storeId: string }).storeId,
        expiresAt: '2026-12-02T10:00:00.000Z',
        uses: 1,
        enrollUri: 'auraflow://enroll?server=http%3A%2F%2F127.0.0.1&code=K7Q-29XD',
        qrSvg,
      },
    }))
    renderApp('/registers')

    fireEvent.click(await screen.findByRole('button', { name: 'New enrollment code' }))
    const dialog = await screen.findByRole('dialog')
    fireEvent.submit(dialog.querySelector('form')!)
    expect(await screen.findByText('K7Q-29XD')).toBeTruthy()
    const image = screen.getByRole('img', { name: 'QR code for enrollment code K7Q-29XD' })
    expect(decodeURIComponent(image.getAttribute('src')!.split(',')[1]!)).toBe(qrSvg)
    expect(image.getAttribute('src')).toMatch(/^data:image\/svg\+xml;/)
    // The SVG is never put into the page's own DOM.
    expect(dialog.querySelector('svg')).toBeNull()
    const sent = server.seen.find((request) => request.method === 'POST')
    expect(sent?.body).toEqual({
      storeId: mainStore.id,
      role: 'register',
      expiresInMinutes: 60,
      uses: 1,
    })
    expect(sent?.headers[CSRF_HEADER]).toBe(ownerSession.csrfToken)

    fireEvent.keyDown(dialog, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })
})
