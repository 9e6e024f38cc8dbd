import { useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import type { AdminRecord } from '../../../../shared/backoffice/catalog'
import {
  AdminSupplierInvoiceBody,
  type PurchaseOrderView,
  type SupplierInvoiceView,
  type SupplierRecordData,
} from '../../../../shared/backoffice/purchasing'
import { Dialog } from '../../components/Dialog'
import { CheckboxGroup, SelectField, TextField } from '../../components/Field'
import { ErrorMessage } from '../../components/Messages'
import { useForm } from '../../forms/useForm'
import { useTranslation } from '../../i18n'
import { amountText, minorUnitsOf } from '../catalog/money'
import { orderName } from './orderName'
import { usePurchasingApi } from './usePurchasing'

interface InvoiceFormProps {
  store: StoreDetail
  invoice: SupplierInvoiceView | null
  suppliers: AdminRecord[]
  orders: PurchaseOrderView[]
  onClose(): void
  onDone(name: string): void
}

/** A supplier's invoice: its number, the orders it covers, its total, dates and status. */
export function SupplierInvoiceForm({
  store,
  invoice,
  suppliers,
  orders,
  onClose,
  onDone,
}: InvoiceFormProps) {
  const { t } = useTranslation('purchasing')
  const purchasing = usePurchasingApi(store)
  const [id] = useState(() => invoice?.id ?? crypto.randomUUID())
  const [supplierId, setSupplierId] = useState(invoice?.supplierId ?? suppliers[0]?.id ?? '')
  const [invoiceNumber, setInvoiceNumber] = useState(invoice?.invoiceNumber ?? '')
  const [orderIds, setOrderIds] = useState<string[]>(invoice?.purchaseOrderIds ?? [])
  const [total, setTotal] = useState(invoice ? amountText(invoice.totalCents, store.currency) : '')
  const [issuedAt, setIssuedAt] = useState(invoice?.issuedAt ?? '')
  const [dueAt, setDueAt] = useState(invoice?.dueAt ?? '')
  const [status, setStatus] = useState<'OPEN' | 'PAID' | 'CANCELLED'>(
    invoice?.status === 'PAID' || invoice?.status === 'CANCELLED' ? invoice.status : 'OPEN',
  )
  const supplierOrders = orders.filter(
    (order) => order.supplierId === supplierId && order.status !== 'DRAFT',
  )
  const form = useForm({
    schema: AdminSupplierInvoiceBody,
    values: () => ({
      baseVersion: invoice?.version ?? 0,
      supplierId,
      invoiceNumber,
      purchaseOrderIds: orderIds.filter((orderId) =>
        supplierOrders.some((order) => order.id === orderId),
      ),
      totalCents: minorUnitsOf(total, store.currency),
      issuedAt: issuedAt || null,
      dueAt: dueAt || null,
      status,
    }),
    send: async (body) => {
      await purchasing.saveInvoice(id, body)
      return body.invoiceNumber
    },
    onDone,
  })
  return (
    <Dialog title={invoice ? t('invoices.editTitle') : t('invoices.newTitle')} onClose={onClose}>
      <form id={form.formId} className="bo-form" noValidate onSubmit={form.onSubmit}>
        <ErrorMessage>{form.formError}</ErrorMessage>
        <SelectField
          name="supplierId"
          label={t('invoices.supplier')}
          value={supplierId}
          options={suppliers.map((record) => ({
            value: record.id,
            label: (record.data as SupplierRecordData).name,
          }))}
          onChange={setSupplierId}
          error={form.fieldErrors.supplierId}
        />
        <TextField
          name="invoiceNumber"
          label={t('invoices.number')}
          value={invoiceNumber}
          onChange={setInvoiceNumber}
          error={form.fieldErrors.invoiceNumber}
          dir="auto"
        />
        {supplierOrders.length === 0 ? (
          <p className="field-hint">{t('invoices.noOrders')}</p>
        ) : (
          <CheckboxGroup
            name="purchaseOrderIds"
            legend={t('invoices.orders')}
            options={supplierOrders.map((order) => ({ value: order.id, label: orderName(order) }))}
            selected={orderIds}
            onChange={setOrderIds}
            error={form.fieldErrors.purchaseOrderIds}
          />
        )}
        <TextField
          name="totalCents"
          label={t('invoices.total', { currency: store.currency })}
          value={total}
          onChange={setTotal}
          error={form.fieldErrors.totalCents}
          dir="ltr"
        />
        <TextField
          name="issuedAt"
          type="date"
          label={t('invoices.issuedAt')}
          value={issuedAt}
          onChange={setIssuedAt}
          error={form.fieldErrors.issuedAt}
          dir="ltr"
        />
        <TextField
          name="dueAt"
          type="date"
          label={t('invoices.dueAt')}
          value={dueAt}
          onChange={setDueAt}
          error={form.fieldErrors.dueAt}
          dir="ltr"
        />
        <SelectField
          name="status"
          label={t('invoices.status')}
          value={status}
          options={(['OPEN', 'PAID', 'CANCELLED'] as const).map((value) => ({
            value,
            label: t(`invoices.statusText.${value}`),
          }))}
          onChange={(value) => setStatus(value as 'OPEN' | 'PAID' | 'CANCELLED')}
        />
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
