import { useState } from 'react'
import type { InvokeOutput } from '../../../../shared/ipc'
import { useAppInfo } from '../../appInfo'

type Report = InvokeOutput<'catalog:importCsv'>

// Drawing many thousands of rows at once would stall the screen; the rest are one click away.
const firstRows = 1000

/** What an import did: counts, and every rejected row with its line number and reason. */
export function ImportReport({ report }: { report: Report }) {
  const { locale } = useAppInfo()
  const [isShowingAll, setIsShowingAll] = useState(false)
  const number = (value: number) => value.toLocaleString(locale)
  const rows = isShowingAll ? report.rejected : report.rejected.slice(0, firstRows)
  const rejectedCount = report.rejected.length

  return (
    <div className="catalog-report" data-testid="import-report">
      <dl className="catalog-report-counts">
        <div>
          <dt>Created</dt>
          <dd data-testid="import-created">{number(report.created)}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd data-testid="import-updated">{number(report.updated)}</dd>
        </div>
        <div>
          <dt>Unchanged</dt>
          <dd data-testid="import-unchanged">{number(report.unchanged)}</dd>
        </div>
        <div className={rejectedCount > 0 ? 'catalog-report-rejected' : undefined}>
          <dt>Rejected</dt>
          <dd data-testid="import-rejected">{number(rejectedCount)}</dd>
        </div>
      </dl>
      {rejectedCount === 0 ? (
        <p className="catalog-report-note">Every row was imported.</p>
      ) : (
        <>
          <p className="catalog-report-note">
            {rejectedCount === 1 ? 'This row was' : `These ${number(rejectedCount)} rows were`} not
            imported. Fix {rejectedCount === 1 ? 'it' : 'them'} in the file and import it again:
            rows already imported then count as unchanged.
          </p>
          <div className="catalog-report-scroll">
            <table className="catalog-report-table" aria-label="Rejected rows">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={`${row.line}-${index}`} data-testid="rejected-row">
                    <td className="numeric">Line {number(row.line)}</td>
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
              Show all {number(rejectedCount)} rejected rows
            </button>
          )}
        </>
      )}
    </div>
  )
}
