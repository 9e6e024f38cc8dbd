import { useEffect, useRef, useState } from 'react'
import '../../styles/shift.css'
import { useTranslation } from '../../i18n'
import type { ZReport } from '../../types'
import { isManagerRole, useSession } from '../session/useSession'
import { AuditLog } from './AuditLog'
import { CloseShiftForm } from './CloseShiftForm'
import { OpenShiftForm } from './OpenShiftForm'
import { ShiftHistory } from './ShiftHistory'
import { ShiftOverview } from './ShiftOverview'
import { ZReportView } from './ZReportView'

type View =
  | { kind: 'overview' }
  | { kind: 'closing' }
  | { kind: 'report'; report: ZReport; isJustClosed: boolean }

/** Open the shift, move cash, count the drawer out, and read Z reports (this one or past ones). */
export function ShiftPage() {
  const { t } = useTranslation('shift')
  const { session, refresh } = useSession()
  const [view, setView] = useState<View>({ kind: 'overview' })
  const reportRef = useRef<HTMLDivElement>(null)
  const shift = session.shift
  const canManage = isManagerRole(session.employee?.role)

  // A report replaces the page: focus moves to it so it is read out and Esc-free to leave.
  useEffect(() => {
    if (view.kind === 'report') reportRef.current?.focus()
  }, [view])

  if (view.kind === 'report') {
    return (
      <div className="page">
        <div className="page-content" ref={reportRef} tabIndex={-1}>
          <header className="page-header">
            <h2 className="page-title">
              {view.isJustClosed ? t('page.closed') : t('page.report')}
            </h2>
          </header>
          {view.isJustClosed && (
            <p role="status" className="shift-notice">
              {t('page.closedNotice')}
            </p>
          )}
          <ZReportView
            report={view.report}
            actions={
              <>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => window.print()}
                >
                  {t('page.print')}
                </button>
                <button
                  type="button"
                  className="button button-primary button-small"
                  onClick={() => setView({ kind: 'overview' })}
                >
                  {t('page.done')}
                </button>
              </>
            }
          />
        </div>
      </div>
    )
  }

  const isClosing = view.kind === 'closing' && shift !== null
  return (
    <div className="page">
      <div className="page-content">
        <header className="page-header">
          <h2 className="page-title">{t('page.title')}</h2>
        </header>
        {shift === null && <OpenShiftForm onOpened={refresh} />}
        {shift !== null && isClosing && (
          <CloseShiftForm
            shiftId={shift.id}
            onCancel={() => setView({ kind: 'overview' })}
            onClosed={(report) => {
              setView({ kind: 'report', report, isJustClosed: true })
              void refresh()
            }}
          />
        )}
        {shift !== null && !isClosing && (
          <ShiftOverview shift={shift} onStartClose={() => setView({ kind: 'closing' })} />
        )}
        {!isClosing && (
          <ShiftHistory
            version={shift?.id ?? 'none'}
            onOpenReport={(report) => setView({ kind: 'report', report, isJustClosed: false })}
          />
        )}
        {!isClosing && canManage && <AuditLog />}
      </div>
    </div>
  )
}
