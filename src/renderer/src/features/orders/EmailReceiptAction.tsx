import { useEffect, useId, useRef, useState } from 'react'
import '../../styles/saleConfirmation.css'
import { EmailAddress } from '../../../../shared/ipc'
import { useLoad } from '../../hooks/useLoad'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import type { OrderDetail } from '../../types'
import { emailStatusText, type EmailReceipt } from './emailStatus'

/**
 * E-mails an order's receipt (again) and shows how the last e-mail went: queued, sent, or
 * failed with the server's reason while it is retried.
 */
export function EmailReceiptAction({ order }: { order: OrderDetail }) {
  const { t } = useTranslation('receipts')
  const errorId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const loaded = useLoad(() => pos.invoke('receipt:emailStatus', { orderId: order.id }), [order.id])
  const [latest, setLatest] = useState<EmailReceipt | null>(null)
  const [isAsking, setIsAsking] = useState(false)
  const [address, setAddress] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [isSending, setIsSending] = useState(false)
  const shown = latest ?? loaded.data

  useEffect(
    () =>
      pos.on('receipt:emailChanged', (email) => {
        if (email.orderId === order.id) setLatest(email)
      }),
    [order.id],
  )

  useEffect(() => {
    if (isAsking) inputRef.current?.focus()
  }, [isAsking])

  async function send() {
    const parsed = EmailAddress.safeParse(address.trim())
    if (!parsed.success) {
      setError(t('endOfSale.badAddress'))
      return
    }
    setIsSending(true)
    setError(null)
    try {
      setLatest(await pos.invoke('receipt:email', { orderId: order.id, to: parsed.data }))
      setIsAsking(false)
    } catch (failure) {
      setError(t('email.failed', { reason: errorMessage(failure) }))
    } finally {
      setIsSending(false)
    }
  }

  return (
    <div className="email-receipt-action">
      {!isAsking && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setAddress(shown?.to ?? '')
            setError(null)
            setIsAsking(true)
          }}
        >
          {t('email.resend')}
        </button>
      )}
      {isAsking && (
        <form
          className="email-receipt-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void send()
          }}
        >
          <input
            ref={inputRef}
            className="field-input"
            type="email"
            inputMode="email"
            aria-label={t('email.sendTo')}
            placeholder={t('endOfSale.address')}
            value={address}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setAddress(event.target.value)
              setError(null)
            }}
          />
          <button type="submit" className="button button-primary" disabled={isSending}>
            {t('email.send')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setIsAsking(false)}
          >
            {t('email.cancel')}
          </button>
        </form>
      )}
      {error && (
        <p id={errorId} className="receipt-actions-error" role="alert">
          {error}
        </p>
      )}
      <p className="receipt-actions-status" role="status" data-testid="receipt-email-status">
        {shown && t('email.last', { status: emailStatusText(shown, t) })}
      </p>
    </div>
  )
}
