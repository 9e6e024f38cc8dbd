import { useState } from 'react'
import { useDisplayLocale } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { Loaded } from '../../hooks/useLoad'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import { MovementResultView } from './MovementResultView'
import { toReceivingLines } from './receivingModel'
import { ReceivingView } from './ReceivingView'
import type { StockItem } from './stockItem'
import type { TransferView } from './stockTypes'
import type { AppliedMovement } from './useCountSession'

interface TransferIncomingViewProps {
  transfers: Loaded<{ incoming: TransferView[]; outgoing: TransferView[] }>
  isActive: boolean
  onHistory: (item: StockItem) => void
}

/** Stock another store sent here: open a transfer, scan what arrived, receive (partly is fine). */
export function TransferIncomingView({
  transfers,
  isActive,
  onHistory,
}: TransferIncomingViewProps) {
  const { t } = useTranslation('stock')
  const locale = useDisplayLocale()
  const [openId, setOpenId] = useState<string | null>(null)
  const [revision, setRevision] = useState(0)
  const [received, setReceived] = useState<AppliedMovement | null>(null)
  const incoming = transfers.data?.incoming ?? []
  const open = incoming.find((transfer) => transfer.id === openId) ?? null

  function title(transfer: TransferView) {
    return t('transfers.incomingTitle', {
      store: transfer.fromStoreName ?? t('transfers.unknownStore'),
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(
        new Date(transfer.createdAt),
      ),
    })
  }

  return (
    <div className="stock-section" data-testid="transfer-incoming">
      {received && (
        <MovementResultView
          title={t('transfers.receivedTitle')}
          result={received.result}
          names={received.names}
          onDone={() => setReceived(null)}
        />
      )}
      {transfers.error && <ErrorAlert message={transfers.error} onRetry={transfers.reload} />}
      {open ? (
        <ReceivingView
          key={`${open.id}:${revision}`}
          title={title(open)}
          lines={toReceivingLines(open.lines)}
          dueLabel={t('columns.sent')}
          hasNote={false}
          receive={({ ids, lines }) =>
            pos.invoke('stock:transferReceive', {
              transferId: open.id,
              movementId: ids.movementId,
              lines,
            })
          }
          isActive={isActive}
          onHistory={onHistory}
          onBack={() => setOpenId(null)}
          onReceived={(result, names) => {
            setReceived({ result, names })
            setRevision((count) => count + 1)
            transfers.reload()
          }}
        />
      ) : (
        <div aria-busy={transfers.isLoading}>
          {transfers.data && incoming.length === 0 && (
            <p className="page-card-empty">{t('transfers.noneIncoming')}</p>
          )}
          <ul className="stock-list" aria-label={t('transfers.incomingLabel')}>
            {incoming.map((transfer) => (
              <li key={transfer.id}>
                <button
                  type="button"
                  className="button button-secondary stock-list-button"
                  data-testid="incoming-transfer"
                  onClick={() => {
                    setReceived(null)
                    setOpenId(transfer.id)
                  }}
                >
                  <span>{title(transfer)}</span>
                  <span className="stock-flag">
                    {transfer.isFullyReceived
                      ? t('transfers.fullyReceived')
                      : t('transfers.toReceive')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
