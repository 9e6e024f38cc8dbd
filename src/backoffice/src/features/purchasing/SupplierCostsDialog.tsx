import { useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import type { AdminRecord, ProductRecordData } from '../../../../shared/backoffice/catalog'
import {
  AdminSupplierProductBody,
  type SupplierProductRecordData,
  type SupplierRecordData,
} from '../../../../shared/backoffice/purchasing'
import { Dialog } from '../../components/Dialog'
import { SelectField, TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { errorSentence } from '../../forms/errorText'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { formatMoney, minorUnitsOf } from '../catalog/money'
import { SimpleTable } from './SimpleTable'
import { usePurchasingApi } from './usePurchasing'

interface SupplierCostsDialogProps {
  store: StoreDetail
  supplier: AdminRecord
  products: AdminRecord[]
  onClose(): void
}

/** What one supplier sells: each product at its cost and supplier SKU; add, change, remove. */
export function SupplierCostsDialog({
  store,
  supplier,
  products,
  onClose,
}: SupplierCostsDialogProps) {
  const { t, i18n } = useTranslation('purchasing')
  const purchasing = usePurchasingApi(store)
  const supplierName = (supplier.data as SupplierRecordData).name
  const { load, reload } = useLoad(() => purchasing.supplierProducts(supplier.id), supplier.id)
  const [removeError, setRemoveError] = useState<string | null>(null)
  const costs = load.state === 'ready' ? load.value : []
  const productName = (id: string) =>
    (products.find((product) => product.id === id)?.data as ProductRecordData | undefined)?.name ??
    id
  const [productId, setProductId] = useState(products[0]?.id ?? '')
  const [cost, setCost] = useState('')
  const [supplierSku, setSupplierSku] = useState('')
  const existing = costs.find(
    (record) => (record.data as SupplierProductRecordData).productId === productId,
  )
  const form = useForm({
    schema: AdminSupplierProductBody,
    values: () => ({
      baseVersion: existing?.version ?? 0,
      supplierId: supplier.id,
      productId,
      costCents: minorUnitsOf(cost, store.currency),
      supplierSku: supplierSku || null,
    }),
    send: (body) => purchasing.saveSupplierProduct(existing?.id ?? crypto.randomUUID(), body),
    onDone: () => {
      setCost('')
      setSupplierSku('')
      reload()
    },
  })
  return (
    <Dialog title={t('suppliers.costsTitle', { name: supplierName })} onClose={onClose}>
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      <ErrorMessage>{removeError}</ErrorMessage>
      {load.state === 'ready' && costs.length === 0 ? (
        <p className="page-card-empty">{t('suppliers.costsEmpty')}</p>
      ) : null}
      {costs.length > 0 ? (
        <SimpleTable
          caption={t('suppliers.costsTitle', { name: supplierName })}
          rowTestId="supplier-cost-row"
          headers={[
            t('suppliers.product'),
            t('suppliers.costColumn'),
            t('suppliers.supplierSku'),
            t('actions'),
          ]}
          rows={costs.map((record) => {
            const data = record.data as SupplierProductRecordData
            const name = productName(data.productId)
            return {
              id: record.id,
              cells: [
                <span key="name" dir="auto">
                  {name}
                </span>,
                <span key="cost" className="numeric">
                  {formatMoney(data.costCents, store.currency, i18n.language)}
                </span>,
                <span key="sku" dir="ltr">
                  {data.supplierSku ?? ''}
                </span>,
                <button
                  key="remove"
                  type="button"
                  className="button button-danger-outline button-small"
                  aria-label={t('suppliers.removeLabel', { name })}
                  onClick={() => {
                    setRemoveError(null)
                    purchasing
                      .deleteSupplierProduct(record.id, record.version)
                      .then(reload)
                      .catch((error: unknown) => setRemoveError(errorSentence(error, t)))
                  }}
                >
                  {t('remove')}
                </button>,
              ],
            }
          })}
        />
      ) : null}
      <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
        <ErrorMessage>{form.formError}</ErrorMessage>
        <SelectField
          name="productId"
          label={t('suppliers.product')}
          value={productId}
          options={products.map((product) => ({
            value: product.id,
            label: `${(product.data as ProductRecordData).sku ?? ''} — ${(product.data as ProductRecordData).name}`,
          }))}
          onChange={setProductId}
          error={form.fieldErrors.productId}
        />
        <TextField
          name="costCents"
          label={t('suppliers.cost', { currency: store.currency })}
          value={cost}
          onChange={setCost}
          error={form.fieldErrors.costCents}
          dir="ltr"
        />
        <TextField
          name="supplierSku"
          label={t('suppliers.supplierSku')}
          value={supplierSku}
          onChange={setSupplierSku}
          error={form.fieldErrors.supplierSku}
          dir="ltr"
        />
        <div className="bo-form-actions">
          <button type="submit" className="button button-primary" disabled={form.isSubmitting}>
            {existing ? t('save') : t('suppliers.addCost')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
