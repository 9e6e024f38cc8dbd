import { useCallback } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import { usePolled } from '../station/usePrintData'
import { SyncNowButton } from '../sync/SyncNowButton'
import { useSyncStatus } from '../sync/syncStatus'
import { HealthRow } from './HealthRow'
import { useFormat, useNowMs } from './useFormat'

const healthEvents = ['sync:statusChanged'] as const

/** Every register's sync health: this one live, the others as the server last heard from them. */
export function SyncHealthSection() {
  const { t } = useTranslation('manager')
  const format = useFormat()
  const now = useNowMs(5000)
  const read = useCallback(() => pos.invoke('manager:getHealth'), [])
  const health = usePolled(read, healthEvents, 5000)
  const syncStatus = useSyncStatus()
  const data = health.data

  return (
    <section className="page-card" aria-labelledby="manager-health-title" data-testid="sync-health">
      <div className="page-card-header">
        <div>
          <h3 id="manager-health-title" className="page-card-title">
            {t('health.title')}
          </h3>
          <p className="page-card-intro">{t('health.intro')}</p>
        </div>
        <div className="manager-sync-now">
          <SyncNowButton
            isSyncing={syncStatus.status?.state === 'syncing'}
            onStatus={(status) => {
              syncStatus.update(status)
              health.reload()
            }}
          />
        </div>
      </div>

      {health.error && (
        <ErrorAlert
          message={t('health.loadFailed', { reason: health.error })}
          onRetry={health.reload}
        />
      )}
      {data && !data.enrolled && (
        <div className="notice" data-testid="health-not-enrolled">
          <span className="notice-message">{t('health.notEnrolled')}</span>
        </div>
      )}
      {data && data.enrolled && !data.serverReachable && (
        <div className="notice" role="status" data-testid="health-offline">
          <span className="notice-message">
            <strong>{t('health.offlineTitle')}</strong>{' '}
            {data.fetchedAt
              ? t('health.offlineSince', { time: format.dateTime(data.fetchedAt) })
              : t('health.offlineNever')}
            {data.error && <span className="manager-muted"> ({data.error})</span>}
          </span>
        </div>
      )}

      {data === null ? (
        !health.error && <p className="page-loading">{t('health.loading')}</p>
      ) : (
        <div className="manager-table-wrap">
          <table className="manager-table manager-health-table">
            <caption className="visually-hidden">{t('health.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('health.register')}</th>
                <th scope="col">{t('health.lastSeen')}</th>
                <th scope="col" className="manager-number">
                  {t('health.pending')}
                </th>
                <th scope="col">{t('health.oldestPending')}</th>
                <th scope="col" className="manager-number">
                  {t('health.cursorLag')}
                </th>
                <th scope="col">{t('health.dead')}</th>
                <th scope="col" className="manager-number">
                  {t('health.conflicts')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.registers.map((register) => (
                <HealthRow key={register.deviceId} register={register} nowMs={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
