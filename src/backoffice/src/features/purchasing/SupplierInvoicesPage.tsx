import { useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import type { SupplierInvoiceView } from '../../../../shared/backoffice/purchasing'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useTranslation } from '../../i18n'
import { formatMoney } from '../catalog/money'
import { useStoreChoice } from '../catalog/storeChoice'
import { SimpleTable } from './SimpleTable'
import { SupplierInvoiceForm } from './SupplierInvoiceForm'
import { usePurchasingApi } from './usePurchasing'

/**
 * Supplier invoices of one store, each beside the value received on the orders it covers: matched
 * to the cent, or the difference.
 */
export function SupplierInvoicesPage() {
  const { t } = useTranslation('purchasing')
  const { store, picker } = useStoreChoice()
  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('invoices.title')}</h1>
      </div>
      {picker}
      {store ? <StoreInvoices key={store.id} store={store} /> : null}
    </div>
  )
}

function StoreInvoices({ store }: { store: StoreDetail }) {
  const { t, i18n } = useTranslation('purchasing')
  const purchasing = usePurchasingApi(store)
  const { load, reload } = useLoad(
    () => Promise.all([purchasing.invoices(), purchasing.suppliers(), purchasing.purchaseOrders()]),
    store.id,
  )
  const [editing, setEditing] = useState<SupplierInvoiceView | 'new' | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [invoices, suppliers, orders] = load.state === 'ready' ? load.value : [[], [], []]
  const money = (cents: number) => formatMoney(cents, store.currency, i18n.language)
  return (
    <section className="bo-section" aria-label={t('invoices.title')}>
      <div className="page-header">
        <span />
        <button
          type="button"
          className="button button-primary"
          disabled={load.state !== 'ready' || suppliers.length === 0}
          onClick={() => {
            setNotice(null)
            setEditing('new')
          }}
        >
          {t('invoices.add')}
        </button>
      </div>
      <StatusMessage>{notice}</StatusMessage>
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && invoices.length === 0 ? (
        <p className="page-card-empty">{t('invoices.empty')}</p>
      ) : null}
      {invoices.length > 0 ? (
        <SimpleTable
          caption={t('invoices.title')}
          rowTestId="supplier-invoice-row"
          headers={[
            t('invoices.number'),
            t('invoices.supplier'),
            t('invoices.totalColumn'),
            t('invoices.received'),
            t('invoices.difference'),
            t('invoices.status'),
            t('invoices.dueAt'),
            t('actions'),
          ]}
          rows={invoices.map((invoice) => ({
            id: invoice.id,
            cells: [
              <span key="number" dir="auto">
                {invoice.invoiceNumber}
              </span>,
              <span key="supplier" dir="auto">
                {invoice.supplierName ?? ''}
              </span>,
              <span key="total" className="numeric">
                {money(invoice.totalCents)}
              </span>,
              <span key="received" className="numeric">
                {money(invoice.receivedCents)}
              </span>,
              <span key="difference" className="numeric">
                {money(invoice.differenceCents)}
              </span>,
              t(`invoices.statusText.${invoice.status}`),
              <span key="due" dir="ltr">
                {invoice.dueAt ?? ''}
              </span>,
              <button
                key="edit"
                type="button"
                className="button button-secondary button-small"
                aria-label={t('invoices.editLabel', { name: invoice.invoiceNumber })}
                onClick={() => {
                  setNotice(null)
                  setEditing(invoice)
                }}
              >
                {t('common:actions.edit')}
              </button>,
            ],
          }))}
        />
      ) : null}
      {editing ? (
        <SupplierInvoiceForm
          store={store}
          invoice={editing === 'new' ? null : editing}
          suppliers={suppliers}
          orders={orders}
          onClose={() => setEditing(null)}
          onDone={(name) => {
            setNotice(t('saved', { name }))
            setEditing(null)
            reload()
          }}
        />
      ) : null}
    </section>
  )
}
