import { useState } from 'react'
import type { InvokeOutput } from '../../../../shared/ipc'
import { useDisplayLocale } from '../../appInfo'
import { useTranslation } from '../../i18n'

type Report = InvokeOutput<'catalog:importCsv'>

// Drawing many thousands of rows at once would stall the screen; the rest are one click away.
const firstRows = 1000

/** What an import did: counts, and every rejected row with its line number and reason. */
export function ImportReport({ report }: { report: Report }) {
  const { t } = useTranslation('catalog')
  const locale = useDisplayLocale()
  const [isShowingAll, setIsShowingAll] = useState(false)
  const number = (value: number) => value.toLocaleString(locale)
  const rows = isShowingAll ? report.rejected : report.rejected.slice(0, firstRows)
  const rejectedCount = report.rejected.length

  return (
    <div className="catalog-report" data-testid="import-report">
      <dl className="catalog-report-counts">
        <div>
          <dt>{t('report.created')}</dt>
          <dd data-testid="import-created">{number(report.created)}</dd>
        </div>
        <div>
          <dt>{t('report.updated')}</dt>
          <dd data-testid="import-updated">{number(report.updated)}</dd>
        </div>
        <div>
          <dt>{t('report.unchanged')}</dt>
          <dd data-testid="import-unchanged">{number(report.unchanged)}</dd>
        </div>
        <div className={rejectedCount > 0 ? 'catalog-report-rejected' : undefined}>
          <dt>{t('report.rejected')}</dt>
          <dd data-testid="import-rejected">{number(rejectedCount)}</dd>
        </div>
      </dl>
      {rejectedCount === 0 ? (
        <p className="catalog-report-note">{t('report.allImported')}</p>
      ) : (
        <>
          <p className="catalog-report-note">
            {t('report.notImported', { count: rejectedCount, number: number(rejectedCount) })}
          </p>
          <div className="catalog-report-scroll">
            <table className="catalog-report-table" aria-label={t('report.rejectedRows')}>
              <thead>
                <tr>
                  <th scope="col">{t('report.line')}</th>
                  <th scope="col">{t('report.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={`${row.line}-${index}`} data-testid="rejected-row">
                    <td className="numeric">
                      {t('report.lineNumber', { line: number(row.line) })}
                    </td>
                    <td>{row.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length < rejectedCount && (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setIsShowingAll(true)}
            >
              {t('report.showAll', { number: number(rejectedCount) })}
            </button>
          )}
        </>
      )}
    </div>
  )
}
