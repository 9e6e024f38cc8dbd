import { useId, useState } from 'react'
import '../../styles/station.css'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { KitchenDisplay } from '../kitchen/KitchenDisplay'
import { useRegisterConfig } from '../settings/registerConfig'
import { StationJobRow } from './StationJobRow'
import { SubscriptionSummary } from './SubscriptionSummary'
import { usePrintJobs } from './usePrintData'

const jobEvents = ['print:changed', 'order:synced', 'order:created'] as const

/**
 * A station's main screen (and, on a plain register, its print jobs): every job newest first with
 * its status, reprint, and "mark done" for kitchen tickets.
 */
export function StationScreen() {
  const { config } = useRegisterConfig()
  // A kitchen display shows tickets to bump; a printer it also has reports through the banner.
  if (config?.mode === 'kitchen-station' && config.hasKitchenDisplay) return <KitchenDisplay />
  return <PrintJobsScreen />
}

function PrintJobsScreen() {
  const { t } = useTranslation('station')
  const { config } = useRegisterConfig()
  const showDoneId = useId()
  const [isShowingDone, setIsShowingDone] = useState(false)
  const jobs = usePrintJobs({ limit: 200, hideDone: !isShowingDone }, jobEvents, 10_000)
  const mode = config?.mode ?? 'register'
  const title =
    mode === 'kitchen-station'
      ? t('title.kitchen')
      : mode === 'receipt-station'
        ? t('title.receipt')
        : t('title.jobs')

  return (
    <div className="page station-page">
      <div className="page-content">
        <header className="page-header">
          <div>
            <h2 className="page-title">{title}</h2>
            {config && <SubscriptionSummary config={config} />}
          </div>
          <label className="station-show-done" htmlFor={showDoneId}>
            <input
              id={showDoneId}
              type="checkbox"
              checked={isShowingDone}
              onChange={(event) => setIsShowingDone(event.target.checked)}
            />
            {t('showDone')}
          </label>
        </header>

        {jobs.error && (
          <ErrorAlert message={t('loadFailed', { reason: jobs.error })} onRetry={jobs.reload} />
        )}
        <section className="page-card" aria-labelledby="station-jobs-title">
          <h3 id="station-jobs-title" className="page-card-title">
            {t('jobsTitle')}
          </h3>
          {jobs.data === null ? (
            !jobs.error && <p className="page-loading">{t('loading')}</p>
          ) : jobs.data.length === 0 ? (
            <p className="page-card-empty">{t('empty')}</p>
          ) : (
            <ul className="station-jobs" aria-label={t('jobsTitle')}>
              {jobs.data.map((job) => (
                <StationJobRow key={job.id} job={job} onChanged={jobs.reload} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  )
}
