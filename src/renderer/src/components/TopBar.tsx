import { useAppInfo } from '../appInfo'
import { SyncBadge } from '../features/sync/SyncBadge'
import { Clock } from './Clock'

export type Page = 'register' | 'orders' | 'sync' | 'settings'

const pages: { page: Page; label: string }[] = [
  { page: 'register', label: 'Register' },
  { page: 'orders', label: 'Orders' },
  { page: 'sync', label: 'Sync' },
  { page: 'settings', label: 'Settings' },
]

interface TopBarProps {
  page: Page
  onNavigate: (page: Page) => void
}

export function TopBar({ page, onNavigate }: TopBarProps) {
  const info = useAppInfo()
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
      <nav aria-label="Main" className="top-bar-nav">
        {pages.map((entry) => (
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
      <div className="top-bar-status">
        <SyncBadge onOpen={() => onNavigate('sync')} />
        <Clock locale={info.locale} />
      </div>
    </header>
  )
}
