import { useAppInfo } from '../appInfo'
import { useLocale, useTranslation } from '../i18n'
import { SessionControls } from '../features/session/SessionControls'
import { isManagerRole, useSession } from '../features/session/useSession'
import { SyncBadge } from '../features/sync/SyncBadge'
import { Clock } from './Clock'

export type Page =
  | 'register'
  | 'orders'
  | 'shift'
  | 'stock'
  | 'catalog'
  | 'sync'
  | 'settings'
  | 'manager'
  | 'station'

interface PageEntry {
  page: Page
  isManagersOnly?: boolean
  /** Listed only on a receipt or kitchen station (other registers reach it from the print banner). */
  isStationOnly?: boolean
}

// The order of the main navigation; the labels are nav.<page> in the shell namespace.
const pages: PageEntry[] = [
  { page: 'station', isStationOnly: true },
  { page: 'register' },
  { page: 'orders' },
  { page: 'shift' },
  { page: 'stock' },
  { page: 'catalog', isManagersOnly: true },
  { page: 'manager', isManagersOnly: true },
  { page: 'sync' },
  { page: 'settings' },
]

export interface NavAccess {
  canManage: boolean
  isStation: boolean
}

function entriesFor({ canManage, isStation }: NavAccess) {
  return pages.filter(
    (entry) => (canManage || !entry.isManagersOnly) && (isStation || !entry.isStationOnly),
  )
}

/**
 * Whether the signed-in employee may open a screen: the catalog editor and the manager console are
 * for managers; the print jobs screen is open to all (the print banner links to it everywhere).
 */
export function isPageAllowed(page: Page, access: NavAccess): boolean {
  if (page === 'station') return true
  return entriesFor(access).some((entry) => entry.page === page)
}

interface TopBarProps {
  page: Page
  isStation: boolean
  onNavigate: (page: Page) => void
}

export function TopBar({ page, isStation, onNavigate }: TopBarProps) {
  const info = useAppInfo()
  const { t } = useTranslation('shell')
  const locale = useLocale(info.locale)
  const { session } = useSession()
  const isSignedIn = session.employee !== null
  const canManage = isManagerRole(session.employee?.role)
  return (
    <header className="top-bar">
      <div className="top-bar-identity">
        <span className="top-bar-store" title={info.storeName}>
          {info.storeName}
        </span>
        <span className="top-bar-register" title={t('deviceTitle', { deviceId: info.deviceId })}>
          {t('registerCode', { code: info.registerCode })}
        </span>
      </div>
      {isSignedIn && (
        <nav aria-label={t('navLabel')} className="top-bar-nav">
          {entriesFor({ canManage, isStation }).map((entry) => (
            <button
              key={entry.page}
              type="button"
              className="top-bar-nav-button"
              aria-current={entry.page === page ? 'page' : undefined}
              onClick={() => onNavigate(entry.page)}
            >
              {t(`nav.${entry.page}`)}
            </button>
          ))}
        </nav>
      )}
      <div className="top-bar-status">
        {isSignedIn && session.shift === null && !isStation && (
          <button
            type="button"
            className="top-bar-no-shift"
            data-testid="no-shift"
            title={t('noShiftTitle')}
            onClick={() => onNavigate('shift')}
          >
            {t('noShift')}
          </button>
        )}
        <SyncBadge onOpen={() => onNavigate('sync')} />
        <SessionControls />
        <Clock locale={locale} />
      </div>
    </header>
  )
}
