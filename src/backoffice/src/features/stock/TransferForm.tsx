import type { FormEvent } from 'react'
import { useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import { SelectField, TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { errorSentence } from '../../forms/errorText'
import { useTranslation } from '../../i18n'
import { useSignedIn } from '../session/sessionContext'
import { loadLevels, quantityOf, sendTransfer } from './stockApi'

interface Line {
  item: string
  quantity: string
}

/** A new transfer from this store: the receiving store and lines of product and quantity. */
export function TransferForm({
  store,
  others,
  onSent,
}: {
  store: StoreDetail
  others: StoreDetail[]
  onSent: (storeName: string) => void
}) {
  const { t } = useTranslation('stock')
  const { api } = useSignedIn()
  const { load } = useLoad(() => loadLevels(api, store.id), `levels|${store.id}`)
  const rows = load.state === 'ready' ? (load.value.stores[0]?.rows ?? []) : []
  const [toStoreId, setToStoreId] = useState(others[0]?.id ?? '')
  const [lines, setLines] = useState<Line[]>([{ item: '', quantity: '' }])
  const [error, setError] = useState<string | null>(null)
  const keyOf = (productId: string, variantId: string | null) => `${productId}|${variantId ?? ''}`
  const options = [
    { value: '', label: '—' },
    ...rows.map((row) => ({
      value: keyOf(row.productId, row.variantId),
      label: row.sku ? `${row.name} (${row.sku})` : row.name,
    })),
  ]

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    const parsed = lines.map((line) => {
      const row = rows.find((one) => keyOf(one.productId, one.variantId) === line.item)
      const quantity = quantityOf(line.quantity)
      return row && quantity !== null && quantity > 0
        ? { productId: row.productId, variantId: row.variantId, quantity }
        : null
    })
    const to = others.find((one) => one.id === toStoreId)
    if (!to || parsed.some((line) => line === null)) {
      setError(t('transfers.invalid'))
      return
    }
    try {
      await sendTransfer(api, {
        fromStoreId: store.id,
        toStoreId: to.id,
        lines: parsed.filter((line) => line !== null),
      })
      setLines([{ item: '', quantity: '' }])
      onSent(to.name)
    } catch (failure) {
      setError(errorSentence(failure, t))
    }
  }
  const setLine = (index: number, change: Partial<Line>) =>
    setLines(lines.map((line, at) => (at === index ? { ...line, ...change } : line)))

  return (
    <form
      className="page-card"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="transfer-new"
    >
      <h2 id="transfer-new" className="page-section-title">
        {t('transfers.newTitle')}
      </h2>
      <SelectField
        name="toStoreId"
        label={t('transfers.to')}
        value={toStoreId}
        options={others.map((one) => ({ value: one.id, label: `${one.code} — ${one.name}` }))}
        onChange={setToStoreId}
      />
      {lines.map((line, index) => (
        <div key={index} className="bo-toolbar" data-testid="transfer-form-line">
          <SelectField
            name={`line-${index}-product`}
            label={t('transfers.product')}
            value={line.item}
            options={options}
            onChange={(item) => setLine(index, { item })}
          />
          <TextField
            name={`line-${index}-quantity`}
            label={t('transfers.quantity')}
            type="text"
            value={line.quantity}
            onChange={(quantity) => setLine(index, { quantity })}
          />
          {lines.length > 1 ? (
            <button
              type="button"
              className="button button-secondary"
              aria-label={t('transfers.removeLine', { number: index + 1 })}
              onClick={() => setLines(lines.filter((_, at) => at !== index))}
            >
              ×
            </button>
          ) : null}
        </div>
      ))}
      <div className="bo-toolbar">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setLines([...lines, { item: '', quantity: '' }])}
        >
          {t('transfers.addLine')}
        </button>
        <button type="submit" className="button button-primary">
          {t('transfers.send')}
        </button>
      </div>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
    </form>
  )
}
