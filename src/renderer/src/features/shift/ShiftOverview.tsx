import { useEffect, useState } from 'react'
import { useAppInfo, useMoney } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { pos } from '../../pos'
import type { ShiftSummary } from '../../types'
import { CashMovementDialog } from './CashMovementDialog'
import { formatDateTime } from './format'
import { NoSaleDialog } from './NoSaleDialog'
import { useLoad } from './useLoad'
import { ZReportView } from './ZReportView'

type Dialog = 'cashIn' | 'cashOut' | 'noSale' | null

interface ShiftOverviewProps {
  shift: ShiftSummary
  onStartClose: () => void
}

/** The open shift: who opened it with what float, the drawer actions, and the X report so far. */
export function ShiftOverview({ shift, onStartClose }: ShiftOverviewProps) {
  const { locale } = useAppInfo()
  const money = useMoney()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const preview = useLoad(
    shift.id,
    () => pos.invoke('shift:preview'),
    'Could not read the X report',
  )
  const { reload } = preview

  // A sale rung up on this register changes the running figures.
  useEffect(() => pos.on('order:created', reload), [reload])

  function recorded(message: string) {
    setDialog(null)
    setNotice(message)
    reload()
  }

  return (
    <>
      <section className="page-card" aria-labelledby="shift-open-title">
        <div className="page-card-header">
          <h3 id="shift-open-title" className="page-card-title">
            Shift open
          </h3>
          <span className="status-badge shift-open-badge">Open</span>
        </div>
        <dl className="detail-list">
          <div className="detail-row">
            <dt>Opened</dt>
            <dd data-testid="shift-opened-at">{formatDateTime(shift.openedAt, locale)}</dd>
          </div>
          <div className="detail-row">
            <dt>Opened by</dt>
            <dd data-testid="shift-opened-by">{shift.openedByName ?? 'Unknown'}</dd>
          </div>
          <div className="detail-row">
            <dt>Opening float</dt>
            <dd className="money" data-testid="shift-float" data-cents={shift.openingCashCents}>
              {money(shift.openingCashCents)}
            </dd>
          </div>
        </dl>
        {notice && (
          <p role="status" className="shift-notice">
            {notice}
          </p>
        )}
        <div className="shift-actions" role="group" aria-label="Drawer">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setDialog('cashIn')}
          >
            Cash in
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setDialog('cashOut')}
          >
            Cash out
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setDialog('noSale')}
          >
            No sale
          </button>
          <button
            type="button"
            className="button button-primary shift-close-button"
            onClick={onStartClose}
          >
            Close shift
          </button>
        </div>
      </section>

      {preview.error && <ErrorAlert message={preview.error} onRetry={reload} />}
      {preview.data ? (
        <ZReportView
          report={preview.data}
          label="X report"
          actions={
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={reload}
              disabled={preview.isLoading}
              aria-busy={preview.isLoading}
            >
              Refresh
            </button>
          }
        />
      ) : (
        !preview.error && <p className="page-loading">Reading the figures so far…</p>
      )}

      {(dialog === 'cashIn' || dialog === 'cashOut') && (
        <CashMovementDialog
          kind={dialog === 'cashIn' ? 'IN' : 'OUT'}
          onClose={() => setDialog(null)}
          onRecorded={(movement) =>
            recorded(
              `${movement.kind === 'IN' ? 'Cash in' : 'Cash out'} of ${money(movement.amountCents)} recorded.`,
            )
          }
        />
      )}
      {dialog === 'noSale' && (
        <NoSaleDialog
          onClose={() => setDialog(null)}
          onOpened={() => recorded('Drawer opened (no sale). It is in the audit log.')}
        />
      )}
    </>
  )
}
