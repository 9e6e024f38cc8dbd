import { useMemo } from 'react'
import { Trans } from 'react-i18next'
import { useDisplayLocale } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import type { SyncStatusView } from '../../types'
import { formatOrderTime } from '../orders/format'
import { syncBadge, syncSummary } from './badge'
import { DeadRecordList } from './DeadRecordList'
import { enrollmentProblem } from './enrollmentProblem'
import { elapsedSince, formatDuration, formatTimeAgo, useNow } from './relativeTime'
import { SyncNowButton } from './SyncNowButton'
import { unsentCount, useSyncStatus } from './syncStatus'

interface SyncScreenProps {
  onOpenSettings: () => void
}

export function SyncScreen({ onOpenSettings }: SyncScreenProps) {
  const { t } = useTranslation('sync')
  const { status, error, update, reload } = useSyncStatus()
  if (!status) {
    return (
      <div className="page">
        <div className="page-content">
          <header className="page-header">
            <h2 className="page-title">{t('screen.title')}</h2>
          </header>
          {error ? (
            <ErrorAlert message={error} onRetry={reload} />
          ) : (
            <p className="page-loading">{t('screen.reading')}</p>
          )}
        </div>
      </div>
    )
  }
  return <SyncOverview status={status} onStatus={update} onOpenSettings={onOpenSettings} />
}

interface SyncOverviewProps {
  status: SyncStatusView
  onStatus: (status: SyncStatusView) => void
  onOpenSettings: () => void
}

