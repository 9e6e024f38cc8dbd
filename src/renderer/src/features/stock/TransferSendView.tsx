import { useState } from 'react'
import { useDisplayLocale } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useLoad } from '../../hooks/useLoad'
import { useTranslation } from '../../i18n'
import { pos } from '../../pos'
import { MovementResultView } from './MovementResultView'
import { ProductPicker } from './ProductPicker'
import {
  addToLine,
  lineInputs,
  removeQuantityLine,
  setLineQuantity,
  type QuantityLine,
} from './quantityLines'
import { QuantityLinesTable } from './QuantityLinesTable'
import type { StockItem } from './stockItem'
import { namesOf, type AppliedMovement } from './useCountSession'
import { useStockScan } from './useStockScan'
import { useSubmitOnce } from './useSubmitOnce'

interface TransferSendViewProps {
  isActive: boolean
  onHistory: (item: StockItem) => void
  onSent: () => void
}

/** Stock leaving for another store of the business: pick the store, scan what goes, send. */
export function TransferSendView({ isActive, onHistory, onSent }: TransferSendViewProps) {
  const { t } = useTranslation('stock')
  const locale = useDisplayLocale()
  const submitter = useSubmitOnce()
  const destinations = useLoad(() => pos.invoke('stock:transferDestinations', {}), [], {
    describeError: (error) => t('transfers.destinationsFailed', { error }),
  })
  const [toStoreId, setToStoreId] = useState('')
  const [lines, setLines] = useState<QuantityLine[]>([])
  const [note, setNote] = useState('')
  const [sent, setSent] = useState<AppliedMovement | null>(null)
  const stores = destinations.data?.stores ?? []

  function change(update: (current: QuantityLine[]) => QuantityLine[]) {
    submitter.invalidate()
    setLines(update)
  }
  const scan = useStockScan(isActive && !submitter.isBusy, (item, quantity) =>
    change((current) => addToLine(current, item, quantity)),
  )

  async function send() {
    const inputs = lineInputs(lines)
    const result = await submitter.submit(inputs, ({ movementId, documentId }) =>
      pos.invoke('stock:transferSend', {
        transferId: documentId,
        movementId,
        toStoreId,
        lines: inputs,
        note: note.trim() === '' ? undefined : note.trim(),
      }),
    )
    if (result === null) return
    setSent({ result, names: namesOf(lines.map((line) => line.item)) })
    setLines([])
    setNote('')
    onSent()
  }

  const fetchedAt = destinations.data?.fetchedAt
  return (
    <div className="stock-section" data-testid="transfer-send">
      {sent && (
        <MovementResultView
          title={t('transfers.sentTitle')}
          result={sent.result}
          names={sent.names}
          onDone={() => setSent(null)}
        />
      )}
      {destinations.error && (
        <ErrorAlert message={destinations.error} onRetry={destinations.reload} />
      )}
      <label className="field">
        <span className="field-label">{t('transfers.destination')}</span>
        <select
          className="field-input"
          value={toStoreId}
          aria-busy={destinations.isLoading}
          onChange={(event) => {
            submitter.invalidate()
            setToStoreId(event.target.value)
          }}
        >
          <option value="">{t('transfers.chooseStore')}</option>
          {stores.map((store) => (
            <option key={store.storeId} value={store.storeId}>
              {store.name}
            </option>
          ))}
        </select>
      </label>
      {destinations.data && fetchedAt === null && (
        <p className="stock-scan-notice">{t('transfers.noDestinations')}</p>
      )}
      {destinations.data?.isCached && fetchedAt && (
        <p className="field-hint">
          {t('transfers.cachedDestinations', {
            date: new Intl.DateTimeFormat(locale, {
              dateStyle: 'medium',
              timeStyle: 'short',
            }).format(new Date(fetchedAt)),
          })}
        </p>
      )}
      <ProductPicker scan={scan} label={t('transfers.pickLabel')} />
      {lines.length === 0 ? (
        <p className="page-card-empty">{t('transfers.sendEmpty')}</p>
      ) : (
        <QuantityLinesTable
          testId="transfer-lines"
          lines={lines}
          quantityLabel={t('columns.quantity')}
          fieldLabel={(name) => t('transfers.quantityFor', { name })}
          errors={submitter.errors.lines}
          onQuantity={(key, quantity) =>
            change((current) => setLineQuantity(current, key, quantity))
          }
          onRemove={(key) => change((current) => removeQuantityLine(current, key))}
          onHistory={onHistory}
        />
      )}
      <label className="field">
        <span className="field-label">{t('transfers.note')}</span>
        <input
          className="field-input"
          maxLength={500}
          value={note}
          onChange={(event) => {
            submitter.invalidate()
            setNote(event.target.value)
          }}
        />
      </label>
      {submitter.errors.form && <ErrorAlert message={submitter.errors.form} />}
      <div className="stock-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={
            submitter.isBusy ||
            toStoreId === '' ||
            lines.length === 0 ||
            lines.some((line) => line.quantity <= 0)
          }
          aria-busy={submitter.isBusy}
          onClick={() => void send()}
        >
          {submitter.isBusy && <span className="spinner" aria-hidden="true" />}
          {t('transfers.send')}
        </button>
      </div>
    </div>
  )
}
