import { useEffect, useRef } from 'react'
import { useAppInfo } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { enrollmentProblem } from '../sync/enrollmentProblem'
import { useSyncStatus } from '../sync/syncStatus'
import { EnrollmentForm } from './EnrollmentForm'

export function SettingsScreen() {
  const info = useAppInfo()
  const { status, error, update, reload } = useSyncStatus()
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
          <h2 className="page-title">Settings</h2>
        </header>

        {problem && (
          <div role="alert" className="error-alert" data-testid="enrollment-problem">
            <span className="error-alert-message">
              <strong>Enroll this register again.</strong> {problem}
            </span>
          </div>
        )}
        {error && <ErrorAlert message={error} onRetry={reload} />}

        <section className="page-card" aria-labelledby="settings-sync-title">
          <h3 id="settings-sync-title" className="page-card-title">
            Sync server
          </h3>
          <p className="page-card-intro">
            {isEnrolled
              ? 'To move this register to another server, enroll it again with a new code.'
              : 'Enroll this register with the store’s sync server so its sales reach the other registers. A manager gives you the address and a one-time code.'}
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
                <span className="enrollment-status-server">Enrolled with {status.serverUrl}</span>
                <span className="enrollment-status-store">Store {status.storeId ?? 'unknown'}</span>
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

        <section className="page-card" aria-labelledby="settings-register-title">
          <h3 id="settings-register-title" className="page-card-title">
            This register
          </h3>
          <dl className="detail-list">
            <div className="detail-row">
              <dt>Store</dt>
              <dd>
                {info.storeName} <span className="detail-muted">({info.storeCode})</span>
              </dd>
            </div>
            <div className="detail-row">
              <dt>Register code</dt>
              <dd data-testid="settings-register-code">{info.registerCode}</dd>
            </div>
            <div className="detail-row">
              <dt>Device id</dt>
              <dd className="detail-value-wrap detail-code" data-testid="settings-device-id">
                {info.deviceId}
              </dd>
            </div>
            <div className="detail-row">
              <dt>Version</dt>
              <dd>
                {info.appName} {info.version}{' '}
                <span className="detail-muted">
                  ({info.host === 'electron' ? 'desktop app' : 'web host'})
                </span>
              </dd>
            </div>
          </dl>
        </section>
      </div>
    </div>
  )
}
