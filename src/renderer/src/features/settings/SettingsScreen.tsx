import '../../styles/settings.css'
import '../../styles/storeRules.css'
import { useEffect, useRef } from 'react'
import { useAppInfo } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { enrollmentProblem } from '../sync/enrollmentProblem'
import { isManagerRole, useSession } from '../session/useSession'
import { useSyncStatus } from '../sync/syncStatus'
import { EmailSettingsSection } from './EmailSettingsSection'
import { EnrollmentForm } from './EnrollmentForm'
import { RegisterConfigForm } from './RegisterConfigForm'
import { StaffSection } from './StaffSection'
import { StoreOptionsSection } from './StoreOptionsForm'
import { useRegisterConfig } from './registerConfig'

export function SettingsScreen() {
  const info = useAppInfo()
  const { t } = useTranslation('settings')
  const { t: tr } = useTranslation('receipts')
  const { status, error, update, reload } = useSyncStatus()
  const registerConfig = useRegisterConfig()
  const { session, refresh: refreshSession } = useSession()
  const isManager = isManagerRole(session.employee?.role)
  // Staff and their PINs are an admin's job; main refuses anyone else too.
  const isAdmin = session.employee?.role === 'admin'
  const enrolledRef = useRef<HTMLDivElement>(null)
  // Set by a successful enrollment; the next render that shows the confirmation takes focus.
  const isConfirmationDue = useRef(false)
  const enrollment = status?.enrollment ?? null
  const isEnrolled = enrollment === 'enrolled'
  // Not being enrolled is a normal first state; revoked and copied registers need a manager.
  const problem =
    enrollment === 'revoked' || enrollment === 'needs_reenrollment'
      ? enrollmentProblem(enrollment)
      : null

  // After enrolling, focus goes to the confirmation so it is read out and the form is left behind.
  useEffect(() => {
    if (!isConfirmationDue.current || !isEnrolled) return
    isConfirmationDue.current = false
    enrolledRef.current?.focus()
  }, [status, isEnrolled])

  return (
    <div className="page">
      <div className="page-content page-content-narrow">
        <header className="page-header">
          <h2 className="page-title">{t('title')}</h2>
        </header>

        {problem && (
          <div role="alert" className="error-alert" data-testid="enrollment-problem">
            <span className="error-alert-message">
              <strong>{t('enrollAgain')}</strong> {problem}
            </span>
          </div>
        )}
        {error && <ErrorAlert message={error} onRetry={reload} />}

        <section className="page-card" aria-labelledby="settings-sync-title">
          <h3 id="settings-sync-title" className="page-card-title">
            {t('sync.title')}
          </h3>
          <p className="page-card-intro">
            {isEnrolled ? t('sync.introEnrolled') : t('sync.introNotEnrolled')}
          </p>
          {isEnrolled && status && (
            <div
              ref={enrolledRef}
              tabIndex={-1}
              role="status"
              className="enrollment-status"
              data-testid="enrollment-status"
            >
              <span className="sync-dot sync-dot-synced" aria-hidden="true" />
              <span className="enrollment-status-text">
                <span className="enrollment-status-server">
                  {t('sync.enrolledWith', { server: status.serverUrl })}
                </span>
                <span className="enrollment-status-store">
                  {t('sync.store', { store: status.storeId ?? t('sync.unknownStore') })}
                </span>
              </span>
            </div>
          )}
          <EnrollmentForm
            initialServerUrl={status?.serverUrl ?? ''}
            onEnrolled={(next) => {
              isConfirmationDue.current = true
              update(next)
            }}
          />
        </section>

        <section
          className="page-card"
          aria-labelledby="settings-config-title"
          data-testid="register-config"
        >
          <h3 id="settings-config-title" className="page-card-title">
            {t('config.title')}
          </h3>
          <p className="page-card-intro">{t('config.intro')}</p>
          {registerConfig.config ? (
            <RegisterConfigForm config={registerConfig.config} onSaved={registerConfig.update} />
          ) : registerConfig.error ? (
            <ErrorAlert
              message={t('config.loadFailed', { reason: registerConfig.error })}
              onRetry={registerConfig.reload}
            />
          ) : (
            <p className="page-loading">{t('config.loading')}</p>
          )}
        </section>

        {isManager && (
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
        )}

        {isManager && (
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
        )}

        {isAdmin && (
          <section className="page-card" aria-labelledby="settings-staff-title" data-testid="staff">
            <h3 id="settings-staff-title" className="page-card-title">
              {t('staff.title')}
            </h3>
            <p className="page-card-intro">{t('staff.intro')}</p>
            <StaffSection />
          </section>
        )}

        <section className="page-card" aria-labelledby="settings-register-title">
          <h3 id="settings-register-title" className="page-card-title">
            {t('identity.title')}
          </h3>
          <dl className="detail-list">
            <div className="detail-row">
              <dt>{t('identity.store')}</dt>
              <dd>
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
      </div>
    </div>
  )
}
