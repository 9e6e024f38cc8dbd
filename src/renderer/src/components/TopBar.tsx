import { useAppInfo } from '../appInfo'
import { SessionControls } from '../features/session/SessionControls'
import { isManagerRole, useSession } from '../features/session/useSession'
import { SyncBadge } from '../features/sync/SyncBadge'
import { Clock } from './Clock'

export type Page = 'register' | 'orders' | 'shift' | 'catalog' | 'sync' | 'settings'

const pages: { page: Page; label: string; isManagersOnly?: boolean }[] = [
  { page: 'register', label: 'Register' },
  { page: 'orders', label: 'Orders' },
  { page: 'shift', label: 'Shift' },
  { page: 'catalog', label: 'Catalog', isManagersOnly: true },
  { page: 'sync', label: 'Sync' },
  { page: 'settings', label: 'Settings' },
]

function entriesFor(canManage: boolean) {
  return pages.filter((entry) => canManage || !entry.isManagersOnly)
}

/** Whether the signed-in employee may open a screen; the catalog editor is for managers. */
export function isPageAllowed(page: Page, canManage: boolean): boolean {
  return entriesFor(canManage).some((entry) => entry.page === page)
}

interface TopBarProps {
  page: Page
  onNavigate: (page: Page) => void
}

export function TopBar({ page, onNavigate }: TopBarProps) {
  const info = useAppInfo()
  const { session } = useSession()
  const isSignedIn = session.employee !== null
  const canManage = isManagerRole(session.employee?.role)
  return (
    <header className="top-bar">
      <div className="top-bar-identity">
        <span className="top-bar-store" title={info.storeName}>
          {info.storeName}
        </span>
        <span className="top-bar-register" title={`Device ${info.deviceId}`}>
          Register {info.registerCode}
        </span>
      </div>
      {isSignedIn && (
        <nav aria-label="Main" className="top-bar-nav">
          {entriesFor(canManage).map((entry) => (
            <button
              key={entry.page}
              type="button"
              className="top-bar-nav-button"
              aria-current={entry.page === page ? 'page' : undefined}
              onClick={() => onNavigate(entry.page)}
            >
              {entry.label}
            </button>
          ))}
        </nav>
      )}
      <div className="top-bar-status">
        {isSignedIn && session.shift === null && (
          <button
            type="button"
            className="top-bar-no-shift"
            data-testid="no-shift"
            title="Selling needs an open shift: open one on the Shift screen"
            onClick={() => onNavigate('shift')}
          >
            No shift open
          </button>
        )}
        <SyncBadge onOpen={() => onNavigate('sync')} />
        <SessionControls />
        <Clock locale={info.locale} />
      </div>
    </header>
  )
}
