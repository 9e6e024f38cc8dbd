import { useDisplayLocale } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import type { AuditEvent } from '../../types'
import { formatDateTime } from './format'
import { useLoad } from '../../hooks/useLoad'

/** "details" as short "key: value" text; nested values as JSON. */
function describeDetails(details: AuditEvent['details']): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ')
}

/** Every protected action and drawer open on this register, newest first (managers only). */
export function AuditLog() {
  const { t } = useTranslation('shift')
  const locale = useDisplayLocale()
  const events = useLoad(() => pos.invoke('audit:list', { limit: 100 }), [], {
    describeError: (reason) => `${t('audit.failed')}: ${reason}`,
  })

  return (
    <section className="page-card" aria-labelledby="audit-log-title">
      <div className="page-card-header">
        <h3 id="audit-log-title" className="page-card-title">
          {t('audit.title')}
        </h3>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={events.reload}
          disabled={events.isLoading}
          aria-busy={events.isLoading}
        >
          {t('page.refresh')}
        </button>
      </div>
      {events.error && <ErrorAlert message={events.error} onRetry={events.reload} />}
      {events.data === null && !events.error && <p className="page-loading">{t('page.loading')}</p>}
      {events.data?.length === 0 && <p className="page-card-empty">{t('audit.empty')}</p>}
      {events.data && events.data.length > 0 && (
        <div className="audit-scroll">
          <table className="shift-table audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.time')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.approvedBy')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {events.data.map((event) => (
                <tr key={event.id} data-testid="audit-row" data-action={event.action}>
                  <td>{formatDateTime(event.createdAt, locale)}</td>
                  <td className="audit-action">{event.action}</td>
                  <td>{event.employeeName ?? '—'}</td>
                  <td>{event.approvedByName ?? '—'}</td>
                  <td className="audit-details">{describeDetails(event.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
