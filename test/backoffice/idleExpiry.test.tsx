// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { backofficePaths as routes } from '../../src/shared/backoffice/api'
import { App } from '../../src/backoffice/src/App'
import { SessionProvider } from '../../src/backoffice/src/features/session/SessionProvider'
import { applyLanguage, i18n } from '../../src/backoffice/src/i18n'
import { nodeFetch, startContractServer, type ContractServer } from './support/contractServer'
import { mainStore, ownerSession } from './support/fixtures'

let server: ContractServer
beforeEach(async () => {
  applyLanguage('en', false)
  server = await startContractServer()
  // Only the page's clock is fake, and it still runs: the idle wait is skipped, not the I/O.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true })
})
afterEach(async () => {
  vi.useRealTimers()
  cleanup()
  await server.close()
})

describe('idle expiry', () => {
  it('an idle page asks the server after the idle time and shows sign in when the session is gone', async () => {
    server.answer('GET', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
    render(
      <I18nextProvider i18n={i18n}>
        <SessionProvider http={{ baseUrl: server.baseUrl, fetch: nodeFetch }}>
          <MemoryRouter initialEntries={['/stores']}>
            <App />
          </MemoryRouter>
        </SessionProvider>
      </I18nextProvider>,
    )
    expect(await screen.findByText('Main Street')).toBeTruthy()
    const checksBefore = server.seen.filter((request) => request.path === routes.session).length

    // Not yet idle: nothing is asked.
    await act(() => vi.advanceTimersByTimeAsync((ownerSession.idleMinutes - 1) * 60_000))
    expect(server.seen.filter((request) => request.path === routes.session)).toHaveLength(
      checksBefore,
    )

    // The server ended the session meanwhile; past the idle time the page asks once and signs out.
    server.answer('GET', routes.session, {
      status: 401,
      body: { code: 'UNAUTHORIZED', message: 'not signed in' },
    })
    await act(() => vi.advanceTimersByTimeAsync(2 * 60_000))
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe('Your session ended. Sign in again.')
  })
})
