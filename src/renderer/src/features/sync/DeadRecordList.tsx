import { useState } from 'react'
import { Trans } from 'react-i18next'
import { useDisplayLocale } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { SyncStatusView } from '../../types'
import { formatOrderTime } from '../orders/format'
import { useDeadRecords } from './useDeadRecords'

interface DeadRecordListProps {
  deadCount: number
  onStatus: (status: SyncStatusView) => void
}

/** Sales the server refused for good, each with its reason and a way to send it again. */
export function DeadRecordList({ deadCount, onStatus }: DeadRecordListProps) {
  const { t } = useTranslation('sync')
  const locale = useDisplayLocale()
  const dead = useDeadRecords(deadCount)
  // The outbox ids being retried; `'all'` while Retry all runs.
  const [retrying, setRetrying] = useState<ReadonlySet<number> | 'all'>(() => new Set())
  const [retryError, setRetryError] = useState<string | null>(null)

  async function retry(outboxIds?: number[]) {
    setRetryError(null)
    setRetrying(outboxIds ? new Set(outboxIds) : 'all')
    try {
      onStatus(await pos.invoke('sync:retryDead', outboxIds ? { outboxIds } : {}))
    } catch (failure) {
      setRetryError(t('dead.retryFailed', { error: errorMessage(failure) }))
    } finally {
      setRetrying(new Set())
      dead.refresh()
    }
  }

  const records = dead.records ?? []
  const isRetryingAll = retrying === 'all'
  return (
    <section className="page-card" aria-labelledby="dead-records-title">
      <header className="page-card-header">
        <div>
          <h3 id="dead-records-title" className="page-card-title">
            {t('dead.title')}
          </h3>
          <p className="page-card-intro">{t('dead.intro')}</p>
        </div>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={records.length === 0 || isRetryingAll || retrying.size > 0}
          aria-busy={isRetryingAll}
          onClick={() => void retry()}
        >
          {isRetryingAll && <span className="spinner" aria-hidden="true" />}
          {t('dead.retryAll')}
        </button>
      </header>
      {dead.error && <ErrorAlert message={dead.error} onRetry={dead.refresh} />}
      {retryError && <ErrorAlert message={retryError} onDismiss={() => setRetryError(null)} />}
      {dead.records !== null && records.length === 0 && (
        <p className="page-card-empty">{t('dead.none')}</p>
      )}
      {records.length > 0 && (
        <ul className="dead-records">
          {records.map((record) => {
            const labelId = `dead-record-${record.outboxId}`
            const isRetrying = isRetryingAll || retrying.has(record.outboxId)
            return (
              <li key={record.outboxId} className="dead-record" data-testid="dead-record">
                <div className="dead-record-text">
                  <span id={labelId} className="dead-record-label">
                    {record.label}
                  </span>
                  <span className="dead-record-reason">
                    {record.lastError ?? t('dead.noReason')}
                  </span>
                  <span className="dead-record-meta">
                    {t('dead.attempts', { count: record.attempts })}
                    <Trans
                      t={t}
                      i18nKey="dead.last"
                      values={{ time: formatOrderTime(record.updatedAt, locale) }}
                      components={{ time: <time dateTime={record.updatedAt} /> }}
                    />
                  </span>
                </div>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-describedby={labelId}
                  aria-busy={isRetrying}
                  disabled={isRetrying}
                  onClick={() => void retry([record.outboxId])}
                >
                  {t('dead.retry')}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
