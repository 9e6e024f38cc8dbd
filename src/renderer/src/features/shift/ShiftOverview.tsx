import { useState } from 'react'
import { useDisplayLocale, useMoney } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import type { ShiftSummary } from '../../types'
import { CashMovementDialog } from './CashMovementDialog'
import { formatDateTime } from './format'
import { NoSaleDialog } from './NoSaleDialog'
import { useLoad } from '../../hooks/useLoad'
import { ZReportView } from './ZReportView'

type Dialog = 'cashIn' | 'cashOut' | 'noSale' | null

interface ShiftOverviewProps {
  shift: ShiftSummary
  onStartClose: () => void
}

/** The open shift: who opened it with what float, the drawer actions, and the X report so far. */
export function ShiftOverview({ shift, onStartClose }: ShiftOverviewProps) {
  const { t } = useTranslation('shift')
  const locale = useDisplayLocale()
  const money = useMoney()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const preview = useLoad(() => pos.invoke('shift:preview'), [shift.id], {
    // A sale rung up on this register changes the running figures.
    reloadOn: ['order:created'],
    describeError: (reason) => `${t('overview.previewFailed')}: ${reason}`,
  })
  const { reload } = preview

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
            {t('overview.title')}
          </h3>
          <span className="status-badge shift-open-badge">{t('overview.badge')}</span>
        </div>
        <dl className="detail-list">
          <div className="detail-row">
            <dt>{t('overview.opened')}</dt>
            <dd data-testid="shift-opened-at">{formatDateTime(shift.openedAt, locale)}</dd>
          </div>
          <div className="detail-row">
            <dt>{t('overview.openedBy')}</dt>
            <dd data-testid="shift-opened-by">{shift.openedByName ?? t('overview.unknown')}</dd>
          </div>
          <div className="detail-row">
            <dt>{t('overview.float')}</dt>
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
        <div className="shift-actions" role="group" aria-label={t('overview.drawer')}>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setDialog('cashIn')}
          >
            {t('overview.cashIn')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setDialog('cashOut')}
          >
            {t('overview.cashOut')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setDialog('noSale')}
          >
            {t('overview.noSale')}
          </button>
          <button
            type="button"
            className="button button-primary shift-close-button"
            onClick={onStartClose}
          >
            {t('overview.closeShift')}
          </button>
        </div>
      </section>

      {preview.error && <ErrorAlert message={preview.error} onRetry={reload} />}
      {preview.data ? (
        <ZReportView
          report={preview.data}
          label={t('report.x')}
          actions={
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={reload}
              disabled={preview.isLoading}
              aria-busy={preview.isLoading}
            >
              {t('page.refresh')}
            </button>
          }
        />
      ) : (
        !preview.error && <p className="page-loading">{t('overview.reading')}</p>
      )}

      {(dialog === 'cashIn' || dialog === 'cashOut') && (
        <CashMovementDialog
          kind={dialog === 'cashIn' ? 'IN' : 'OUT'}
          onClose={() => setDialog(null)}
          onRecorded={(movement) =>
            recorded(
              t(movement.kind === 'IN' ? 'overview.cashInRecorded' : 'overview.cashOutRecorded', {
                amount: money(movement.amountCents),
              }),
            )
          }
        />
      )}
      {dialog === 'noSale' && (
        <NoSaleDialog
          onClose={() => setDialog(null)}
          onOpened={() => recorded(t('overview.drawerOpened'))}
        />
      )}
    </>
  )
}
