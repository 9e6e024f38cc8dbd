// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backofficePaths as routes } from '../../src/shared/backoffice/api'
import type { AuditReply, AuditRow } from '../../src/shared/backoffice/audit'
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
})
afterEach(async () => {
  cleanup()
  await server.close()
})

const pad = (value: number) => String(value).padStart(2, '0')
const now = new Date()
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
const dana = '7a1c2e3f-4b5d-4c6e-8f70-8192a3b4c5d6'
const till = '8b2d3f40-5c6e-4d7f-9081-92a3b4c5d6e7'

const row = (id: string, fields: Partial<AuditRow>): AuditRow => ({
  id,
  storeId: mainStore.id,
  storeName: 'Main Street',
  registerId: till,
  register: 'Front 1',
  when: '2026-12-02T15:00:00.000000Z',
  whenLocal: '2026-12-02 10:00',
  action: 'refund.created',
  actionLabel: 'Refund',
  description: 'Sam refunded $12.50 on order R1-0042 to cash: spilt, approved by Dana (manager)',
  who: 'Sam',
  employeeId: null,
  approvedBy: 'Dana (manager)',
  amountCents: 1250,
  amount: '$12.50',
  currency: 'USD',
  ...fields,
})

const firstPage: AuditReply = {
  from: today,
  to: today,
  storeIds: [mainStore.id],
  rows: [row('e1', {})],
  nextCursor: '2026-12-02T15:00:00.000000Z|2c4e6a80-1b3d-4f5a-8c7e-9d0f1a2b3c4d|e1',
}
const secondPage: AuditReply = {
  ...firstPage,
  rows: [
    row('e2', {
      action: 'shift.opened',
      actionLabel: 'Shift opened',
      description: 'Dana opened a shift with $100.00 in the drawer',
      who: 'Dana',
      approvedBy: '',
      amount: '$100.00',
      amountCents: 10000,
    }),
  ],
  nextCursor: null,
}

function renderAt(path: string) {
  server.answer('GET', routes.session, { status: 200, body: ownerSession })
  server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
  server.answer('GET', catalogPaths.employees(mainStore.id), {
    status: 200,
    body: {
      employees: [
        {
          id: dana,
          version: 1,
          name: 'Dana',
          role: 'manager',
          isActive: true,
          storeIds: [mainStore.id],
          updatedAt: today,
        },
      ],
    },
  })
  server.answer('GET', `/api/admin/registers?storeId=${mainStore.id}`, {
    status: 200,
    body: {
      registers: [
        {
          id: till,
          storeId: mainStore.id,
          name: 'Front 1',
          role: 'register',
          lastSeenAt: null,
          appVersion: null,
          pending: null,
          refused: null,
          revokedAt: null,
          createdAt: today,
        },
      ],
    },
  })
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

const auditRequests = () =>
  server.seen.filter((seen) => seen.path.startsWith('/api/admin/audit')).map((seen) => seen.path)

describe('the audit log page', () => {
  it("shows today's log in words, loads more, and links the CSV of the same filter", async () => {
    const query = `from=${today}&to=${today}&lang=en`
    server.answer('GET', `/api/admin/audit?${query}`, { status: 200, body: firstPage })
    server.answer(
      'GET',
      `/api/admin/audit?${query}&cursor=${encodeURIComponent(firstPage.nextCursor!)}`,
      { status: 200, body: secondPage },
    )
    renderAt('/audit')

    const [first] = await screen.findAllByTestId('audit-row')
    expect(first!.textContent).toContain(
      'Sam refunded $12.50 on order R1-0042 to cash: spilt, approved by Dana (manager)',
    )
    expect(first!.textContent).toContain('Front 1')
    expect(screen.getByRole('link', { name: 'Audit log' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
      `/api/admin/audit?from=${today}&to=${today}&lang=en&format=csv`,
    )

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }))
    await screen.findByText('Dana opened a shift with $100.00 in the drawer')
    expect(screen.getAllByTestId('audit-row')).toHaveLength(2)
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
  })

  it('asks the server with the filters picked', async () => {
    const base = `from=${today}&to=${today}`
    server.answer('GET', `/api/admin/audit?${base}&lang=en`, { status: 200, body: firstPage })
    const filtered = `${base}&action=refund.created&employeeId=${dana}&registerId=${till}&q=spilt&lang=en`
    server.answer('GET', `/api/admin/audit?${filtered}`, {
      status: 200,
      body: { ...firstPage, nextCursor: null },
    })
    renderAt('/audit')
    await screen.findAllByTestId('audit-row')
    await screen.findByRole('option', { name: 'Dana' })

    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'refund.created' } })
    fireEvent.change(screen.getByLabelText('Employee'), { target: { value: dana } })
    fireEvent.change(screen.getByLabelText('Register'), { target: { value: till } })
    fireEvent.change(screen.getByLabelText('Words'), { target: { value: 'spilt' } })
    fireEvent.click(screen.getByRole('button', { name: 'Show' }))

    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50))
    })
    expect(auditRequests()).toContain(`/api/admin/audit?${filtered}`)
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
      `/api/admin/audit?${base}&action=refund.created&employeeId=${dana}&registerId=${till}&q=spilt&lang=en&format=csv`,
    )
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
  })

  it('asks for the words in Arabic when the page is in Arabic', async () => {
    applyLanguage('ar', false)
    server.answer('GET', `/api/admin/audit?from=${today}&to=${today}&lang=ar`, {
      status: 200,
      body: { ...firstPage, rows: [row('e1', { actionLabel: 'استرداد' })], nextCursor: null },
    })
    renderAt('/audit')
    const [first] = await screen.findAllByTestId('audit-row')
    expect(first!.textContent).toContain('استرداد')
    expect(screen.getByRole('heading', { name: 'سجل التدقيق' })).toBeTruthy()
  })
})
