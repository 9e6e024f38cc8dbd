import '../../styles/settings.css'
import '../../styles/storeRules.css'
import { useState, type ReactNode } from 'react'
import { useAppInfo } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { isManagerRole, useSession } from '../session/useSession'
import { useSyncStatus } from '../sync/syncStatus'
import { ConnectionSection } from './ConnectionSection'
import { EmailSettingsSection } from './EmailSettingsSection'
import { RegisterConfigForm } from './RegisterConfigForm'
import { StaffSection } from './StaffSection'
import { StoreOptionsSection } from './StoreOptionsForm'
import { useRegisterConfig } from './registerConfig'

/** The sections of Settings, in the order the section nav lists them. */
export type SettingsSection = 'register' | 'printing' | 'connection' | 'store' | 'email' | 'staff'

/**
 * Settings one section at a time, chosen from a section nav (a 3,000 px page was too long to find
 * anything in). An unenrolled register opens on its connection, the first thing it needs.
 */
export function SettingsScreen() {
  const { t } = useTranslation('settings')
  const { t: tr } = useTranslation('receipts')
  const { status } = useSyncStatus()
  const { session, refresh: refreshSession } = useSession()
  const isManager = isManagerRole(session.employee?.role)
  // Staff and their PINs are an admin's job; main refuses anyone else too.
  const isAdmin = session.employee?.role === 'admin'
  const [chosen, setChosen] = useState<SettingsSection | null>(null)
  const sections: SettingsSection[] = [
    'register',
    'printing',
    'connection',
    ...(isManager ? (['store', 'email'] as const) : []),
    ...(isAdmin ? (['staff'] as const) : []),
  ]
  // Chosen once, when the sync status is known: enrolling then keeps the confirmation in view.
  if (chosen === null && status)
    setChosen(status.enrollment === 'enrolled' ? 'register' : 'connection')
  const shown = chosen && sections.includes(chosen) ? chosen : 'register'

  let content: ReactNode
  switch (shown) {
    case 'register':
      content = (
        <>
          <RegisterConfigCard part="register" />
          <IdentityCard />
        </>
      )
      break
    case 'printing':
      content = <RegisterConfigCard part="printing" />
      break
    case 'connection':
      content = <ConnectionSection />
      break
    case 'store':
      content = (
        <section
          className="page-card"
          aria-labelledby="settings-store-title"
          data-testid="store-options"
        >
          <h3 id="settings-store-title" className="page-card-title">
            {t('storeOptions.title')}
          </h3>
          <p className="page-card-intro">{t('storeOptions.intro')}</p>
          {/* The session carries the approvals and idle lock, so it is read again after a save. */}
          <StoreOptionsSection onSaved={() => void refreshSession()} />
        </section>
      )
      break
    case 'email':
      content = (
        <section
          className="page-card"
          aria-labelledby="settings-email-title"
          data-testid="email-settings"
        >
          <h3 id="settings-email-title" className="page-card-title">
            {tr('settings.title')}
          </h3>
          <p className="page-card-intro">{tr('settings.intro')}</p>
          <EmailSettingsSection />
        </section>
      )
      break
    case 'staff':
      content = (
        <section className="page-card" aria-labelledby="settings-staff-title" data-testid="staff">
          <h3 id="settings-staff-title" className="page-card-title">
            {t('staff.title')}
          </h3>
          <p className="page-card-intro">{t('staff.intro')}</p>
          <StaffSection />
        </section>
      )
      break
    default: {
      const unknown: never = shown
      content = unknown
    }
  }

  return (
    <div className="page">
      <div className="page-content settings-page">
        <header className="page-header">
          <h2 className="page-title">{t('title')}</h2>
        </header>
        <div className="settings-layout">
          <nav className="settings-nav" aria-label={t('sections.label')}>
            <ul>
              {sections.map((section) => (
                <li key={section}>
                  <button
                    type="button"
                    className="settings-nav-item"
                    aria-current={section === shown ? 'true' : undefined}
                    data-testid={`settings-nav-${section}`}
                    onClick={() => setChosen(section)}
                  >
                    {t(`sections.${section}`)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className="settings-section" data-testid={`settings-section-${shown}`}>
            {content}
          </div>
        </div>
      </div>
    </div>
  )
}

/** The register's own settings (one part of them), with its loading and error states. */
function RegisterConfigCard({ part }: { part: 'register' | 'printing' }) {
  const { t } = useTranslation('settings')
  const registerConfig = useRegisterConfig()
  const titleId = `settings-config-${part}-title`
  return (
    <section className="page-card" aria-labelledby={titleId} data-testid="register-config">
      <h3 id={titleId} className="page-card-title">
        {t(part === 'register' ? 'config.title' : 'config.printingTitle')}
      </h3>
      <p className="page-card-intro">
        {t(part === 'register' ? 'config.intro' : 'config.printingIntro')}
      </p>
      {registerConfig.config ? (
        <RegisterConfigForm
          config={registerConfig.config}
          onSaved={registerConfig.update}
          part={part}
        />
      ) : registerConfig.error ? (
        <ErrorAlert
          message={t('config.loadFailed', { reason: registerConfig.error })}
          onRetry={registerConfig.reload}
        />
      ) : (
        <p className="page-loading">{t('config.loading')}</p>
      )}
    </section>
  )
}

/** Which store, register and build this is. */
function IdentityCard() {
  const info = useAppInfo()
  const { t } = useTranslation('settings')
  return (
    <section className="page-card" aria-labelledby="settings-register-title">
      <h3 id="settings-register-title" className="page-card-title">
        {t('identity.title')}
      </h3>
      <dl className="detail-list">
        <div className="detail-row">
          <dt>{t('identity.store')}</dt>
          <dd data-testid="settings-store-name">
            {info.storeName} <span className="detail-muted">({info.storeCode})</span>
          </dd>
        </div>
        <div className="detail-row">
          <dt>{t('identity.registerCode')}</dt>
          <dd data-testid="settings-register-code">{info.registerCode}</dd>
        </div>
        <div className="detail-row">
          <dt>{t('identity.deviceId')}</dt>
          <dd className="detail-value-wrap detail-code" data-testid="settings-device-id">
            {info.deviceId}
          </dd>
        </div>
        <div className="detail-row">
          <dt>{t('identity.version')}</dt>
          <dd>
            {info.appName} {info.version}{' '}
            <span className="detail-muted">
              ({info.host === 'electron' ? t('identity.desktopApp') : t('identity.webHost')})
            </span>
          </dd>
        </div>
      </dl>
    </section>
  )
}
