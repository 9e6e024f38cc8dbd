import '../../styles/orders.css'
import '../../styles/orderRefunds.css'
import '../../styles/refund.css'
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react'
import { PosError } from '../../../../shared/ipc'
import { useMoney } from '../../appInfo'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { OrderDetail } from '../../types'
import { FindOrderForm } from './FindOrderForm'
import { signedTotalCents } from './format'
import { OrderDetailPanel } from './OrderDetailPanel'
import { noFilter } from './orderFilter'
import { OrderFilters } from './OrderFilters'
import { OrderList } from './OrderList'
import { RefundDialog } from './RefundDialog'
import type { RefundTo } from './refundDraft'
import { useOrderDetail, useOrderList } from './useOrders'

interface OrdersScreenProps {
  /** An order number to open (e.g. a receipt scanned on the register); onFound then clears it. */
  findOrderNumber?: string | null
  onFound?: () => void
}

interface RecordedRefund {
  id: string
  orderNumber: string
  amountCents: number
  refundTo: RefundTo
}

export function OrdersScreen({ findOrderNumber, onFound }: OrdersScreenProps) {
  const money = useMoney()
  const { t } = useTranslation('orders')
  const [filter, setFilter] = useState(noFilter)
  const list = useOrderList(filter)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const detail = useOrderDetail(selectedId)
  const [findText, setFindText] = useState('')
  const [findError, setFindError] = useState<string | null>(null)
  const [isFinding, setIsFinding] = useState(false)
  const lastFind = useRef(0)
  const [isRefunding, setIsRefunding] = useState(false)
  const [recorded, setRecorded] = useState<RecordedRefund | null>(null)

  const openOrder = useCallback((orderId: string) => {
    setSelectedId(orderId)
    setIsRefunding(false)
  }, [])

  /** Looks the number up; its state changes all come after the reply. */
  const lookUp = useCallback(
    (orderNumber: string) => {
      // Only the latest lookup opens its order, however the replies arrive.
      const attempt = ++lastFind.current
      pos.invoke('order:find', { orderNumber }).then(
        (order) => {
          if (attempt !== lastFind.current) return
          openOrder(order.id)
          setFindText('')
          setIsFinding(false)
        },
        (failure: unknown) => {
          if (attempt !== lastFind.current) return
          setFindError(
            failure instanceof PosError && failure.code === 'NOT_FOUND'
              ? t('screen.notFound', { number: orderNumber })
              : t('screen.lookupFailed', { error: errorMessage(failure) }),
          )
          setIsFinding(false)
        },
      )
    },
    [openOrder, t],
  )

  function find(orderNumber: string) {
    setIsFinding(true)
    setFindError(null)
    lookUp(orderNumber)
  }

  // A number handed in by the shell (a receipt scanned on the register) shows in the field at
  // once; the effect below looks it up and tells the shell it was taken.
  const [handedIn, setHandedIn] = useState<string | null>(null)
  if ((findOrderNumber ?? null) !== handedIn) {
    setHandedIn(findOrderNumber ?? null)
    if (findOrderNumber) {
      setFindText(findOrderNumber)
      setFindError(null)
      setIsFinding(true)
    }
  }

  const lookUpHandedIn = useEffectEvent((orderNumber: string) => {
    lookUp(orderNumber)
    onFound?.()
  })

  useEffect(() => {
    if (findOrderNumber) lookUpHandedIn(findOrderNumber)
  }, [findOrderNumber])

  function refunded(refund: OrderDetail, refundTo: RefundTo) {
    setIsRefunding(false)
    setRecorded({
      id: refund.id,
      orderNumber: refund.orderNumber,
      amountCents: Math.abs(signedTotalCents(refund)),
      refundTo,
    })
    // The sale now shows what was given back; the refund joins the list.
    detail.retry()
    list.refresh()
  }

  return (
    <div className="orders">
      <section className="orders-list-panel" aria-labelledby="orders-title">
        <header className="panel-header">
          <h2 id="orders-title" className="panel-title">
            {t('screen.title')}
          </h2>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={list.refresh}
            disabled={list.isLoading}
          >
            {t('screen.refresh')}
          </button>
        </header>
        <FindOrderForm
          value={findText}
          onChange={(value) => {
            setFindText(value)
            setFindError(null)
          }}
          onFind={find}
          isFinding={isFinding}
          error={findError}
        />
        <OrderFilters filter={filter} onChange={setFilter} />
        {list.error && <ErrorAlert message={list.error} onRetry={list.refresh} />}
        <div className="orders-list-scroll" aria-busy={list.isLoading}>
          {list.orders === null && list.isLoading && (
            <p className="orders-empty">{t('screen.loading')}</p>
          )}
          {list.orders !== null && (
            <OrderList
              orders={list.orders}
              selectedId={selectedId}
              onSelect={openOrder}
              isFiltered={filter !== noFilter}
            />
          )}
        </div>
      </section>

      <section
        className="orders-detail-panel"
        aria-label={t('screen.detail')}
        aria-busy={detail.isLoading}
      >
        <div className={recorded ? 'refund-recorded' : 'refund-recorded-empty'}>
          {/* Always in the page, so screen readers announce the message when it appears. */}
          <p role="status" className="refund-recorded-message" data-testid="refund-recorded">
            {recorded &&
              t(recorded.refundTo === 'cash' ? 'screen.recordedCash' : 'screen.recordedOriginal', {
                number: recorded.orderNumber,
                amount: money(recorded.amountCents),
              })}
          </p>
          {recorded && (
            <>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => openOrder(recorded.id)}
              >
                {t('screen.openRefund')}
              </button>
              <button
                type="button"
                className="button button-ghost button-small"
                onClick={() => setRecorded(null)}
              >
                {t('screen.dismiss')}
              </button>
            </>
          )}
        </div>
        {selectedId === null && <p className="orders-placeholder">{t('screen.placeholder')}</p>}
        {detail.error && <ErrorAlert message={detail.error} onRetry={detail.retry} />}
        {selectedId !== null && detail.isLoading && !detail.order && (
          <p className="orders-placeholder">{t('screen.loadingOrder')}</p>
        )}
        {detail.order && (
          <OrderDetailPanel
            order={detail.order}
            onOpenOrder={openOrder}
            onRefund={() => setIsRefunding(true)}
          />
        )}
        {detail.order && isRefunding && (
          <RefundDialog
            order={detail.order}
            onClose={() => setIsRefunding(false)}
            onRefunded={refunded}
            onOrderChanged={detail.retry}
          />
        )}
      </section>
    </div>
  )
}
