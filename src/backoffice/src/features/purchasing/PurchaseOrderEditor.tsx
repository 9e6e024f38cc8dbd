import { useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import type { AdminRecord, ProductRecordData } from '../../../../shared/backoffice/catalog'
import {
  UpdatePurchaseOrderBody,
  type PurchaseOrderView,
  type SupplierRecordData,
} from '../../../../shared/backoffice/purchasing'
import { Dialog } from '../../components/Dialog'
import { SelectField, TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { amountText, minorUnitsOf } from '../catalog/money'
import { usePurchasingApi } from './usePurchasing'

interface EditorProps {
  store: StoreDetail
  /** null: a new draft. */
  order: PurchaseOrderView | null
  suppliers: AdminRecord[]
  products: AdminRecord[]
  onClose(): void
  onDone(order: PurchaseOrderView): void
}

interface LineDraft {
  key: string
  productId: string
  quantity: string
  unitCost: string
}

/**
 * A draft order: supplier, reference, expected date, note and its lines. A line without a unit
 * cost takes the supplier's cost on the server. Saving over someone else's newer save is refused.
 */
export function PurchaseOrderEditor({
  store,
  order,
  suppliers,
  products,
  onClose,
  onDone,
}: EditorProps) {
  const { t } = useTranslation('purchasing')
  const purchasing = usePurchasingApi(store)
  const active = suppliers.filter(
    (record) =>
      (record.data as SupplierRecordData).isActive !== false || record.id === order?.supplierId,
  )
  const [supplierId, setSupplierId] = useState(order?.supplierId ?? active[0]?.id ?? '')
  const [reference, setReference] = useState(order?.reference ?? '')
  const [expectedAt, setExpectedAt] = useState(order?.expectedAt ?? '')
  const [note, setNote] = useState(order?.note ?? '')
  const [lines, setLines] = useState<LineDraft[]>(
    () =>
      order?.lines
        .filter((line) => line.ordered > 0)
        .map((line) => ({
          key: crypto.randomUUID(),
          productId: line.productId,
          quantity: String(line.ordered),
          unitCost: amountText(line.unitCostCents, store.currency),
        })) ?? [],
  )
  const setLine = (key: string, change: Partial<LineDraft>) =>
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...change } : line)))
  const form = useForm({
    schema: UpdatePurchaseOrderBody,
    values: () => ({
      baseVersion: order?.version ?? 0,
      supplierId,
      reference: reference || null,
      expectedAt: expectedAt || null,
      note: note || null,
      lines: lines.map((line) => ({
        productId: line.productId,
        quantity: Number(line.quantity),
        ...(line.unitCost.trim() === ''
          ? {}
          : { unitCostCents: minorUnitsOf(line.unitCost, store.currency) }),
      })),
    }),
    send: async ({ baseVersion, ...body }) => {
      const reply = order
        ? await purchasing.updatePurchaseOrder(order.id, { baseVersion, ...body })
        : await purchasing.createPurchaseOrder(body)
      return reply.purchaseOrder
    },
    onDone,
  })
  const productOptions = products.map((product) => {
    const data = product.data as ProductRecordData
    return { value: product.id, label: `${data.sku ?? ''} — ${data.name}` }
  })
  return (
    <Dialog title={order ? t('orders.editTitle') : t('orders.newTitle')} onClose={onClose}>
      <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
        <ErrorMessage>{form.formError}</ErrorMessage>
        <SelectField
          name="supplierId"
          label={t('orders.supplier')}
          value={supplierId}
          options={active.map((record) => ({
            value: record.id,
            label: (record.data as SupplierRecordData).name,
          }))}
          onChange={setSupplierId}
          error={form.fieldErrors.supplierId}
        />
        <TextField
          name="reference"
          label={t('orders.reference')}
          value={reference}
          onChange={setReference}
          error={form.fieldErrors.reference}
          dir="auto"
        />
        <TextField
          name="expectedAt"
          type="date"
          label={t('orders.expectedAt')}
          value={expectedAt}
          onChange={setExpectedAt}
          error={form.fieldErrors.expectedAt}
          dir="ltr"
        />
        <TextField
          name="note"
          label={t('orders.note')}
          value={note}
          onChange={setNote}
          error={form.fieldErrors.note}
          dir="auto"
        />
        <fieldset className="bo-fieldset" aria-invalid={form.fieldErrors.lines ? true : undefined}>
          <legend>{t('orders.lines')}</legend>
          {form.fieldErrors.lines ? (
            <p className="field-hint field-hint-error">{form.fieldErrors.lines}</p>
          ) : null}
          {lines.map((line, index) => (
            <div key={line.key} className="bo-line" data-testid="order-line">
              <SelectField
                name={`lines.${index}.productId`}
                label={t('orders.product')}
                value={line.productId}
                options={productOptions}
                onChange={(productId) => setLine(line.key, { productId })}
              />
              <TextField
                name={`lines.${index}.quantity`}
                label={t('orders.quantity')}
                value={line.quantity}
                onChange={(quantity) => setLine(line.key, { quantity })}
                dir="ltr"
              />
              <TextField
                name={`lines.${index}.unitCost`}
                label={t('orders.unitCost', { currency: store.currency })}
                hint={t('orders.unitCostHint')}
                value={line.unitCost}
                onChange={(unitCost) => setLine(line.key, { unitCost })}
                dir="ltr"
              />
              <button
                type="button"
                className="button button-danger-outline button-small"
                aria-label={t('orders.removeLine', { number: index + 1 })}
                onClick={() =>
                  setLines((current) => current.filter((item) => item.key !== line.key))
                }
              >
                {t('remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button-secondary"
            disabled={products.length === 0}
            onClick={() =>
              setLines((current) => [
                ...current,
                {
                  key: crypto.randomUUID(),
                  productId: products[0]?.id ?? '',
                  quantity: '1',
                  unitCost: '',
                },
              ])
            }
          >
            {t('orders.addLine')}
          </button>
        </fieldset>
        <div className="bo-form-actions">
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={form.isSubmitting}>
            {t('save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
