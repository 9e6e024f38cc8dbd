import { NavLink, Outlet } from 'react-router'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { useTranslation } from '../i18n'
import { canManageUsers } from './permissions'
import { useSignedIn } from './session/sessionContext'

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
    { to: '/sync-health', label: t('nav.syncHealth') },
    { to: '/conflicts', label: t('nav.conflicts') },
    { to: '/reports', label: t('nav.reports') },
    { to: '/audit', label: t('nav.audit') },
    ...(canManageUsers(session.admin) ? [{ to: '/users', label: t('nav.users') }] : []),
  ]
  return (
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
        <Outlet />
      </main>
    </div>
  )
}
