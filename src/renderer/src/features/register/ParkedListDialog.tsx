import { useRef, useState } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Modal } from '../../components/Modal'
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
  return order.cart.display.map((line) => `${line.quantity} × ${line.name}`).join(', ')
}

/** Sales put aside on this register, oldest first, with how long they have waited. */
export function ParkedListDialog(props: ParkedListDialogProps) {
  const { orders, loadError, cartItemCount, onRecall, onClose } = props
  const closeRef = useRef<HTMLButtonElement>(null)
  // Ages are to the minute, so once a minute is often enough.
  const now = useNow(60_000)
  const [confirming, setConfirming] = useState<ParkedOrder | null>(null)
  const [busyId, setBusyId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function recall(order: ParkedOrder, parkCurrentFirst: boolean) {
    if (busyId) return
    setBusyId(order.id)
    setError(null)
    try {
      await onRecall(order, parkCurrentFirst)
    } catch (failure) {
      setError(`Could not recall the sale: ${errorMessage(failure)}`)
      setBusyId(null)
      setConfirming(null)
    }
  }

  return (
    <Modal
      title="Parked sales"
      onClose={onClose}
      isCloseable={busyId === null}
      initialFocusRef={closeRef}
      className="parked-dialog"
    >
      <div className="dialog-form">
        {loadError && <ErrorAlert message={loadError} />}
        {error && <ErrorAlert message={error} />}
        {confirming ? (
          <div className="parked-confirm" role="group" aria-label="Replace the current sale">
            <p>
              The current sale has {cartItemCount} {cartItemCount === 1 ? 'item' : 'items'}. It will
              be parked so “{confirming.label}” can be recalled.
            </p>
            <div className="modal-actions">
              <button
                type="button"
                className="button button-secondary"
                disabled={busyId !== null}
                onClick={() => setConfirming(null)}
              >
                Back
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={busyId !== null}
                aria-busy={busyId !== null}
                // Mounted on demand, so it takes focus and Enter confirms.
                autoFocus
                onClick={() => void recall(confirming, true)}
              >
                Park current sale and recall
              </button>
            </div>
          </div>
        ) : orders.length === 0 ? (
          <p className="dialog-muted">No parked sales on this register.</p>
        ) : (
          <ul className="parked-list" aria-label="Parked sales">
            {orders.map((order) => (
              <li key={order.id} className="parked-order" data-testid="parked-order">
                <div className="parked-order-info">
                  <span className="parked-order-label">{order.label}</span>
                  <span className="parked-order-items">{itemsText(order)}</span>
                  <span className="parked-order-meta">
                    {order.itemCount} {order.itemCount === 1 ? 'item' : 'items'}
                    {order.employeeName ? ` · ${order.employeeName}` : ''} ·{' '}
                    <span data-testid="parked-age">{parkedAge(order.createdAt, now)}</span>
                  </span>
                </div>
                <button
                  type="button"
                  className="button button-primary button-small"
                  aria-label={`Recall ${order.label}`}
                  disabled={busyId !== null}
                  aria-busy={busyId === order.id}
                  onClick={() =>
                    cartItemCount > 0 ? setConfirming(order) : void recall(order, false)
                  }
                >
                  Recall
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
          Close
        </button>
      </div>
    </Modal>
  )
}
