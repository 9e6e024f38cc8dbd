// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { backofficePaths as routes, type StoreDetail } from '../../src/shared/backoffice/api'
import { BackofficeApi } from '../../src/backoffice/src/api/backoffice'
import { StoreForm } from '../../src/backoffice/src/features/stores/StoreForm'
import { applyLanguage, i18n } from '../../src/backoffice/src/i18n'
import { nodeFetch, startContractServer, type ContractServer } from './support/contractServer'
import { mainStore } from './support/fixtures'

let server: ContractServer
let api: BackofficeApi

beforeEach(async () => {
  applyLanguage('en', false)
  server = await startContractServer()
  api = new BackofficeApi({ baseUrl: server.baseUrl, fetch: nodeFetch })
})
afterEach(async () => {
  cleanup()
  await server.close()
})

function renderForm(store?: StoreDetail) {
  const onDone = vi.fn()
  render(
    <I18nextProvider i18n={i18n}>
      <StoreForm
        store={store}
        onCreate={(body) => api.createStore(body)}
        onUpdate={(id, body) => api.updateStore(id, body)}
        onDone={onDone}
        onCancel={() => {}}
      />
    </I18nextProvider>,
  )
  return { onDone }
}

/** The message shown under a field: the element its aria-describedby names. */
function messageOf(field: HTMLElement): string | null {
  const id = field.getAttribute('aria-describedby')
  return id ? (document.getElementById(id)?.textContent ?? null) : null
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

describe('the store form', () => {
  it('checks with the shared schema first: errors next to each field, focus on the first', async () => {
    renderForm()
    fill('Name', 'City Mall')
    fill('Store code', 'city-mall')
    fireEvent.submit(screen.getByRole('button', { name: 'Create store' }).closest('form')!)

    const code = screen.getByLabelText('Store code')
    await waitFor(() => expect(document.activeElement).toBe(code))
    expect(code.getAttribute('aria-invalid')).toBe('true')
    expect(messageOf(code)).toBe('A store code is 1–16 capital letters or digits, no dashes.')
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBeNull()
    // Nothing reached the server.
    expect(server.seen).toEqual([])
  })

  it("shows the server's issues next to their fields and focuses the first in the form", async () => {
    server.answer('POST', routes.stores, {
      status: 400,
      body: {
        code: 'VALIDATION',
        message: 'invalid store at timeZone: not an IANA time zone',
        issues: [
          { path: 'timeZone', message: 'not an IANA time zone (e.g. Europe/London)' },
          { path: 'phone', message: 'too long' },
        ],
      },
    })
    const { onDone } = renderForm()
    fill('Store code', 'mall')
    fill('Name', 'City Mall')
    fill('Phone', '+1 555 0100')
    fireEvent.submit(screen.getByRole('button', { name: 'Create store' }).closest('form')!)

    const phone = screen.getByLabelText('Phone')
    const timeZone = screen.getByLabelText('Time zone')
    // Phone comes before time zone on the form, though the server listed it second.
    await waitFor(() => expect(document.activeElement).toBe(phone))
    expect(phone.getAttribute('aria-invalid')).toBe('true')
    expect(timeZone.getAttribute('aria-invalid')).toBe('true')
    expect(messageOf(timeZone)).toBe('Pick a time zone from the list.')
    expect(messageOf(phone)).toBe('A phone number is at most 50 characters.')
    expect(screen.getByRole('alert').textContent).toBe('Check the highlighted fields.')
    expect(onDone).not.toHaveBeenCalled()

    const sent = server.seen[0]
    expect(sent?.body).toMatchObject({ code: 'MALL', name: 'City Mall', phone: '+1 555 0100' })
  })

  it('a taken store code is shown on the code field', async () => {
    server.answer('POST', routes.stores, {
      status: 409,
      body: { code: 'STORE_CODE_TAKEN', message: 'store code MAIN is taken' },
    })
    renderForm()
    fill('Store code', 'MAIN')
    fill('Name', 'Second Main')
    fireEvent.click(screen.getByRole('button', { name: 'Create store' }))
    const code = screen.getByLabelText('Store code')
    await waitFor(() => expect(messageOf(code)).toBe('Another store already uses this code.'))
    expect(document.activeElement).toBe(code)
  })

  it('edits a store without its code, and reports the saved store', async () => {
    server.answer('PATCH', routes.store(mainStore.id), (request) => ({
      status: 200,
      body: { store: { ...mainStore, ...(request.body as object) } },
    }))
    const { onDone } = renderForm(mainStore)
    expect(screen.getByLabelText('Store code')).toHaveProperty('readOnly', true)
    fill('Name', 'Main Street East')
    fireEvent.click(screen.getByRole('button', { name: 'Save store' }))
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1))
    expect(onDone.mock.calls[0]?.[0]).toMatchObject({ code: 'MAIN', name: 'Main Street East' })
    expect(server.seen[0]?.body).not.toHaveProperty('code')
  })

  it('reads in Arabic, field errors included', async () => {
    applyLanguage('ar', false)
    renderForm()
    expect(document.documentElement.dir).toBe('rtl')
    const form = screen.getByRole('button', { name: 'إنشاء المتجر' }).closest('form')!
    fireEvent.submit(form)
    const code = within(form).getByLabelText('رمز المتجر')
    await waitFor(() => expect(document.activeElement).toBe(code))
    expect(messageOf(code)).toMatch(/[\u0600-\u06FF]/)
  })
})
