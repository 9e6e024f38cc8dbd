import { useEffect, useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import type {
  StockHistoryEntry,
  StockHistoryReply,
} from '../../../../shared/backoffice/stockOffice'
import { columnHelper, DataTable } from '../../components/DataTable'
import { ErrorMessage } from '../../components/Messages'
import { errorSentence } from '../../forms/errorText'
import { useTranslation } from '../../i18n'
import { dateTime } from '../format'
import { useSignedIn } from '../session/sessionContext'
import { loadHistory, quantityText } from './stockApi'

const column = columnHelper<StockHistoryEntry>()

type Pages =
  | { state: 'loading'; reply: StockHistoryReply | null; entries: StockHistoryEntry[] }
  | { state: 'ready'; reply: StockHistoryReply; entries: StockHistoryEntry[] }
  | { state: 'failed'; error: string; entries: StockHistoryEntry[] }

/** Every stock movement of one product in one store, newest first, with the running balance. */
export function StockHistoryPage() {
  const { t, i18n } = useTranslation('stock')
  const { api } = useSignedIn()
  const [params] = useSearchParams()
  const storeId = params.get('store') ?? ''
  const productId = params.get('product') ?? ''
  const variantId = params.get('variant')
  const locale = i18n.language
  const [before, setBefore] = useState<number | null>(null)
  const [pages, setPages] = useState<Pages>({ state: 'loading', reply: null, entries: [] })

  useEffect(() => {
    let isCurrent = true
    loadHistory(api, { storeId, productId, variantId, before })
      .then((reply) => {
        if (!isCurrent) return
        setPages((previous) => ({
          state: 'ready',
          reply,
          entries: before === null ? reply.entries : [...previous.entries, ...reply.entries],
        }))
      })
      .catch((error: unknown) => {
        if (isCurrent)
          setPages((previous) => ({
            state: 'failed',
            error: errorSentence(error, t),
            entries: previous.entries,
          }))
      })
    return () => {
      isCurrent = false
    }
  }, [api, storeId, productId, variantId, before, t])

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('at', {
          header: t('history.columns.at'),
          cell: (info) => dateTime(info.getValue(), locale),
        }),
        column.accessor('kind', {
          header: t('history.columns.kind'),
          cell: (info) =>
            t(`history.kinds.${info.getValue()}`, { defaultValue: info.getValue() }) +
            (info.row.original.note ? ` (${info.row.original.note})` : ''),
        }),
        column.accessor('reason', {
          header: t('history.columns.reason'),
          cell: (info) => {
            const reason = info.getValue()
            return reason ? t(`history.reasons.${reason}`, { defaultValue: reason }) : ''
          },
        }),
        column.accessor('quantity', {
          header: t('history.columns.quantity'),
          cell: (info) => <span className="numeric">{quantityText(info.getValue(), locale)}</span>,
        }),
        column.accessor('balance', {
          header: t('history.columns.balance'),
          cell: (info) => (
            <span className={info.getValue() < 0 ? 'numeric bo-negative' : 'numeric'}>
              {quantityText(info.getValue(), locale)}
            </span>
          ),
        }),
        column.accessor('by', {
          header: t('history.columns.by'),
          cell: (info) => info.getValue() ?? t('history.backOffice'),
        }),
        column.accessor('reference', {
          header: t('history.columns.reference'),
          cell: (info) => {
            const reference = info.getValue()
            return reference
              ? t(`history.references.${reference.kind}`, { label: reference.label })
              : ''
          },
        }),
      ]),
    [t, locale],
  )
  const reply =
    pages.state === 'ready' ? pages.reply : pages.state === 'loading' ? pages.reply : null
  const name = reply?.name ?? productId

  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title" dir="auto">
          {t('history.title', { name })}
        </h1>
      </div>
      <p>
        <Link className="bo-touch-link" to={`/stock?store=${encodeURIComponent(storeId)}`}>
          {t('history.back')}
        </Link>
      </p>
      {reply ? (
        <p data-testid="history-on-hand">
          {t('history.onHand', { value: quantityText(reply.onHand, locale) })}
        </p>
      ) : null}
      {pages.state === 'failed' ? <ErrorMessage>{pages.error}</ErrorMessage> : null}
      {pages.state === 'ready' && pages.entries.length === 0 ? (
        <p className="page-card-empty">{t('history.empty')}</p>
      ) : null}
      {pages.entries.length > 0 ? (
        <DataTable
          caption={t('history.title', { name })}
          columns={columns}
          data={pages.entries}
          rowId={(row) => row.movementId}
          rowTestId="history-row"
          isWide
        />
      ) : null}
      {pages.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {pages.state === 'ready' && pages.reply.nextBefore !== null ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            const next = pages.reply.nextBefore
            setPages({ state: 'loading', reply: pages.reply, entries: pages.entries })
            setBefore(next)
          }}
        >
          {t('history.loadMore')}
        </button>
      ) : null}
    </div>
  )
}
