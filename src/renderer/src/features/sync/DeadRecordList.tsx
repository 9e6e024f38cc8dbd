import { useState } from 'react'
import { useAppInfo } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
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
  const { locale } = useAppInfo()
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
      setRetryError(`Could not queue the retry: ${errorMessage(failure)}`)
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
            Refused by the server
          </h3>
          <p className="page-card-intro">
            These sales are safe on this register but the server would not take them. Retry once the
            cause is fixed.
          </p>
        </div>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={records.length === 0 || isRetryingAll || retrying.size > 0}
          aria-busy={isRetryingAll}
          onClick={() => void retry()}
        >
          {isRetryingAll && <span className="spinner" aria-hidden="true" />}
          Retry all
        </button>
      </header>
      {dead.error && <ErrorAlert message={dead.error} onRetry={dead.refresh} />}
      {retryError && <ErrorAlert message={retryError} onDismiss={() => setRetryError(null)} />}
      {dead.records !== null && records.length === 0 && (
        <p className="page-card-empty">
          Nothing refused. Every sale was accepted or is on its way.
        </p>
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
                    {record.lastError ?? 'The server gave no reason.'}
                  </span>
                  <span className="dead-record-meta">
                    {record.attempts} {record.attempts === 1 ? 'attempt' : 'attempts'} · last{' '}
                    <time dateTime={record.updatedAt}>
                      {formatOrderTime(record.updatedAt, locale)}
                    </time>
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
                  Retry
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
