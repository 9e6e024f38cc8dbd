import { useMemo } from 'react'
import { useAppInfo, useDisplayLocale } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import { auditRowsInWords } from './auditWords'
import { formatDateTime } from './format'
import { useLoad } from '../../hooks/useLoad'

/** Every protected action and drawer open on this register, newest first (managers only). */
export function AuditLog() {
  const { t, i18n } = useTranslation('shift')
  const locale = useDisplayLocale()
  const { currency } = useAppInfo()
  const language = i18n.language === 'ar' ? 'ar' : 'en'
  const events = useLoad(() => pos.invoke('audit:list', { limit: 100 }), [], {
    describeError: (reason) => `${t('audit.failed')}: ${reason}`,
  })
  const rows = useMemo(
    () =>
      events.data &&
      auditRowsInWords(events.data, {
        language,
        locale,
        currency,
        registerName: (code) => t('audit.registerName', { code }),
      }),
    [events.data, language, locale, currency, t],
  )

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
      {rows && rows.length > 0 && (
        <div className="audit-scroll">
          <table className="shift-table audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.time')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.approvedBy')}</th>
                <th scope="col">{t('audit.register')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="audit-row" data-action={row.action}>
                  <td>{formatDateTime(row.createdAt, locale)}</td>
                  <td className="audit-action">{row.label}</td>
                  <td>{row.who}</td>
                  <td>{row.approvedBy || '—'}</td>
                  <td>{row.register || '—'}</td>
                  <td className="audit-details">{row.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
