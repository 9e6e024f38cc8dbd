import { useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import type { PurchaseOrderView } from '../../../../shared/backoffice/purchasing'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useLoad } from '../../components/useLoad'
import { useTranslation } from '../../i18n'
import { formatMoney } from '../catalog/money'
import { useStoreChoice } from '../catalog/storeChoice'
import { useSignedIn } from '../session/sessionContext'
import { PurchaseOrderDetail } from './PurchaseOrderDetail'
import { PurchaseOrderEditor } from './PurchaseOrderEditor'
import { orderName } from './orderName'
import { SimpleTable } from './SimpleTable'
import { usePurchasingApi } from './usePurchasing'

type Open =
  | { kind: 'none' }
  | { kind: 'edit'; order: PurchaseOrderView | null }
  | { kind: 'detail'; orderId: string }

/** Purchase orders of one store: draft, edit, order, receive, cancel; PDF and e-mail. */
export function PurchaseOrdersPage() {
  const { t } = useTranslation('purchasing')
  const { store, picker } = useStoreChoice()
  return (
    <div className="page-content">
      <div className="page-header">
        <h1 className="page-title">{t('orders.title')}</h1>
      </div>
      {picker}
      {store ? <StoreOrders key={store.id} store={store} /> : null}
    </div>
  )
}

function StoreOrders({ store }: { store: StoreDetail }) {
  const { t, i18n } = useTranslation('purchasing')
  const { api } = useSignedIn()
  const purchasing = usePurchasingApi(store)
  const { load, reload } = useLoad(
    () =>
      Promise.all([
        purchasing.purchaseOrders(),
        purchasing.suppliers(),
        api.listProducts(store.id),
      ]),
    store.id,
  )
  const [open, setOpen] = useState<Open>({ kind: 'none' })
  const [notice, setNotice] = useState<string | null>(null)
  const [orders, suppliers, products] = load.state === 'ready' ? load.value : [[], [], []]
  const money = (cents: number) => formatMoney(cents, store.currency, i18n.language)
  const close = () => setOpen({ kind: 'none' })
  const detail = open.kind === 'detail' ? orders.find((order) => order.id === open.orderId) : null
  return (
    <section className="bo-section" aria-label={t('orders.title')}>
      <div className="page-header">
        <span />
        <button
          type="button"
          className="button button-primary"
          disabled={load.state !== 'ready' || suppliers.length === 0}
          onClick={() => {
            setNotice(null)
            setOpen({ kind: 'edit', order: null })
          }}
        >
          {t('orders.add')}
        </button>
      </div>
      <StatusMessage>{notice}</StatusMessage>
      {load.state === 'loading' ? <p className="page-loading">{t('common:loading')}</p> : null}
      {load.state === 'failed' ? <ErrorMessage>{load.error}</ErrorMessage> : null}
      {load.state === 'ready' && suppliers.length === 0 ? (
        <p className="page-card-empty">{t('orders.noSuppliers')}</p>
      ) : null}
      {load.state === 'ready' && orders.length === 0 ? (
        <p className="page-card-empty">{t('orders.empty')}</p>
      ) : null}
      {orders.length > 0 ? (
        <SimpleTable
          caption={t('orders.title')}
          rowTestId="purchase-order-row"
          headers={[
            t('orders.reference'),
            t('orders.supplier'),
            t('orders.status'),
            t('orders.expectedAt'),
            t('orders.total'),
            t('orders.received'),
            t('actions'),
          ]}
          rows={orders.map((order) => ({
            id: order.id,
            cells: [
              <span key="reference" dir="auto">
                {order.reference ?? t('orders.noReference')}
              </span>,
              <span key="supplier" dir="auto">
                {order.supplierName ?? ''}
              </span>,
              t(`orders.statusText.${order.status}`),
              <span key="expected" dir="ltr">
                {order.expectedAt ?? ''}
              </span>,
              <span key="total" className="numeric">
                {money(order.totalCents)}
              </span>,
              <span key="received" className="numeric">
                {money(order.receivedCents)}
              </span>,
              <button
                key="open"
                type="button"
                className="button button-secondary button-small"
                aria-label={t('orders.openLabel', { name: orderName(order) })}
                onClick={() => {
                  setNotice(null)
                  setOpen({ kind: 'detail', orderId: order.id })
                }}
              >
                {t('orders.open')}
              </button>,
            ],
          }))}
        />
      ) : null}
      {open.kind === 'edit' ? (
        <PurchaseOrderEditor
          store={store}
          order={open.order}
          suppliers={suppliers}
          products={products}
          onClose={close}
          onDone={(saved) => {
            reload()
            setOpen({ kind: 'detail', orderId: saved.id })
          }}
        />
      ) : null}
      {detail ? (
        <PurchaseOrderDetail
          store={store}
          order={detail}
          onClose={close}
          onEdit={() => setOpen({ kind: 'edit', order: detail })}
          onChanged={(message) => {
            if (message) setNotice(message)
            reload()
          }}
        />
      ) : null}
    </section>
  )
}
