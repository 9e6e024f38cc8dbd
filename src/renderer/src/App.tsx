import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { AppInfoContext } from './appInfo'
import { ErrorAlert } from './components/ErrorAlert'
import { useLoad } from './hooks/useLoad'
import { PrintBanner } from './components/PrintBanner'
import { isPageAllowed, TopBar, type Page } from './components/TopBar'
import { ApprovalProvider } from './features/approval/ApprovalProvider'
import { CatalogScreen } from './features/catalog/CatalogScreen'
import { ManagerScreen } from './features/manager/ManagerScreen'
import { OrdersScreen } from './features/orders/OrdersScreen'
import { RegisterPage } from './features/register/RegisterPage'
import { SkipToCart } from './features/register/SkipToCart'
import { LockScreen } from './features/session/LockScreen'
import { SessionProvider } from './features/session/SessionProvider'
import { useIdleLock } from './features/session/useIdleLock'
import { isManagerRole, useSession } from './features/session/useSession'
import {
  isStationMode,
  RegisterConfigContext,
  useRegisterConfig,
  useRegisterConfigSource,
} from './features/settings/registerConfig'
import { SettingsScreen } from './features/settings/SettingsScreen'
import { ShiftPage } from './features/shift/ShiftPage'
import { StationScreen } from './features/station/StationScreen'
import { StockScreen } from './features/stock/StockScreen'
import { SyncScreen } from './features/sync/SyncScreen'
import { SyncStatusContext, useSyncStatusSource } from './features/sync/syncStatus'
import { DigitsContext, useTranslation } from './i18n'
import { pos } from './pos'

export function App() {
  const { t } = useTranslation('shell')
  const info = useLoad(() => pos.invoke('app:getInfo'), [])
  // Read first of all, so even the start-up and lock screens speak the register's language.
  const registerConfig = useRegisterConfigSource()

  if (info.data)
    return (
      <AppInfoContext.Provider value={info.data}>
        <RegisterConfigContext.Provider value={registerConfig}>
          <DigitsContext.Provider value={registerConfig.config?.digits ?? 'latn'}>
            <SessionProvider>
              <Shell />
            </SessionProvider>
          </DigitsContext.Provider>
        </RegisterConfigContext.Provider>
      </AppInfoContext.Provider>
    )
  if (info.error && !info.isLoading)
    return (
      <main className="startup">
        <h1 className="startup-title">AuraFlow POS</h1>
        <ErrorAlert message={t('startFailed', { reason: info.error })} onRetry={info.reload} />
      </main>
    )
  return (
    <main className="startup">
      <h1 className="startup-title">AuraFlow POS</h1>
      <div className="spinner spinner-large" aria-hidden="true" />
      <p role="status">{t('starting')}</p>
    </main>
  )
}
/**
 * Only the lock screen until someone first signs in: main answers a locked register nothing but
 * who and where it is, so the screens behind (and their loads) wait for the first sign-in.
 */
function Shell() {
  const { session } = useSession()
  const [hasSignedIn, setHasSignedIn] = useState(false)
  if (session.employee !== null && !hasSignedIn) setHasSignedIn(true)
  return hasSignedIn ? <SignedInShell /> : <LockScreen />
}

/**
 * The register's frame. The register page stays mounted (hidden) through other screens and the
 * lock screen, so the page's state survives a visit to Orders; a lock parks the cart under its
 * owner (useCartOwnership).
 */
function SignedInShell() {
  const { t } = useTranslation('shell')
  const { session, lock } = useSession()
  const { config } = useRegisterConfig()
  const isStation = isStationMode(config)
  // Null until the employee picks a screen: a station opens on its print jobs, a till on the register.
  const [page, setPage] = useState<Page | null>(null)
  const [findOrderNumber, setFindOrderNumber] = useState<string | null>(null)
  const syncStatus = useSyncStatusSource()
  const isSignedIn = session.employee !== null
  const homePage: Page = isStation ? 'station' : 'register'
  const access = { canManage: isManagerRole(session.employee?.role), isStation }
  const requestedPage = page ?? homePage
  // A cashier signing in after a manager lands on the home screen, not in the catalog editor.
  const shownPage = isPageAllowed(requestedPage, access) ? requestedPage : homePage

  const lockWhenIdle = useCallback(() => void lock(), [lock])
  useIdleLock(session.idleLockSeconds, isSignedIn, lockWhenIdle)

  // The search shortcuts also work from the other screens: they bring the cashier back to ring up.
  useEffect(() => {
    if (shownPage === 'register' || !isSignedIn) return
    function backToRegister(event: KeyboardEvent) {
      const isTyping =
        event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement
      if (event.key === 'F2' || (event.key === '/' && !isTyping)) {
        event.preventDefault()
        setPage('register')
      }
    }
    window.addEventListener('keydown', backToRegister)
    return () => window.removeEventListener('keydown', backToRegister)
  }, [shownPage, isSignedIn])

  function openOrder(orderNumber: string) {
    setFindOrderNumber(orderNumber)
    setPage('orders')
  }

  let screen: ReactNode = null
  switch (shownPage) {
    case 'register':
      break
    case 'orders':
      screen = (
        <OrdersScreen findOrderNumber={findOrderNumber} onFound={() => setFindOrderNumber(null)} />
      )
      break
    case 'shift':
      screen = <ShiftPage />
      break
    case 'stock':
      screen = <StockScreen />
      break
    case 'catalog':
      screen = <CatalogScreen />
      break
    case 'sync':
      screen = <SyncScreen onOpenSettings={() => setPage('settings')} />
      break
    case 'settings':
      screen = <SettingsScreen />
      break
    case 'manager':
      screen = <ManagerScreen />
      break
    case 'station':
      screen = <StationScreen />
      break
    default: {
      const unknownPage: never = shownPage
      screen = unknownPage
    }
  }

  return (
    <SyncStatusContext.Provider value={syncStatus}>
      <ApprovalProvider>
        <div className="app">
          {shownPage === 'register' && isSignedIn && <SkipToCart />}
          <TopBar page={shownPage} isStation={isStation} onNavigate={setPage} />
          <div className="app-body">
            {isSignedIn && <PrintBanner onOpenJobs={() => setPage('station')} />}
            <main className="app-main">
              {/* One h1 per screen, named as in the navigation; each screen's headings start at h2. */}
              {isSignedIn && <h1 className="visually-hidden">{t(`nav.${shownPage}`)}</h1>}
              <RegisterPage
                visible={shownPage === 'register' && isSignedIn}
                onOpenOrder={openOrder}
                onOpenShift={() => setPage('shift')}
              />
              {isSignedIn && screen}
            </main>
          </div>
        </div>
        {!isSignedIn && <LockScreen />}
      </ApprovalProvider>
    </SyncStatusContext.Provider>
  )
}
