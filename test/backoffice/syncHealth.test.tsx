// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../src/backoffice/src/App'
import { SessionProvider } from '../../src/backoffice/src/features/session/SessionProvider'
import { applyLanguage, i18n } from '../../src/backoffice/src/i18n'
import { backofficePaths as routes } from '../../src/shared/backoffice/api'
import {
  healthVerdict,
  syncHealthPaths as paths,
  type RegisterHealth,
  type SyncHealthReply,
} from '../../src/shared/backoffice/syncHealth'
import { nodeFetch, startContractServer, type ContractServer } from './support/contractServer'
import { mainStore, ownerSession } from './support/fixtures'

let server: ContractServer
beforeEach(async () => {
  applyLanguage('en', false)
  server = await startContractServer()
  // The page's clock is fake but still runs: the 10 s wait is skipped, not the HTTP.
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    shouldAdvanceTime: true,
  })
})
afterEach(async () => {
  vi.useRealTimers()
  cleanup()
  await server.close()
})

function register(
  name: string,
  verdict: RegisterHealth['verdict'],
  overrides: Partial<RegisterHealth> = {},
): RegisterHealth {
  return {
    deviceId: `d-${name}`,
    name,
    role: 'register',
    isRevoked: false,
    lastSeenAt: new Date().toISOString(),
    cursorSeq: 10,
    cursorLag: 0,
    openConflicts: 0,
    rejectedRecords: 0,
    pending: 0,
    oldestPendingAt: null,
    deadRecords: 0,
    deadReasons: [],
    registerCode: null,
    appVersion: '1.4.2',
    reportedAt: null,
    isConnected: true,
    verdict,
    ...overrides,
  }
}

const mallId = '7d6c5b4a-3f2e-4d1c-9b8a-7f6e5d4c3b2a'

function healthReply(firstVerdict: RegisterHealth['verdict']): SyncHealthReply {
  return {
    checkedAt: new Date().toISOString(),
    stores: [
      {
        storeId: mainStore.id,
        code: 'MAIN',
        name: 'Main Street',
        headSeq: 12,
        openConflicts: 1,
        registers: [
          register('Till 1', firstVerdict),
          register('Till 2', 'refused', {
            deadRecords: 1,
            deadReasons: [{ label: 'Sale MAIN-2-7', reason: 'a COMPLETED sale cannot be deleted' }],
          }),
        ],
      },
      {
        storeId: mallId,
        code: 'MALL',
        name: 'City Mall',
        headSeq: 3,
        openConflicts: 0,
        registers: [register('Kiosk', 'offline', { lastSeenAt: null, isConnected: false })],
      },
    ],
  }
}

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

const verdictOf = (row: HTMLElement) =>
  row.querySelector('[data-verdict]')?.getAttribute('data-verdict')

describe('the health verdict', () => {
  const now = Date.parse('2026-12-02T10:00:00Z')
  const seen = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString()
  const base = {
    isRevoked: false,
    lastSeenAt: seen(0),
    cursorLag: 0,
    pending: 0,
    deadRecords: 0,
    isConnected: true,
  }

  it('names the worst thing first', () => {
    expect(healthVerdict(base, now)).toBe('ok')
    expect(healthVerdict({ ...base, cursorLag: 3 }, now)).toBe('behind')
    expect(healthVerdict({ ...base, pending: 2 }, now)).toBe('behind')
    expect(healthVerdict({ ...base, isConnected: false, lastSeenAt: seen(5) }, now)).toBe('stale')
    // A live connection is not stale however long since its last request.
    expect(healthVerdict({ ...base, lastSeenAt: seen(5) }, now)).toBe('ok')
    expect(healthVerdict({ ...base, isConnected: false, lastSeenAt: seen(20) }, now)).toBe(
      'offline',
    )
    expect(healthVerdict({ ...base, isConnected: false, lastSeenAt: null }, now)).toBe('offline')
    expect(
      healthVerdict({ ...base, deadRecords: 1, isConnected: false, lastSeenAt: null }, now),
    ).toBe('refused')
    expect(healthVerdict({ ...base, isRevoked: true, deadRecords: 1 }, now)).toBe('revoked')
  })
})

