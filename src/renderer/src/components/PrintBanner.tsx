import { useState } from 'react'
import type { InvokeInput } from '../../../shared/ipc'
import '../styles/printBanner.css'
import { jobTitle } from '../features/station/jobText'
import { usePrinterStatus, usePrintJobs, type PrintJob } from '../features/station/usePrintData'
import { useTranslation } from '../i18n'
import { errorMessage, pos } from '../pos'

const troubleQuery: InvokeInput<'print:listJobs'> = { statuses: ['failed', 'uncertain'], limit: 50 }

interface PrintBannerProps {
  /** Opens the print jobs screen (the station screen), where every job can be retried. */
  onOpenJobs: () => void
}

/**
 * Says so when printing is stuck: a printer that cannot be reached (its jobs wait and print when
 * it is back), jobs that failed, and jobs that may have printed before the register stopped.
 */
export function PrintBanner({ onOpenJobs }: PrintBannerProps) {
  const { t } = useTranslation('station')
  const printers = usePrinterStatus()
  const jobs = usePrintJobs(troubleQuery)
  const [busyJobId, setBusyJobId] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)

  const troubled = (printers.data ?? []).filter(
    (printer) => printer.state === 'unreachable' || printer.state === 'error',
  )
  const uncertain = (jobs.data ?? []).filter((job) => job.status === 'uncertain')
  // A failed job for a printer that is down is already counted in that printer's waiting jobs.
  const failed = (jobs.data ?? []).filter(
    (job) =>
      job.status === 'failed' && !troubled.some((printer) => printer.printerId === job.printerId),
  )
  if (troubled.length === 0 && uncertain.length === 0 && failed.length === 0 && !actionError)
    return null

  async function act(job: PrintJob, channel: 'print:retry' | 'print:cancel') {
    setBusyJobId(job.id)
    setActionError(null)
    try {
      await pos.invoke(channel, { jobId: job.id })
      jobs.reload()
    } catch (failure) {
      setActionError(errorMessage(failure))
    } finally {
      setBusyJobId(null)
    }
  }

  return (
    <div role="status" className="print-banner" data-testid="print-banner">
      <span className="print-banner-icon" aria-hidden="true">
        !
      </span>
      <div className="print-banner-body">
        {troubled.map((printer) => (
          <p
            key={printer.printerId}
            className="print-banner-line"
            data-testid="print-banner-printer"
          >
            <strong>
              {printer.state === 'unreachable'
                ? t('banner.unreachable', { name: printer.name })
                : t('banner.error', { name: printer.name })}
            </strong>{' '}
            {printer.waitingJobs > 0
              ? t('banner.waiting', { count: printer.waitingJobs })
              : t('banner.nothingWaiting')}
            {printer.lastError && (
              <span className="print-banner-detail">
                {' '}
                (<bdi>{printer.lastError}</bdi>)
              </span>
            )}
          </p>
        ))}
        {failed.length > 0 && (
          <p className="print-banner-line">{t('banner.failed', { count: failed.length })}</p>
        )}
        {uncertain.map((job) => (
          <div key={job.id} className="print-banner-job" data-testid="print-banner-uncertain">
            <p className="print-banner-line">
              <strong>{jobTitle(job, t)}</strong> {t('banner.uncertain')}
            </p>
            <div className="print-banner-actions">
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={busyJobId === job.id}
                onClick={() => void act(job, 'print:retry')}
              >
                {t('banner.reprint')}
              </button>
              <button
                type="button"
                className="button button-ghost button-small"
                disabled={busyJobId === job.id}
                onClick={() => void act(job, 'print:cancel')}
              >
                {t('banner.dismiss')}
              </button>
            </div>
          </div>
        ))}
        {actionError && <p className="print-banner-line print-banner-error">{actionError}</p>}
      </div>
      <button type="button" className="button button-secondary button-small" onClick={onOpenJobs}>
        {t('banner.openJobs')}
      </button>
    </div>
  )
}
