import type { FormEvent } from 'react'
import { useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import type { SuggestedOrderReply } from '../../../../shared/backoffice/stockTransfers'
import { SelectField, TextField } from '../../components/Field'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { errorSentence } from '../../forms/errorText'
import { useTranslation } from '../../i18n'
import { formatMoney } from '../catalog/money'
import { useSignedIn } from '../session/sessionContext'
import {
  loadLevels,
  loadReorderRules,
  loadSuggestedOrder,
  quantityOf,
  quantityText,
  saveReorderRule,
} from './stockApi'
import { StockTabs } from './StockTabs'
import { useStockStore } from './useStockStore'

/** Reorder points per product of a store, and the suggested order they give, by supplier. */
export function ReorderPage() {
  const { t } = useTranslation('stock')
  const { store, picker } = useStockStore()
  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('reorder.title')}</h1>
      </div>
      <StockTabs />
      <div className="bo-toolbar">{picker}</div>
      {store ? <StoreReorder key={store.id} store={store} /> : null}
    </div>
  )
}

function StoreReorder({ store }: { store: StoreDetail }) {
  const { t, i18n } = useTranslation('stock')
  const { api } = useSignedIn()
  const { load, reload } = useLoad(async () => {
    const [levels, rules, suggested] = await Promise.all([
      loadLevels(api, store.id),
      loadReorderRules(api, store.id),
      loadSuggestedOrder(api, store.id),
    ])
    return { rows: levels.stores[0]?.rows ?? [], rules, suggested }
  }, store.id)
  const [draft, setDraft] = useState({ item: '', point: '', quantity: '', supplierId: '' })
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null)
  if (load.state === 'loading') return <p className="page-loading">{t('common:loading')}</p>
  if (load.state === 'failed') return <ErrorMessage>{load.error}</ErrorMessage>
  const { rows, rules, suggested } = load.value
  const keyOf = (productId: string, variantId: string | null) => `${productId}:${variantId ?? ''}`
  const item = rows.find((row) => keyOf(row.productId, row.variantId) === draft.item) ?? rows[0]
  const rule = item
    ? rules.rules.find(
        (one) => keyOf(one.productId, one.variantId) === keyOf(item.productId, item.variantId),
      )
    : undefined

  const pick = (key: string) => {
    const next = rows.find((row) => keyOf(row.productId, row.variantId) === key)
    const existing = next
      ? rules.rules.find((one) => keyOf(one.productId, one.variantId) === key)
      : undefined
    setDraft({
      item: key,
      point: existing ? String(existing.reorderPoint) : '',
      quantity: existing ? String(existing.reorderQuantity) : '',
      supplierId: existing?.preferredSupplierId ?? '',
    })
  }
  const save = async (event: FormEvent) => {
    event.preventDefault()
    const point = quantityOf(draft.point)
    const quantity = quantityOf(draft.quantity)
    if (!item || point === null || quantity === null || quantity < 0) {
      setMessage({ isError: true, text: t('reorder.invalid') })
      return
    }
    try {
      await saveReorderRule(api, store.id, rule?.id ?? crypto.randomUUID(), {
        productId: item.productId,
        variantId: item.variantId,
        reorderPoint: point,
        reorderQuantity: quantity,
        preferredSupplierId: draft.supplierId || null,
        baseVersion: rule?.version ?? 0,
      })
      setMessage({ isError: false, text: t('reorder.saved', { name: item.name }) })
      reload()
    } catch (error) {
      setMessage({ isError: true, text: errorSentence(error, t) })
    }
  }

  return (
    <>
      <form
        className="bo-toolbar"
        onSubmit={(event) => void save(event)}
        aria-label={t('reorder.title')}
      >
        <SelectField
          name="item"
          label={t('reorder.product')}
          value={item ? keyOf(item.productId, item.variantId) : ''}
          options={rows.map((row) => ({
            value: keyOf(row.productId, row.variantId),
            label: row.sku ? `${row.name} (${row.sku})` : row.name,
          }))}
          onChange={pick}
        />
        <TextField
          name="reorderPoint"
          label={t('reorder.point')}
          type="text"
          value={draft.point}
          onChange={(point) => setDraft({ ...draft, point })}
        />
        <TextField
          name="reorderQuantity"
          label={t('reorder.quantity')}
          type="text"
          value={draft.quantity}
          onChange={(quantity) => setDraft({ ...draft, quantity })}
        />
        <SelectField
          name="supplier"
          label={t('reorder.supplier')}
          value={draft.supplierId}
          options={[
            { value: '', label: t('reorder.noSupplier') },
            ...rules.suppliers.map((supplier) => ({ value: supplier.id, label: supplier.name })),
          ]}
          onChange={(supplierId) => setDraft({ ...draft, supplierId })}
        />
        <button type="submit" className="button button-primary">
          {t('reorder.save')}
        </button>
      </form>
      {message?.isError ? <ErrorMessage>{message.text}</ErrorMessage> : null}
      {message && !message.isError ? <StatusMessage>{message.text}</StatusMessage> : null}
      <Suggested reply={suggested} currency={store.currency} locale={i18n.language} />
    </>
  )
}

function Suggested({
  reply,
  currency,
  locale,
}: {
  reply: SuggestedOrderReply
  currency: string
  locale: string
}) {
  const { t } = useTranslation('stock')
  const money = (cents: number | null) =>
    cents === null ? '' : formatMoney(cents, currency, locale)
  return (
    <section aria-labelledby="suggested-title">
      <h2 id="suggested-title" className="page-section-title">
        {t('reorder.suggested')}
      </h2>
      <p className="field-hint">{t('reorder.suggestedNote')}</p>
      {reply.groups.length === 0 ? (
        <p className="page-card-empty">{t('reorder.noSuggestion')}</p>
      ) : null}
      {reply.groups.map((group) => (
        <div key={group.supplierId ?? ''} className="bo-stock-group" data-testid="suggested-group">
          <h3 dir="auto">{group.supplierName ?? t('reorder.unassigned')}</h3>
          <div className="bo-table-wrap">
            <table className="bo-table">
              <caption className="bo-visually-hidden">
                {group.supplierName ?? t('reorder.unassigned')}
              </caption>
              <thead>
                <tr>
                  {(
                    [
                      'name',
                      'sku',
                      'onHand',
                      'point',
                      'quantity',
                      'order',
                      'unitCost',
                      'lineCost',
                    ] as const
                  ).map((key) => (
                    <th key={key} scope="col">
                      {t(`reorder.columns.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {group.lines.map((line) => (
                  <tr
                    key={`${line.productId}:${line.variantId ?? ''}`}
                    data-testid="suggested-line"
                  >
                    <td dir="auto">{line.name}</td>
                    <td>{line.sku}</td>
                    <td className="numeric">{quantityText(line.onHand, locale)}</td>
                    <td className="numeric">{quantityText(line.reorderPoint, locale)}</td>
                    <td className="numeric">{quantityText(line.reorderQuantity, locale)}</td>
                    <td className="numeric">{quantityText(line.orderQuantity, locale)}</td>
                    <td className="numeric">{money(line.unitCostCents)}</td>
                    <td className="numeric">{money(line.lineCostCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>{t('reorder.groupTotal', { value: money(group.totalCents) })}</p>
        </div>
      ))}
    </section>
  )
}
