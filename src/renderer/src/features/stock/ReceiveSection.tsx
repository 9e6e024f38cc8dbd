import { useState } from 'react'
import { useDisplayLocale } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useLoad } from '../../hooks/useLoad'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import { MovementResultView } from './MovementResultView'
import { toReceivingLines } from './receivingModel'
import { ReceivingView } from './ReceivingView'
import type { StockItem } from './stockItem'
import type { AppliedMovement } from './useCountSession'
import type { ReceiveResult, ReceivingOrder } from './stockTypes'

interface ReceiveSectionProps {
  isActive: boolean
  onHistory: (item: StockItem) => void
}

/** Purchase orders the back office placed, received here by scanning what came in the delivery. */
export function ReceiveSection({ isActive, onHistory }: ReceiveSectionProps) {
  const { t } = useTranslation('stock')
  const locale = useDisplayLocale()
  const orders = useLoad(() => pos.invoke('stock:purchaseOrders', { includeReceived: false }), [], {
    describeError: (error) => t('receive.loadFailed', { error }),
  })
  const [openId, setOpenId] = useState<string | null>(null)
  // A new view after each receipt, so "received before" starts from what main now says.
  const [revision, setRevision] = useState(0)
  const [receipt, setReceipt] = useState<(AppliedMovement & { progress: string }) | null>(null)
  const open = orders.data?.find((order) => order.id === openId) ?? null

  function title(order: ReceivingOrder) {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(
      new Date(order.expectedAt ?? order.createdAt),
    )
    return t('receive.orderTitle', {
      reference: order.reference ?? t('receive.noReference'),
      supplier: order.supplierName ?? t('receive.noSupplier'),
      date,
    })
  }

  return (
    <div className="stock-section" data-testid="receive-section">
      {receipt && (
        <MovementResultView
          title={t('receive.receivedTitle', { progress: receipt.progress })}
          result={receipt.result}
          names={receipt.names}
          onDone={() => setReceipt(null)}
        />
      )}
      {orders.error && <ErrorAlert message={orders.error} onRetry={orders.reload} />}
      {open ? (
        <ReceivingView<ReceiveResult>
          key={`${open.id}:${revision}`}
          title={title(open)}
          lines={toReceivingLines(open.lines)}
          dueLabel={t('columns.ordered')}
          hasNote
          receive={({ ids, lines, note }) =>
            pos.invoke('stock:receive', {
              movementId: ids.movementId,
              purchaseOrderId: open.id,
              lines,
              note,
            })
          }
          isActive={isActive}
          onHistory={onHistory}
          onBack={() => setOpenId(null)}
          onReceived={(result, names) => {
            setReceipt({ result, names, progress: t(`receive.progress.${result.progress}`) })
            setRevision((count) => count + 1)
            orders.reload()
          }}
        />
      ) : (
        <div aria-busy={orders.isLoading}>
          {orders.data?.length === 0 && <p className="page-card-empty">{t('receive.none')}</p>}
          <ul className="stock-list" aria-label={t('receive.listLabel')}>
            {orders.data?.map((order) => (
              <li key={order.id}>
                <button
                  type="button"
                  className="button button-secondary stock-list-button"
                  data-testid="purchase-order"
                  onClick={() => {
                    setReceipt(null)
                    setOpenId(order.id)
                  }}
                >
                  <span>{title(order)}</span>
                  <span className="stock-flag">{t(`receive.progress.${order.progress}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