describe('the sync health page', () => {
  it('shows every store’s registers with the verdict in words, and refreshes every 10 s', async () => {
    let reads = 0
    server.answer('GET', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', paths.syncHealth, () => {
      reads += 1
      return { status: 200, body: healthReply(reads === 1 ? 'ok' : 'behind') }
    })
    renderAt('/sync-health')

    expect(await screen.findByRole('heading', { level: 1, name: 'Sync health' })).toBeTruthy()
    const stores = await screen.findAllByTestId('health-store')
    expect(stores.map((store) => within(store).getByRole('heading').textContent)).toEqual([
      'MAIN — Main Street',
      'MALL — City Mall',
    ])
    const mainRows = within(stores[0]!).getAllByTestId('health-row')
    expect(mainRows.map(verdictOf)).toEqual(['ok', 'refused'])
    expect(mainRows[0]!.textContent).toContain('OK')
    expect(mainRows[1]!.textContent).toContain('Has refused work')
    // The refused change's reason opens from the keyboard (a summary is focusable).
    const summary = mainRows[1]!.querySelector('summary')!
    expect(summary.textContent).toBe('1')
    expect(mainRows[1]!.textContent).toContain('a COMPLETED sale cannot be deleted')
    const mallRows = within(stores[1]!).getAllByTestId('health-row')
    expect(mallRows.map(verdictOf)).toEqual(['offline'])
    expect(mallRows[0]!.textContent).toContain('Offline')
    expect(mallRows[0]!.textContent).toContain('Never')
    expect(mallRows[0]!.textContent).toContain('Not connected')
    // The open conflict is a link to the queue.
    expect(
      within(stores[0]!).getByRole('link', { name: 'Open conflicts: 1' }).getAttribute('href'),
    ).toBe('/conflicts')
    expect(screen.getByTestId('health-updated').textContent).toBe('Updated now')
    // The wide table's scrolling box is reachable with Tab.
    const table = within(stores[0]!).getByRole('region', {
      name: 'Registers of MAIN — Main Street',
    })
    expect(table.tabIndex).toBe(0)

    await act(() => vi.advanceTimersByTimeAsync(5_000))
    expect(screen.getByTestId('health-updated').textContent).toBe('Updated 5 seconds ago')
    expect(reads).toBe(1)

    await act(() => vi.advanceTimersByTimeAsync(5_500))
    await vi.waitFor(() => expect(reads).toBe(2))
    await vi.waitFor(() =>
      expect(
        verdictOf(
          within(screen.getAllByTestId('health-store')[0]!).getAllByTestId('health-row')[0]!,
        ),
      ).toBe('behind'),
    )
    expect(screen.getByTestId('health-updated').textContent).toBe('Updated now')

    // A failed refresh keeps the last figures and says so.
    server.answer('GET', paths.syncHealth, {
      status: 500,
      body: { code: 'INTERNAL', message: 'internal error' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Refresh now' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Could not refresh')
    expect(screen.getAllByTestId('health-row')).toHaveLength(3)
  })

  it('reads in Arabic, right to left', async () => {
    applyLanguage('ar', false)
    server.answer('GET', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', paths.syncHealth, { status: 200, body: healthReply('ok') })
    renderAt('/sync-health')
    expect(await screen.findByRole('heading', { level: 1, name: 'حالة المزامنة' })).toBeTruthy()
    expect(document.documentElement.dir).toBe('rtl')
    const rows = await screen.findAllByTestId('health-row')
    expect(rows[1]!.textContent).toContain('لديها عمل مرفوض')
    expect(screen.getByRole('link', { name: 'حالة المزامنة' })).toBeTruthy()
  })
})
