import '../../styles/kitchenDisplay.css'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { KitchenTicket } from '../../../../shared/ipc/displaySchemas'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useLoad } from '../../hooks/useLoad'
import { useTranslation } from '../../i18n'
import { errorMessage, pos } from '../../pos'
import { KitchenTicketCard } from './KitchenTicketCard'

const reloadOn = ['kitchen:changed', 'register:configChanged'] as const

/** The timers' clock: one tick a second for every ticket on screen. */
function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

/**
 * A kitchen station's screen: each order routed here is a ticket with a running timer (amber
 * after 5 minutes, red after 10); Bump clears it, Recall brings back the last or any recent one.
 * Keys: 1–9 bump that ticket, R recalls the last bumped.
 */
export function KitchenDisplay() {
  const { t } = useTranslation('display')
  const tickets = useLoad(() => pos.invoke('kitchen:listTickets'), [], { reloadOn })
  const nowMs = useNow()
  const [busyOrderId, setBusyOrderId] = useState<string | null>(null)
  // Kept as what happened, not as text, so a language switch re-words it.
  const [message, setMessage] = useState<
    { kind: 'bumped' | 'recalled'; orderNumber: string } | { kind: 'failed'; reason: string } | null
  >(null)
  const open = useMemo(() => tickets.data?.open ?? [], [tickets.data])
  const bumped = useMemo(() => tickets.data?.bumped ?? [], [tickets.data])
  const { reload } = tickets

  const act = useCallback(
    async (channel: 'kitchen:bump' | 'kitchen:recall', ticket: KitchenTicket) => {
      setBusyOrderId(ticket.orderId)
      try {
        await pos.invoke(channel, { orderId: ticket.orderId })
        setMessage({
          kind: channel === 'kitchen:bump' ? 'bumped' : 'recalled',
          orderNumber: ticket.orderNumber,
        })
      } catch (error) {
        setMessage({ kind: 'failed', reason: errorMessage(error) })
      } finally {
        setBusyOrderId(null)
        reload()
      }
    },
    [reload],
  )
  const bump = useCallback((ticket: KitchenTicket) => void act('kitchen:bump', ticket), [act])
  const recall = useCallback((ticket: KitchenTicket) => void act('kitchen:recall', ticket), [act])
  const lastBumped = bumped[0] ?? null

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return
      if (event.ctrlKey || event.metaKey || event.altKey || busyOrderId) return
      const position = Number(event.key)
      if (Number.isInteger(position) && position >= 1 && position <= 9) {
        const ticket = open[position - 1]
        if (ticket) {
          event.preventDefault()
          bump(ticket)
        }
      } else if (event.key.toLowerCase() === 'r' && lastBumped) {
        event.preventDefault()
        recall(lastBumped)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open, lastBumped, busyOrderId, bump, recall])

  return (
    <div className="page kitchen-page">
      <header className="kitchen-header">
        <div>
          <h2 className="page-title">{t('kitchen.title')}</h2>
          <p className="kitchen-count" role="status">
            {t('kitchen.openCount', { count: open.length })}
          </p>
        </div>
        <p className="kitchen-hint">{t('kitchen.bumpHint')}</p>
        <button
          type="button"
          className="button button-secondary kitchen-recall-last"
          disabled={!lastBumped || busyOrderId !== null}
          aria-label={
            lastBumped
              ? t('kitchen.recallLastLabel', { number: lastBumped.orderNumber })
              : t('kitchen.recallLast')
          }
          onClick={() => lastBumped && recall(lastBumped)}
        >
          {t('kitchen.recallLast')}
        </button>
      </header>
      {message?.kind === 'failed' ? (
        <p className="kitchen-message kitchen-message-error" role="alert">
          {t('kitchen.actionFailed', { reason: message.reason })}
        </p>
      ) : (
        message && (
          <p className="kitchen-message" role="status">
            {t(message.kind === 'bumped' ? 'kitchen.bumped' : 'kitchen.recalled', {
              number: message.orderNumber,
            })}
          </p>
        )
      )}
      {tickets.error && (
        <ErrorAlert message={t('kitchen.loadFailed', { reason: tickets.error })} onRetry={reload} />
      )}
      {tickets.data === null ? (
        !tickets.error && <p className="page-loading">{t('kitchen.loading')}</p>
      ) : open.length === 0 ? (
        <p className="kitchen-empty">{t('kitchen.empty')}</p>
      ) : (
        <ul className="kitchen-tickets" aria-label={t('kitchen.title')}>
          {open.map((ticket, index) => (
            <KitchenTicketCard
              key={ticket.orderId}
              ticket={ticket}
              position={index + 1}
              nowMs={nowMs}
              isBusy={busyOrderId !== null}
              onBump={bump}
            />
          ))}
        </ul>
      )}
      <details className="kitchen-bumped">
        <summary>{t('kitchen.recentlyBumped')}</summary>
        {bumped.length === 0 ? (
          <p>{t('kitchen.noneBumped')}</p>
        ) : (
          <ul>
            {bumped.map((ticket) => (
              <li key={ticket.orderId} className="kitchen-bumped-row">
                <bdi>{ticket.orderNumber}</bdi>
                <span className="kitchen-bumped-lines">
                  {ticket.lines.map((line) => `${line.quantity}× ${line.name}`).join(', ')}
                </span>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busyOrderId !== null}
                  aria-label={t('kitchen.recallLastLabel', { number: ticket.orderNumber })}
                  onClick={() => recall(ticket)}
                >
                  {t('kitchen.recall')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </details>
    </div>
  )
}