function SyncOverview({ status, onStatus, onOpenSettings }: SyncOverviewProps) {
  const { t } = useTranslation('sync')
  const locale = useDisplayLocale()
  const now = useNow(1000)
  const numbers = useMemo(() => new Intl.NumberFormat(locale), [locale])
  const percents = useMemo(() => new Intl.NumberFormat(locale, { style: 'percent' }), [locale])
  const badge = syncBadge(status)
  const problem = enrollmentProblem(status.enrollment)
  const { counts } = status
  const unsent = unsentCount(counts)
  const isTrouble = status.state === 'error' || status.state === 'offline'

  const inProgress: string[] = []
  if (counts.inFlight > 0) inProgress.push(t('screen.sendingCount', { count: counts.inFlight }))
  if (counts.failed > 0) inProgress.push(t('screen.retryingCount', { count: counts.failed }))

  return (
    <div className="page">
      <div className="page-content">
        <header className="page-header sync-header">
          <div className="sync-heading">
            <h2 className="page-title">{t('screen.title')}</h2>
            {problem === null && (
              <p className="sync-summary" data-testid="sync-summary">
                <span className={`sync-dot sync-dot-${badge.state}`} aria-hidden="true" />
                {syncSummary(status)}
              </p>
            )}
          </div>
          {problem === null && (
            <SyncNowButton isSyncing={status.state === 'syncing'} onStatus={onStatus} />
          )}
        </header>

        {problem !== null && (
          <div
            className={status.enrollment === 'not_enrolled' ? 'notice' : 'error-alert'}
            data-testid="sync-enrollment-problem"
          >
            <span
              className={
                status.enrollment === 'not_enrolled' ? 'notice-message' : 'error-alert-message'
              }
            >
              {problem}
            </span>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={onOpenSettings}
            >
              {t('screen.openSettings')}
            </button>
          </div>
        )}

        {problem === null && isTrouble && (
          <div
            role="alert"
            className={status.state === 'error' ? 'error-alert' : 'notice'}
            data-testid="sync-last-error"
          >
            <span className={status.state === 'error' ? 'error-alert-message' : 'notice-message'}>
              <strong>
                {status.state === 'error' ? t('screen.stoppedOnError') : t('screen.unreachable')}
              </strong>{' '}
              {status.lastError && (
                <>
                  {status.lastError.message}{' '}
                  <span className="sync-error-time">
                    <Trans
                      t={t}
                      i18nKey="screen.at"
                      values={{ time: formatOrderTime(status.lastError.at, locale) }}
                      components={{ time: <time dateTime={status.lastError.at} /> }}
                    />
                  </span>
                </>
              )}
            </span>
          </div>
        )}

        {status.pull && (
          <p role="status" className="sync-pull" data-testid="sync-pull-progress">
            <span className="spinner" aria-hidden="true" />
            {t('screen.pulled', { changes: numbers.format(status.pull.pulledChanges) })}
            {status.pull.percent !== null && (
              <span className="sync-pull-percent" data-testid="sync-pull-percent">
                {percents.format(status.pull.percent / 100)}
              </span>
            )}
            <span className="sync-pull-pages">
              {t('screen.pages', { count: status.pull.pages })}
            </span>
          </p>
        )}

        <dl className="sync-counts" aria-label={t('screen.counts')}>
          <div className={`sync-count${unsent > 0 ? ' sync-count-waiting' : ''}`}>
            <dt className="sync-count-label">{t('screen.waitingToSend')}</dt>
            <dd className="sync-count-value" data-testid="sync-count-pending">
              {unsent}
            </dd>
            <dd className="sync-count-note">
              {inProgress.length > 0 ? inProgress.join(' · ') : t('screen.notYetSent')}
            </dd>
          </div>
          <div className={`sync-count${counts.synced > 0 ? ' sync-count-synced' : ''}`}>
            <dt className="sync-count-label">{t('screen.synced')}</dt>
            <dd className="sync-count-value" data-testid="sync-count-synced">
              {counts.synced}
            </dd>
            <dd className="sync-count-note">{t('screen.onServer')}</dd>
          </div>
          <div className={`sync-count${counts.dead > 0 ? ' sync-count-dead' : ''}`}>
            <dt className="sync-count-label">{t('screen.refused')}</dt>
            <dd className="sync-count-value" data-testid="sync-count-dead">
              {counts.dead}
            </dd>
            <dd className="sync-count-note">{t('screen.refusedNote')}</dd>
          </div>
        </dl>

        <div className="sync-columns">
          <section className="page-card" aria-labelledby="sync-connection-title">
            <h3 id="sync-connection-title" className="page-card-title">
              {t('screen.connection')}
            </h3>
            <dl className="detail-list">
              <div className="detail-row">
                <dt>{t('screen.server')}</dt>
                <dd className="detail-value-wrap" data-testid="sync-server-url">
                  {status.serverUrl ?? t('screen.none')}
                </dd>
              </div>
              <div className="detail-row">
                <dt>{t('screen.store')}</dt>
                <dd className="detail-value-wrap">{status.storeId ?? t('screen.none')}</dd>
              </div>
              <div className="detail-row">
                <dt>{t('screen.liveUpdates')}</dt>
                <dd data-testid="sync-realtime">
                  <span
                    className={`sync-dot ${status.isRealtimeConnected ? 'sync-dot-synced' : 'sync-dot-not-enrolled'}`}
                    aria-hidden="true"
                  />
                  {status.isRealtimeConnected ? t('screen.connected') : t('screen.notConnected')}
                </dd>
              </div>
              <div className="detail-row">
                <dt>{t('screen.lastSuccess')}</dt>
                <dd data-testid="sync-last-success">
                  {status.lastSuccessAt ? (
                    <time
                      dateTime={status.lastSuccessAt}
                      title={formatOrderTime(status.lastSuccessAt, locale, true)}
                    >
                      {formatTimeAgo(status.lastSuccessAt, now)}
                    </time>
                  ) : (
                    t('screen.never')
                  )}
                </dd>
              </div>
              <div className="detail-row">
                <dt>{t('screen.oldestWaiting')}</dt>
                <dd data-testid="sync-oldest-pending">
                  {status.oldestPendingAt ? (
                    <time
                      dateTime={status.oldestPendingAt}
                      title={formatOrderTime(status.oldestPendingAt, locale, true)}
                    >
                      {t('screen.waitingFor', {
                        duration: formatDuration(elapsedSince(status.oldestPendingAt, now)),
                      })}
                    </time>
                  ) : (
                    t('screen.noneWaiting')
                  )}
                </dd>
              </div>
            </dl>
          </section>

          <DeadRecordList deadCount={counts.dead} onStatus={onStatus} />
        </div>
      </div>
    </div>
  )
}
