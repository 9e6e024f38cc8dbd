// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../src/backoffice/src/App'
import { SessionProvider } from '../../src/backoffice/src/features/session/SessionProvider'
import { applyLanguage, i18n } from '../../src/backoffice/src/i18n'
import { CSRF_HEADER, backofficePaths as routes } from '../../src/shared/backoffice/api'
import {
  syncHealthPaths as paths,
  type AdminConflict,
  type AdminResolveReply,
} from '../../src/shared/backoffice/syncHealth'
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

const productId = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d'
const conflict: AdminConflict = {
  conflictId: '9f8e7d6c-5b4a-4c3d-9e2f-1a0b9c8d7e6f',
  entity: 'product',
  id: productId,
  deviceId: 'till-2',
  baseVersion: 1,
  serverVersion: 2,
  serverData: { id: productId, name: 'Green tea', priceCents: 250 },
  serverDeleted: false,
  clientData: { id: productId, name: 'Black tea', priceCents: 300 },
  clientDeleted: false,
  status: 'open',
  resolution: null,
  createdAt: new Date().toISOString(),
  storeId: mainStore.id,
  storeCode: 'MAIN',
  storeName: 'Main Street',
  deviceName: 'Till 2',
  resolvedBy: null,
  resolvedAt: null,
}
const listPath = `${paths.conflicts}?status=open`

function settled(data: unknown): AdminResolveReply {
  return {
    conflict: { ...conflict, status: 'resolved', resolution: 'take-client' },
    record: {
      entity: 'product',
      id: productId,
      version: 3,
      seq: 9,
      hash: 'h',
      deleted: false,
      data,
      deviceId: 'admin:owner',
      updatedAt: new Date().toISOString(),
    },
  }
}

function renderConflicts() {
  render(
    <I18nextProvider i18n={i18n}>
      <SessionProvider http={{ baseUrl: server.baseUrl, fetch: nodeFetch }}>
        <MemoryRouter initialEntries={['/conflicts']}>
          <App />
        </MemoryRouter>
      </SessionProvider>
    </I18nextProvider>,
  )
}

