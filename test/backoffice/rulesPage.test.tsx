// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CSRF_HEADER, backofficePaths as routes } from '../../src/shared/backoffice/api'
import { rulesPaths, type AdminStoreRulesReply } from '../../src/shared/backoffice/rules'
import { StoreOptions } from '../../src/shared/store/options'
import { App } from '../../src/backoffice/src/App'
import { SessionProvider } from '../../src/backoffice/src/features/session/SessionProvider'
import { applyLanguage, i18n } from '../../src/backoffice/src/i18n'
import { nodeFetch, startContractServer, type ContractServer } from './support/contractServer'
import { mainStore, ownerSession } from './support/fixtures'

let server: ContractServer
const path = rulesPaths.rules(mainStore.id)
const defaults = StoreOptions.parse({})
const stored: AdminStoreRulesReply = {
  storeId: mainStore.id,
  version: 3,
  rules: { ...defaults, discountLimitPercent: 15, closeShiftVarianceCents: 750 },
  updatedAt: '2026-12-01T10:00:00.000Z',
}

beforeEach(async () => {
  applyLanguage('en', false)
  server = await startContractServer()
  server.answer('GET', routes.session, { status: 200, body: ownerSession })
  server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
  server.answer('GET', path, { status: 200, body: stored })
})
afterEach(async () => {
  cleanup()
  await server.close()
})

function renderRules() {
  render(
    <I18nextProvider i18n={i18n}>
      <SessionProvider http={{ baseUrl: server.baseUrl, fetch: nodeFetch }}>
        <MemoryRouter initialEntries={['/rules']}>
          <App />
        </MemoryRouter>
      </SessionProvider>
    </I18nextProvider>,
  )
}

/** The message shown for a control: the element its aria-describedby names. */
function messageOf(field: HTMLElement): string | null {
  const id = field.getAttribute('aria-describedby')
  return id ? (document.getElementById(id)?.textContent ?? null) : null
}

const puts = () => server.seen.filter((request) => request.method === 'PUT')
const submit = () => fireEvent.submit(screen.getByRole('button', { name: 'Save rules' }))

describe('the store rules page', () => {
  it('shows the stored rules in words, adds a tender and saves the whole set with its version', async () => {
    server.answer('PUT', path, (request) => ({
      status: 200,
      body: {
        ...stored,
        version: 4,
        rules: { ...(request.body as object), baseVersion: undefined },
        isChanged: true,
      },
    }))
    renderRules()
    expect(await screen.findByText('Version 3')).toBeTruthy()
    expect((screen.getByLabelText('Discount limit (%)') as HTMLInputElement).value).toBe('15')
    expect((screen.getByLabelText('Refunds') as HTMLInputElement).checked).toBe(true)
    expect((screen.getByLabelText('Closing a shift') as HTMLInputElement).checked).toBe(false)
    expect((screen.getByLabelText('Bill or coin 1') as HTMLInputElement).value).toBe('100.00')
    const allowance = screen.getByLabelText(
      'Ask again when the drawer is over or short by more than',
    ) as HTMLInputElement
    expect(allowance.value).toBe('7.50')
    fireEvent.change(allowance, { target: { value: '12.25' } })

    fireEvent.click(screen.getByLabelText('Refunds'))
    fireEvent.change(screen.getByLabelText('Discount limit (%)'), { target: { value: '10' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add a way to pay' }))
    fireEvent.change(screen.getByLabelText('Name of way to pay 4'), {
      target: { value: 'Gift card' },
    })
    fireEvent.click(screen.getByLabelText('Way to pay 4 needs a reference'))
    fireEvent.click(screen.getByRole('button', { name: 'Remove prefix 2' }))
    submit()

    expect(await screen.findByText('Saved. Registers apply the rules at their next sync.'))
    const [put] = puts()
    expect(put!.headers[CSRF_HEADER]).toBe(ownerSession.csrfToken)
    expect(put!.body).toMatchObject({
      baseVersion: 3,
      discountLimitPercent: 10,
      approvals: defaults.approvals.filter((action) => action !== 'refund'),
      embeddedBarcodes: [{ prefix: '21', kind: 'weight' }],
      denominationsCents: defaults.denominationsCents,
      closeShiftVarianceCents: 1_225,
    })
    expect((put!.body as StoreOptions).tenderMethods.at(-1)).toEqual({
      id: 'gift-card',
      kind: 'other',
      label: 'Gift card',
      requiresReference: true,
    })
    expect(screen.getByText('Version 4')).toBeTruthy()
  })

  it('checks the form before sending: the failing fields are marked and focused', async () => {
    renderRules()
    await screen.findByText('Version 3')
    fireEvent.change(screen.getByLabelText('Discount limit (%)'), { target: { value: '120' } })
    fireEvent.change(screen.getByLabelText('Prefix 1'), { target: { value: '31' } })
    fireEvent.change(
      screen.getByLabelText('Ask again when the drawer is over or short by more than'),
      { target: { value: '5.001' } },
    )
    submit()
    const limit = screen.getByLabelText('Discount limit (%)')
    await waitFor(() => expect(limit.getAttribute('aria-invalid')).toBe('true'))
    expect(messageOf(limit)).toBe('Enter a percentage from 0 to 100.')
    expect(messageOf(screen.getByLabelText('Prefix 1'))).toBe('A prefix is 20 to 29.')
    expect(
      messageOf(screen.getByLabelText('Ask again when the drawer is over or short by more than')),
    ).toBe('Enter an amount of 0 or more.')
    expect(document.activeElement).toBe(limit)
    expect(puts()).toEqual([])
  })

  it("shows the server's field errors beside the failing row, and a stale save's way out", async () => {
    const answers = [
      {
        status: 400,
        body: {
          code: 'VALIDATION',
          message: 'tenderMethods.1.label: too long',
          issues: [{ path: 'tenderMethods.1.label', message: 'too long' }],
        },
      },
      {
        status: 409,
        body: { code: 'VERSION_CONFLICT', message: 'this storeRules changed since it was loaded' },
      },
    ]
    server.answer('PUT', path, () => answers.shift()!)
    renderRules()
    await screen.findByText('Version 3')
    submit()
    const card = screen.getByLabelText('Name of way to pay 2')
    await waitFor(() => expect(card.getAttribute('aria-invalid')).toBe('true'))
    expect(messageOf(card)).toBe('Enter a name (up to 40 characters).')
    expect(screen.getByLabelText('Name of way to pay 1').getAttribute('aria-invalid')).toBeNull()
    submit()
    expect(await screen.findByText(/Someone saved these rules after you opened them/)).toBeTruthy()
    server.answer('GET', path, { status: 200, body: { ...stored, version: 5 } })
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }))
    expect(await screen.findByText('Version 5')).toBeTruthy()
  })

  it('reads in Arabic, right to left', async () => {
    applyLanguage('ar', false)
    renderRules()
    expect(await screen.findByRole('heading', { level: 1, name: 'قواعد المتجر' })).toBeTruthy()
    const tenders = await screen.findByTestId('tenders')
    expect(within(tenders).getByText('طرق الدفع')).toBeTruthy()
    expect(document.documentElement.dir).toBe('rtl')
  })
})
