import { useState } from 'react'
import { useDisplayLocale, useMoney } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { ZReport } from '../../types'
import { differenceLabel, formatDateTime } from './format'
import { useLoad } from '../../hooks/useLoad'

interface ShiftHistoryProps {
  /** Changes when a shift opens or closes, so the list reads again. */
  version: string
  onOpenReport: (report: ZReport) => void
}

/** Recent shifts on this register; each opens its report to view or print again. */
export function ShiftHistory({ version, onOpenReport }: ShiftHistoryProps) {
  const { t } = useTranslation('shift')
  const locale = useDisplayLocale()
  const money = useMoney()
  const shifts = useLoad(() => pos.invoke('shift:list'), [version], {
    describeError: (reason) => `${t('history.failed')}: ${reason}`,
  })
  const [openingId, setOpeningId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function openReport(shiftId: string) {
    setOpeningId(shiftId)
    setError(null)
    try {
      onOpenReport(await pos.invoke('shift:getReport', { shiftId }))
    } catch (failure) {
      setError(t('history.reportFailed', { error: errorMessage(failure) }))
    } finally {
      setOpeningId(null)
    }
  }

  const closed = (shifts.data ?? []).filter((shift) => shift.status === 'CLOSED')

  return (
    <section className="page-card" aria-labelledby="shift-history-title">
      <h3 id="shift-history-title" className="page-card-title">
        {t('history.title')}
      </h3>
      {shifts.error && <ErrorAlert message={shifts.error} onRetry={shifts.reload} />}
      {error && <ErrorAlert message={error} onDismiss={() => setError(null)} />}
      {shifts.data === null && !shifts.error && <p className="page-loading">{t('page.loading')}</p>}
      {shifts.data !== null && closed.length === 0 && (
        <p className="page-card-empty">{t('history.none')}</p>
      )}
      {closed.length > 0 && (
        <table className="shift-table">
          <thead>
            <tr>
              <th scope="col">{t('history.opened')}</th>
              <th scope="col">{t('history.closed')}</th>
              <th scope="col">{t('history.openedBy')}</th>
              <th scope="col">{t('history.expected')}</th>
              <th scope="col">{t('history.counted')}</th>
              <th scope="col">{t('history.difference')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('history.report')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {closed.map((shift) => {
              const openedAt = formatDateTime(shift.openedAt, locale)
              return (
                <tr key={shift.id} data-testid="shift-history-row">
                  <td>{openedAt}</td>
                  <td>{shift.closedAt ? formatDateTime(shift.closedAt, locale) : '—'}</td>
                  <td>{shift.openedByName ?? '—'}</td>
                  <td className="money">
                    {shift.expectedCashCents === null ? '—' : money(shift.expectedCashCents)}
                  </td>
                  <td className="money">
                    {shift.countedCashCents === null ? '—' : money(shift.countedCashCents)}
                  </td>
                  <td className="money">
                    {shift.differenceCents === null
                      ? '—'
                      : `${money(shift.differenceCents)} ${differenceLabel(shift.differenceCents).toLowerCase()}`}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={t('history.viewReportFor', { time: openedAt })}
                      disabled={openingId !== null}
                      aria-busy={openingId === shift.id}
                      onClick={() => void openReport(shift.id)}
                    >
                      {t('history.viewReport')}
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
