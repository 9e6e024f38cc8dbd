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

const airport = {
  ...mainStore,
  id: '7d9f1b3d-5f7a-4b9c-8d0e-2f4a6c8e0b1d',
  code: 'AIRPORT',
  name: 'Airport kiosk',
}
/** Another business's store, as a super admin's store list holds it: never offered here. */
const elsewhere = {
  ...mainStore,
  id: '8e0a2c4e-6a8b-4cad-9e1f-3a5b7d9f1c2e',
  tenantId: '9f1b3d5f-7b9d-4ebf-8f2a-4b6c8e0a2d3f',
  code: 'ELSEWHERE',
  name: 'Another business',
}
const noor = {
  id: '6b7c8d9e-0f1a-4b2c-9d3e-5f6071829305',
  version: 4,
  name: 'Noor',
  role: 'manager',
  isActive: true,
  storeIds: [mainStore.id],
  updatedAt: '2026-12-01T10:00:00.000Z',
}

let server: ContractServer
beforeEach(async () => {
  server = await startContractServer()
  server.answer('GET', routes.session, { status: 200, body: ownerSession })
  server.answer('GET', routes.stores, {
    status: 200,
    body: { stores: [mainStore, airport, elsewhere] },
  })
})
afterEach(async () => {
  cleanup()
  await server.close()
  applyLanguage('en', false)
})

function renderStaff() {
  render(
    <I18nextProvider i18n={i18n}>
      <SessionProvider http={{ baseUrl: server.baseUrl, fetch: nodeFetch }}>
        <MemoryRouter initialEntries={[`/staff?store=${mainStore.id}`]}>
          <App />
        </MemoryRouter>
      </SessionProvider>
    </I18nextProvider>,
  )
}

const storesGroup = (legend: string) => screen.getByRole('group', { name: legend })
const puts = () => server.seen.filter((request) => request.method === 'PUT')

describe('the staff page: the stores a person works in', () => {
  it('ticks a second store, asks for a PIN for it, shows a refusal under the stores, then saves both', async () => {
    applyLanguage('en', false)
    const saved = { ...noor, version: 5, storeIds: [mainStore.id, airport.id] }
    const answers = [
      {
        status: 403,
        body: {
          code: 'STAFF_SHARED',
          message: 'This person also works in stores you do not manage.',
          issues: [{ path: 'storeIds', message: 'shared' }],
        },
      },
      { status: 200, body: { employee: saved, isChanged: true } },
    ]
    server.answer('GET', catalogPaths.employees(mainStore.id), () => ({
      status: 200,
      body: { employees: [answers.length === 0 ? saved : noor] },
    }))
    server.answer('PUT', catalogPaths.employee(mainStore.id, noor.id), () => answers.shift()!)
    renderStaff()
    const row = (await screen.findAllByTestId('employee-row'))[0]!
    expect(row.textContent).toContain('MAIN')
    expect(row.textContent).not.toContain('AIRPORT')
    fireEvent.click(within(row).getByRole('button', { name: 'Edit Noor' }))
    await screen.findByRole('dialog')

    // Only this business's stores are offered; the person's store is ticked, no PIN asked yet.
    const group = storesGroup('Stores they work in')
    const boxes = within(group).getAllByRole('checkbox')
    expect(boxes.map((box) => box.parentElement?.textContent)).toEqual([
      'MAIN — Main Street',
      'AIRPORT — Airport kiosk',
    ])
    expect(boxes.map((box) => (box as HTMLInputElement).checked)).toEqual([true, false])
    expect(screen.queryByLabelText('PIN')).toBeNull()

    // A new store needs a PIN (unique there): refused here, nothing sent.
    fireEvent.click(within(group).getByLabelText('AIRPORT — Airport kiosk'))
    const submit = () =>
      fireEvent.submit(screen.getByRole('button', { name: 'Save' }).closest('form')!)
    submit()
    const pin = await screen.findByLabelText('PIN')
    await waitFor(() => expect(pin.getAttribute('aria-invalid')).toBe('true'))
    expect(document.getElementById(pin.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Enter a PIN to add this person to another store.',
    )
    expect(puts()).toEqual([])

    fireEvent.change(pin, { target: { value: '482910' } })
    submit()
    await within(storesGroup('Stores they work in')).findByText(
      'This person also works in stores you do not manage: an owner changes their name, role, status or PIN.',
    )
    submit()
    await screen.findByText('Noor saved. Registers get it at their next sync.')
    expect(puts().map((request) => request.body)).toEqual([
      {
        baseVersion: 4,
        name: 'Noor',
        role: 'manager',
        isActive: true,
        storeIds: [mainStore.id, airport.id],
        pin: '482910',
      },
      {
        baseVersion: 4,
        name: 'Noor',
        role: 'manager',
        isActive: true,
        storeIds: [mainStore.id, airport.id],
        pin: '482910',
      },
    ])
    await waitFor(() =>
      expect(screen.getAllByTestId('employee-row')[0]!.textContent).toContain('MAIN, AIRPORT'),
    )
    expect(document.body.textContent).not.toContain('482910')
  })

  it('takes a person out of a store without a PIN, in Arabic', async () => {
    applyLanguage('ar', false)
    const both = { ...noor, storeIds: [mainStore.id, airport.id] }
    server.answer('GET', catalogPaths.employees(mainStore.id), {
      status: 200,
      body: { employees: [both] },
    })
    server.answer('PUT', catalogPaths.employee(mainStore.id, noor.id), {
      status: 200,
      body: { employee: { ...both, storeIds: [mainStore.id], version: 5 }, isChanged: true },
    })
    renderStaff()
    const row = (await screen.findAllByTestId('employee-row'))[0]!
    fireEvent.click(within(row).getAllByRole('button')[0]!)
    await screen.findByRole('dialog')
    const group = storesGroup('المتاجر التي يعمل فيها')
    fireEvent.click(within(group).getByLabelText('AIRPORT — Airport kiosk'))
    expect(screen.queryByLabelText('الرمز السري')).toBeNull()
    fireEvent.submit(group.closest('form')!)
    await waitFor(() => expect(puts()).toHaveLength(1))
    expect(puts()[0]!.body).toEqual({
      baseVersion: 4,
      name: 'Noor',
      role: 'manager',
      isActive: true,
      storeIds: [mainStore.id],
    })
  })
})
