import type { KitchenTicket } from '../../../../shared/ipc/displaySchemas'
import { useTranslation } from '../../i18n'
import { ticketUrgency, waitedText } from './ticketAge'

interface KitchenTicketCardProps {
  ticket: KitchenTicket
  /** Its place on screen (1–9 is its bump key). */
  position: number
  nowMs: number
  isBusy: boolean
  onBump: (ticket: KitchenTicket) => void
}

/** One order for the kitchen: its lines, how long it has waited, and Bump. */
export function KitchenTicketCard({
  ticket,
  position,
  nowMs,
  isBusy,
  onBump,
}: KitchenTicketCardProps) {
  const { t } = useTranslation('display')
  const ageMs = nowMs - Date.parse(ticket.arrivedAt)
  const waited = waitedText(ageMs)
  const titleId = `kitchen-ticket-${ticket.orderId}`
  return (
    <li
      className="kitchen-ticket"
      data-urgency={ticketUrgency(ageMs)}
      data-testid="kitchen-ticket"
      aria-labelledby={titleId}
    >
      <header className="kitchen-ticket-header">
        <h3 id={titleId} className="kitchen-ticket-number">
          {position <= 9 && (
            <kbd className="kitchen-ticket-key" aria-hidden="true">
              {position}
            </kbd>
          )}
          <bdi>{ticket.orderNumber}</bdi>
        </h3>
        <span
          className="kitchen-ticket-timer"
          data-testid="kitchen-timer"
          role="timer"
          aria-label={t('kitchen.ticketLabel', { number: ticket.orderNumber, age: waited })}
        >
          <bdi>{waited}</bdi>
        </span>
      </header>
      {ticket.registerCode && (
        <p className="kitchen-ticket-from">
          {t('kitchen.fromRegister', { code: ticket.registerCode })}
        </p>
      )}
      <ul className="kitchen-ticket-lines">
        {ticket.lines.map((line) => (
          <li key={line.lineNumber} className="kitchen-ticket-line">
            <span className="kitchen-ticket-quantity">{line.quantity}×</span>
            <span className="kitchen-ticket-name">
              <bdi>{line.name}</bdi>
              {line.variantName && <small>{line.variantName}</small>}
              {line.options.map((option) => (
                <small key={option}>+ {option}</small>
              ))}
              {line.note && <em>{t('kitchen.note', { note: line.note })}</em>}
            </span>
          </li>
        ))}
      </ul>
      {ticket.note && (
        <p className="kitchen-ticket-note">{t('kitchen.note', { note: ticket.note })}</p>
      )}
      <button
        type="button"
        className="button kitchen-ticket-bump"
        disabled={isBusy}
        aria-label={t('kitchen.bumpLabel', { number: ticket.orderNumber })}
        onClick={() => onBump(ticket)}
      >
        {t('kitchen.bump')}
      </button>
    </li>
  )
}
