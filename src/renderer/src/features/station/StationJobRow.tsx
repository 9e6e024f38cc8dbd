import { useState } from 'react'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import { useFormat } from '../manager/useFormat'
import { jobStatusText, jobTitle } from './jobText'
import type { PrintJob } from './usePrintData'

type Action = 'print:reprint' | 'print:retry' | 'print:cancel' | 'print:markDone'

interface StationJobRowProps {
  job: PrintJob
  onChanged: () => void
}

export function StationJobRow({ job, onChanged }: StationJobRowProps) {
  const { t } = useTranslation('station')
  const format = useFormat()
  const [busy, setBusy] = useState<Action | null>(null)
  const [error, setError] = useState<string | null>(null)
  const isKitchen = job.kind === 'kitchen'
  const isDone = job.doneAt !== null
  const canRetry = job.status === 'failed' || job.status === 'uncertain'

  async function act(action: Action) {
    setBusy(action)
    setError(null)
    try {
      if (action === 'print:reprint') {
        if (job.orderId === null || job.kind === 'test') return
        await pos.invoke('print:reprint', {
          orderId: job.orderId,
          kind: job.kind,
          printerId: job.printerId,
        })
      } else {
        await pos.invoke(action, { jobId: job.id })
      }
      onChanged()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(null)
    }
  }

  const title = jobTitle(job, t)
  return (
    <li
      className={`station-job station-job-${job.status}${isDone ? ' station-job-done' : ''}`}
      data-testid="station-job"
      data-status={job.status}
      data-order-number={job.orderNumber ?? ''}
      data-kind={job.kind}
      aria-label={title}
    >
      <div className="station-job-main">
        <span className="station-job-number">{job.orderNumber ?? t('kind.test')}</span>
        {job.orderNumber !== null && (
          <span className="station-job-kind">{t(`kind.${job.kind}`)}</span>
        )}
        {job.isCopy && (
          <span className="station-copy-badge" data-testid="station-job-copy">
            {t('copy')}
          </span>
        )}
        {isDone && <span className="station-done-badge">{t('done')}</span>}
      </div>
      <div className="station-job-facts">
        <time dateTime={job.createdAt}>{format.time(job.createdAt)}</time>
        <span
          className={`station-status station-status-${job.status}`}
          data-testid="station-job-status"
        >
          {jobStatusText(job, t)}
          {job.status === 'failed' && job.lastError && (
            <>
              {t('status.separator')}
              {/* main's message may be in another script: isolated so its punctuation stays put. */}
              <bdi>{job.lastError}</bdi>
            </>
          )}
        </span>
        {job.attempts > 0 && (
          <span className="station-job-attempts">{t('attempts', { count: job.attempts })}</span>
        )}
        {job.printerName && <span className="station-job-printer">{job.printerName}</span>}
      </div>
      <div className="station-job-actions">
        {canRetry && (
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy !== null}
            aria-label={t('retryLabel', { title })}
            onClick={() => void act('print:retry')}
          >
            {t('retry')}
          </button>
        )}
        {job.status === 'uncertain' && (
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={busy !== null}
            aria-label={t('dismissLabel', { title })}
            onClick={() => void act('print:cancel')}
          >
            {t('dismiss')}
          </button>
        )}
        {job.orderId !== null && job.kind !== 'test' && (
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy !== null}
            aria-label={t('reprintLabel', { title })}
            onClick={() => void act('print:reprint')}
          >
            {busy === 'print:reprint' && <span className="spinner" aria-hidden="true" />}
            {t('reprint')}
          </button>
        )}
        {isKitchen && !isDone && (
          <button
            type="button"
            className="button button-primary button-small"
            disabled={busy !== null}
            aria-label={t('markDoneLabel', { title })}
            onClick={() => void act('print:markDone')}
          >
            {t('markDone')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="station-job-error">
          {error}
        </p>
      )}
    </li>
  )
}
