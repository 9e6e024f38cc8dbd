import { useCallback, useEffect, useState, type ReactNode } from 'react'
import type { Cents } from '../../shared/domain'
import { AppInfoContext, type AppInfo } from './appInfo'
import { ErrorAlert } from './components/ErrorAlert'
import { TopBar, type Page } from './components/TopBar'
import { OrdersScreen } from './features/orders/OrdersScreen'
import { useCart } from './features/register/cart'
import { RegisterScreen } from './features/register/RegisterScreen'
import type { CompletedSale } from './features/register/SaleConfirmation'
import { useCatalog } from './features/register/useCatalog'
import { SettingsScreen } from './features/settings/SettingsScreen'
import { SyncScreen } from './features/sync/SyncScreen'
import { SyncStatusContext, useSyncStatusSource } from './features/sync/syncStatus'
import { errorMessage, pos } from './pos'
import type { Product, SaleReceipt } from './types'

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
          <Shell />
        </AppInfoContext.Provider>
      )
    default: {
      const unknownStatus: never = startup
      return unknownStatus
    }
  }
}

/** The signed-in register. Cart and catalog live here so they survive a visit to other screens. */
function Shell() {
  const [page, setPage] = useState<Page>('register')
  const cart = useCart()
  const catalog = useCatalog()
  const syncStatus = useSyncStatusSource()
  const [lastSale, setLastSale] = useState<CompletedSale | null>(null)

  // The search shortcuts also work from the other screens: they bring the cashier back to ring up.
  useEffect(() => {
    if (page === 'register') return
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
  }, [page])

  const addProduct = useCallback(
    (product: Product) => {
      // Ringing up the next item starts the next sale, so the last one's summary goes.
      setLastSale(null)
      cart.add(product)
    },
    [cart],
  )

  const completeSale = useCallback(
    (receipt: SaleReceipt, tenderedCents: Cents) => {
      setLastSale({
        orderNumber: receipt.order.orderNumber,
        totalCents: receipt.order.totalCents,
        tenderedCents,
        changeCents: receipt.changeCents,
      })
      cart.clear()
    },
    [cart],
  )

  let screen: ReactNode
  switch (page) {
    case 'register':
      screen = (
        <RegisterScreen
          catalog={catalog.state}
          onReloadCatalog={catalog.reload}
          cart={cart}
          lastSale={lastSale}
          onAddProduct={addProduct}
          onSaleCompleted={completeSale}
        />
      )
      break
    case 'orders':
      screen = <OrdersScreen />
      break
    case 'sync':
      screen = <SyncScreen onOpenSettings={() => setPage('settings')} />
      break
    case 'settings':
      screen = <SettingsScreen />
      break
    default: {
      const unknownPage: never = page
      screen = unknownPage
    }
  }

  return (
    <SyncStatusContext.Provider value={syncStatus}>
      <div className="app">
        <TopBar page={page} onNavigate={setPage} />
        <main className="app-main">{screen}</main>
      </div>
    </SyncStatusContext.Provider>
  )
}
