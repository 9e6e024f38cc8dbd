import { useState } from 'react'
import type { StoreDetail } from '../../../../shared/backoffice/api'
import type { PurchaseOrderView } from '../../../../shared/backoffice/purchasing'
import { ApiError } from '../../api/errors'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/Field'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { errorSentence } from '../../forms/errorText'
import { useTranslation } from '../../i18n'
import { formatMoney } from '../catalog/money'
import { orderName } from './orderName'
import { SimpleTable } from './SimpleTable'
import { usePurchasingApi } from './usePurchasing'

interface DetailProps {
  store: StoreDetail
  order: PurchaseOrderView
  onClose(): void
  onEdit(): void
  /** The order changed here (or someone else's change was found): the list loads again. */
  onChanged(message?: string): void
}

const quantityText = (value: number) => String(Number(value.toFixed(3)))

/**
 * One order: each line ordered / received / outstanding, the totals, and what can be done in its
 * state. A refusal because someone else changed the order first says so and reloads it.
 */
export function PurchaseOrderDetail({ store, order, onClose, onEdit, onChanged }: DetailProps) {
  const { t, i18n } = useTranslation('purchasing')
  const purchasing = usePurchasingApi(store)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [isBusy, setIsBusy] = useState(false)
  const [receiving, setReceiving] = useState<Record<string, string> | null>(null)
  const money = (cents: number) => formatMoney(cents, store.currency, i18n.language)
  const isDraft = order.status === 'DRAFT'
  const isOpen = order.status === 'ORDERED' || order.status === 'PARTIALLY_RECEIVED'
  const canReceive = isOpen || order.status === 'RECEIVED'

  async function act(work: () => Promise<string | undefined>) {
    setIsBusy(true)
    setError(null)
    setNotice(null)
    try {
      const message = await work()
      if (message) setNotice(message)
      onChanged()
    } catch (failure) {
      setError(errorSentence(failure, t))
      // Someone else's newer version: show it rather than keep a stale page.
      if (failure instanceof ApiError && failure.status === 409) onChanged()
    } finally {
      setIsBusy(false)
    }
  }

  const receiveLines = order.lines.filter((line) => line.ordered > 0)
  return (
    <Dialog title={t('orders.detailTitle', { name: orderName(order) })} onClose={onClose}>
      <p>
        <span dir="auto">{order.supplierName ?? ''}</span> ·{' '}
        <strong data-testid="order-status">{t(`orders.statusText.${order.status}`)}</strong>
      </p>
      <ErrorMessage>{error}</ErrorMessage>
      <StatusMessage>{notice}</StatusMessage>
      <SimpleTable
        caption={t('orders.lines')}
        rowTestId="order-detail-line"
        headers={[
          t('orders.product'),
          t('orders.ordered'),
          t('orders.received'),
          t('orders.outstanding'),
          t('orders.unitCostColumn'),
          t('orders.lineTotal'),
        ]}
        rows={order.lines.map((line) => ({
          id: `${line.productId}-${line.variantId ?? ''}`,
          cells: [
            <span key="name" dir="auto">
              {line.name ?? line.productId}
            </span>,
            quantityText(line.ordered),
            quantityText(line.received),
            quantityText(line.outstanding),
            <span key="cost" className="numeric">
              {money(line.unitCostCents)}
            </span>,
            <span key="total" className="numeric">
              {money(line.orderedCents)}
            </span>,
          ],
        }))}
      />
      <p>
        {t('orders.total')}: <strong data-testid="order-total">{money(order.totalCents)}</strong> ·{' '}
        {t('orders.received')}:{' '}
        <span data-testid="order-received">{money(order.receivedCents)}</span>
      </p>
      {receiving ? (
        <form
          className="bo-form"
          onSubmit={(event) => {
            event.preventDefault()
            const lines = receiveLines
              .map((line) => ({
                productId: line.productId,
                variantId: line.variantId,
                quantity: Number(receiving[line.productId] ?? ''),
              }))
              .filter((line) => Number.isFinite(line.quantity) && line.quantity > 0)
            void act(async () => {
              await purchasing.receive(order.id, { movementId: crypto.randomUUID(), lines })
              setReceiving(null)
              return t('orders.changed')
            })
          }}
        >
          {receiveLines.map((line) => (
            <TextField
              key={line.productId}
              name={`receive-${line.productId}`}
              label={t('orders.receiveNow', { name: line.name ?? line.productId })}
              value={receiving[line.productId] ?? ''}
              onChange={(value) => setReceiving({ ...receiving, [line.productId]: value })}
              dir="ltr"
            />
          ))}
          <div className="bo-form-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setReceiving(null)}
            >
              {t('common:actions.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={isBusy}>
              {t('orders.recordReceipt')}
            </button>
          </div>
        </form>
      ) : null}
      <div className="bo-form-actions">
        {isDraft ? (
          <>
            <button type="button" className="button button-secondary" onClick={onEdit}>
              {t('orders.edit')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={isBusy}
              onClick={() =>
                void act(async () => {
                  await purchasing.transition(order.id, 'order', order.version)
                  return t('orders.changed')
                })
              }
            >
              {t('orders.markOrdered')}
            </button>
          </>
        ) : null}
        {canReceive && !receiving ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() =>
              setReceiving(
                Object.fromEntries(
                  receiveLines.map((line) => [line.productId, quantityText(line.outstanding)]),
                ),
              )
            }
          >
            {t('orders.receive')}
          </button>
        ) : null}
        {isDraft || isOpen ? (
          <button
            type="button"
            className="button button-danger-outline"
            disabled={isBusy}
            onClick={() =>
              void act(async () => {
                await purchasing.transition(order.id, 'cancel', order.version)
                return t('orders.changed')
              })
            }
          >
            {t('orders.cancel')}
          </button>
        ) : null}
        <a className="button button-secondary" href={purchasing.pdfHref(order.id)} download>
          {t('orders.pdf')}
        </a>
        <button
          type="button"
          className="button button-secondary"
          disabled={isBusy}
          onClick={() =>
            void act(async () => {
              const sent = await purchasing.email(order.id)
              return t('orders.emailed', { to: sent.to })
            })
          }
        >
          {t('orders.email')}
        </button>
      </div>
    </Dialog>
  )
}
