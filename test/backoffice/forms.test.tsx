// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { backofficePaths as routes } from '../../src/shared/backoffice/api'
import { BackofficeApi } from '../../src/backoffice/src/api/backoffice'
import { Dialog } from '../../src/backoffice/src/components/Dialog'
import { UserForm } from '../../src/backoffice/src/features/users/UserForm'
import { applyLanguage, i18n } from '../../src/backoffice/src/i18n'
import { nodeFetch, startContractServer, type ContractServer } from './support/contractServer'
import { mainStore } from './support/fixtures'

let server: ContractServer
beforeEach(async () => {
  applyLanguage('en', false)
  server = await startContractServer()
})
afterEach(async () => {
  cleanup()
  await server.close()
})

describe('the new user form', () => {
  it('a store manager without a store is refused on the stores field, before any request', async () => {
    const api = new BackofficeApi({ baseUrl: server.baseUrl, fetch: nodeFetch })
    render(
      <I18nextProvider i18n={i18n}>
        <UserForm
          stores={[mainStore]}
          onCreate={(body) => api.createAdmin(body)}
          onDone={() => {}}
          onCancel={() => {}}
        />
      </I18nextProvider>,
    )
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'amira@example.com' } })
    fireEvent.change(screen.getByLabelText('Password'), {
      target: { value: 'a long manager password' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Create user' }))
    const firstStore = screen.getByRole('checkbox', { name: 'MAIN — Main Street' })
    await waitFor(() => expect(document.activeElement).toBe(firstStore))
    expect(screen.getByText('A store manager needs at least one store.')).toBeTruthy()
    expect(server.seen).toEqual([])
  })

  it("a taken e-mail is shown on the e-mail field in the user's language", async () => {
    server.answer('POST', routes.users, {
      status: 409,
      body: {
        code: 'EMAIL_TAKEN',
        message: 'this e-mail already has an account',
        issues: [{ path: 'email', message: 'taken' }],
      },
    })
    const api = new BackofficeApi({ baseUrl: server.baseUrl, fetch: nodeFetch })
    const onDone = vi.fn()
    render(
      <I18nextProvider i18n={i18n}>
        <UserForm
          stores={[mainStore]}
          onCreate={(body) => api.createAdmin(body)}
          onDone={onDone}
          onCancel={() => {}}
        />
      </I18nextProvider>,
    )
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'owner@example.com' } })
    fireEvent.change(screen.getByLabelText('Password'), {
      target: { value: 'a long manager password' },
    })
    fireEvent.click(screen.getByRole('checkbox', { name: 'MAIN — Main Street' }))
    fireEvent.click(screen.getByRole('button', { name: 'Create user' }))
    await waitFor(() =>
      expect(screen.getByText('Another user already has this email.')).toBeTruthy(),
    )
    expect(document.activeElement).toBe(screen.getByLabelText('Email'))
    expect(server.seen[0]?.body).toEqual({
      email: 'owner@example.com',
      password: 'a long manager password',
      role: 'store_manager',
      storeIds: [mainStore.id],
    })
    expect(onDone).not.toHaveBeenCalled()
  })
})

function DialogHarness() {
  const [isOpen, setIsOpen] = useState(false)
  return (
    <I18nextProvider i18n={i18n}>
      <button type="button" onClick={() => setIsOpen(true)}>
        Open
      </button>
      {isOpen ? (
        <Dialog title="Rename register" onClose={() => setIsOpen(false)}>
          <input aria-label="Name" />
          <button type="button">Save</button>
        </Dialog>
      ) : null}
    </I18nextProvider>
  )
}

describe('the dialog', () => {
  it('focuses its first field, keeps Tab inside, closes on Escape and gives focus back', () => {
    render(<DialogHarness />)
    const opener = screen.getByRole('button', { name: 'Open' })
    opener.focus()
    fireEvent.click(opener)
    const dialog = screen.getByRole('dialog', { name: 'Rename register' })
    expect(document.activeElement).toBe(screen.getByLabelText('Name'))

    const save = screen.getByRole('button', { name: 'Save' })
    save.focus()
    fireEvent.keyDown(dialog, { key: 'Tab' })
    // From the last control Tab wraps to the first (the close button), never out of the dialog.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }))
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(save)

    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(opener)
  })
})