describe('the conflicts page', () => {
  it('compares both copies field by field and takes the device’s after a confirmation; the list updates', async () => {
    let isOpen = true
    server.answer('GET', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', listPath, () => ({
      status: 200,
      body: { conflicts: isOpen ? [conflict] : [] },
    }))
    server.answer('POST', paths.resolveConflict(conflict.conflictId), () => {
      isOpen = false
      return { status: 200, body: settled(conflict.clientData) }
    })
    renderConflicts()

    const [row] = await screen.findAllByTestId('conflict-row')
    expect(row!.textContent).toContain('Product Green tea')
    expect(row!.textContent).toContain('MAIN — Main Street')
    expect(row!.textContent).toContain('Till 2')
    fireEvent.click(within(row!).getByRole('button', { name: 'Compare Green tea' }))

    const dialog = await screen.findByRole('dialog', { name: 'Green tea' })
    const compared = within(dialog).getAllByTestId('compare-row')
    expect(
      compared.map((line) => [
        line.querySelector('th')!.textContent,
        ...[...line.querySelectorAll('td')].map((cell) => cell.textContent),
      ]),
    ).toEqual([
      ['id', productId, productId],
      ['nameDiffers', 'Green tea', 'Black tea'],
      ['priceCentsDiffers', '250', '300'],
    ])
    expect(compared.map((line) => line.getAttribute('data-differs'))).toEqual([
      null,
      'true',
      'true',
    ])

    fireEvent.click(within(dialog).getByRole('button', { name: 'Take device' }))
    expect(
      within(dialog).getByRole('group', { name: 'Take the register’s Green tea?' }),
    ).toBeTruthy()
    // Nothing is sent before the confirmation.
    expect(server.seen.filter((request) => request.method === 'POST')).toEqual([])
    const settle = within(dialog).getByRole('button', { name: 'Settle it' })
    expect(document.activeElement).toBe(settle)
    fireEvent.click(settle)

    expect(await screen.findByText('Green tea is settled.')).toBeTruthy()
    expect(await screen.findByText('No conflicts wait for a decision.')).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
    const posts = server.seen.filter((request) => request.method === 'POST')
    expect(posts.map((request) => request.body)).toEqual([{ resolution: 'take-device' }])
    expect(posts[0]!.headers[CSRF_HEADER]).toBe(ownerSession.csrfToken)
  })

  it('merges field by field; a value the server refuses marks that field, a fixed one is saved', async () => {
    server.answer('GET', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', listPath, { status: 200, body: { conflicts: [conflict] } })
    server.answer('POST', paths.resolveConflict(conflict.conflictId), (request) => {
      const data = (request.body as { data: { priceCents: unknown } }).data
      return Number.isInteger(data.priceCents)
        ? { status: 200, body: settled(data) }
        : {
            status: 400,
            body: {
              code: 'VALIDATION_FAILED',
              message: 'data is invalid',
              issues: [{ path: 'priceCents', message: 'Invalid input: expected int' }],
            },
          }
    })
    renderConflicts()

    fireEvent.click(await screen.findByRole('button', { name: 'Compare Green tea' }))
    const dialog = await screen.findByRole('dialog', { name: 'Green tea' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Edit and merge' }))
    const form = within(dialog).getByRole('form', { name: 'Edit and merge' })
    // Each field starts from the register's copy.
    const name = within(form).getByLabelText('name') as HTMLInputElement
    const price = within(form).getByLabelText('priceCents') as HTMLInputElement
    expect([name.value, price.value]).toEqual(['Black tea', '300'])
    fireEvent.click(within(form).getByRole('button', { name: 'Use the server’s name' }))
    expect(name.value).toBe('Green tea')
    fireEvent.change(name, { target: { value: 'Green & black tea' } })

    // Not a number: refused here before anything is sent.
    fireEvent.change(price, { target: { value: 'cheap' } })
    fireEvent.submit(form)
    expect(within(form).getByText('Not a valid value for this field.')).toBeTruthy()
    expect(price.getAttribute('aria-invalid')).toBe('true')

    // A number the entity's schema refuses: the server names the field.
    fireEvent.change(price, { target: { value: '2.5' } })
    fireEvent.submit(form)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Settle it' }))
    const refusedForm = await within(dialog).findByRole('form', { name: 'Edit and merge' })
    expect(await within(refusedForm).findByText('Invalid input: expected int')).toBeTruthy()
    const priceAgain = within(refusedForm).getByLabelText('priceCents') as HTMLInputElement
    expect(priceAgain.value).toBe('2.5')
    expect(priceAgain.getAttribute('aria-invalid')).toBe('true')

    fireEvent.change(priceAgain, { target: { value: '275' } })
    fireEvent.submit(refusedForm)
    expect(within(dialog).getByRole('group', { name: 'Save the merged Green tea?' })).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Settle it' }))
    expect(await screen.findByText('Green tea is settled.')).toBeTruthy()
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    const posts = server.seen.filter((request) => request.method === 'POST')
    expect(posts.map((request) => request.body)).toEqual([
      { resolution: 'merge', data: { id: productId, name: 'Green & black tea', priceCents: 2.5 } },
      { resolution: 'merge', data: { id: productId, name: 'Green & black tea', priceCents: 275 } },
    ])
  })

  it('says so when a conflict was settled elsewhere meanwhile', async () => {
    server.answer('GET', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', listPath, { status: 200, body: { conflicts: [conflict] } })
    server.answer('POST', paths.resolveConflict(conflict.conflictId), {
      status: 409,
      body: { code: 'ALREADY_RESOLVED', message: 'conflict already resolved' },
    })
    renderConflicts()
    fireEvent.click(await screen.findByRole('button', { name: 'Compare Green tea' }))
    const dialog = await screen.findByRole('dialog', { name: 'Green tea' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep server' }))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Settle it' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Refused: conflict already resolved',
    )
  })
})
