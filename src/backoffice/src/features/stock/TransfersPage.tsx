import { useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import type { TransferView } from '../../../../shared/backoffice/stockTransfers'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { errorSentence } from '../../forms/errorText'
import { useTranslation } from '../../i18n'
import { dateTime } from '../format'
import { useSignedIn } from '../session/sessionContext'
import { loadTransfers, quantityText, settleTransfer } from './stockApi'
import { StockTabs } from './StockTabs'
import { TransferForm } from './TransferForm'
import { useStockStore } from './useStockStore'

/** A store's transfers in and out (sent against received), receive or cancel; send a new one. */
export function TransfersPage() {
  const { t } = useTranslation('stock')
  const { store, stores, picker } = useStockStore()
  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('transfers.title')}</h1>
      </div>
      <StockTabs />
      <div className="bo-toolbar">{picker}</div>
      {store ? <StoreTransfers key={store.id} store={store} stores={stores} /> : null}
    </div>
  )
}

function StoreTransfers({ store, stores }: { store: StoreDetail; stores: StoreDetail[] }) {
  const { t } = useTranslation('stock')
  const { api } = useSignedIn()
  const { load, reload } = useLoad(() => loadTransfers(api, store.id), store.id)
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null)
  const others = stores.filter((one) => one.id !== store.id && one.tenantId === store.tenantId)

  const settle = async (transfer: TransferView, action: 'receive' | 'cancel') => {
    setMessage(null)
    try {
      await settleTransfer(api, store.id, transfer.id, action)
      setMessage({
        isError: false,
        text: t(action === 'receive' ? 'transfers.received' : 'transfers.cancelled'),
      })
      reload()
    } catch (error) {
      setMessage({ isError: true, text: errorSentence(error, t) })
    }
  }

  return (
    <>
      {others.length > 0 ? (
        <TransferForm
          store={store}
          others={others}
          onSent={(name) => {
            setMessage({ isError: false, text: t('transfers.sent', { store: name }) })
            reload()
          }}
        />
      ) : (
        <p className="field-hint">{t('transfers.needTwoStores')}</p>
      )}
      {message?.isError ? <ErrorMessage>{message.text}</ErrorMessage> : null}
      {message && !message.isError ? <StatusMessage>{message.text}</StatusMessage> : null}
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && load.value.transfers.length === 0 ? (
        <p className="page-card-empty">{t('transfers.empty')}</p>
      ) : null}
      {load.state === 'ready'
        ? load.value.transfers.map((transfer) => (
            <TransferCard
              key={transfer.id}
              transfer={transfer}
              onSettle={(action) => void settle(transfer, action)}
            />
          ))
        : null}
    </>
  )
}

function TransferCard({
  transfer,
  onSettle,
}: {
  transfer: TransferView
  onSettle: (action: 'receive' | 'cancel') => void
}) {
  const { t, i18n } = useTranslation('stock')
  const locale = i18n.language
  const isIncoming = transfer.direction === 'incoming'
  const hasArrivals = transfer.lines.some((line) => line.received !== 0)
  const title = isIncoming
    ? t('transfers.incoming', { store: transfer.fromStoreName })
    : t('transfers.outgoing', { store: transfer.toStoreName })
  return (
    <section className="bo-stock-group" data-testid="transfer" aria-label={title}>
      <h2 className="page-section-title" dir="auto">
        {title} · {t(`transfers.status.${transfer.status}`)} ·{' '}
        {dateTime(transfer.createdAt, locale)}
      </h2>
      <div className="bo-table-wrap">
        <table className="bo-table">
          <caption className="bo-visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transfers.columns.name')}</th>
              <th scope="col">{t('transfers.columns.sent')}</th>
              <th scope="col">{t('transfers.columns.received')}</th>
            </tr>
          </thead>
          <tbody>
            {transfer.lines.map((line) => (
              <tr key={`${line.productId}:${line.variantId ?? ''}`} data-testid="transfer-line">
                <td dir="auto">{line.name}</td>
                <td className="numeric">{quantityText(line.sent, locale)}</td>
                <td className="numeric">{quantityText(line.received, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="bo-toolbar">
        {isIncoming && transfer.isOutstanding ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => onSettle('receive')}
          >
            {t('transfers.receive')}
          </button>
        ) : null}
        {!isIncoming && transfer.status === 'SENT' && !hasArrivals ? (
          <button
            type="button"
            className="button button-danger-outline"
            onClick={() => onSettle('cancel')}
          >
            {t('transfers.cancel')}
          </button>
        ) : null}
      </div>
    </section>
  )
}
