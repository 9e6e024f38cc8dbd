import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { AppInfoContext, type AppInfo } from './appInfo'
import { ErrorAlert } from './components/ErrorAlert'
import { isPageAllowed, TopBar, type Page } from './components/TopBar'
import { ApprovalProvider } from './features/approval/ApprovalProvider'
import { CatalogScreen } from './features/catalog/CatalogScreen'
import { OrdersScreen } from './features/orders/OrdersScreen'
import { RegisterPage } from './features/register/RegisterPage'
import { LockScreen } from './features/session/LockScreen'
import { SessionProvider } from './features/session/SessionProvider'
import { useIdleLock } from './features/session/useIdleLock'
import { isManagerRole, useSession } from './features/session/useSession'
import { SettingsScreen } from './features/settings/SettingsScreen'
import { ShiftPage } from './features/shift/ShiftPage'
import { SyncScreen } from './features/sync/SyncScreen'
import { SyncStatusContext, useSyncStatusSource } from './features/sync/syncStatus'
import { errorMessage, pos } from './pos'

type Startup =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; info: AppInfo }

export function App() {
  const [startup, setStartup] = useState<Startup>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let isCurrent = true
    pos.invoke('app:info').then(
      (info) => {
        if (isCurrent) setStartup({ status: 'ready', info })
      },
      (error: unknown) => {
        if (isCurrent)
          setStartup({
            status: 'failed',
            message: `Could not reach the register: ${errorMessage(error)}`,
          })
      },
    )
    return () => {
      isCurrent = false
    }
  }, [attempt])

  switch (startup.status) {
    case 'loading':
      return (
        <main className="startup">
          <h1 className="startup-title">AuraFlow POS</h1>
          <div className="spinner spinner-large" aria-hidden="true" />
          <p role="status">Starting the register…</p>
        </main>
      )
    case 'failed':
      return (
        <main className="startup">
          <h1 className="startup-title">AuraFlow POS</h1>
          <ErrorAlert
            message={startup.message}
            onRetry={() => {
              setStartup({ status: 'loading' })
              setAttempt((count) => count + 1)
            }}
          />
        </main>
      )
    case 'ready':
      return (
        <AppInfoContext.Provider value={startup.info}>
          <SessionProvider>
            <Shell />
          </SessionProvider>
        </AppInfoContext.Provider>
      )
    default: {
      const unknownStatus: never = startup
      return unknownStatus
    }
  }
}

/**
 * The register's frame. The register page stays mounted (hidden) through other screens and the
 * lock screen, so a cart survives a visit to Orders or an idle lock.
 */
function Shell() {
  const { session, lock } = useSession()
  const [page, setPage] = useState<Page>('register')
  const [findOrderNumber, setFindOrderNumber] = useState<string | null>(null)
  const syncStatus = useSyncStatusSource()
  const isSignedIn = session.employee !== null
  // A cashier signing in after a manager lands on the register, not in the catalog editor.
  const shownPage = isPageAllowed(page, isManagerRole(session.employee?.role)) ? page : 'register'

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

  const openOrder = useCallback((orderNumber: string) => {
    setFindOrderNumber(orderNumber)
    setPage('orders')
  }, [])

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
    case 'catalog':
      screen = <CatalogScreen />
      break
    case 'sync':
      screen = <SyncScreen onOpenSettings={() => setPage('settings')} />
      break
    case 'settings':
      screen = <SettingsScreen />
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
          <TopBar page={shownPage} onNavigate={setPage} />
          <main className="app-main">
            <RegisterPage
              visible={shownPage === 'register' && isSignedIn}
              onOpenOrder={openOrder}
            />
            {isSignedIn && screen}
          </main>
        </div>
        {!isSignedIn && <LockScreen />}
      </ApprovalProvider>
    </SyncStatusContext.Provider>
  )
}
