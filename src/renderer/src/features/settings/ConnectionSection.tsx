import { useEffect, useRef, useState } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useLoad } from '../../hooks/useLoad'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import { enrollmentProblem } from '../sync/enrollmentProblem'
import { useSyncStatus } from '../sync/syncStatus'
import { EnrollmentForm } from './EnrollmentForm'

/**
 * The sync server this register is enrolled with, by the store's name. An enrolled register shows
 * no enrollment form: "Re-enroll…" asks first, since it moves the register to a new code.
 */
export function ConnectionSection() {
  const { t } = useTranslation('settings')
  const { status, error, update, reload } = useSyncStatus()
  const enrolledRef = useRef<HTMLDivElement>(null)
  // Set by a successful enrollment; the next render that shows the confirmation takes focus.
  const isConfirmationDue = useRef(false)
  const [reenroll, setReenroll] = useState<'no' | 'asking' | 'yes'>('no')
  const enrollment = status?.enrollment ?? null
  const isEnrolled = enrollment === 'enrolled'
  // The store's name as this register knows it now (enrolling may have brought a new store).
  const storeInfo = useLoad(() => pos.invoke('app:getInfo'), [status?.storeId ?? null])
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

  const storeName = status?.storeId ? (storeInfo.data?.storeName ?? null) : null

  return (
    <section className="page-card" aria-labelledby="settings-sync-title">
      <h3 id="settings-sync-title" className="page-card-title">
        {t('sync.title')}
      </h3>
      {problem && (
        <div role="alert" className="error-alert" data-testid="enrollment-problem">
          <span className="error-alert-message">
            <strong>{t('enrollAgain')}</strong> {problem}
          </span>
        </div>
      )}
      {error && <ErrorAlert message={error} onRetry={reload} />}
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
            <span className="enrollment-status-store" data-testid="enrollment-store">
              {t('sync.store', { store: storeName ?? t('sync.unknownStore') })}
            </span>
          </span>
        </div>
      )}
      {isEnrolled && reenroll === 'no' && (
        <div className="settings-reenroll">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setReenroll('asking')}
          >
            {t('sync.reenroll')}
          </button>
        </div>
      )}
      {isEnrolled && reenroll === 'asking' && (
        <div className="settings-confirm" role="group" aria-labelledby="settings-reenroll-question">
          <p id="settings-reenroll-question">{t('sync.reenrollQuestion')}</p>
          <div className="settings-confirm-actions">
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setReenroll('no')}
            >
              {t('sync.reenrollCancel')}
            </button>
            <button
              type="button"
              className="button button-danger button-small"
              onClick={() => setReenroll('yes')}
            >
              {t('sync.reenrollConfirm')}
            </button>
          </div>
        </div>
      )}
      {(!isEnrolled || reenroll === 'yes') && (
        <EnrollmentForm
          initialServerUrl={status?.serverUrl ?? ''}
          onEnrolled={(next) => {
            isConfirmationDue.current = true
            setReenroll('no')
            update(next)
          }}
        />
      )}
    </section>
  )
}
