import type { ReactNode } from 'react'
import { Navigate, Route, Routes, useLocation } from 'react-router'
import { CategoriesPage } from './features/catalog/CategoriesPage'
import { ProductsPage } from './features/catalog/ProductsPage'
import { StaffPage } from './features/catalog/StaffPage'
import { TaxRatesPage } from './features/catalog/TaxRatesPage'
import { ConflictsPage } from './features/conflicts/ConflictsPage'
import { SyncHealthPage } from './features/health/SyncHealthPage'
import { Layout } from './features/Layout'
import { canManageTenants, canManageUsers } from './features/permissions'
import { PurchaseOrdersPage } from './features/purchasing/PurchaseOrdersPage'
import { SupplierInvoicesPage } from './features/purchasing/SupplierInvoicesPage'
import { SuppliersPage } from './features/purchasing/SuppliersPage'
import { RegistersPage } from './features/registers/RegistersPage'
import { ReportsPage } from './features/reports/ReportsPage'
import { RulesPage } from './features/rules/RulesPage'
import { AuditPage } from './features/audit/AuditPage'
import { ReorderPage } from './features/stock/ReorderPage'
import { StockHistoryPage } from './features/stock/StockHistoryPage'
import { StockPage } from './features/stock/StockPage'
import { TransfersPage } from './features/stock/TransfersPage'
import { useSession } from './features/session/sessionContext'
import { SignInPage } from './features/session/SignInPage'
import { SetupPage } from './features/setup/SetupPage'
import { StoresPage } from './features/stores/StoresPage'
import { TenantsPage } from './features/tenants/TenantsPage'
import { UsersPage } from './features/users/UsersPage'
import { useTranslation } from './i18n'

function Checking({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common')
  const { isChecked } = useSession()
  if (!isChecked)
    return (
      <main className="bo-auth" aria-busy="true">
        <p className="page-loading">{t('loading')}</p>
      </main>
    )
  return children
}

/** Signed-in pages; anyone else goes to sign in (with the reason, if the session just ended). */
function RequireSession({ children }: { children: ReactNode }) {
  const { session, signedOutReason } = useSession()
  const location = useLocation()
  if (session) return children
  // After a deliberate sign-out the next person starts on the stores, not on the last page.
  const state: Return | undefined =
    signedOutReason === 'signedOut' ? undefined : { from: `${location.pathname}${location.search}` }
  return <Navigate to="/signin" replace state={state} />
}

/** Where sign-in returns to: the page the session ended on, else the stores. */
interface Return {
  from: string
}

function SignInRoute() {
  const { session } = useSession()
  const state: unknown = useLocation().state
  const from =
    state && typeof state === 'object' && 'from' in state && typeof state.from === 'string'
      ? state.from
      : '/stores'
  return session ? <Navigate to={from} replace /> : <SignInPage />
}

function UsersRoute() {
  const { session } = useSession()
  return session && canManageUsers(session.admin) ? (
    <UsersPage />
  ) : (
    <Navigate to="/stores" replace />
  )
}

function TenantsRoute() {
  const { session } = useSession()
  return session && canManageTenants(session.admin) ? (
    <TenantsPage />
  ) : (
    <Navigate to="/stores" replace />
  )
}

export function App() {
  return (
    <Checking>
      <Routes>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/signin" element={<SignInRoute />} />
        <Route
          element={
            <RequireSession>
              <Layout />
            </RequireSession>
          }
        >
          <Route index element={<Navigate to="/stores" replace />} />
          <Route path="/stores" element={<StoresPage />} />
          <Route path="/registers" element={<RegistersPage />} />
          <Route path="/products" element={<ProductsPage />} />
          <Route path="/categories" element={<CategoriesPage />} />
          <Route path="/tax-rates" element={<TaxRatesPage />} />
          <Route path="/staff" element={<StaffPage />} />
          <Route path="/suppliers" element={<SuppliersPage />} />
          <Route path="/purchase-orders" element={<PurchaseOrdersPage />} />
          <Route path="/supplier-invoices" element={<SupplierInvoicesPage />} />
          <Route path="/rules" element={<RulesPage />} />
          <Route path="/reports" element={<ReportsPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/stock" element={<StockPage />} />
          <Route path="/stock/history" element={<StockHistoryPage />} />
          <Route path="/stock/reorder" element={<ReorderPage />} />
          <Route path="/stock/transfers" element={<TransfersPage />} />
          <Route path="/users" element={<UsersRoute />} />
          <Route path="/tenants" element={<TenantsRoute />} />
          <Route path="/sync-health" element={<SyncHealthPage />} />
          <Route path="/conflicts" element={<ConflictsPage />} />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Checking>
  )
}
