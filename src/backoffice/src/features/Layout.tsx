import { NavLink, Outlet } from 'react-router'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { useTranslation } from '../i18n'
import { canManageTenants, canManageUsers } from './permissions'
import { useSignedIn } from './session/sessionContext'
import { TenantChoiceProvider, TenantPicker } from './tenants/tenantChoice'

/** The signed-in frame: the app's name, the sections that exist, who is signed in, sign out. */
export function Layout() {
  const { t } = useTranslation('common')
  const { session, signOut } = useSignedIn()
  const sections = [
    { to: '/stores', label: t('nav.stores') },
    { to: '/registers', label: t('nav.registers') },
    { to: '/products', label: t('nav.products') },
    { to: '/categories', label: t('nav.categories') },
    { to: '/tax-rates', label: t('nav.taxRates') },
    { to: '/staff', label: t('nav.staff') },
    { to: '/suppliers', label: t('purchasing:suppliers.title') },
    { to: '/purchase-orders', label: t('purchasing:orders.title') },
    { to: '/supplier-invoices', label: t('purchasing:invoices.title') },
    { to: '/rules', label: t('nav.storeRules') },
    { to: '/sync-health', label: t('nav.syncHealth') },
    { to: '/conflicts', label: t('nav.conflicts') },
    { to: '/reports', label: t('nav.reports') },
    { to: '/audit', label: t('nav.audit') },
    { to: '/stock', label: t('nav.stock') },
    ...(canManageUsers(session.admin) ? [{ to: '/users', label: t('nav.users') }] : []),
    ...(canManageTenants(session.admin) ? [{ to: '/tenants', label: t('nav.tenants') }] : []),
  ]
  const frame = (pageKey: string) => (
    <div className="bo-shell">
      <header className="bo-topbar">
        <p className="bo-brand">{t('appName')}</p>
        <nav className="bo-nav" aria-label={t('nav.label')}>
          <ul>
            {sections.map((section) => (
              <li key={section.to}>
                <NavLink className="bo-nav-link" to={section.to}>
                  {section.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="bo-topbar-end">
          <TenantPicker />
          <span className="bo-who" dir="auto">
            {t('signedInAs', { email: session.admin.email })}
          </span>
          <LanguageSwitch />
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => void signOut()}
          >
            {t('signOut')}
          </button>
        </div>
      </header>
      <main className="bo-main">
        <Outlet key={pageKey} />
      </main>
    </div>
  )
  // A super admin acts within one tenant or all; each page loads again when the choice changes.
  return canManageTenants(session.admin) ? (
    <TenantChoiceProvider>{frame}</TenantChoiceProvider>
  ) : (
    frame('all')
  )
}
