import { useCallback, useRef, useState } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
import { ModalActions } from '../../components/ModalActions'
import { i18n, useTranslation } from '../../i18n'
import { errorMessage } from '../../pos'
import { useNow } from '../sync/relativeTime'
import { parkedAge } from './parkAge'
import type { ParkedOrder } from './saleTypes'

interface ParkedListDialogProps {
  orders: readonly ParkedOrder[]
  loadError: string | null
  /** Items in the cart on screen; recalling over them parks them first. */
  cartItemCount: number
  onRecall: (order: ParkedOrder, parkCurrentFirst: boolean) => Promise<void>
  onClose: () => void
}

function itemsText(order: ParkedOrder): string {
  return order.cart.display
    .map((line) => i18n.t('register:parked.itemLine', { quantity: line.quantity, name: line.name }))
    .join(', ')
}

/** Sales put aside on this register, oldest first, with how long they have waited. */
export function ParkedListDialog(props: ParkedListDialogProps) {
  const { orders, loadError, cartItemCount, onRecall, onClose } = props
  const { t } = useTranslation('register')
  const { t: tc } = useTranslation('common')
  const closeRef = useRef<HTMLButtonElement>(null)
  // Ages are to the minute, so once a minute is often enough.
  const now = useNow(60_000)
  const [confirming, setConfirming] = useState<ParkedOrder | null>(null)
  const [busyId, setBusyId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  // The confirm step is mounted on demand: its primary button takes focus so Enter confirms.
  const focusOnMount = useCallback((button: HTMLButtonElement | null) => button?.focus(), [])

  async function recall(order: ParkedOrder, parkCurrentFirst: boolean) {
    if (busyId) return
    setBusyId(order.id)
    setError(null)
    try {
      await onRecall(order, parkCurrentFirst)
    } catch (failure) {
      setError(t('parked.recallFailed', { error: errorMessage(failure) }))
      setBusyId(null)
      setConfirming(null)
    }
  }

  return (
    <Modal
      title={t('parked.title')}
      onClose={onClose}
      isCloseable={busyId === null}
      initialFocusRef={closeRef}
      className="parked-dialog"
    >
      <div className="dialog-form">
        {loadError && <ErrorAlert message={loadError} />}
        {error && <ErrorAlert message={error} />}
        {confirming ? (
          <div className="parked-confirm" role="group" aria-label={t('parked.replaceCurrent')}>
            <p>{t('parked.replaceText', { count: cartItemCount, label: confirming.label })}</p>
            <ModalActions
              submitLabel={t('parked.parkAndRecall')}
              cancelLabel={tc('actions.back')}
              onCancel={() => setConfirming(null)}
              isBusy={busyId !== null}
              submitType="button"
              onSubmit={() => void recall(confirming, true)}
              submitRef={focusOnMount}
            />
          </div>
        ) : orders.length === 0 ? (
          <p className="dialog-muted">{t('parked.none')}</p>
        ) : (
          <ul className="parked-list" aria-label={t('parked.list')}>
            {orders.map((order) => (
              <li key={order.id} className="parked-order" data-testid="parked-order">
                <div className="parked-order-info">
                  <span className="parked-order-label">{order.label}</span>
                  <span className="parked-order-items">{itemsText(order)}</span>
                  <span className="parked-order-meta">
                    {tc('items', { count: order.itemCount })}
                    {order.employeeName ? ` · ${order.employeeName}` : ''} ·{' '}
                    <span data-testid="parked-age">{parkedAge(order.createdAt, now)}</span>
                  </span>
                </div>
                <button
                  type="button"
                  className="button button-primary button-small"
                  aria-label={t('parked.recallNamed', { label: order.label })}
                  disabled={busyId !== null}
                  aria-busy={busyId === order.id}
                  onClick={() =>
                    cartItemCount > 0 ? setConfirming(order) : void recall(order, false)
                  }
                >
                  {t('parked.recall')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <button
          ref={closeRef}
          type="button"
          className="button button-secondary"
          onClick={onClose}
          disabled={busyId !== null}
        >
          {tc('actions.close')}
        </button>
      </div>
    </Modal>
  )
}
