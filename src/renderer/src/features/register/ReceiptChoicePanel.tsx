import { useEffect, useId, useRef } from 'react'
import type { ReceiptChoice } from '../../../../shared/ipc'
import { useTranslation } from '../../i18n'
import { emailStatusText } from '../orders/emailStatus'
import { useReceiptChoice, type ReceiptOutcome } from './useReceiptChoice'

interface ReceiptChoicePanelProps {
  orderId: string
  remembered: ReceiptChoice
  customerEmail: string | null
  /** The choice is made: focus goes on to New sale. */
  onDone: () => void
}

const choices: ReceiptChoice[] = ['print', 'email', 'none']

/**
 * Print, E-mail or No receipt, the register's last choice selected and focused, so one tap or
 * Enter confirms it; E-mail asks for the address (the customer's, when one is attached).
 */
export function ReceiptChoicePanel(props: ReceiptChoicePanelProps) {
  const { t } = useTranslation('receipts')
  const state = useReceiptChoice(props.orderId, props.remembered, props.customerEmail)
  const { selected, outcome } = state
  const groupId = useId()
  const errorId = useId()
  const selectedRef = useRef<HTMLButtonElement>(null)
  const addressRef = useRef<HTMLInputElement>(null)
  const isOpen = outcome.type === 'open' || outcome.type === 'sending'
  const isAsking = isOpen && selected === 'email'
  const { onDone } = props

  // At first the remembered choice has focus: Enter confirms it (or, for e-mail, the address).
  // Deferred: the register hands focus to its search box as the payment dialog goes away.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if (props.remembered === 'email') addressRef.current?.focus()
      else selectedRef.current?.focus()
    }, 0)
    return () => window.clearTimeout(timer)
  }, [props.remembered])

  useEffect(() => {
    if (!isOpen) onDone()
  }, [isOpen, onDone])

  return (
    <div className="receipt-choice" role="group" aria-labelledby={groupId}>
      <span id={groupId} className="receipt-choice-label">
        {t('endOfSale.receipt')}
      </span>
      <div className="receipt-choice-buttons">
        {choices.map((choice) => (
          <button
            key={choice}
            ref={choice === selected ? selectedRef : undefined}
            type="button"
            className={`button receipt-choice-button${choice === selected ? ' is-selected' : ''}`}
            aria-pressed={choice === selected}
            disabled={outcome.type === 'sending'}
            data-testid={`receipt-choice-${choice}`}
            onClick={() => {
              state.pick(choice)
              if (choice === 'email') window.setTimeout(() => addressRef.current?.focus(), 0)
            }}
          >
            {t(`endOfSale.${choice}`)}
          </button>
        ))}
      </div>

      {isAsking && (
        <form
          className="receipt-choice-email"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            state.sendEmail()
          }}
        >
          <input
            ref={addressRef}
            aria-label={t('endOfSale.address')}
            className="field-input"
            type="email"
            inputMode="email"
            autoComplete="off"
            placeholder={t('endOfSale.address')}
            value={state.address}
            aria-invalid={state.error !== null}
            aria-describedby={state.error ? errorId : undefined}
            onChange={(event) => state.setAddress(event.target.value)}
          />
          <button
            type="submit"
            className="button button-secondary"
            disabled={outcome.type === 'sending'}
          >
            {t('endOfSale.send')}
          </button>
        </form>
      )}

      {state.error && (
        <p id={errorId} className="receipt-choice-error" role="alert">
          {state.error}
        </p>
      )}
      <p className="receipt-choice-status" role="status" data-testid="receipt-choice-status">
        <OutcomeText outcome={outcome} />
      </p>
    </div>
  )
}

function OutcomeText({ outcome }: { outcome: ReceiptOutcome }) {
  const { t } = useTranslation('receipts')
  switch (outcome.type) {
    case 'open':
      return null
    case 'sending':
      return t('endOfSale.sending')
    case 'printed':
      return outcome.hasReceiptPrinter ? t('endOfSale.printing') : t('endOfSale.noPrinter')
    case 'emailed':
      return emailStatusText(outcome.email, t)
    case 'none':
      return t('endOfSale.noReceipt')
  }
}
